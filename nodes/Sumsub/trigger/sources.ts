import { createHash } from 'node:crypto';

import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { PollSource, Stamp, WindowRead } from '../../shared/polling';
import { ascending, CROWDED_SECOND } from '../../shared/polling';
import { tsToIso } from '../helpers/events';
import type { AuditTrailQuery } from '../transport/auditTrail';
import { eventSelector, legacyEventsPage, listPages } from '../transport/auditTrail';

/** Pages a poll reads at most; the rest waits for the next poll. */
export const MAX_PAGES_PER_POLL = 20;
export const LEGACY_POLL_PAGE = 1000;
export const LIST_POLL_PAGE = 1000;

export type Endpoint = 'legacy' | 'list';

export interface TriggerFilters {
	activity?: string;
	subjectName?: string;
}

/** The start of the second that holds `ms`. */
const secondOf = (ms: number) => Math.floor(ms / 1000) * 1000;

/** `yyyy-MM-dd HH:mm:ss` in UTC, the second that contains `ms`. */
const sumsubSecond = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

const timeOf = (e: IDataObject) => Date.parse(tsToIso(e.ts) ?? '');

/** The list endpoint's events have ids; legacy ones are told apart by all they carry (hashed). */
export function stampOf(e: IDataObject): Stamp {
	const id = e.id
		? String(e.id)
		: `h:${createHash('sha1').update(JSON.stringify(e)).digest('base64')}`;
	return { id, time: timeOf(e) };
}

/** The query of one window: the user's filters and the window in whole seconds. */
const windowQuery = (filters: TriggerFilters, from: number, to: number): AuditTrailQuery => ({
	...filters,
	from: sumsubSecond(from),
	to: sumsubSecond(to),
});

/**
 * Legacy endpoint, newest first by offset: a window that does not fit in the page cap is halved
 * (from its end) until it does, and the poll reads up to there; the next poll goes on. A halving
 * that would end before `cursor`'s second ends there instead, so the overlap before where the last
 * poll stopped is read whole when it fits.
 */
async function readLegacy(
	ctx: IPollFunctions,
	filters: TriggerFilters,
	from: number,
	to: number,
	cursor = from,
): Promise<WindowRead<IDataObject>> {
	const cursorEnd = secondOf(cursor) + 999;
	let end = to;
	for (;;) {
		const query = windowQuery(filters, from, end);
		const select = eventSelector(ctx, query, 'newestFirst');
		const records: IDataObject[] = [];
		let complete = false;
		for (let n = 0; n < MAX_PAGES_PER_POLL; n++) {
			const size = LEGACY_POLL_PAGE;
			const items = await legacyEventsPage(ctx, query, { offset: n * size, size }, {});
			const chosen = select(items);
			records.push(...chosen.records);
			if (items.length < size || chosen.last) {
				complete = true;
				break;
			}
		}
		// Newest first from the API: reversed, same-time events keep the order they happened in.
		if (complete) return { records: ascending(records.reverse(), stampOf), until: end };
		// The API filters by whole seconds: the window's first half of them.
		const seconds = (secondOf(end) - secondOf(from)) / 1000 + 1;
		if (seconds <= 1) {
			throw new NodeOperationError(
				ctx.getNode(),
				`More than ${MAX_PAGES_PER_POLL * LEGACY_POLL_PAGE} audit trail events in one second: the trigger cannot read them in one poll`,
				{ description: CROWDED_SECOND },
			);
		}
		const middle = secondOf(from) + Math.floor(seconds / 2) * 1000 - 1;
		end = middle < cursorEnd && cursorEnd < end ? cursorEnd : middle;
	}
}

/** List endpoint, oldest first by id, following forwardMarker up to the page cap. */
async function readList(
	ctx: IPollFunctions,
	filters: TriggerFilters,
	from: number,
	to: number,
): Promise<WindowRead<IDataObject>> {
	const query = windowQuery(filters, from, to);
	const page = listPages(ctx, query, {});
	const select = eventSelector(ctx, query, 'oldestFirst');
	const records: IDataObject[] = [];
	// How far the pages got: the newest time read inside the window, kept or not (an endpoint that
	// ignores the filters next to a marker fills the pages with events the poll drops).
	let reached = from;
	let marker: string | undefined;
	for (let n = 0; n < MAX_PAGES_PER_POLL; n++) {
		const { records: items, next } = await page(marker, LIST_POLL_PAGE);
		const chosen = select(items);
		records.push(...chosen.records);
		marker = next;
		if (!marker || chosen.last) return { records: ascending(records, stampOf), until: to };
		for (const item of items) {
			const time = timeOf(item);
			if (time <= to && time > reached) reached = time;
		}
	}
	return { records: ascending(records, stampOf), until: reached };
}

export function sourceFor(
	ctx: IPollFunctions,
	endpoint: Endpoint,
	filters: TriggerFilters,
): PollSource<IDataObject> {
	return {
		key: JSON.stringify({ endpoint, ...filters }),
		read: (from, to, cursor) =>
			endpoint === 'list'
				? readList(ctx, filters, from, to)
				: readLegacy(ctx, filters, from, to, cursor),
		// The list endpoint pages by event id.
		timeOrdered: endpoint === 'legacy',
		stamp: stampOf,
		wanted: () => true,
	};
}

/** For "Fetch test event": the most recent events of the last day, newest first from the source. */
export async function recentEvents(
	ctx: IPollFunctions,
	endpoint: Endpoint,
	filters: TriggerFilters,
	count: number,
): Promise<IDataObject[]> {
	const to = Date.now();
	const { records } =
		endpoint === 'list'
			? await readList(ctx, filters, to - 3600e3, to)
			: await readLegacy(ctx, filters, to - 86400e3, to);
	return records.slice(-count);
}
