import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { get, getAll };

export const description: INodeProperties[] = [
	operationProperty(
		'candidate',
		[
			{
				name: 'Get',
				value: 'get',
				description: 'Get a candidate by ID, with every field',
				action: 'Get a candidate',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List candidates, optionally only those of one offer',
				action: 'Get many candidates',
			},
		],
		'getAll',
	),
	...get.description,
	...getAll.description,
];
