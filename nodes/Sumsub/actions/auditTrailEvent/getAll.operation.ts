import { DateTime } from 'luxon';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { checkRange, optionalDate } from '../../../shared/dates';
import { collection, pageSizeOption, returnAllAndLimit } from '../../../shared/descriptions';
import {
	httpSettingsOf,
	RELIABILITY_LABELS,
	reliabilityOptions,
	reliabilitySchema,
} from '../../../shared/reliability';
import {
	itemParameters,
	LIST_FALLBACKS,
	returnAllLimit,
	urlText,
	wantedCount,
} from '../../../shared/validation';
import { ACTIVITIES, internTable, normalizeEvent } from '../../helpers/events';
import type { AuditTrailQuery } from '../../transport/auditTrail';
import {
	LEGACY_MAX_PAGE,
	legacyEvents,
	LIST_MAX_PAGE,
	listEvents,
} from '../../transport/auditTrail';

const properties: INodeProperties[] = [
	{
		displayName: 'Source',
		name: 'endpoint',
		type: 'options',
		default: 'legacy',
		description:
			"Which of Sumsub's two audit trail endpoints to read. Both are paid features that Sumsub may need to enable for the account; they differ in order, page size, IDs and paging.",
		options: [
			{
				name: 'Audit Trail Events',
				value: 'legacy',
				description:
					'GET /resources/auditTrailEvents: newest first, pages of up to 20,000 by offset, events without IDs',
			},
			{
				name: 'Audit Trail Events List',
				value: 'list',
				description:
					'GET /resources/auditTrailEvents/list: oldest first by event ID, pages of up to 1,000 by forward marker, events with IDs',
			},
		],
	},
	...returnAllAndLimit(),
	collection('filters', [
		{
			displayName: 'Activity',
			name: 'activity',
			type: 'options',
			default: 'subject:loaded:applicant',
			description:
				'Only events of this type. Any other activity type can be given with an expression.',
			options: ACTIVITIES,
		},
		{
			displayName: 'From',
			name: 'from',
			type: 'dateTime',
			default: '',
			description:
				'Only events at or after this moment (sent in UTC; the workflow timezone applies to dates without one). Without it Sumsub starts from yesterday.',
		},
		{
			displayName: 'Subject Name',
			name: 'subjectName',
			type: 'string',
			default: '',
			placeholder: 'alice@example.com',
			description: 'Only events by this team member (the subject who acted)',
		},
		{
			displayName: 'To',
			name: 'to',
			type: 'dateTime',
			default: '',
			description:
				'Only events at or before this moment (its whole second). Without it: up to the last whole second before the run.',
		},
	]),
	collection('options', [
		{
			displayName: 'Empty Fields as Null',
			name: 'emptyAsNull',
			type: 'boolean',
			default: false,
			description:
				'Whether to output null instead of "" for fields an event does not have (Sumsub sends "")',
		},
		pageSizeOption(LEGACY_MAX_PAGE, LEGACY_MAX_PAGE),
		...reliabilityOptions,
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['auditTrailEvent'], operation: ['getAll'] } },
	properties,
);

const parameters = (timezone: string) =>
	z
		.object({
			endpoint: z.enum(['legacy', 'list']),
			...returnAllLimit,
			filters: z
				.object({
					activity: urlText().optional(),
					subjectName: urlText().optional(),
					from: optionalDate(timezone),
					to: optionalDate(timezone),
				})
				.superRefine((f, ctx) => checkRange(f, ctx, 'from', 'To')),
			options: z.object({
				...reliabilitySchema,
				emptyAsNull: z.boolean().optional(),
				pageSize: z.number().int().min(1).max(LEGACY_MAX_PAGE).optional(),
			}),
		})
		.superRefine((p, ctx) => {
			const size = p.options.pageSize;
			if (p.endpoint === 'list' && size !== undefined && size > LIST_MAX_PAGE) {
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					path: ['options', 'pageSize'],
					message: `must be at most ${LIST_MAX_PAGE} with the list endpoint`,
				});
			}
		});

const LABELS = {
	...RELIABILITY_LABELS,
	endpoint: 'Source',
	returnAll: 'Return All',
	limit: 'Limit',
	activity: 'Activity',
	subjectName: 'Subject Name',
	from: 'From',
	to: 'To',
	emptyAsNull: 'Empty Fields as Null',
	pageSize: 'Page Size',
};

const sumsubTime = (date: DateTime): string => date.toUTC().toFormat('yyyy-MM-dd HH:mm:ss');

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const p = itemParameters(
		this,
		itemIndex,
		parameters(this.getTimezone()),
		{
			endpoint: 'legacy',
			...LIST_FALLBACKS,
		},
		LABELS,
	);
	const { filters } = p;
	const emptyAsNull = p.options.emptyAsNull ?? false;
	const query: AuditTrailQuery = {
		subjectName: filters.subjectName || undefined,
		activity: filters.activity || undefined,
		from: filters.from ? sumsubTime(filters.from) : undefined,
		to: filters.to ? sumsubTime(filters.to) : undefined,
	};
	// Pin the end of the window to the last whole second before now: on the legacy endpoint (newest
	// first, offsets) events arriving while paging cannot shift later pages; on the list endpoint the
	// reading has an end even where Sumsub ignores the filters next to a marker.
	const lastSecond = sumsubTime(DateTime.utc().minus({ seconds: 1 }));
	query.to = query.to && query.to < lastSecond ? query.to : lastSecond;
	// The events' repeated values, kept once for the whole reading.
	const intern = internTable();
	const reading = {
		limit: wantedCount(p),
		pageSize: p.options.pageSize ?? (p.endpoint === 'list' ? LIST_MAX_PAGE : LEGACY_MAX_PAGE),
		itemIndex,
		http: httpSettingsOf(p.options),
		shape: (event: IDataObject, tsIso: string | null) =>
			normalizeEvent(event, emptyAsNull, tsIso, intern),
	};
	return await (p.endpoint === 'list' ? listEvents : legacyEvents)(this, query, reading);
}
