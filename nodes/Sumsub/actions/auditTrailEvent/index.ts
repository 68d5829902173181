import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['auditTrailEvent'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					'Get audit trail events: who in your team viewed, changed, downloaded or exported applicant data',
				action: 'Get many audit trail events',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
