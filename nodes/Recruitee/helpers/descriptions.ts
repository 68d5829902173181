import type { INodeProperties } from 'n8n-workflow';

/** "Created After" / "Created Before" filters (names `from` and `to`), sent as epoch seconds. */
export function createdRangeOptions(what: string): INodeProperties[] {
	return [
		{
			displayName: 'Created After',
			name: 'from',
			type: 'dateTime',
			default: '',
			description: `Only ${what} created at or after this moment (the workflow's timezone applies to dates without one)`,
		},
		{
			displayName: 'Created Before',
			name: 'to',
			type: 'dateTime',
			default: '',
			description: `Only ${what} created at or before this moment`,
		},
	];
}

export const filtersJsonProperty: INodeProperties = {
	displayName: 'Filters (JSON)',
	name: 'filtersJson',
	type: 'json',
	default: '',
	placeholder: '[{"field":"all","query":"designer"}]',
	description:
		'More filter objects in Recruitee’s filters_json syntax, added after the ones above. A JSON array of objects.',
};

/** Hidden-parameter values of the operations that take Filters (JSON). */
export const FILTERED_LIST_FALLBACKS = { filtersJson: '', simplify: true };
