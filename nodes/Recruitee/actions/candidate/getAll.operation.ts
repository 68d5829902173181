import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { optionalDate } from '../../../shared/dates';
import {
	collection,
	pageSizeOption,
	returnAllAndLimit,
	simplifyProperty,
} from '../../../shared/descriptions';
import {
	httpSettingsOf,
	RELIABILITY_LABELS,
	reliabilityOptions,
	reliabilitySchema,
} from '../../../shared/reliability';
import {
	itemParameters,
	LIST_FALLBACKS,
	numericIdList,
	returnAllLimit,
	readingOf,
} from '../../../shared/validation';
import { offerIdOf, offerLocator } from '../../helpers/locators';
import { simplifyCandidate } from '../../helpers/simplify';
import type { Selection } from '../../../shared/paging';
import type { RecordWithId } from '../../transport';
import { recordsWithId, recruiteeList } from '../../transport';

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	collection('filters', [
		{
			displayName: 'Candidate IDs',
			name: 'ids',
			type: 'string',
			default: '',
			placeholder: '47628534, 47318282',
			description: 'Only these candidates, by ID, separated by commas',
		},
		{
			displayName: 'Created After',
			name: 'createdAfter',
			type: 'dateTime',
			default: '',
			description:
				'Only candidates created after this moment (to the millisecond: a candidate’s own created_at leaves it out)',
		},
		offerLocator(
			'offerId',
			'Only candidates of this job or talent pool ("all candidates of an offer")',
			false,
		),
		{
			displayName: 'Query',
			name: 'query',
			type: 'string',
			default: '',
			description:
				'Recruitee’s search of candidates’ names and emails for this text. How it matches is Recruitee’s (it may also return candidates who match only in part).',
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			default: 'qualified',
			options: [
				{
					name: 'Disqualified',
					value: 'disqualified',
					description: 'Candidates disqualified in at least one job',
				},
				{
					name: 'Qualified',
					value: 'qualified',
					description: 'Candidates still qualified in at least one job',
				},
			],
		},
	]),
	collection('options', [
		pageSizeOption(100, 10000),
		{
			displayName: 'Sort',
			name: 'sort',
			type: 'options',
			default: 'by_date',
			options: [
				{ name: 'Newest First', value: 'by_date' },
				{ name: 'Latest Message First', value: 'by_last_message' },
			],
		},
		{
			displayName: 'With Messages',
			name: 'withMessages',
			type: 'boolean',
			default: false,
			description: 'Whether to include candidates’ messages counts',
		},
		{
			displayName: 'With My Messages',
			name: 'withMyMessages',
			type: 'boolean',
			default: false,
			description: 'Whether to include the counts of messages sent by the token’s user',
		},
		...reliabilityOptions,
	]),
	simplifyProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['candidate'], operation: ['getAll'] } },
	properties,
);

const parameters = (timezone: string) =>
	z.object({
		...returnAllLimit,
		filters: z.object({
			ids: numericIdList.optional(),
			createdAfter: optionalDate(timezone),
			query: z.string().optional(),
			status: z.enum(['qualified', 'disqualified']).optional(),
		}),
		options: z.object({
			...reliabilitySchema,
			pageSize: z.number().int().min(1).max(10000).default(100),
			sort: z.enum(['by_date', 'by_last_message']).optional(),
			withMessages: z.boolean().optional(),
			withMyMessages: z.boolean().optional(),
		}),
		simplify: z.boolean(),
	});

const LABELS = {
	...RELIABILITY_LABELS,
	returnAll: 'Return All',
	limit: 'Limit',
	ids: 'Candidate IDs',
	createdAfter: 'Created After',
	query: 'Query',
	status: 'Status',
	pageSize: 'Page Size',
	sort: 'Sort',
	withMessages: 'With Messages',
	withMyMessages: 'With My Messages',
	simplify: 'Simplify',
};

const page = z.object({ candidates: recordsWithId });

/**
 * Created After to the millisecond. `created_after` takes whole seconds, so Recruitee's answer can
 * hold candidates created earlier in that second, or in the very millisecond given (a candidate's
 * own `created_at`, which has microseconds): those are left out here. A candidate without a
 * readable `created_at` is kept, as Recruitee chose it.
 */
const createdAfter =
	(afterMs: number) =>
	(records: RecordWithId[]): Selection<RecordWithId> => ({
		records: records.filter((candidate) => {
			const created = Date.parse(String(candidate.created_at));
			return Number.isNaN(created) || created > afterMs;
		}),
	});

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const p = itemParameters(
		this,
		itemIndex,
		parameters(this.getTimezone()),
		{ ...LIST_FALLBACKS, simplify: true },
		LABELS,
	);
	const http = httpSettingsOf(p.options);
	const offerId = await offerIdOf(
		this,
		this.getNodeParameter('filters.offerId', itemIndex, ''),
		itemIndex,
		false,
		http,
	);
	const { filters, options } = p;
	const after = filters.createdAfter;
	const candidates = await recruiteeList(this, {
		path: '/candidates',
		query: {
			offer_id: offerId,
			created_after: after?.toFormat("yyyy-MM-dd'T'HH:mm:ss"),
			qualified: filters.status === 'qualified' ? true : undefined,
			disqualified: filters.status === 'disqualified' ? true : undefined,
			ids: filters.ids?.join(','),
			query: filters.query?.trim(),
			sort: options.sort,
			with_messages: options.withMessages || undefined,
			with_my_messages: options.withMyMessages || undefined,
		},
		style: 'offset',
		...readingOf(p, itemIndex),
		schema: page,
		extract: (body) => ({ records: body.candidates }),
		idOf: (candidate) => candidate.id,
		notFound: offerId === undefined ? undefined : `No offer with ID ${offerId} in this company`,
		select: after ? createdAfter(after.toMillis()) : undefined,
	});
	return p.simplify ? candidates.map(simplifyCandidate) : candidates;
}
