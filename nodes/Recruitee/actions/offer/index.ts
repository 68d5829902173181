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
				description:
					'Get one job or talent pool by ID or URL. Returns the offer: title, status, location, and its candidate counts.',
				action: 'Get an offer',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					'List jobs and talent pools, optionally only active, archived or published ones. Returns one item per offer, up to Limit (50 by default).',
				action: 'Get many offers',
			},
		],
		'getAll',
	),
	...get.description,
	...getAll.description,
];
