import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import {
	httpCodeOf,
	isUncertainWrite,
	lookAfterWrite,
	lookedFor,
	retriedAfter503,
	saidOf,
	settled,
} from '../../../shared/api';
import { collection } from '../../../shared/descriptions';
import type { RetryPolicy } from '../../../shared/http';
import { DEFAULT_RETRY_POLICY } from '../../../shared/http';
import {
	httpSettingsOf,
	RELIABILITY_LABELS,
	reliabilityOptions,
	reliabilitySchema,
} from '../../../shared/reliability';
import { itemParameters, itemSuffix } from '../../../shared/validation';
import {
	externalUserIdSchema,
	FIXED_INFO_LABELS,
	fixedInfoBody,
	fixedInfoProperty,
	fixedInfoSchema,
	levelName,
	levelProperty,
	metadataProperty,
	metadataSchema,
	optionalEmail,
	optionalPhone,
} from '../../helpers/applicants';
import type { Applicant, Calls } from '../../transport/applicants';
import { createApplicant, findApplicant } from '../../transport/applicants';

const properties: INodeProperties[] = [
	levelProperty,
	{
		displayName: 'External User ID',
		name: 'externalUserId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'recruitee-47628534',
		description:
			'Your own unique ID for this person (a Recruitee candidate ID, say). Sumsub keeps one applicant per External User ID, which makes running a workflow again safe.',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		default: '',
		placeholder: 'ann@example.com',
	},
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		default: '',
		placeholder: '+49 30 1234567',
	},
	fixedInfoProperty,
	metadataProperty,
	{
		displayName: 'If the External User ID Exists',
		name: 'ifExists',
		type: 'options',
		default: 'returnExisting',
		description: 'What to do when Sumsub already has an applicant with this External User ID',
		options: [
			{
				name: 'Return Existing',
				value: 'returnExisting',
				description: 'Output the existing applicant and change nothing',
			},
			{
				name: 'Fail',
				value: 'fail',
				description: 'Stop with an error naming the existing applicant',
			},
		],
	},
	collection('options', reliabilityOptions),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['applicant'], operation: ['create'] } },
	properties,
);

const parameters = z.object({
	levelName,
	externalUserId: externalUserIdSchema('is empty: give your own unique ID for this person'),
	email: optionalEmail,
	phone: optionalPhone,
	fixedInfo: fixedInfoSchema,
	metadata: metadataSchema,
	ifExists: z.enum(['returnExisting', 'fail']),
	options: z.object(reliabilitySchema),
});

const LABELS = {
	levelName: 'Level Name',
	externalUserId: 'External User ID',
	email: 'Email',
	phone: 'Phone',
	...FIXED_INFO_LABELS,
	metadata: 'Metadata',
	key: 'Key',
	ifExists: 'If the External User ID Exists',
	...RELIABILITY_LABELS,
};

/** Sumsub's answer to a second applicant with the same External User ID (409, or 400 saying so). */
const isDuplicate = (error: unknown) => {
	const code = httpCodeOf(error);
	return code === '409' || (code === '400' && /already exist/i.test(saidOf(error)));
};

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const p = itemParameters(
		this,
		itemIndex,
		parameters,
		{
			levelName: '',
			externalUserId: '',
			email: '',
			phone: '',
			fixedInfo: {},
			metadata: {},
			ifExists: 'returnExisting',
			options: {},
		},
		LABELS,
	);
	const calls: Calls = { itemIndex, http: httpSettingsOf(p.options) };
	const input = {
		levelName: p.levelName,
		externalUserId: p.externalUserId,
		...(p.email ? { email: p.email } : {}),
		...(p.phone ? { phone: p.phone } : {}),
		...(fixedInfoBody(p.fixedInfo) ? { fixedInfo: fixedInfoBody(p.fixedInfo) } : {}),
		...(p.metadata.pairs?.length ? { metadata: p.metadata.pairs } : {}),
	};
	const existing = (applicant: Applicant): IDataObject[] => {
		if (p.ifExists === 'returnExisting') return [applicant];
		throw new NodeOperationError(
			this.getNode(),
			`Sumsub already has an applicant with the External User ID "${p.externalUserId}": ${applicant.id}${itemSuffix(itemIndex)}`,
			{
				itemIndex,
				description:
					'Nothing was created. To use the existing applicant, set "If the External User ID Exists" to Return Existing.',
			},
		);
	};
	// Sumsub keeps one applicant per External User ID: a create is sent, and refused if there is one.
	// After an answer that leaves it open, the External User ID tells whether it was created; not
	// found, the create is sent again (Sumsub refuses a second one), within Max Retries and Max Retry
	// Time since the first attempt, as the transport retries a request.
	const retry = calls.http?.retry ?? DEFAULT_RETRY_POLICY;
	const started = Date.now();
	const find = async () => await findApplicant(this, p.externalUserId, calls);
	/** The error of an earlier attempt that may have created the applicant. */
	let unclear: unknown;
	for (let attempt = 0; ; attempt++) {
		const elapsed = Date.now() - started;
		// A create sent again keeps to what is left of Max Retry Time for its own retries.
		const http = calls.http && {
			...calls.http,
			retry: { ...retry, maxTotalMs: Math.max(0, retry.maxTotalMs - elapsed) },
		};
		const outcome = await settled(createApplicant(this, input, { ...calls, http }, p.ifExists));
		if ('value' in outcome) return [outcome.value];
		const { error } = outcome;
		if (unclear instanceof NodeApiError && !isUncertainWrite(error)) {
			// An earlier attempt of this run may have made it: the applicant, or that attempt's error
			// (the one that says so), with what the create sent again got.
			unclear.description = `${unclear.description ?? ''} Not found by its External User ID, the create was sent again (Sumsub refuses a second applicant with it): ${
				isDuplicate(error)
					? 'Sumsub refused it as a duplicate'
					: `that failed (${error instanceof Error ? error.message : String(error)})`
			}.`;
			const found = await lookAfterWrite(unclear, find, 'no applicant with this External User ID');
			return existingAfterUncertain(this, found, p.ifExists, itemIndex, EARLIER_LOST);
		}
		if (isDuplicate(error)) {
			const found = await find();
			if (!found) throw error;
			if (retriedAfter503(error)) {
				return existingAfterUncertain(this, found, p.ifExists, itemIndex, EARLIER_503);
			}
			return existing(found);
		}
		if (retriedAfter503(error) && error instanceof NodeApiError) {
			// Failed otherwise after an attempt answered 503 and sent again: that attempt may have
			// created the applicant (the transport does not send it again past Max Retries).
			const look = await settled(find());
			if ('value' in look && look.value) {
				return existingAfterUncertain(this, look.value, p.ifExists, itemIndex, EARLIER_503_FAILED);
			}
			error.description = `${error.description ?? ''} ${EARLIER_503_AGAIN}; ${MAY_503}, so the applicant may have been created. Looked for it by its External User ID afterwards: ${lookedFor(look, 'not found yet')}. Check in Sumsub before running this item again.`;
			throw error;
		}
		const found = await lookAfterWrite(
			error,
			async () => {
				const applicant = await find();
				if (applicant) return applicant;
				return stopReason(attempt, started, retry) === undefined ? NOT_FOUND : undefined;
			},
			`no applicant with this External User ID yet, and the create was not sent again: ${stopReason(attempt, started, retry) ?? timeUp(retry)}`,
		);
		if (found === NOT_FOUND) {
			unclear = error;
			continue;
		}
		// Found: this very create went through (Fail mode cannot tell it from an older one: it says so).
		return existingAfterUncertain(this, found, p.ifExists, itemIndex, ANSWER_LOST);
	}
}

/** The look-up found nothing, and the create may be sent again. */
const NOT_FOUND = Symbol('not found');

/** Why the create is not sent again after `attempt` (0 = the first), or undefined if it may be. */
function stopReason(attempt: number, started: number, retry: RetryPolicy): string | undefined {
	if (attempt >= retry.maxRetries) return `Max Retries (${retry.maxRetries}) reached`;
	if (Date.now() - started >= retry.maxTotalMs) return timeUp(retry);
	return undefined;
}

const timeUp = (retry: RetryPolicy) =>
	`Max Retry Time (${retry.maxTotalMs / 1000} s) has passed since the first attempt`;

const ANSWER_LOST = 'The create got no clear answer';
const EARLIER_LOST = 'An earlier attempt of this create got no clear answer';
const EARLIER_503_AGAIN =
	'Sumsub answered an earlier attempt of this create with HTTP 503 (unavailable) and it was sent again';
const MAY_503 = 'a server that failed after creating it may answer 503 too';
const EARLIER_503 = `${EARLIER_503_AGAIN}, then refused as a duplicate; ${MAY_503}`;
const EARLIER_503_FAILED = `${EARLIER_503_AGAIN}, and failed then; ${MAY_503}`;

/**
 * The applicant found after a create whose outcome was unclear: the result (Return Existing), or in
 * Fail mode an error that says this run may have created it, never "Nothing was created".
 */
function existingAfterUncertain(
	ctx: IExecuteFunctions,
	found: Applicant,
	ifExists: 'returnExisting' | 'fail',
	itemIndex: number,
	why: string,
): IDataObject[] {
	if (ifExists === 'returnExisting') return [found];
	throw new NodeOperationError(
		ctx.getNode(),
		`Sumsub has an applicant with this External User ID (${found.id}), and may have created it just now${itemSuffix(itemIndex)}`,
		{
			itemIndex,
			description: `${why}, so the node cannot tell whether the applicant is the one this run created or an older one. Check it in Sumsub; with "If the External User ID Exists" set to Return Existing the item would have succeeded.`,
		},
	);
}
