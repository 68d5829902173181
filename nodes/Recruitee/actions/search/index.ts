import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as candidates from './candidates.operation';

export { candidates };

export const description: INodeProperties[] = [
	operationProperty(
		'search',
		[
			{
				name: 'Search Candidates',
				value: 'candidates',
				description: 'Search candidates with filters (status, offers, stages, tags, dates, text)',
				action: 'Search candidates',
			},
		],
		'candidates',
	),
	...candidates.description,
];
