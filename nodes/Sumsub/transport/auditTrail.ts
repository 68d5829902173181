import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import type { ApiContext, Query } from '../../shared/http';
import { apiError } from '../../shared/http';
import { collectCursor, collectPages } from '../../shared/paging';
import type { HttpSettings } from '../../shared/reliability';
import { itemSuffix } from '../../shared/validation';
import { listOf } from '../../shared/records';
import { sumsubRequest } from './index';

/** Largest page of each endpoint. */
export const LEGACY_MAX_PAGE = 20000;
export const LIST_MAX_PAGE = 1000;

export const LEGACY_PATH = '/resources/auditTrailEvents';
export const LIST_PATH = '/resources/auditTrailEvents/list';

export interface AuditTrailQuery {
	subjectName?: string;
	activity?: string;
	/** `yyyy-MM-dd HH:mm:ss`, UTC */
	from?: string;
	/** `yyyy-MM-dd HH:mm:ss`, UTC */
	to?: string;
}

export interface Reading {
	limit?: number;
	pageSize: number;
	itemIndex: number;
	http?: HttpSettings;
	/** What each event becomes, applied page by page so a page's raw events are freed early. */
	shape?: (event: IDataObject) => IDataObject;
}

/** A page's events: objects, checked in one loop. */
export const eventList = listOf<IDataObject>(() => true, 'an event that is not an object');

const legacyPage = z.object({ items: eventList });

const listPage = z.object({
	items: eventList,
	forwardMarker: z.string().nullish(),
});

const shaped = (events: IDataObject[], reading: Reading) =>
	reading.shape ? events.map(reading.shape) : events;

function stalledError(ctx: ApiContext, path: string, itemIndex: number) {
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

/**
 * GET /resources/auditTrailEvents, newest first, `limit` + `offset` pages until a short page. The
 * caller pins `to`, so events arriving while paging do not shift the pages.
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
		fetch: async ({ offset, size }) => {
			const body = await sumsubRequest(ctx, {
				path: LEGACY_PATH,
				query: { ...filterQuery(query), limit: size, offset },
				schema: legacyPage,
				itemIndex: reading.itemIndex,
				http: reading.http,
			});
			return { records: shaped(body.items, reading) };
		},
		stalled: stalledError(ctx, LEGACY_PATH, reading.itemIndex),
	});
}

/**
 * GET /resources/auditTrailEvents/list, oldest first by event id, following `forwardMarker` until
 * Sumsub gives none. Filters go with the first request; the marker carries them on.
 */
export async function listEvents(
	ctx: ApiContext,
	query: AuditTrailQuery,
	reading: Reading,
): Promise<IDataObject[]> {
	const pageSize = Math.min(reading.pageSize, LIST_MAX_PAGE);
	return await collectCursor<IDataObject>({
		limit: reading.limit,
		maxPageSize: pageSize,
		idOf: (e) => String(e.id ?? JSON.stringify(e)),
		fetch: async (cursor, size) => {
			const body = await sumsubRequest(ctx, {
				path: LIST_PATH,
				query: cursor
					? { forwardMarker: cursor, limit: size ?? pageSize }
					: { ...filterQuery(query), limit: size ?? pageSize },
				schema: listPage,
				itemIndex: reading.itemIndex,
				http: reading.http,
				notFound: 'This Sumsub account has no audit trail list endpoint',
			});
			return { records: shaped(body.items, reading), next: body.forwardMarker ?? undefined };
		},
		stalled: stalledError(ctx, LIST_PATH, reading.itemIndex),
	});
}
