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
	const { limit, style } = options;
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
		let fresh = 0;
		for (const record of page.records) {
			if (options.idOf) {
				const id = options.idOf(record);
				if (seen.has(id)) continue;
				seen.add(id);
			}
			fresh++;
			if (limit === undefined || out.length < limit) out.push(record);
		}
		if (!options.idOf && page.records.length) {
			const first = fingerprint(page.records[0]);
			if (first === previousFirst) fresh = 0;
			previousFirst = first;
		}
		progress.records = out.length;
		if (page.total === undefined) {
			if (page.records.length < size) break;
		} else if (offset + page.records.length >= page.total || page.records.length === 0) {
			// With a total, a short page is not the end: the API may cap the page size below ours.
			break;
		}
		if (fresh === 0) throw options.stalled(progress);
		offset += page.records.length;
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
		for (const record of page.records) {
			const id = options.idOf(record);
			if (seen.has(id)) continue;
			seen.add(id);
			out.push(record);
			if (limit !== undefined && out.length >= limit) return out;
		}
		progress.records = out.length;
		cursor = page.next || undefined;
		if (cursor !== undefined) {
			if (cursors.has(cursor)) throw options.stalled(progress);
			cursors.add(cursor);
		}
	} while (cursor !== undefined);
	return out;
}
