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
import { offerIdOf, offerLocator } from '../../helpers/locators';
import { simplifyOffer } from '../../helpers/simplify';
import { recordWithId, recruiteeGet } from '../../transport';

const properties: INodeProperties[] = [
	offerLocator('offerId', 'The job or talent pool to get', true),
	collection('options', reliabilityOptions),
	simplifyProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['offer'], operation: ['get'] } },
	properties,
);

const response = z.object({ offer: recordWithId });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { simplify, options } = itemParameters(
		this,
		itemIndex,
		z.object({ options: z.object(reliabilitySchema), simplify: z.boolean() }),
		{ options: {}, simplify: true },
		{ simplify: 'Simplify', ...RELIABILITY_LABELS },
	);
	const http = httpSettingsOf(options);
	const raw = this.getNodeParameter('offerId', itemIndex);
	const id = await offerIdOf(this, raw, itemIndex, true, http);
	const { offer } = await recruiteeGet(this, {
		path: `/offers/${id}`,
		schema: response,
		itemIndex,
		notFound: `No offer with ID ${id} in this company`,
		http,
	});
	return [simplify ? simplifyOffer(offer) : offer];
}
