import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { get, getAll };

export const description: INodeProperties[] = [
	operationProperty(
		'offer',
		[
			{
				name: 'Get',
				value: 'get',
				description: 'Get a job or talent pool by ID',
				action: 'Get an offer',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List jobs and talent pools',
				action: 'Get many offers',
			},
		],
		'getAll',
	),
	...get.description,
	...getAll.description,
];
