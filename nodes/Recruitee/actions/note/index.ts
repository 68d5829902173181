import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as create from './create.operation';
import * as getAll from './getAll.operation';

export { create, getAll };

export const description: INodeProperties[] = [
	operationProperty(
		'note',
		[
			{
				name: 'Create',
				value: 'create',
				description:
					'Leave a note on a candidate (plain text, shown to the whole team or only to the token’s user). Returns the note.',
				action: 'Create a note',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the notes on a candidate, newest first. Returns one item per note.',
				action: 'Get many notes',
			},
		],
		'create',
	),
	...create.description,
	...getAll.description,
];
