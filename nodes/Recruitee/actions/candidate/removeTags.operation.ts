import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { tagsOperation } from '../../helpers/tags';

const operation = tagsOperation('removeTags');

export const description = operation.description;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await operation.execute(this, itemIndex);
}
