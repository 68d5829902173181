import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['candidate'] } },
		options: [
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
		default: 'getAll',
	},
	...get.description,
	...getAll.description,
];
