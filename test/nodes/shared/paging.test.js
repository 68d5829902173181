'use strict';
// Paging reads one page ahead on Return All: the API works on the next page while this one is kept.
// A page read ahead is used only when it is the page the reading asks for; one not needed is dropped
// (its retries stop) and waited for, so no request outlives the reading. These tests drive the
// paging functions with a scripted list; the nodes' own tests run them against the sandboxes.
const { Worker } = require('node:worker_threads');
// The request helper n8n's `httpRequestWithAuthentication` hands every request to.
const {
	httpRequest,
} = require('n8n-core/dist/execution-engine/node-execution-context/utils/request-helper-functions');
const { collectPages, collectCursor, SeenIds } = require('../../../nodes/shared/paging');

/** A list of `n` records `{ id }` served in pages, each request answered when the test says. */
function scriptedList(n, { total = false, cap = Infinity, failAt } = {}) {
	const records = Array.from({ length: n }, (_, i) => ({ id: i + 1 }));
	const log = [];
	let inFlight = 0;
	let peak = 0;
	const fetch = async ({ offset, page, size, signal }) => {
		const entry = { offset, page, size, signal, settled: false };
		log.push(entry);
		inFlight++;
		peak = Math.max(peak, inFlight);
		// Answered on a later turn, so a request read ahead is in flight while a page is kept.
		await new Promise((resolve) => setTimeout(resolve, 2));
		inFlight--;
		entry.settled = true;
		if (failAt !== undefined && offset === failAt) throw Object.assign(new Error('boom'), { description: null });
		const start = offset ?? (page - 1) * size;
		const page_ = records.slice(start, start + Math.min(size, cap));
		return total ? { records: page_, total: n } : { records: page_ };
	};
	return { fetch, log, peak: () => peak, records };
}

const stalled = () => new Error('stalled');

/**
 * A two-page cursor API served by a thread of its own, so it notes when a request arrives while this
 * thread is busy: `{ records, next }`, and at /arrivals the cursor and time of every request.
 */
async function apiThread() {
	const worker = new Worker(
		`
		const http = require('node:http');
		const { parentPort } = require('node:worker_threads');
		const arrivals = [];
		const server = http.createServer((req, res) => {
			const url = new URL(req.url, 'http://x');
			if (url.pathname === '/arrivals') return res.end(JSON.stringify(arrivals));
			const cursor = url.searchParams.get('cursor') ?? '';
			arrivals.push({ cursor, at: Date.now() });
			const start = Number(cursor || 0);
			const next = start + 2 < 4 ? String(start + 2) : undefined;
			res.setHeader('content-type', 'application/json');
			res.end(JSON.stringify({ records: [{ id: start + 1 }, { id: start + 2 }], next }));
		});
		server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
		parentPort.on('message', () => server.close(() => process.exit(0)));
		`,
		{ eval: true },
	);
	const port = await new Promise((resolve, reject) => {
		worker.once('message', resolve);
		worker.once('error', reject);
	});
	const url = `http://127.0.0.1:${port}`;
	return {
		url,
		arrivals: async () => await httpRequest({ url: `${url}/arrivals`, json: true }),
		close: async () => {
			worker.postMessage('close');
			await new Promise((resolve) => worker.once('exit', resolve));
		},
	};
}

const offsets = (log) => log.map((e) => e.offset);

describe('collectPages reads one page ahead on Return All', () => {
	test('no total: every page, then the one after the last, asked while the last was on its way', async () => {
		const list = scriptedList(23);
		const out = await collectPages({ pageSize: 5, style: 'offset', fetch: list.fetch, idOf: (r) => r.id, stalled });
		expect(out).toEqual(list.records);
		// The first page alone; from the second on, the next one is asked with it.
		expect(offsets(list.log)).toEqual([0, 5, 10, 15, 20, 25]);
		expect(list.peak()).toBe(2);
		// The page read ahead in vain was dropped (its signal aborted) and had ended before the reading.
		const last = list.log[list.log.length - 1];
		expect(last.signal.aborted).toBe(true);
		expect(list.log.every((e) => e.settled)).toBe(true);
		expect(list.log.slice(0, -1).every((e) => !e.signal?.aborted)).toBe(true);
		// Only a page read ahead can be dropped: a page asked for when needed has no signal.
		expect(list.log[0].signal).toBeUndefined();
	});

	test('a one-page list is one request: nothing is read ahead before a page came back full', async () => {
		const list = scriptedList(3);
		const out = await collectPages({ pageSize: 5, style: 'offset', fetch: list.fetch, idOf: (r) => r.id, stalled });
		expect(out).toHaveLength(3);
		expect(offsets(list.log)).toEqual([0]);
	});

	test('with a total, never past it: no request in vain', async () => {
		const list = scriptedList(20, { total: true });
		const out = await collectPages({ pageSize: 5, style: 'page', fetch: list.fetch, idOf: (r) => r.id, stalled });
		expect(out).toEqual(list.records);
		expect(list.log.map((e) => e.page)).toEqual([1, 2, 3, 4]);
		expect(list.peak()).toBe(2);
	});

	test('an API that caps its pages below ours: nothing is read ahead after a short page', async () => {
		const list = scriptedList(12, { total: true, cap: 4 });
		const out = await collectPages({ pageSize: 5, style: 'offset', fetch: list.fetch, idOf: (r) => r.id, stalled });
		expect(out).toEqual(list.records);
		expect(offsets(list.log)).toEqual([0, 4, 8]);
		expect(list.peak()).toBe(1);
	});

	test('a Limit reads page by page, asking only for what is missing', async () => {
		const list = scriptedList(50);
		const out = await collectPages({ limit: 12, pageSize: 5, style: 'offset', fetch: list.fetch, idOf: (r) => r.id, stalled });
		expect(out).toEqual(list.records.slice(0, 12));
		expect(list.log.map((e) => `${e.size}@${e.offset}`)).toEqual(['5@0', '5@5', '2@10']);
		expect(list.peak()).toBe(1);
	});

	test('a page that fails fails the list, after the page read ahead was dropped and ended', async () => {
		const list = scriptedList(40, { failAt: 10 });
		const error = await collectPages({ pageSize: 5, style: 'offset', fetch: list.fetch, idOf: (r) => r.id, stalled }).catch((e) => e);
		expect(error.message).toBe('boom');
		expect(error.description).toMatch(/^Reading stopped at page 3, after 10 records/);
		expect(offsets(list.log)).toEqual([0, 5, 10, 15]);
		expect(list.log[3].signal.aborted).toBe(true);
		expect(list.log.every((e) => e.settled)).toBe(true);
	});

	test('a failure of the page read ahead in vain is nobody’s', async () => {
		const list = scriptedList(15, { failAt: 20 });
		const out = await collectPages({ pageSize: 5, style: 'offset', fetch: list.fetch, idOf: (r) => r.id, stalled });
		expect(out).toEqual(list.records);
		expect(offsets(list.log)).toEqual([0, 5, 10, 15, 20]);
	});

	test('a selection that ends the list drops the page read ahead', async () => {
		const list = scriptedList(40);
		const select = (records) => ({ records: records.filter((r) => r.id <= 12), last: records.some((r) => r.id > 12) });
		const out = await collectPages({ pageSize: 5, style: 'offset', fetch: list.fetch, idOf: (r) => r.id, stalled, select });
		expect(out.map((r) => r.id)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
		expect(offsets(list.log)).toEqual([0, 5, 10, 15]);
		expect(list.log[3].signal.aborted).toBe(true);
	});

	test('an API that ignores the paging stalls with an error, the page read ahead dropped', async () => {
		const records = Array.from({ length: 5 }, (_, i) => ({ id: i + 1 }));
		const log = [];
		const fetch = async (request) => {
			log.push(request);
			await new Promise((resolve) => setTimeout(resolve, 1));
			return { records };
		};
		const error = await collectPages({ pageSize: 5, style: 'offset', fetch, idOf: (r) => r.id, stalled }).catch((e) => e);
		expect(error.message).toBe('stalled');
		expect(log.map((r) => r.offset)).toEqual([0, 5, 10]);
		expect(log[2].signal.aborted).toBe(true);
	});
});

describe('collectCursor asks for the next page before keeping this one', () => {
	/** Cursor pages of 5 over `n` records; `select` sees what was asked for when it runs. */
	function cursorList(n, { repeatAt } = {}) {
		const records = Array.from({ length: n }, (_, i) => ({ id: i + 1 }));
		const asked = [];
		const fetch = async (cursor, size, signal) => {
			asked.push({ cursor, size, signal });
			await new Promise((resolve) => setTimeout(resolve, 1));
			const start = cursor === undefined ? 0 : Number(cursor);
			const next = start + 5 < n ? String(repeatAt !== undefined && start >= repeatAt ? repeatAt : start + 5) : undefined;
			return { records: records.slice(start, start + 5), next };
		};
		return { fetch, asked, records };
	}

	test('Return All: the next cursor is asked for before the page is selected', async () => {
		const list = cursorList(12);
		const seenWhenSelecting = [];
		const select = (records) => {
			seenWhenSelecting.push(list.asked.length);
			return { records };
		};
		const out = await collectCursor({ fetch: list.fetch, idOf: (r) => r.id, stalled, maxPageSize: 5, select });
		expect(out).toEqual(list.records);
		expect(list.asked.map((a) => a.cursor)).toEqual([undefined, '5', '10']);
		// Pages 1 and 2 were selected with the following page already asked for; page 3 is the last.
		expect(seenWhenSelecting).toEqual([2, 3, 3]);
	});

	test('Return All, through n8n’s request helper: the request read ahead reaches the API before the page’s own work', async () => {
		// The API in a thread of its own notes when each request arrives, while this thread is busy.
		const api = await apiThread();
		try {
			const work = [];
			const out = await collectCursor({
				fetch: async (cursor) => await httpRequest({ url: `${api.url}/?cursor=${cursor ?? ''}`, json: true }),
				idOf: (r) => r.id,
				stalled,
				maxPageSize: 2,
				select: (records) => {
					// The first page's work, as parsing and completing a large page: synchronous, so
					// nothing else runs in this thread meanwhile.
					const started = Date.now();
					while (work.length === 0 && Date.now() - started < 1000);
					work.push({ started, ended: Date.now() });
					return { records };
				},
			});
			expect(out.map((r) => r.id)).toEqual([1, 2, 3, 4]);
			const arrived = await api.arrivals();
			expect(arrived.map((a) => a.cursor)).toEqual(['', '2']);
			// The second page was asked for before the first page's work began, and went out then: not
			// once that work was done, a second later.
			expect(work[0].ended - work[0].started).toBeGreaterThanOrEqual(1000);
			expect(arrived[1].at).toBeLessThan(work[0].started + 500);
		} finally {
			await api.close();
		}
	});

	test('a Limit follows the cursor page by page', async () => {
		const list = cursorList(30);
		const out = await collectCursor({ limit: 7, fetch: list.fetch, idOf: (r) => r.id, stalled, maxPageSize: 5 });
		expect(out).toHaveLength(7);
		expect(list.asked.map((a) => [a.cursor, a.size])).toEqual([
			[undefined, 5],
			['5', 2],
		]);
	});

	test('a cursor given twice stalls with an error and is not read ahead again', async () => {
		const list = cursorList(30, { repeatAt: 5 });
		const error = await collectCursor({ fetch: list.fetch, idOf: (r) => r.id, stalled, maxPageSize: 5 }).catch((e) => e);
		expect(error.message).toBe('stalled');
		expect(list.asked.map((a) => a.cursor)).toEqual([undefined, '5']);
	});
});

describe('SeenIds: a record is kept once, with a comparison while the ids run one way', () => {
	const added = (ids) => {
		const seen = new SeenIds();
		return ids.map((id) => seen.add(id));
	};

	test('ids going up, then one read before: new until the repeat', () => {
		const ids = Array.from({ length: 1000 }, (_, i) => i * 3);
		expect(added([...ids, 1500, 3000])).toEqual([...ids.map(() => true), false, true]);
	});

	test('ids going down (newest first), text ids as Mongo and Sumsub give them', () => {
		const ids = ['6552f0', '6552e9', '6552a1', '65529f'];
		expect(added([...ids, '6552e9', '6552a0', '6552f0'])).toEqual([true, true, true, true, false, true, false]);
	});

	test('the same id twice in a row, at the start and later', () => {
		expect(added([7, 7, 8, 8, 9])).toEqual([true, false, true, false, true]);
	});

	test('ids in no order: every repeat found, every new id kept', () => {
		const ids = [50, 10, 40, 20, 30, 10, 60, 40, 5, 50];
		expect(added(ids)).toEqual(ids.map((id, i) => !ids.slice(0, i).includes(id)));
	});

	test('a number and the same digits as text are two ids, as before', () => {
		expect(added([5, '5', 5, '5'])).toEqual([true, true, false, false]);
	});

	test('numbers and texts mixed: a repeat is found, though "2" < 3 < "10" < "2" each way', () => {
		expect(added(['2', 3, '10', '2', 3])).toEqual([true, true, true, false, false]);
	});

	test('collectPages: a list in no id order that shifts while paging keeps each record once', async () => {
		// Ordered by name, not id; a record inserted before page 2 is read moves one on to page 2.
		const before = [9, 2, 7, 4, 1, 8, 3, 6, 5, 10].map((id) => ({ id }));
		const after = [{ id: 11 }, ...before];
		const fetch = async ({ offset, size }) => ({ records: (offset === 0 ? before : after).slice(offset, offset + size) });
		const out = await collectPages({ pageSize: 5, style: 'offset', fetch, idOf: (r) => r.id, stalled });
		expect(out.map((r) => r.id)).toEqual([9, 2, 7, 4, 1, 8, 3, 6, 5, 10]);
	});
});
