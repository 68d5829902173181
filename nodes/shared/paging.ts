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
	fetch: (request: PageRequest, progress: PagingProgress) => Promise<Page<T>>;
	idOf: (record: T) => string | number;
	/** The error to throw when a full page brings nothing new (the API is not paging). */
	stalled: (progress: PagingProgress) => Error;
}

/**
 * Walks pages until the last one: the API's total reached or an empty page, or, where the API gives no
 * total, a short page. A record seen on an
 * earlier page (the list shifted while paging) is kept once. A full page with no new record means the
 * API ignores the paging parameters: that is an error, never an endless loop or a silent partial list.
 */
export async function collectPages<T>(options: PagingOptions<T>): Promise<T[]> {
	const { limit, style } = options;
	const out: T[] = [];
	const seen = new Set<string | number>();
	const progress: PagingProgress = { pages: 0, records: 0 };
	const constantSize = limit === undefined ? options.pageSize : Math.min(options.pageSize, limit);
	let offset = 0;
	while (limit === undefined || out.length < limit) {
		const size =
			style === 'offset' && limit !== undefined
				? Math.min(options.pageSize, limit - out.length)
				: constantSize;
		const page = await options.fetch({ offset, page: progress.pages + 1, size }, progress);
		progress.pages++;
		let fresh = 0;
		for (const record of page.records) {
			const id = options.idOf(record);
			if (seen.has(id)) continue;
			seen.add(id);
			fresh++;
			if (limit === undefined || out.length < limit) out.push(record);
		}
		progress.records = out.length;
		if (page.total === undefined) {
			if (page.records.length < size) break;
		} else if (seen.size >= page.total || page.records.length === 0) {
			// With a total, a short page is not the end: the API may cap the page size below ours.
			break;
		}
		if (fresh === 0) throw options.stalled(progress);
		offset += page.records.length;
	}
	return out;
}
