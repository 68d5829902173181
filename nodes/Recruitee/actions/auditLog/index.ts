import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['auditLog'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List who did what in the company account (last 30 days)',
				action: 'Get many audit log events',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
