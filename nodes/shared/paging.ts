export interface PageRequest {
	/** Records to skip (offset paging). */
	offset: number;
	/** 1-based page number (page paging). */
	page: number;
	/** Records asked for. */
	size: number;
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

async function fetchWithProgress<T>(fetch: () => Promise<T>, progress: PagingProgress): Promise<T> {
	try {
		return await fetch();
	} catch (error) {
		throw withProgress(error, progress);
	}
}

/**
 * Walks pages until the last one: the API's total reached or an empty page, or, where the API gives
 * no total, a short page. A record seen on an earlier page (the list shifted while paging) is kept
 * once. A full page with no new record means the API ignores the paging parameters: that is an
 * error, never an endless loop or a silent partial list.
 */
export async function collectPages<T>(options: PagingOptions<T>): Promise<T[]> {
	const { limit, style, idOf } = options;
	const out: T[] = [];
	const seen = new Set<string | number>();
	const progress: PagingProgress = { pages: 0, records: 0 };
	const constantSize = limit === undefined ? options.pageSize : Math.min(options.pageSize, limit);
	let offset = 0;
	let previousFirst: string | undefined;
	while (limit === undefined || out.length < limit) {
		const size =
			style === 'offset' && limit !== undefined
				? Math.min(options.pageSize, limit - out.length)
				: constantSize;
		const request = { offset, page: progress.pages + 1, size };
		const page = await fetchWithProgress(() => options.fetch(request), progress);
		progress.pages++;
		const received = page.records;
		let stalled: boolean;
		let last = false;
		if (idOf && !options.select) {
			// The page's new records go straight to the output: no copy of the page.
			let fresh = 0;
			for (const record of received) {
				const id = idOf(record);
				if (seen.has(id)) continue;
				seen.add(id);
				fresh++;
				if (limit === undefined || out.length < limit) out.push(record);
			}
			stalled = fresh === 0;
		} else {
			let fresh = received;
			if (idOf) {
				fresh = received.filter((record) => {
					const id = idOf(record);
					if (seen.has(id)) return false;
					seen.add(id);
					return true;
				});
				stalled = fresh.length === 0;
			} else {
				const first = received.length ? fingerprint(received[0]) : undefined;
				stalled = first !== undefined && first === previousFirst;
				previousFirst = first ?? previousFirst;
			}
			const chosen = options.select ? options.select(fresh) : { records: fresh };
			for (const record of chosen.records) {
				if (limit !== undefined && out.length >= limit) break;
				out.push(record);
			}
			last = chosen.last === true;
		}
		progress.records = out.length;
		if (last) break;
		if (page.total === undefined) {
			if (received.length < size) break;
		} else if (offset + received.length >= page.total || received.length === 0) {
			// With a total, a short page is not the end: the API may cap the page size below ours.
			break;
		}
		if (stalled) throw options.stalled(progress);
		offset += received.length;
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
	fetch: (cursor: string | undefined, size: number | undefined) => Promise<CursorPage<T>>;
	idOf: (record: T) => string | number;
	/** The error to throw when the API hands out a cursor it gave before (it would loop forever). */
	stalled: (progress: PagingProgress) => Error;
	/** Largest page the API serves; with a limit, smaller pages are asked near the end. */
	maxPageSize: number;
	/** What of each page is output (all of it without). */
	select?: Select<T>;
}

/** Follows a forward cursor until the API gives none (or the limit is reached), all-or-error. */
export async function collectCursor<T>(options: CursorOptions<T>): Promise<T[]> {
	const { limit } = options;
	const out: T[] = [];
	const seen = new Set<string | number>();
	const cursors = new Set<string>();
	const progress: PagingProgress = { pages: 0, records: 0 };
	let cursor: string | undefined;
	do {
		const size =
			limit === undefined ? undefined : Math.min(options.maxPageSize, limit - out.length);
		const at = cursor;
		const page = await fetchWithProgress(() => options.fetch(at, size), progress);
		progress.pages++;
		const fresh = page.records.filter((record) => {
			const id = options.idOf(record);
			if (seen.has(id)) return false;
			seen.add(id);
			return true;
		});
		const chosen = options.select ? options.select(fresh) : { records: fresh };
		for (const record of chosen.records) {
			out.push(record);
			if (limit !== undefined && out.length >= limit) return out;
		}
		progress.records = out.length;
		if (chosen.last) return out;
		cursor = page.next || undefined;
		if (cursor !== undefined) {
			if (cursors.has(cursor)) throw options.stalled(progress);
			cursors.add(cursor);
		}
	} while (cursor !== undefined);
	return out;
}
