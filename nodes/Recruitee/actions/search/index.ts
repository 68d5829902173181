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
				description:
					'Search candidates with filters (text, status, offers, stages, tags, scores, dates). Returns one item per candidate with their placements (offer title, stage name), up to Limit (50 by default).',
				action: 'Search candidates',
			},
		],
		'candidates',
	),
	...candidates.description,
];
