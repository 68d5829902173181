import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { checkRange, optionalDate } from '../../../shared/dates';
import {
	collection,
	pageSizeOption,
	returnAllAndLimit,
	simplifyProperty,
} from '../../../shared/descriptions';
import {
	RELIABILITY_LABELS,
	reliabilityOptions,
	reliabilitySchema,
} from '../../../shared/reliability';
import {
	itemParameters,
	jsonArrayOfObjects,
	LIST_FALLBACKS,
	returnAllLimit,
	stringList,
	readingOf,
} from '../../../shared/validation';
import {
	createdRangeOptions,
	FILTERED_LIST_FALLBACKS,
	filtersJsonProperty,
} from '../../helpers/descriptions';
import { auditLogFilters, filtersJson } from '../../helpers/filters';
import { simplifyAuditEntry } from '../../helpers/simplify';
import { auditEntries, recruiteeList } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName:
			'Recruitee keeps the audit log for 30 days, and only admins may read it. Dates are sent as epoch seconds.',
		name: 'auditLogNotice',
		type: 'notice',
		default: '',
	},
	...returnAllAndLimit(),
	collection('filters', [
		{
			displayName: 'Actor Is Any Of',
			name: 'actorIn',
			type: 'string',
			typeOptions: { multipleValues: true },
			default: [],
			placeholder: 'Ishwar Gautam',
			description: 'Only events by these actors (full names as Recruitee shows them, or "System")',
		},
		{
			displayName: 'Actor Is None Of',
			name: 'actorNotIn',
			type: 'string',
			typeOptions: { multipleValues: true },
			default: [],
			description: 'Leave out events by these actors',
		},
		...createdRangeOptions('events'),
		{
			displayName: 'Text',
			name: 'query',
			type: 'string',
			default: '',
			description: 'Free-text search over the events',
		},
	]),
	filtersJsonProperty,
	collection('options', [pageSizeOption(100, 1000), ...reliabilityOptions]),
	simplifyProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['auditLog'], operation: ['getAll'] } },
	properties,
);

const parameters = (timezone: string) =>
	z.object({
		...returnAllLimit,
		filters: z
			.object({
				actorIn: stringList.optional(),
				actorNotIn: stringList.optional(),
				query: z.string().optional(),
				from: optionalDate(timezone),
				to: optionalDate(timezone),
			})
			.superRefine((f, ctx) => checkRange(f, ctx, 'from', 'Created Before')),
		filtersJson: jsonArrayOfObjects,
		options: z.object({
			...reliabilitySchema,
			pageSize: z.number().int().min(1).max(1000).default(100),
		}),
		simplify: z.boolean(),
	});

const LABELS = {
	...RELIABILITY_LABELS,
	returnAll: 'Return All',
	limit: 'Limit',
	actorIn: 'Actor Is Any Of',
	actorNotIn: 'Actor Is None Of',
	query: 'Text',
	from: 'Created After',
	to: 'Created Before',
	filtersJson: 'Filters (JSON)',
	pageSize: 'Page Size',
	simplify: 'Simplify',
};

const page = z.object({
	entries: auditEntries,
	total: z.number().int().nonnegative().optional(),
});

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const p = itemParameters(
		this,
		itemIndex,
		parameters(this.getTimezone()),
		{ ...LIST_FALLBACKS, ...FILTERED_LIST_FALLBACKS },
		LABELS,
	);
	// Paging of the audit log is not documented: numbered pages, stopping on the total, an empty page
	// or (without a total) a short one; a page with nothing new is an error (see collectPages).
	const entries = await recruiteeList(this, {
		path: '/audit_log',
		query: {
			filters_json: filtersJson(auditLogFilters(p.filters), p.filtersJson),
		},
		style: 'page',
		...readingOf(p, itemIndex),
		schema: page,
		extract: (body) => ({ records: body.entries, total: body.total }),
		idOf: (e) => e._id,
	});
	return p.simplify ? entries.map(simplifyAuditEntry) : entries;
}
