import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { collection, simplifyProperty } from '../../shared/descriptions';
import {
	httpSettingsOf,
	RELIABILITY_LABELS,
	reliabilityOptions,
	reliabilitySchema,
} from '../../shared/reliability';
import type { FieldLabels } from '../../shared/validation';
import { itemParameters } from '../../shared/validation';
import { candidateIdOf, candidateLocator, offerIdOf, offerLocator } from './locators';
import type { Reads } from './lookups';
import { candidateById } from './lookups';
import { candidateOutput } from './writes';

/**
 * What the write operations on one candidate share: the Candidate (and, on an offer, the Offer)
 * pickers, their own parameters, Options and Simplify; checking it all before any request; and
 * outputting the candidate as it is after the write.
 */

export interface CandidateOperationSpec<S extends z.ZodRawShape> {
	/** Default 'candidate'. */
	resource?: string;
	/** Whether the output is a candidate, with the Simplify switch (default true). */
	outputsCandidate?: boolean;
	operation: string;
	/** Whether the operation acts on the candidate's placement on an offer. */
	onOffer: boolean;
	/** The operation's own parameters, shown between the pickers and Options. */
	properties?: INodeProperties[];
	/** Their checks, and the values n8n gives when they are hidden. */
	schema?: S;
	fallbacks?: Record<string, unknown>;
	labels?: FieldLabels;
}

export interface Target<P> {
	candidateId: number;
	offerId: number;
	/** The operation's own parameters, checked. */
	p: P;
	reads: Reads;
	simplify: boolean;
}

const common = z.object({ options: z.object(reliabilitySchema), simplify: z.boolean() });

export function candidateOperationDescription<S extends z.ZodRawShape>(
	spec: CandidateOperationSpec<S>,
	candidateHelp: string,
): INodeProperties[] {
	const resource = spec.resource ?? 'candidate';
	return updateDisplayOptions({ show: { resource: [resource], operation: [spec.operation] } }, [
		{ ...candidateLocator, description: candidateHelp },
		...(spec.onOffer
			? [offerLocator('offerId', 'The job or talent pool the candidate is on', true)]
			: []),
		...(spec.properties ?? []),
		collection('options', reliabilityOptions),
		...(spec.outputsCandidate === false ? [] : [simplifyProperty]),
	]);
}

/**
 * Runs one item of a candidate operation: the parameters checked (pickers included) before `act`
 * makes any request. Its output: what `act` returns (a record or a list), else the candidate as it
 * is after the write.
 */
export async function runCandidateOperation<S extends z.ZodRawShape>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	spec: CandidateOperationSpec<S>,
	act: (target: Target<z.infer<z.ZodObject<S>>>) => Promise<IDataObject | IDataObject[] | void>,
): Promise<IDataObject[]> {
	const { options, simplify } = itemParameters(
		ctx,
		itemIndex,
		common,
		{ options: {}, simplify: true },
		{ simplify: 'Simplify', ...RELIABILITY_LABELS },
	);
	const p: z.infer<z.ZodObject<S>> = itemParameters(
		ctx,
		itemIndex,
		z.object(spec.schema ?? ({} as S)),
		spec.fallbacks ?? {},
		spec.labels ?? {},
	);
	const http = httpSettingsOf(options);
	const reads: Reads = { itemIndex, http };
	const candidateId = candidateIdOf(ctx, ctx.getNodeParameter('candidateId', itemIndex), itemIndex);
	const offerId = spec.onOffer
		? await offerIdOf(ctx, ctx.getNodeParameter('offerId', itemIndex, ''), itemIndex, true, http)
		: 0;
	const result = await act({ candidateId, offerId, p, reads, simplify });
	if (Array.isArray(result)) return result;
	if (result) return [result];
	return [candidateOutput(await candidateById(ctx, candidateId, reads), simplify)];
}
