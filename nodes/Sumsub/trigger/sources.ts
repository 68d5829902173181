import { createHash } from 'node:crypto';

import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { PollSource, Stamp, WindowRead } from '../../shared/polling';
import { apiError } from '../../shared/http';
import { ascending, CROWDED_SECOND } from '../../shared/polling';
import { tsToIso } from '../helpers/events';
import type { AuditTrailQuery } from '../transport/auditTrail';
import { eventSelector, LEGACY_PATH, legacyEventsPage, listPages } from '../transport/auditTrail';

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

/** Events a poll reads at most from the legacy endpoint (its page cap). */
const LEGACY_POLL_CAP = MAX_PAGES_PER_POLL * LEGACY_POLL_PAGE;

/**
 * Legacy endpoint, newest first by offset. A window holding more events than a poll reads is
 * shortened from its end to the longest one from `from` that fits, found with requests of one
 * event (is there one in the window past the cap?), and the poll reads that; the next poll goes on.
 * So each poll reads as much as fits, however long its window and wherever in it a burst lies, and
 * the overlap before where the last poll stopped is read again whole whenever it fits.
 */
async function readLegacy(
	ctx: IPollFunctions,
	filters: TriggerFilters,
	from: number,
	to: number,
): Promise<WindowRead<IDataObject>> {
	const whole = await readLegacyWindow(ctx, filters, from, to);
	if (whole) return { records: whole, until: to };
	// Window k starts at `from` and ends with the k-th second after `from`'s own (window 0 is that one
	// second). Window `fits` is known to fit (-1: none is yet), window `tooMany` is known not to.
	const endOf = (k: number) => secondOf(from) + k * 1000 + 999;
	let tooMany = (secondOf(to) - secondOf(from)) / 1000;
	for (;;) {
		let fits = -1;
		while (tooMany - fits > 1) {
			const middle = Math.floor((fits + tooMany) / 2);
			if (await legacyFits(ctx, filters, from, endOf(middle))) fits = middle;
			else tooMany = middle;
		}
		if (fits < 0) {
			throw new NodeOperationError(
				ctx.getNode(),
				`More than ${LEGACY_POLL_CAP} audit trail events in one second: the trigger cannot read them in one poll`,
				{ description: CROWDED_SECOND },
			);
		}
		const records = await readLegacyWindow(ctx, filters, from, endOf(fits), true);
		if (records) return { records, until: endOf(fits) };
		// Events written into that window since it was measured: look again, below it.
		tooMany = fits;
	}
}

/**
 * Whether [from, end] holds at most a poll's worth of events: one request, of one event (the first
 * past the cap). An event after the window there means Sumsub did not keep to `to`: no window can
 * then be measured, so the poll fails saying so.
 */
async function legacyFits(
	ctx: IPollFunctions,
	filters: TriggerFilters,
	from: number,
	end: number,
): Promise<boolean> {
	const query = windowQuery(filters, from, end);
	const past = await legacyEventsPage(ctx, query, { offset: LEGACY_POLL_CAP, size: 1 }, {});
	if (past.length === 0) return true;
	// Older than the window (an API that ignores `from`): all of the window lies before the cap.
	if (eventSelector(ctx, query, 'newestFirst')(past).last) return true;
	if (timeOf(past[0]) > end) {
		throw apiError(ctx, {
			message: `Sumsub returned more than ${LEGACY_POLL_CAP} audit trail events after the end ("to") of the window the trigger asked for, so the trigger cannot read that window`,
			description: `The trigger reads GET ${LEGACY_PATH} window by window and needs Sumsub to keep to each window's end, as its docs say it does (in UTC): this looks like a change on Sumsub's side, please report it.`,
		});
	}
	return false;
}

/**
 * The events of [from, end], oldest first, or undefined when it holds more than a poll reads. A full
 * first page asks whether the rest fits before reading on, unless the window was just `measured`;
 * twenty full pages ask again whether anything lies past them (an event written late into the
 * window meanwhile).
 */
async function readLegacyWindow(
	ctx: IPollFunctions,
	filters: TriggerFilters,
	from: number,
	end: number,
	measured = false,
): Promise<IDataObject[] | undefined> {
	const query = windowQuery(filters, from, end);
	const select = eventSelector(ctx, query, 'newestFirst');
	const records: IDataObject[] = [];
	for (let n = 0; n < MAX_PAGES_PER_POLL; n++) {
		if (n === 1 && !measured && !(await legacyFits(ctx, filters, from, end))) return undefined;
		const size = LEGACY_POLL_PAGE;
		const items = await legacyEventsPage(ctx, query, { offset: n * size, size }, {});
		const chosen = select(items);
		records.push(...chosen.records);
		// Newest first from the API: reversed, same-time events keep the order they happened in.
		if (items.length < size || chosen.last) return ascending(records.reverse(), stampOf);
	}
	if (!(await legacyFits(ctx, filters, from, end))) return undefined;
	return ascending(records.reverse(), stampOf);
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
		read: (from, to) =>
			endpoint === 'list' ? readList(ctx, filters, from, to) : readLegacy(ctx, filters, from, to),
		// The list endpoint pages by event id.
		timeOrdered: endpoint === 'legacy',
		stamp: stampOf,
		wanted: () => true,
	};
}

/** The windows, ending now, the list endpoint's "Fetch test event" tries, shortest first. */
const TEST_EVENT_SPANS_MS = [60e3, 600e3, 3600e3];

/**
 * For "Fetch test event": the `count` most recent events, oldest first. Legacy (newest first): from
 * the newest page of the last day. List (oldest first by id, read from the start): the newest of
 * the shortest window ending now (a minute, ten, an hour) that holds `count`, or the longest one
 * read in full (a window with more than a poll reads gives only its oldest events; the last minute's
 * are still taken when nothing shorter had any).
 */
export async function recentEvents(
	ctx: IPollFunctions,
	endpoint: Endpoint,
	filters: TriggerFilters,
	count: number,
): Promise<IDataObject[]> {
	const to = Date.now();
	if (endpoint === 'list') {
		let best: IDataObject[] = [];
		for (const span of TEST_EVENT_SPANS_MS) {
			const { records, until } = await readList(ctx, filters, to - span, to);
			// Read in part (its oldest events): the shorter window's, unless that had none.
			if (until < to && best.length) break;
			best = records;
			if (until < to || best.length >= count) break;
		}
		return best.slice(-count);
	}
	const query = windowQuery(filters, to - 86400e3, to);
	const newest = await legacyEventsPage(ctx, query, { offset: 0, size: LEGACY_POLL_PAGE }, {});
	const { records } = eventSelector(ctx, query, 'newestFirst')(newest);
	return ascending(records.reverse(), stampOf).slice(-count);
}
