import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import type { ApiContext, Query } from '../../shared/http';
import { httpCodeOf, settled } from '../../shared/api';
import { apiError } from '../../shared/http';
import type { CursorPage } from '../../shared/paging';
import { collectCursor, collectPages } from '../../shared/paging';
import type { HttpSettings } from '../../shared/reliability';
import { itemSuffix } from '../../shared/validation';
import { listOf } from '../../shared/records';
import type { AuditTrailQuery, Shape } from './eventCheck';
import { eventSelector } from './eventCheck';
import { sumsubRequest } from './index';

export type { AuditTrailQuery } from './eventCheck';
export { eventSelector } from './eventCheck';

/** Largest page of each endpoint. */
export const LEGACY_MAX_PAGE = 20000;
export const LIST_MAX_PAGE = 1000;

export const LEGACY_PATH = '/resources/auditTrailEvents';
export const LIST_PATH = '/resources/auditTrailEvents/list';

/** How one reading calls Sumsub. */
export interface Calls {
	itemIndex?: number;
	http?: HttpSettings;
}

export interface Reading extends Calls {
	limit?: number;
	pageSize: number;
	/** What each kept event becomes, applied page by page so a page's raw events are freed early. */
	shape?: Shape;
}

/** A page's events: objects, checked in one loop. */
export const eventList = listOf<IDataObject>(() => true, 'an event that is not an object');

const legacyBody = z.object({ items: eventList });

const listBody = z.object({
	items: eventList,
	forwardMarker: z.string().nullish(),
});

function stalledError(ctx: ApiContext, path: string, itemIndex?: number) {
	return ({ pages, records }: { pages: number; records: number }) =>
		apiError(ctx, {
			message: `Sumsub returned page ${pages} of GET ${path} again: it is not paging${itemSuffix(itemIndex)}`,
			description: `After ${records} events the next page brought nothing new, so the list cannot be read completely. Narrow the date range so fewer pages are needed.`,
			itemIndex,
		});
}

const filterQuery = (q: AuditTrailQuery): Query => ({
	subjectName: q.subjectName,
	activity: q.activity,
	from: q.from,
	to: q.to,
});

/** One page of GET /resources/auditTrailEvents (newest first), the filters with every request. */
export async function legacyEventsPage(
	ctx: ApiContext,
	query: AuditTrailQuery,
	page: { offset: number; size: number; signal?: AbortSignal },
	calls: Calls,
): Promise<IDataObject[]> {
	const body = await sumsubRequest(ctx, {
		family: 'auditTrail',
		path: LEGACY_PATH,
		query: { ...filterQuery(query), limit: page.size, offset: page.offset },
		schema: legacyBody,
		itemIndex: calls.itemIndex,
		http: calls.http,
		signal: page.signal,
	});
	return body.items;
}

/**
 * GET /resources/auditTrailEvents, newest first, `limit` + `offset` pages until a short page (or
 * the first event before From). The caller pins `to`, so events arriving while paging do not shift
 * the pages.
 */
export async function legacyEvents(
	ctx: ApiContext,
	query: AuditTrailQuery,
	reading: Reading,
): Promise<IDataObject[]> {
	return await collectPages<IDataObject>({
		limit: reading.limit,
		pageSize: Math.min(reading.pageSize, LEGACY_MAX_PAGE),
		style: 'offset',
		fetch: async (page) => ({ records: await legacyEventsPage(ctx, query, page, reading) }),
		select: eventSelector(ctx, query, 'newestFirst', reading.itemIndex, reading.shape),
		stalled: stalledError(ctx, LEGACY_PATH, reading.itemIndex),
	});
}

/** Sumsub answered 400 to a request that carried filters next to a marker. */
const refusedFilters = (error: unknown) => httpCodeOf(error) === '400';

/**
 * The pages of GET /resources/auditTrailEvents/list (oldest first by event id): one function per
 * reading, called with the marker Sumsub gave last (none for the first page).
 *
 * Every request carries the filters, the marker's too: Sumsub's docs say to give them on the first
 * request and do not say whether the marker carries them. Should Sumsub refuse filters next to a
 * marker (HTTP 400), the reading goes on with the marker alone; `eventSelector` then holds every
 * event against the filters either way.
 */
export function listPages(
	ctx: ApiContext,
	query: AuditTrailQuery,
	calls: Calls,
): (
	marker: string | undefined,
	size: number,
	signal?: AbortSignal,
) => Promise<CursorPage<IDataObject>> {
	const filters = filterQuery(query);
	let markerAlone = Object.values(filters).every((value) => value === undefined);
	return async (marker, size, signal) => {
		const get = async (q: Query) => {
			const body = await sumsubRequest(ctx, {
				family: 'auditTrail',
				path: LIST_PATH,
				query: q,
				schema: listBody,
				itemIndex: calls.itemIndex,
				http: calls.http,
				notFound: 'This Sumsub account has no audit trail list endpoint',
				notFoundHint:
					'Set Source to Audit Trail Events (the legacy endpoint), or ask Sumsub to enable the list endpoint for this account (an add-on at extra cost). If it is enabled, check Base URL in the "Sumsub API" credential.',
				signal,
			});
			return { records: body.items, next: body.forwardMarker || undefined };
		};
		if (marker === undefined) return await get({ ...filters, limit: size });
		if (!markerAlone) {
			const page = await settled(get({ ...filters, forwardMarker: marker, limit: size }));
			if ('value' in page) return page.value;
			if (!refusedFilters(page.error)) throw page.error;
			markerAlone = true;
			ctx.logger.warn(
				'Sumsub refused filters next to forwardMarker (HTTP 400): reading on with the marker alone; every event is still checked against the filters',
			);
		}
		return await get({ forwardMarker: marker, limit: size });
	};
}

/**
 * GET /resources/auditTrailEvents/list, oldest first by event id, following `forwardMarker` until
 * Sumsub gives none, or until the first event past To.
 */
export async function listEvents(
	ctx: ApiContext,
	query: AuditTrailQuery,
	reading: Reading,
): Promise<IDataObject[]> {
	const pageSize = Math.min(reading.pageSize, LIST_MAX_PAGE);
	const page = listPages(ctx, query, reading);
	return await collectCursor<IDataObject>({
		limit: reading.limit,
		maxPageSize: pageSize,
		idOf: (e) => String(e.id ?? JSON.stringify(e)),
		fetch: async (cursor, size, signal) => await page(cursor, size ?? pageSize, signal),
		select: eventSelector(ctx, query, 'oldestFirst', reading.itemIndex, reading.shape),
		stalled: stalledError(ctx, LIST_PATH, reading.itemIndex),
	});
}
