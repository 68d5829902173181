import type { INodeProperties } from 'n8n-workflow';

import * as candidates from './candidates.operation';

export { candidates };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['search'] } },
		options: [
			{
				name: 'Search Candidates',
				value: 'candidates',
				description: 'Search candidates with filters (status, offers, stages, tags, dates, text)',
				action: 'Search candidates',
			},
		],
		default: 'candidates',
	},
	...candidates.description,
];
