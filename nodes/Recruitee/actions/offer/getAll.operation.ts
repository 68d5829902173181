import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { collection, returnAllAndLimit, simplifyProperty } from '../../../shared/descriptions';
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
	wantedCount,
} from '../../../shared/validation';
import { simplifyOffer } from '../../helpers/simplify';
import { recordsWithId, recruiteeGet } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Kind',
		name: 'kind',
		type: 'options',
		default: 'both',
		options: [
			{ name: 'Jobs and Talent Pools', value: 'both' },
			{ name: 'Jobs', value: 'job' },
			{ name: 'Talent Pools', value: 'talent_pool' },
		],
	},
	...returnAllAndLimit(),
	collection('filters', [
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'options',
			default: 'active',
			description:
				'Which offers by status. Also applied by the node on each offer’s status, as some accounts ignore it.',
			options: [
				{ name: 'Active (Published or Internal)', value: 'active' },
				{ name: 'Archived', value: 'archived' },
				{ name: 'Not Archived', value: 'not_archived' },
				{ name: 'Published', value: 'published' },
			],
		},
	]),
	collection('options', [
		{
			displayName: 'View Mode',
			name: 'viewMode',
			type: 'options',
			default: 'default',
			options: [
				{ name: 'Default (All Fields)', value: 'default' },
				{ name: 'Brief (ID, Title, Kind, Status)', value: 'brief' },
			],
		},
		...reliabilityOptions,
	]),
	simplifyProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['offer'], operation: ['getAll'] } },
	properties,
);

const SCOPES = ['active', 'archived', 'not_archived', 'published'] as const;
type Scope = (typeof SCOPES)[number];

const SCOPE_MATCHES: Record<Scope, (status: unknown) => boolean> = {
	active: (status) => status === 'published' || status === 'internal',
	archived: (status) => status === 'archived',
	not_archived: (status) => status !== 'archived',
	published: (status) => status === 'published',
};

const parameters = z.object({
	kind: z.enum(['both', 'job', 'talent_pool']),
	...returnAllLimit,
	filters: z.object({ scope: z.enum(SCOPES).optional() }),
	options: z.object({
		...reliabilitySchema,
		viewMode: z.enum(['default', 'brief']).optional(),
	}),
	simplify: z.boolean(),
});

const LABELS = {
	...RELIABILITY_LABELS,
	kind: 'Kind',
	returnAll: 'Return All',
	limit: 'Limit',
	scope: 'Scope',
	viewMode: 'View Mode',
	simplify: 'Simplify',
};

const response = z.object({ offers: recordsWithId });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const p = itemParameters(
		this,
		itemIndex,
		parameters,
		{
			kind: 'both',
			...LIST_FALLBACKS,
			simplify: true,
		},
		LABELS,
	);
	const { scope } = p.filters;
	// GET /offers is not paged: it returns every offer of the company at once.
	const { offers } = await recruiteeGet(this, {
		path: '/offers',
		query: {
			kind: p.kind === 'both' ? undefined : p.kind,
			scope,
			view_mode: p.options.viewMode,
		},
		schema: response,
		itemIndex,
		http: httpSettingsOf(p.options),
	});
	const matching = scope
		? offers.filter((offer) => !('status' in offer) || SCOPE_MATCHES[scope](offer.status))
		: offers;
	const wanted = matching.slice(0, wantedCount(p));
	return p.simplify ? wanted.map(simplifyOffer) : wanted;
}
