import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { z } from 'zod';

import type { PollSource, Stamp, WindowRead } from '../../shared/polling';
import { ascending } from '../../shared/polling';
import type { RecruiteeFilter } from '../helpers/filters';
import { auditEntries, recordsWithId, recruiteeGet } from '../transport';

/** Pages a poll reads at most (requests, the first one for the total included); the rest waits for the next poll. */
export const MAX_PAGES_PER_POLL = 10;
export const POLL_PAGE_SIZE = 100;

const hits = z.object({ hits: recordsWithId, total: z.number().int().nonnegative() });
const entries = z.object({ entries: auditEntries, total: z.number().int().nonnegative() });

interface NewestFirst {
	path: string;
	schema: typeof hits | typeof entries;
	records: (body: IDataObject) => IDataObject[];
	/** Filters besides the created_at window. */
	filters: RecruiteeFilter[];
	query?: IDataObject;
}

const seconds = (ms: number) => Math.floor(ms / 1000);

export const stampOf = (record: IDataObject): Stamp => ({
	id: String(record._id ?? record.id),
	time: Date.parse(String(record.created_at)),
});

/** Page `n` (from 1, newest first) of a Recruitee list over [from, to]: its records and total. */
async function pageOf(
	ctx: IPollFunctions,
	list: NewestFirst,
	from: number,
	to: number,
	n: number,
	pageSize = POLL_PAGE_SIZE,
): Promise<{ records: IDataObject[]; total: number }> {
	const window: RecruiteeFilter = { field: 'created_at', gte: seconds(from), lte: seconds(to) };
	const body = (await recruiteeGet(ctx, {
		path: list.path,
		query: {
			...list.query,
			filters_json: JSON.stringify([window, ...list.filters]),
			limit: pageSize,
			page: n,
		},
		schema: list.schema,
	})) as IDataObject & { total: number };
	return { records: list.records(body), total: body.total };
}

/**
 * Reads a newest-first Recruitee list over [from, to] oldest first: all of it when it fits in the
 * page cap, else its oldest pages (the last ones), up to the newest record read. Page 1 (the
 * newest) is read for the total either way and counts in the cap: a capped window reads page 1
 * and its MAX_PAGES_PER_POLL − 1 oldest pages.
 */
async function readNewestFirst(
	ctx: IPollFunctions,
	list: NewestFirst,
	from: number,
	to: number,
	pageSize = POLL_PAGE_SIZE,
): Promise<WindowRead<IDataObject>> {
	const page = async (n: number) => await pageOf(ctx, list, from, to, n, pageSize);
	const first = await page(1);
	// Recruitee may serve fewer records a page than asked (a cap of its own, undocumented): the pages
	// are then numbered at the size it serves.
	const served = first.records.length;
	const size = served > 0 && served < Math.min(pageSize, first.total) ? served : pageSize;
	const pages = Math.ceil(first.total / size);
	const capped = pages > MAX_PAGES_PER_POLL;
	const records = capped ? [] : [...first.records];
	// Every page gives the window's total: one that moved means the list changed between requests,
	// and so does a page short of the size before the last.
	let changed = false;
	for (let n = capped ? pages - MAX_PAGES_PER_POLL + 2 : 2; n <= pages; n++) {
		const next = await page(n);
		if (next.total !== first.total || (n < pages && next.records.length < size)) changed = true;
		records.push(...next.records);
	}
	// Newest first from the API: reversed, same-second records keep the order they happened in.
	const sorted = ascending(records.reverse(), stampOf);
	const until = capped && sorted.length ? stampOf(sorted[sorted.length - 1]).time : to;
	return { records: sorted, until, ...(changed ? { again: true } : {}) };
}

export type RecruiteeEvent =
	| 'newCandidate'
	| 'candidateMoved'
	| 'candidateDisqualified'
	| 'auditLogEvent';

export const AUDIT_EVENT_OF: Partial<Record<RecruiteeEvent, string>> = {
	candidateMoved: 'Admin changed candidate stage',
	candidateDisqualified: 'Admin disqualified candidate',
};

export interface TriggerFilters {
	offerId?: number;
	stageName?: string;
	eventTypes?: string[];
}

const asObject = (value: unknown): IDataObject =>
	value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};

function offerIdOfEntry(entry: IDataObject): unknown {
	const details = asObject(entry.details);
	return (
		asObject(details.placement).offer_id ?? asObject(entry.offer).id ?? asObject(details.offer).id
	);
}

/**
 * A crowded second of the audit log: Recruitee filters it by time only, and the trigger's event and
 * filters apply to what it reads, so narrowing them reads no fewer entries.
 */
export const CROWDED_AUDIT_SECOND =
	'The trigger reads every audit log entry of a second (its event and filters are applied to what it reads, so narrowing them does not help). A bulk action in Recruitee can write that many at once. Changing the trigger’s event or filters, or deactivating and activating the workflow, starts it again from now: the entries of that second and until then are then not emitted.';

/** What each event reads: new candidates from the search, the others from the audit log. */
export function sourceFor(
	ctx: IPollFunctions,
	event: RecruiteeEvent,
	filters: TriggerFilters,
): PollSource<IDataObject> & { newestFirst: NewestFirst } {
	const key = JSON.stringify({ event, ...filters });
	if (event === 'newCandidate') {
		const newestFirst: NewestFirst = {
			path: '/search/new/candidates',
			schema: hits,
			records: (body) => body.hits as IDataObject[],
			filters: filters.offerId ? [{ filter: 'jobs', id: { in: [filters.offerId] } }] : [],
			query: { sort_by: 'created_at_desc' },
		};
		return {
			key,
			newestFirst,
			read: (from, to) => readNewestFirst(ctx, newestFirst, from, to),
			timeOrdered: true,
			stamp: stampOf,
			wanted: () => true,
		};
	}
	const eventName = AUDIT_EVENT_OF[event];
	const types = new Set(filters.eventTypes ?? []);
	const stage = filters.stageName?.trim().toLowerCase();
	const newestFirst: NewestFirst = {
		path: '/audit_log',
		schema: entries,
		records: (body) => body.entries as IDataObject[],
		filters: [],
	};
	return {
		key,
		newestFirst,
		read: (from, to) => readNewestFirst(ctx, newestFirst, from, to),
		timeOrdered: true,
		stamp: stampOf,
		crowded: CROWDED_AUDIT_SECOND,
		wanted: (entry) => {
			if (eventName && entry.event_name !== eventName) return false;
			if (types.size && !types.has(String(entry.event_name))) return false;
			if (filters.offerId && Number(offerIdOfEntry(entry)) !== filters.offerId) return false;
			if (stage) {
				const name = asObject(asObject(entry.details).stage).name;
				if (String(name ?? '').toLowerCase() !== stage) return false;
			}
			return true;
		},
	};
}

/** Pages "Fetch test event" reads at most, newest first, to find matching records. */
export const TEST_EVENT_PAGES = 5;

/**
 * For "Fetch test event": the most recent matching records of the last 30 days. The event and
 * filters of audit log events apply to what is read, so pages are read back from the newest (at
 * most TEST_EVENT_PAGES) until `count` of them match.
 */
export async function recentEvents(
	ctx: IPollFunctions,
	source: ReturnType<typeof sourceFor>,
	count: number,
): Promise<IDataObject[]> {
	const to = Date.now();
	const wanted: IDataObject[] = [];
	let read = 0;
	for (let n = 1; n <= TEST_EVENT_PAGES && wanted.length < count; n++) {
		const { records, total } = await pageOf(ctx, source.newestFirst, to - 30 * 86400e3, to, n);
		wanted.push(...records.filter((r) => source.wanted(r)));
		read += records.length;
		if (records.length === 0 || read >= total) break;
	}
	return ascending(wanted.slice(0, count).reverse(), stampOf);
}
