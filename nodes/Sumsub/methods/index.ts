import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { levels } from '../transport/applicants';

export const loadOptions = {
	/** The account's verification levels; a level is named by its name. */
	async getLevels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return (await levels(this)).map((name) => ({ name, value: name }));
	},
};
