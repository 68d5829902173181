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
	numericIdList,
	returnAllLimit,
	stringList,
	readingOf,
} from '../../../shared/validation';
import {
	createdRangeOptions,
	FILTERED_LIST_FALLBACKS,
	filtersJsonProperty,
} from '../../helpers/descriptions';
import { filtersJson, searchFilters } from '../../helpers/filters';
import { simplifySearchHit } from '../../helpers/simplify';
import { recordsWithId, recruiteeList } from '../../transport';

/** Recruitee answers 500 to a search asking for more than this many hits at once. */
export const SEARCH_MAX_PAGE_SIZE = 10000;

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	collection(
		'filters',
		[
			{
				displayName: 'Assigned Admin IDs',
				name: 'assignedAdminIds',
				type: 'string',
				default: '',
				placeholder: '322453, 322454',
				description: 'Admins assigned to the candidate, by ID, separated by commas',
			},
			{
				displayName: 'Assigned Admins Match',
				name: 'assignedAdminsMatch',
				type: 'options',
				default: 'has_any',
				description: 'How Assigned Admin IDs must match',
				options: [
					{ name: 'Any of Them', value: 'has_any' },
					{ name: 'All of Them', value: 'has_all_of' },
					{ name: 'None of Them', value: 'has_none_of' },
				],
			},
			...createdRangeOptions('candidates'),
			{
				displayName: 'Max Average Score',
				name: 'maxAverageScore',
				type: 'number',
				default: 100,
				typeOptions: { minValue: 0, maxValue: 100 },
				description: 'Only candidates whose average evaluation score is at most this',
			},
			{
				displayName: 'Min Average Score',
				name: 'minAverageScore',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0, maxValue: 100 },
				description: 'Only candidates whose average evaluation score is at least this',
			},
			{
				displayName: 'Offer Names or IDs',
				name: 'offerIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getOffers' },
				default: [],
				description:
					'Candidates in any of these jobs or talent pools. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Stage Names',
				name: 'stageNames',
				type: 'string',
				default: '',
				placeholder: 'Applied, Phone interview',
				description: 'Candidates currently in any of these pipeline stages, separated by commas',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'multiOptions',
				default: [],
				description: 'Candidates with any of these statuses',
				options: [
					{ name: 'Disqualified', value: 'disqualified' },
					{ name: 'Hired', value: 'hired' },
					{ name: 'Qualified', value: 'qualified' },
				],
			},
			{
				displayName: 'Tag IDs',
				name: 'tagIds',
				type: 'string',
				default: '',
				placeholder: '12, 15',
				description: 'Candidates with any of these tags, by tag ID, separated by commas',
			},
			{
				displayName: 'Text',
				name: 'query',
				type: 'string',
				default: '',
				description: 'Free-text search over names, emails, CV and more',
			},
		],
		'Each filter becomes one object of the filters_json array; all must match',
	),
	filtersJsonProperty,
	collection('options', [
		pageSizeOption(100, SEARCH_MAX_PAGE_SIZE),
		{
			displayName: 'Sort By',
			name: 'sortBy',
			type: 'options',
			default: 'created_at_desc',
			options: [
				{ name: 'Best Match', value: 'relevance_desc' },
				{ name: 'Highest Rating First', value: 'candidate_rating_desc' },
				{ name: 'Name (A to Z)', value: 'candidate_name_asc' },
				{ name: 'Newest First', value: 'created_at_desc' },
				{ name: 'Stage Name (A to Z)', value: 'candidate_stage_name_asc' },
			],
		},
		...reliabilityOptions,
	]),
	simplifyProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['search'], operation: ['candidates'] } },
	properties,
);

const SORTS = [
	'created_at_desc',
	'relevance_desc',
	'candidate_name_asc',
	'candidate_rating_desc',
	'candidate_stage_name_asc',
] as const;

const score = z.number().min(0).max(100).optional();

const parameters = (timezone: string) =>
	z.object({
		...returnAllLimit,
		filters: z
			.object({
				query: z.string().optional(),
				status: z.array(z.enum(['qualified', 'disqualified', 'hired'])).optional(),
				offerIds: numericIdList.optional(),
				stageNames: stringList.optional(),
				tagIds: numericIdList.optional(),
				assignedAdminIds: numericIdList.optional(),
				assignedAdminsMatch: z.enum(['has_any', 'has_all_of', 'has_none_of']).optional(),
				minAverageScore: score,
				maxAverageScore: score,
				from: optionalDate(timezone),
				to: optionalDate(timezone),
			})
			.superRefine((f, ctx) => checkRange(f, ctx, 'from', 'Created Before')),
		filtersJson: jsonArrayOfObjects,
		options: z.object({
			...reliabilitySchema,
			pageSize: z.number().int().min(1).max(SEARCH_MAX_PAGE_SIZE).default(100),
			sortBy: z.enum(SORTS).optional(),
		}),
		simplify: z.boolean(),
	});

const LABELS = {
	...RELIABILITY_LABELS,
	returnAll: 'Return All',
	limit: 'Limit',
	query: 'Text',
	status: 'Status',
	offerIds: 'Offer Names or IDs',
	stageNames: 'Stage Names',
	tagIds: 'Tag IDs',
	assignedAdminIds: 'Assigned Admin IDs',
	assignedAdminsMatch: 'Assigned Admins Match',
	minAverageScore: 'Min Average Score',
	maxAverageScore: 'Max Average Score',
	from: 'Created After',
	to: 'Created Before',
	filtersJson: 'Filters (JSON)',
	pageSize: 'Page Size',
	sortBy: 'Sort By',
	simplify: 'Simplify',
};

const page = z.object({
	hits: recordsWithId,
	total: z.number().int().nonnegative(),
});

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const p = itemParameters(
		this,
		itemIndex,
		parameters(this.getTimezone()),
		{ ...LIST_FALLBACKS, ...FILTERED_LIST_FALLBACKS },
		LABELS,
	);
	const hits = await recruiteeList(this, {
		path: '/search/new/candidates',
		query: {
			filters_json: filtersJson(searchFilters(p.filters), p.filtersJson),
			sort_by: p.options.sortBy,
		},
		style: 'page',
		...readingOf(p, itemIndex),
		schema: page,
		extract: (body) => ({ records: body.hits, total: body.total }),
		idOf: (hit) => hit.id,
	});
	return p.simplify ? hits.map(simplifySearchHit) : hits;
}
