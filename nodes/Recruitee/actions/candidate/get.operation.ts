import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { collection, simplifyProperty } from '../../../shared/descriptions';
import {
	httpSettingsOf,
	RELIABILITY_LABELS,
	reliabilityOptions,
	reliabilitySchema,
} from '../../../shared/reliability';
import { itemParameters } from '../../../shared/validation';
import { candidateIdOf, candidateLocator } from '../../helpers/locators';
import { simplifyCandidate } from '../../helpers/simplify';
import { recordWithId, recruiteeGet, references } from '../../transport';

const properties: INodeProperties[] = [
	candidateLocator,
	{
		displayName: 'Include References',
		name: 'includeReferences',
		type: 'boolean',
		default: false,
		description:
			'Whether to add the offers, stages and admins the candidate refers to, as a "references" list',
	},
	collection('options', reliabilityOptions),
	simplifyProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['candidate'], operation: ['get'] } },
	properties,
);

const parameters = z.object({
	includeReferences: z.boolean(),
	options: z.object(reliabilitySchema),
	simplify: z.boolean(),
});

const response = z.object({ candidate: recordWithId, references });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const id = candidateIdOf(this, this.getNodeParameter('candidateId', itemIndex), itemIndex);
	const p = itemParameters(
		this,
		itemIndex,
		parameters,
		{ includeReferences: false, options: {}, simplify: true },
		{ includeReferences: 'Include References', simplify: 'Simplify', ...RELIABILITY_LABELS },
	);
	const body = await recruiteeGet(this, {
		path: `/candidates/${id}`,
		schema: response,
		itemIndex,
		notFound: `No candidate with ID ${id} in this company`,
		http: httpSettingsOf(p.options),
	});
	const record = p.simplify ? simplifyCandidate(body.candidate) : { ...body.candidate };
	if (p.includeReferences) record.references = body.references ?? [];
	return [record];
}
