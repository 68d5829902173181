import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { simplifyProperty } from '../../../shared/descriptions';
import { itemParameters } from '../../../shared/validation';
import { offerIdOf, offerLocator } from '../../helpers/locators';
import { simplifyOffer } from '../../helpers/simplify';
import { recordWithId, recruiteeGet } from '../../transport';

const properties: INodeProperties[] = [
	offerLocator('offerId', 'The job or talent pool to get', true),
	simplifyProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['offer'], operation: ['get'] } },
	properties,
);

const response = z.object({ offer: recordWithId });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { simplify } = itemParameters(
		this,
		itemIndex,
		z.object({ simplify: z.boolean() }),
		{ simplify: true },
		{ simplify: 'Simplify' },
	);
	const id = await offerIdOf(this, this.getNodeParameter('offerId', itemIndex), itemIndex, true);
	const { offer } = await recruiteeGet(this, {
		path: `/offers/${id}`,
		schema: response,
		itemIndex,
		notFound: `No offer with ID ${id} in this company`,
	});
	return [simplify ? simplifyOffer(offer) : offer];
}
