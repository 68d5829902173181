import { sleep } from 'n8n-workflow';

export interface PageRequest {
	/** Records to skip (offset paging). */
	offset: number;
	/** 1-based page number (page paging). */
	page: number;
	/** Records asked for. */
	size: number;
	/**
	 * Aborted once the reading no longer needs this page (see `ReadAhead`): its retries stop. Pass it
	 * on to the request.
	 */
	signal?: AbortSignal;
}

export interface Page<T> {
	records: T[];
	/** Total matches, when the API says. */
	total?: number;
}

/** What of a page is output, and whether the list ends with it. */
export interface Selection<T> {
	records: T[];
	/**
	 * The records that follow are outside what was asked (past the end of a time window, say): read
	 * no further page.
	 */
	last?: boolean;
}

/**
 * Picks (and may reshape) what of a page is output. Paging itself (offsets, short pages, duplicates,
 * stalls) goes by the records as the API sent them, so a page of which nothing is kept is no stall.
 */
export type Select<T> = (records: T[]) => Selection<T>;

export interface PagingProgress {
	pages: number;
	records: number;
}

export interface PagingOptions<T> {
	/** Stop after this many records; undefined = all. */
	limit?: number;
	pageSize: number;
	/**
	 * `offset`: the next page starts after the records received, so the last page may be smaller.
	 * `page`: numbered pages of a constant size.
	 */
	style: 'offset' | 'page';
	fetch: (request: PageRequest) => Promise<Page<T>>;
	/**
	 * A record's identity, to keep a record once when the list shifts while paging. Without one (the
	 * API gives records no id) nothing is dropped, and a page that starts like the one before it
	 * means the API is not paging.
	 */
	idOf?: (record: T) => string | number;
	/** The error to throw when a full page brings nothing new (the API is not paging). */
	stalled: (progress: PagingProgress) => Error;
	/** What of each page is output (all of it without). */
	select?: Select<T>;
}

const fingerprint = (record: unknown): string => JSON.stringify(record) ?? '';

type Id = string | number;

/**
 * The ids of the records read so far, to keep a record once when a list shifts while paging.
 * APIs list by id or by time, so the ids usually run one way: while each is beyond the one before
 * (all up, or all down), it is new by construction, and a comparison tells it without hashing. The
 * first id out of that order (a repeat, or a list in no id order) turns to a set of every id read
 * so far, which decides from then on.
 */
export class SeenIds {
	private readonly inOrder: Id[] = [];
	/** 1: ids go up, -1: down, 0: not known yet (fewer than two ids). */
	private direction = 0;
	private set: Set<Id> | undefined;

	/** Notes the id: true when it was not seen before. */
	add(id: Id): boolean {
		const set = this.set;
		if (set !== undefined) {
			const size = set.size;
			return set.add(id).size !== size;
		}
		const ids = this.inOrder;
		const count = ids.length;
		if (count === 0) {
			ids.push(id);
			return true;
		}
		const last = ids[count - 1];
		// Of one type only: between a number and a text, < and > are not transitive.
		const way = typeof id !== typeof last ? 0 : id > last ? 1 : id < last ? -1 : 0;
		if (way !== 0 && (way === this.direction || count === 1)) {
			this.direction = way;
			ids.push(id);
			return true;
		}
		this.set = new Set(ids);
		this.inOrder.length = 0;
		return this.add(id);
	}
}

/**
 * A page that failed (after its retries) fails the whole list: no partial list is returned. The error
 * then also says how far the reading got, so the user knows what was lost and that a rerun reads
 * everything again.
 */
function withProgress(error: unknown, progress: PagingProgress): unknown {
	const described = error as { description?: string | null };
	if (progress.pages > 0 && error && typeof error === 'object' && 'description' in described) {
		const note = `Reading stopped at page ${progress.pages + 1}, after ${progress.records} records; none of them were output for this item (all or nothing). Run it again to read the whole list.`;
		described.description = described.description ? `${described.description} ${note}` : note;
	}
	return error;
}

async function awaitWithProgress<T>(page: Promise<T>, progress: PagingProgress): Promise<T> {
	try {
		return await page;
	} catch (error) {
		throw withProgress(error, progress);
	}
}

/** Turns of the event loop a request read ahead needs to be written: see `ReadAhead.letOut`. */
const LET_OUT_TURNS = 2;

/**
 * At most one page asked for before it is needed, so the API works on the next page while this one
 * is parsed, checked and kept. A page read ahead is used only when the reading asks for exactly that
 * page; one it does not need (the list ended or failed, or an API that caps its pages moved the next
 * offset) is dropped: its retries stop, its failure is nobody's, and `settle` waits for its request
 * to end, so no request outlives the reading.
 */
class ReadAhead<K, T> {
	private pending?: { key: K; page: Promise<T>; abort: AbortController };

	private readonly dropped: Array<Promise<unknown>> = [];

	private readonly answered = new WeakSet<Promise<T>>();

	constructor(
		private readonly fetch: (key: K, signal?: AbortSignal) => Promise<T>,
		private readonly same: (a: K, b: K) => boolean,
	) {}

	/**
	 * Starts reading the page at `key` ahead. Call `letOut` before synchronous work on a page that is
	 * already here, or the request would wait for that work to end before it goes out.
	 */
	start(key: K): void {
		this.drop();
		const abort = new AbortController();
		const page = this.ask(key, abort.signal);
		// Awaited when used; when dropped, its failure must not surface as unhandled.
		page.catch(() => undefined);
		this.pending = { key, page, abort };
	}

	/** The page at `key`: the one read ahead if it is that page, else asked for now. */
	take(key: K): Promise<T> {
		const pending = this.pending;
		this.pending = undefined;
		if (pending && this.same(pending.key, key)) return pending.page;
		this.drop(pending);
		return this.ask(key);
	}

	/** Whether the answer (or failure) of a page taken is here: awaiting it would not wait. */
	isAnswered(page: Promise<T>): boolean {
		return this.answered.has(page);
	}

	/**
	 * Two turns of the event loop: the request read ahead gets its connection and goes out. n8n's
	 * helper opens a new connection for every request, and the request is written once the event
	 * loop has polled for it. A `sleep(0)` can end before any poll (its timer is due once preparing
	 * the request took a millisecond), so one turn left the request waiting until the page's own
	 * work was done; the second turn passes through a poll (measured with n8n-core 1.123 and 2.8; the
	 * paging test checks it through n8n's request helper).
	 */
	async letOut(): Promise<void> {
		if (!this.pending) return;
		for (let turn = 0; turn < LET_OUT_TURNS; turn++) await sleep(0);
	}

	/** Drops the page read ahead and waits for every dropped request to end. */
	async settle(): Promise<void> {
		this.drop();
		await Promise.allSettled(this.dropped);
	}

	/** A page read ahead gets a signal, to be dropped by; a page asked for when needed, none. */
	private ask(key: K, signal?: AbortSignal): Promise<T> {
		const page = this.fetch(key, signal);
		const mark = () => this.answered.add(page);
		page.then(mark, mark);
		return page;
	}

	private drop(pending = this.pending): void {
		if (pending === this.pending) this.pending = undefined;
		if (!pending) return;
		pending.abort.abort();
		this.dropped.push(pending.page);
	}
}

/**
 * Walks pages until the last one: the API's total reached or an empty page, or, where the API gives
 * no total, a short page. A record seen on an earlier page (the list shifted while paging) is kept
 * once. A full page with no new record means the API ignores the paging parameters: that is an
 * error, never an endless loop or a silent partial list.
 *
 * Return All (no limit) reads one page ahead once a page came back full: while a page is parsed and
 * kept, the API prepares the next. Where the API gives no total, a list of more than one page may
 * cost one request more (the page after the last, read ahead in vain).
 */
export async function collectPages<T>(options: PagingOptions<T>): Promise<T[]> {
	const { limit, style, idOf, select } = options;
	const out: T[] = [];
	const seen = new SeenIds();
	const progress: PagingProgress = { pages: 0, records: 0 };
	const constantSize = limit === undefined ? options.pageSize : Math.min(options.pageSize, limit);
	const pages = new ReadAhead<PageRequest, Page<T>>(
		async (request, signal) => await options.fetch({ ...request, signal }),
		(a, b) => a.offset === b.offset && a.page === b.page && a.size === b.size,
	);
	let offset = 0;
	let total: number | undefined;
	let previousFull = false;
	let previousFirst: string | undefined;
	try {
		while (limit === undefined || out.length < limit) {
			const size =
				style === 'offset' && limit !== undefined
					? Math.min(options.pageSize, limit - out.length)
					: constantSize;
			const request = { offset, page: progress.pages + 1, size };
			const pending = pages.take(request);
			// The page after this one, if the last came back full and the API's total has room for it.
			const next = { offset: offset + size, page: request.page + 1, size };
			if (limit === undefined && previousFull && (total === undefined || next.offset < total)) {
				pages.start(next);
				// This page is here already: no wait for it would let the request ahead go out.
				if (pages.isAnswered(pending)) await pages.letOut();
			}
			const page = await awaitWithProgress(pending, progress);
			progress.pages++;
			const received = page.records;
			total = page.total;
			// The records not seen before, checked as they come: straight into the output when nothing
			// is selected (no copy of the page), else gathered for the selection.
			let fresh: T[] = select ? [] : out;
			let stalled: boolean;
			if (idOf) {
				let count = 0;
				for (let i = 0; i < received.length; i++) {
					const record = received[i];
					if (!seen.add(idOf(record))) continue;
					count++;
					if (fresh !== out || limit === undefined || out.length < limit) fresh.push(record);
				}
				stalled = count === 0;
			} else {
				const first = received.length ? fingerprint(received[0]) : undefined;
				stalled = first !== undefined && first === previousFirst;
				previousFirst = first ?? previousFirst;
				if (select) fresh = received;
				else
					for (const record of received)
						if (limit === undefined || out.length < limit) out.push(record);
			}
			let last = false;
			if (select) {
				const chosen = select(fresh);
				for (const record of chosen.records) {
					if (limit !== undefined && out.length >= limit) break;
					out.push(record);
				}
				last = chosen.last === true;
			}
			progress.records = out.length;
			if (last) break;
			if (total === undefined) {
				if (received.length < size) break;
			} else if (offset + received.length >= total || received.length === 0) {
				// With a total, a short page is not the end: the API may cap the page size below ours.
				break;
			}
			if (stalled) throw options.stalled(progress);
			previousFull = received.length === size;
			offset += received.length;
		}
	} finally {
		await pages.settle();
	}
	return out;
}

export interface CursorPage<T> {
	records: T[];
	/** Where the next page starts; absent on the last page. */
	next?: string;
}

export interface CursorOptions<T> {
	limit?: number;
	fetch: (
		cursor: string | undefined,
		size: number | undefined,
		signal?: AbortSignal,
	) => Promise<CursorPage<T>>;
	idOf: (record: T) => string | number;
	/** The error to throw when the API hands out a cursor it gave before (it would loop forever). */
	stalled: (progress: PagingProgress) => Error;
	/** Largest page the API serves; with a limit, smaller pages are asked near the end. */
	maxPageSize: number;
	/** What of each page is output (all of it without). */
	select?: Select<T>;
}

/**
 * Follows a forward cursor until the API gives none (or the limit is reached), all-or-error. Return
 * All asks for the next page as soon as a page gives its cursor, before keeping that page's records.
 */
export async function collectCursor<T>(options: CursorOptions<T>): Promise<T[]> {
	const { limit, select } = options;
	const out: T[] = [];
	const seen = new SeenIds();
	const cursors = new Set<string>();
	const progress: PagingProgress = { pages: 0, records: 0 };
	const pages = new ReadAhead<string | undefined, CursorPage<T>>(
		async (cursor, signal) =>
			await options.fetch(
				cursor,
				limit === undefined ? undefined : Math.min(options.maxPageSize, limit - out.length),
				signal,
			),
		(a, b) => a === b,
	);
	let cursor: string | undefined;
	try {
		do {
			const page = await awaitWithProgress(pages.take(cursor), progress);
			progress.pages++;
			const next = page.next || undefined;
			const repeated = next !== undefined && cursors.has(next);
			if (next !== undefined && !repeated && limit === undefined) {
				pages.start(next);
				await pages.letOut();
			}
			const fresh: T[] = [];
			const received = page.records;
			for (let i = 0; i < received.length; i++) {
				if (seen.add(options.idOf(received[i]))) fresh.push(received[i]);
			}
			const chosen = select ? select(fresh) : { records: fresh };
			for (const record of chosen.records) {
				out.push(record);
				if (limit !== undefined && out.length >= limit) return out;
			}
			progress.records = out.length;
			if (chosen.last) return out;
			if (repeated) throw options.stalled(progress);
			if (next !== undefined) cursors.add(next);
			cursor = next;
		} while (cursor !== undefined);
	} finally {
		await pages.settle();
	}
	return out;
}
