import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	operationProperty(
		'auditTrailEvent',
		[
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					'Get audit trail events: who in your team viewed, changed, downloaded or exported applicant data, optionally by activity, team member and time window (default: since yesterday). Returns one item per event, up to Limit (50 by default).',
				action: 'Get many audit trail events',
			},
		],
		'getAll',
	),
	...getAll.description,
];
