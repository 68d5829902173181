import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';
import { z } from 'zod';

import { offerIdOf } from '../helpers/locators';
import { disqualifyReasons, offerStages } from '../helpers/lookups';
import { recordsWithId, recruiteeGet } from '../transport';

const APP_URL = 'https://app.recruitee.com/#';
const LIST_PAGE_SIZE = 50;

const offersBrief = z.object({ offers: recordsWithId });

async function offers(ctx: ILoadOptionsFunctions): Promise<IDataObject[]> {
	const body = await recruiteeGet(ctx, {
		path: '/offers',
		query: { view_mode: 'brief' },
		schema: offersBrief,
	});
	return body.offers;
}

function offerLabel(offer: IDataObject): string {
	const kind = offer.kind === 'talent_pool' ? 'talent pool' : 'job';
	return `${String(offer.title)} (${kind}, ${String(offer.status)})`;
}

const searchPage = z.object({ hits: recordsWithId, total: z.number() });

export const listSearch = {
	async searchOffers(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const needle = (filter ?? '').trim().toLowerCase();
		const results = (await offers(this))
			.filter((offer) => !needle || String(offer.title).toLowerCase().includes(needle))
			.map((offer) => ({
				name: offerLabel(offer),
				value: String(offer.id),
				url: `${APP_URL}/offers/${String(offer.slug)}`,
			}));
		return { results };
	},

	async searchCandidates(
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const page = Number(paginationToken) || 1;
		const text = (filter ?? '').trim();
		const body = await recruiteeGet(this, {
			path: '/search/new/candidates',
			query: {
				filters_json: text ? JSON.stringify([{ field: 'all', query: text }]) : undefined,
				limit: LIST_PAGE_SIZE,
				page,
				sort_by: 'created_at_desc',
			},
			schema: searchPage,
		});
		const results = body.hits.map((hit) => {
			const emails = Array.isArray(hit.emails) ? hit.emails : [];
			const email = emails.length ? ` <${String(emails[0])}>` : '';
			return {
				name: `${String(hit.name)}${email}`,
				value: String(hit.id),
				url: `${APP_URL}/dashboard/overview?candidate=${hit.id}`,
			};
		});
		const more = page * LIST_PAGE_SIZE < body.total && body.hits.length > 0;
		return { results, paginationToken: more ? String(page + 1) : undefined };
	},
};

export const loadOptions = {
	/**
	 * The stages of the offer chosen in "Offer" (none until one is chosen), given from the list, by ID
	 * or by URL (its slug looked up, as the operations do).
	 */
	async getOfferStages(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const raw = this.getCurrentNodeParameter('offerId', { extractValue: true });
		const id = await offerIdOf(this, raw, undefined);
		if (id === undefined) return [];
		return (await offerStages(this, id)).map((stage) => ({
			name: stage.category ? `${stage.name} (${stage.category})` : stage.name,
			value: stage.id,
		}));
	},

	async getDisqualifyReasons(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return (await disqualifyReasons(this)).map((reason) => ({
			name: reason.name,
			value: reason.id,
		}));
	},

	async getOffers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return (await offers(this)).map((offer) => ({
			name: offerLabel(offer),
			value: offer.id as number,
		}));
	},
};
