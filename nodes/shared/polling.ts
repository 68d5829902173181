import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Exactly-once polling over an API filtered by time, shared by both triggers.
 *
 * Each poll reads the window [cursor − overlap, now − lag] oldest first. The overlap re-reads the
 * last seconds (APIs with one-second resolution, events that share a timestamp, entries indexed a
 * little late), and the ids of what was already emitted in that overlap are kept, so nothing is
 * emitted twice. The lag keeps events still being written out of the window. Work per poll is
 * bounded by the source (it reads at most a number of pages, oldest first, and says how far it got);
 * the cursor stops there, and the next poll goes on. A poll that fails changes nothing: the state
 * is written only once the window was read.
 *
 * Every record is read at least once by a poll whose window ends the overlap after the record's
 * time (that is what the overlap is for). A poll that stops at its cap keeps that promise too: the
 * next poll reads the overlap before the cursor again, unless the cap stopped more than the overlap
 * before the window's end (everything before the cursor was then read late enough already; for a
 * source not read in time order, also only when the poll got no further), and goes on from the
 * cursor's second. Re-reading the overlap of a poll that stopped near the window's end can fill the
 * cap with records already emitted: the cursor then waits until a poll whose window ends the
 * overlap after the stop has read it again (the next poll, or the overlap later if polls come more
 * often). Where more records than one poll's pages share the overlap before the cursor, only the
 * oldest of them are read again. More records in one second than a poll reads cannot be got past:
 * the poll fails saying so (CROWDED_SECOND), and changes nothing. A source that sees its list change
 * while it reads it (`again`) has the next poll read the same window again.
 *
 * The first poll (activation, or other settings) keeps its moment as the floor: records with a time
 * before it are passed over, whatever the overlap or a late write brings back, and no read starts
 * before the floor's second. With Backfill, the floor is the start of the backfill window. When the
 * overlap holds more ids than the state keeps (MAX_SEEN), the floor moves past the oldest of them.
 */

/** One event as the poller sees it: an identity, and its time in ms since the epoch. */
export interface Stamp {
	id: string;
	time: number;
}

export interface WindowRead<T> {
	/** Oldest first. */
	records: T[];
	/** Everything up to this time (ms) was read: the window's end, or where the page cap stopped. */
	until: number;
	/**
	 * The list changed while its pages were read (a record deleted or indexed late between two
	 * requests shifts the others across a page border, and one can slip through): what was read is
	 * emitted, and the next poll reads the same window again.
	 */
	again?: boolean;
}

export interface PollSource<T> {
	/**
	 * What the poll reads and filters on. When it changes (another event type, other filters), the
	 * trigger starts again from now.
	 */
	key: string;
	/** Reads [fromMs, toMs] oldest first, at most the source's page cap; says how far it got. */
	read(fromMs: number, toMs: number): Promise<WindowRead<T>>;
	/**
	 * The pages come in time order: a read that stops at the cap leaves nothing timed before where it
	 * stopped unread. False for a source read in another order (Sumsub's list endpoint, by event id):
	 * an event written out of that order just before the stop is read only by reading the overlap
	 * again, so the next poll always does, unless this poll got no further.
	 */
	timeOrdered: boolean;
	stamp(record: T): Stamp;
	/** Records the source returns but the user did not ask for (filtered on our side). */
	wanted(record: T): boolean;
	/**
	 * What to do when more records share one second than a poll reads, where the default
	 * (CROWDED_SECOND: narrow the trigger with its filters) does not help.
	 */
	crowded?: string;
}

export interface PollTiming {
	/** How far behind now the window ends. */
	lagMs: number;
	/** How much of the previous window is read again. */
	overlapMs: number;
	/** On first activation, how far back to start (0 = from now: nothing old is emitted). */
	backfillMs: number;
}

interface PollState {
	key: string;
	/** Everything up to here (ms) was read. */
	cursor: number;
	/** Ids already emitted (or passed over) with a time inside the overlap before the cursor. */
	seen: Array<[id: string, time: number]>;
	/**
	 * When these settings started (ms): the activation, or the start of the Backfill window. Records
	 * with a time before it are never emitted. Absent in states saved before it existed: those go on
	 * as they did. It also moves past ids the seen list had to let go (more than MAX_SEEN in the
	 * overlap), so they are not emitted twice.
	 */
	floor?: number;
	/**
	 * The last poll stopped at its page cap more than the overlap before its window's end: the next
	 * one goes on from the cursor's second, without the overlap (what lies before the cursor was read
	 * late enough, and re-reading it would fill the cap with what was already read). A poll that
	 * stopped nearer the end sets it false: the next one re-reads the overlap, as after any poll. For
	 * a source not read in time order, only a poll that got no further sets it.
	 */
	behind?: boolean;
}

/** What to do when more records share one second than a poll reads. */
export const CROWDED_SECOND =
	'Narrow the trigger with its filters, so that fewer records share one second. Changing its event or filters starts it again from now: the records of that second are then not emitted.';

/** The seen list never grows past this, whatever happens in the overlap. */
export const MAX_SEEN = 20000;

function stateOf(ctx: IPollFunctions): IDataObject {
	return ctx.getWorkflowStaticData('node');
}

/** The start of the second that holds `ms` (APIs filter by whole seconds). */
const secondOf = (ms: number) => Math.floor(ms / 1000) * 1000;

/** Where the window after `cursor` starts: the overlap before it, from a whole second. */
const windowStart = (cursor: number, timing: PollTiming) => secondOf(cursor - timing.overlapMs);

/**
 * The trigger nodes (by their static data, one object per node of an active workflow) with a poll
 * under way in this process. n8n starts a poll at every tick without waiting for the one before
 * (a slow API, retries), and two Poll Times entries can tick together: two polls of one node would
 * read the same cursor and emit the same records. Polls run in one process (the main, or the
 * leader in queue mode), so this is enough.
 */
const polling = new WeakSet<object>();

/**
 * One poll: the new records, oldest first, or null when there is none. A poll while the node's
 * previous one is still under way reads nothing (null): that one saves where it got, and the next
 * tick goes on from there.
 */
export async function pollNew<T>(
	ctx: IPollFunctions,
	source: PollSource<T>,
	timing: PollTiming,
): Promise<T[] | null> {
	const stored = stateOf(ctx);
	if (polling.has(stored)) return null;
	polling.add(stored);
	try {
		return await pollOnce(ctx, source, timing, stored);
	} finally {
		polling.delete(stored);
	}
}

async function pollOnce<T>(
	ctx: IPollFunctions,
	source: PollSource<T>,
	timing: PollTiming,
	stored: IDataObject,
): Promise<T[] | null> {
	const now = Date.now();
	// The end of the last whole second before now − lag (APIs filter by whole seconds).
	const to = secondOf(now - timing.lagMs) - 1;
	const previous = stored.poll as PollState | undefined;
	if (!previous || previous.key !== source.key) {
		// Starts now (or at the start of the Backfill window): nothing before it is ever emitted.
		const floor = now - Math.max(timing.backfillMs, 0);
		const start: PollState = { key: source.key, cursor: Math.min(floor - 1, to), seen: [], floor };
		if (start.cursor >= to) {
			stored.poll = start;
			return null;
		}
		return await readAndAdvance(ctx, source, timing, start, to);
	}
	return await readAndAdvance(ctx, source, timing, previous, to);
}

async function readAndAdvance<T>(
	ctx: IPollFunctions,
	source: PollSource<T>,
	timing: PollTiming,
	state: PollState,
	to: number,
): Promise<T[] | null> {
	if (to <= state.cursor) return null;
	const { floor } = state;
	// Behind: from the second of the first moment not yet read (the cursor's own second when it may
	// hold more, the next one when a whole-second window ended at the cursor).
	const after = state.behind ? secondOf(state.cursor + 1) : windowStart(state.cursor, timing);
	// Never before the floor's second: what is older was there before these settings started.
	const from = floor === undefined ? after : Math.max(after, secondOf(floor));
	if (to < from) return null;
	const { records, until, again } = await source.read(from, to);
	const seen = new Map(state.seen);
	const fresh: T[] = [];
	for (const record of records) {
		const { id, time } = source.stamp(record);
		// From before the floor (the floor's own second is read): passed over, never emitted.
		if (floor !== undefined && time < floor) continue;
		if (seen.has(id)) continue;
		seen.set(id, time);
		if (source.wanted(record)) fresh.push(record);
	}
	const cursor = again ? state.cursor : Math.max(state.cursor, Math.min(until, to));
	if (!again && state.behind && until < to && cursor === state.cursor) {
		// Read from where the last poll stopped, and stopped there again: every later poll would too.
		throw new NodeOperationError(
			ctx.getNode(),
			`More records at ${new Date(secondOf(cursor)).toISOString()} than one poll reads: the trigger cannot get past that second`,
			{ description: source.crowded ?? CROWDED_SECOND },
		);
	}
	// What the next window reads again: the ids to remember.
	const next = windowStart(cursor, timing);
	const { keep, passedOver } = keepSeen(
		[...seen].filter(([, time]) => time >= next),
		floor,
	);
	stateOf(ctx).poll = {
		key: state.key,
		cursor,
		seen: keep,
		// A window that changed while it was read is read again as it was.
		behind: again
			? state.behind
			: skipsOverlapNext(source, timing, state.cursor, cursor, until, to),
		...(passedOver === undefined ? {} : { floor: passedOver }),
	} satisfies PollState;
	return fresh.length ? fresh : null;
}

/**
 * Whether the next poll goes on from the cursor's second instead of re-reading the overlap (the
 * state's `behind`). `previous` is the cursor this poll started from, `cursor` the one it saves.
 */
function skipsOverlapNext(
	source: { timeOrdered: boolean },
	timing: PollTiming,
	previous: number,
	cursor: number,
	until: number,
	to: number,
): boolean {
	// Read to the window's end: the next poll is an ordinary one and re-reads the overlap.
	if (until >= to) return false;
	// Stopped at the cap less than the overlap before the end: what lies just before the stop was
	// read too soon for a record indexed late there, so the next poll reads that overlap again.
	if (cursor + timing.overlapMs > to) return false;
	// Stopped far before the end. In time order, all before the stop was read late enough. Read in
	// another order (by id), an event timed before the stop may still be unread: re-read the overlap,
	// unless this poll got no further (re-reading would stall; going on from the cursor's second
	// either gets past it or fails saying that second is crowded).
	return source.timeOrdered || cursor === previous;
}

/**
 * The ids to remember, at most MAX_SEEN. When the overlap holds more, the oldest go and the floor
 * moves past their time: reading them again passes them over instead of emitting them twice (a
 * record written late among them is not read).
 */
function keepSeen(
	inOverlap: Array<[id: string, time: number]>,
	floor: number | undefined,
): { keep: Array<[id: string, time: number]>; passedOver: number | undefined } {
	if (inOverlap.length <= MAX_SEEN) return { keep: inOverlap, passedOver: floor };
	const byTime = [...inOverlap].sort((a, b) => a[1] - b[1]);
	const dropped = byTime.length - MAX_SEEN;
	const past = byTime[dropped - 1][1] + 1;
	return { keep: byTime.slice(dropped), passedOver: Math.max(floor ?? past, past) };
}

/**
 * Oldest first, each id once. Records of the same time keep the order they are given in: give them
 * in the API's own oldest-first order (reverse a newest-first list), which is the order they happened.
 */
export function ascending<T>(records: T[], stamp: (record: T) => Stamp): T[] {
	const byId = new Map<string, { record: T; time: number }>();
	for (const record of records) {
		const { id, time } = stamp(record);
		if (!byId.has(id)) byId.set(id, { record, time });
	}
	return [...byId.values()].sort((a, b) => a.time - b.time).map((entry) => entry.record);
}
