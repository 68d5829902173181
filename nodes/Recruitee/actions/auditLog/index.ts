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
				description: 'List who did what in the company account (last 30 days)',
				action: 'Get many audit log events',
			},
		],
		'getAll',
	),
	...getAll.description,
];
