import { createHash } from 'node:crypto';

import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import type { PollSource, Stamp, WindowRead } from '../../shared/polling';
import { ascending } from '../../shared/polling';
import { tsToIso } from '../helpers/events';
import { sumsubRequest } from '../transport';
import { eventList, LEGACY_PATH, LIST_PATH } from '../transport/auditTrail';

/** Pages a poll reads at most; the rest waits for the next poll. */
export const MAX_PAGES_PER_POLL = 20;
export const LEGACY_POLL_PAGE = 1000;
export const LIST_POLL_PAGE = 1000;

const page = z.object({ items: eventList, forwardMarker: z.string().nullish() });

export type Endpoint = 'legacy' | 'list';

export interface TriggerFilters {
	activity?: string;
	subjectName?: string;
}

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

/**
 * Legacy endpoint, newest first by offset: a window that does not fit in the page cap is halved
 * (from its end) until it does, and the poll reads up to there; the next poll goes on.
 */
async function readLegacy(
	ctx: IPollFunctions,
	filters: TriggerFilters,
	from: number,
	to: number,
): Promise<WindowRead<IDataObject>> {
	let end = to;
	for (;;) {
		const records: IDataObject[] = [];
		let complete = false;
		for (let n = 0; n < MAX_PAGES_PER_POLL; n++) {
			const body = await sumsubRequest(ctx, {
				path: LEGACY_PATH,
				query: {
					...filters,
					from: sumsubSecond(from),
					to: sumsubSecond(end),
					limit: LEGACY_POLL_PAGE,
					offset: n * LEGACY_POLL_PAGE,
				},
				schema: page,
			});
			records.push(...body.items);
			if (body.items.length < LEGACY_POLL_PAGE) {
				complete = true;
				break;
			}
		}
		// Newest first from the API: reversed, same-time events keep the order they happened in.
		if (complete) return { records: ascending(records.reverse(), stampOf), until: end };
		const half = Math.floor((from + (end - from) / 2) / 1000) * 1000 - 1;
		if (half <= from) {
			throw new NodeOperationError(
				ctx.getNode(),
				`More than ${MAX_PAGES_PER_POLL * LEGACY_POLL_PAGE} audit trail events in one second: the trigger cannot read them in one poll`,
				{ description: 'Choose the list endpoint in "Source", which pages by event id.' },
			);
		}
		end = half;
	}
}

/** List endpoint, oldest first by id, following forwardMarker up to the page cap. */
async function readList(
	ctx: IPollFunctions,
	filters: TriggerFilters,
	from: number,
	to: number,
): Promise<WindowRead<IDataObject>> {
	const records: IDataObject[] = [];
	let marker: string | undefined;
	for (let n = 0; n < MAX_PAGES_PER_POLL; n++) {
		const body = await sumsubRequest(ctx, {
			path: LIST_PATH,
			query: marker
				? { forwardMarker: marker, limit: LIST_POLL_PAGE }
				: { ...filters, from: sumsubSecond(from), to: sumsubSecond(to), limit: LIST_POLL_PAGE },
			schema: page,
		});
		records.push(...body.items);
		marker = body.forwardMarker ?? undefined;
		if (!marker) return { records: ascending(records, stampOf), until: to };
	}
	const sorted = ascending(records, stampOf);
	return { records: sorted, until: sorted.length ? stampOf(sorted[sorted.length - 1]).time : from };
}

export function sourceFor(
	ctx: IPollFunctions,
	endpoint: Endpoint,
	filters: TriggerFilters,
): PollSource<IDataObject> {
	return {
		key: JSON.stringify({ endpoint, ...filters }),
		read: (from, to) => (endpoint === 'list' ? readList : readLegacy)(ctx, filters, from, to),
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
