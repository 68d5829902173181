import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	operationProperty(
		'auditLog',
		[
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					'List who did what in the company account (last 30 days; needs an admin token), optionally by date, actor or text. Returns one item per event, newest first, up to Limit (50 by default).',
				action: 'Get many audit log events',
			},
		],
		'getAll',
	),
	...getAll.description,
];
