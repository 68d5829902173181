import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { sharedPerRun } from '../../shared/execute';
import type { ApiContext } from '../../shared/http';
import type { HttpSettings } from '../../shared/reliability';
import { itemSuffix } from '../../shared/validation';
import { recordsWithId, recruiteeGet } from '../transport';

const CANDIDATE_URL = '(?:candidate=|/candidates/)(\\d+)';
const OFFER_URL = '/offers/([^/?#]+)';

interface LocatorSpec {
	entity: string;
	name: string;
	description: string;
	required: boolean;
	searchListMethod: string;
	idPlaceholder: string;
	urlPlaceholder: string;
	urlRegex: string;
}

/** A resource locator with From List / By ID / By URL modes. */
function locator(spec: LocatorSpec): INodeProperties {
	return {
		displayName: spec.entity.charAt(0).toUpperCase() + spec.entity.slice(1),
		name: spec.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: spec.required,
		description: spec.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: {
					searchListMethod: spec.searchListMethod,
					searchable: true,
				},
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: spec.idPlaceholder,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '\\s*\\d+\\s*',
							errorMessage: `Not a valid Recruitee ${spec.entity} ID`,
						},
					},
				],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: spec.urlPlaceholder,
				extractValue: { type: 'regex', regex: spec.urlRegex },
				validation: [
					{
						type: 'regex',
						properties: {
							// n8n anchors validation regexes at both ends.
							regex: `https?://.*${spec.urlRegex}.*`,
							errorMessage: `Not a Recruitee ${spec.entity} URL`,
						},
					},
				],
			},
		],
	};
}

export const candidateLocator = locator({
	entity: 'candidate',
	name: 'candidateId',
	description: 'The candidate to get',
	required: true,
	searchListMethod: 'searchCandidates',
	idPlaceholder: '47628534',
	urlPlaceholder: 'https://app.recruitee.com/#/dashboard/overview?candidate=47628534',
	urlRegex: CANDIDATE_URL,
});

export function offerLocator(
	name: string,
	description: string,
	required: boolean,
): INodeProperties {
	return locator({
		entity: 'offer',
		name,
		description,
		required,
		searchListMethod: 'searchOffers',
		idPlaceholder: '1209656',
		urlPlaceholder: 'https://app.recruitee.com/#/offers/recruiter-sample',
		urlRegex: OFFER_URL,
	});
}

interface Located {
	mode: string;
	value: string;
}

/** A resource locator's value (or a plain string from an expression), URLs reduced to their key. */
function located(raw: unknown): Located {
	if (raw && typeof raw === 'object' && 'value' in (raw as IDataObject)) {
		const { mode, value } = raw as { mode?: string; value?: unknown };
		return { mode: mode ?? 'id', value: String(value ?? '').trim() };
	}
	return { mode: 'id', value: String(raw ?? '').trim() };
}

function fromUrl(value: string, regex: string): string | undefined {
	return new RegExp(regex).exec(value)?.[1];
}

function invalid(
	ctx: ApiContext,
	field: string,
	value: string,
	hint: string,
	itemIndex: number | undefined,
) {
	const problem = value === '' ? 'it is empty' : `${JSON.stringify(value)} is not ${hint}`;
	return new NodeOperationError(
		ctx.getNode(),
		`Invalid parameter "${field}": ${problem}${itemSuffix(itemIndex)}`,
		{
			itemIndex,
			description: 'Pick it from the list, or give its numeric ID or its Recruitee URL.',
		},
	);
}

/** The candidate id from the "Candidate" locator: a number, or an error naming the field. */
export function candidateIdOf(ctx: ApiContext, raw: unknown, itemIndex: number): number {
	const { value } = located(raw);
	const id = /^\d+$/.test(value)
		? value
		: /^https?:/.test(value)
			? fromUrl(value, CANDIDATE_URL)
			: undefined;
	if (!id) throw invalid(ctx, 'Candidate', value, 'a candidate ID or candidate URL', itemIndex);
	return Number(id);
}

const offersBrief = z.object({ offers: recordsWithId });

/**
 * Offer ids by URL slug, looked up once per node run (every item may give the same URL); a failed
 * look-up names each item that needed it.
 */
const slugsPerRun = sharedPerRun<Map<string, number>>();

async function offerSlugs(ctx: ApiContext, itemIndex: number | undefined, http?: HttpSettings) {
	return await slugsPerRun(
		ctx,
		'',
		async () => {
			const { offers } = await recruiteeGet(ctx, {
				path: '/offers',
				query: { view_mode: 'brief' },
				schema: offersBrief,
				http,
			});
			return new Map(offers.map((offer) => [String(offer.slug), offer.id]));
		},
		itemIndex,
	);
}

/**
 * The offer id from an "Offer" locator. An offer URL carries the offer's slug, which the API does not
 * take in paths: it is looked up in the offer list. Empty → undefined (the filter is not set).
 * `itemIndex` undefined: no item (a list in the editor), and errors name none.
 */
export async function offerIdOf(
	ctx: ApiContext,
	raw: unknown,
	itemIndex: number | undefined,
	required: true,
	http?: HttpSettings,
): Promise<number>;
export async function offerIdOf(
	ctx: ApiContext,
	raw: unknown,
	itemIndex: number | undefined,
	required?: false,
	http?: HttpSettings,
): Promise<number | undefined>;
export async function offerIdOf(
	ctx: ApiContext,
	raw: unknown,
	itemIndex: number | undefined,
	required = false,
	http?: HttpSettings,
): Promise<number | undefined> {
	const { value } = located(raw);
	if (value === '') {
		if (required) throw invalid(ctx, 'Offer', value, 'an offer', itemIndex);
		return undefined;
	}
	if (/^\d+$/.test(value)) return Number(value);
	const slug = /^https?:/.test(value) ? fromUrl(value, OFFER_URL) : value;
	if (!slug || !/^[\w-]+$/.test(slug)) {
		throw invalid(ctx, 'Offer', value, 'an offer ID or offer URL', itemIndex);
	}
	const match = (await offerSlugs(ctx, itemIndex, http)).get(slug);
	if (match === undefined) {
		throw new NodeOperationError(
			ctx.getNode(),
			`No offer with the URL slug "${slug}" in this company${itemSuffix(itemIndex)}`,
			{
				itemIndex,
				description: 'Check the offer URL, or pick the offer from the list.',
			},
		);
	}
	return match;
}
