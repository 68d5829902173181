'use strict';
// Fault injection: long Return All runs through seeded transient faults (429 with and without
// Retry-After, 503, resets before and in the middle of a body, slow answers past the timeout) keep
// every record exactly once; a fault that does not pass gives one clear error and no partial list.
const workflow = require('n8n-workflow');

const { useRecruitee, jsonOf } = require('../harness/recruitee');
const { useSumsub } = require('../harness/sumsub');

const recruitee = useRecruitee({ candidates: 1000 });
const sumsub = useSumsub({ events: 20000 });

/** The page a request asked for: its offset, page number or marker. */
const pageOf = (r) => r.query.offset ?? r.query.page ?? r.query.forwardMarker ?? '';

/**
 * The counts this suite reports (test output, and the README's reliability section). `pages`: the
 * pages the reading needed. Return All reads one page ahead, so where the API gives no total the page
 * after the last may be asked for in vain; that request is dropped when not needed and never retried.
 */
function report(name, sandbox, pages, records) {
	// The pages in the order they were first asked for: the first `pages` were needed, any after them
	// were read ahead in vain.
	const order = [...new Set(sandbox.requests.map(pageOf))];
	const readAheadInVain = order.length - pages;
	// Requests for the pages the reading needed: each once, then once more for every fault on it.
	const needed = sandbox.requests.filter((r) => order.indexOf(pageOf(r)) < pages);
	const injected = needed.filter((r) => r.injected);
	const byKind = {};
	for (const r of injected) byKind[r.fault] = (byKind[r.fault] ?? 0) + 1;
	const line = {
		workload: name,
		pages,
		readAheadInVain,
		requests: sandbox.requests.length,
		injectedFaults: injected.length,
		retries: needed.length - pages,
		faultKinds: byKind,
		records,
	};
	console.log(`fault injection: ${JSON.stringify(line)}`);
	return line;
}

const TRANSIENT = ['429', '503', 'reset', 'truncate'];
const tolerant = { maxRetries: 8, maxRetrySeconds: 300 };

describe('Return All through 10% transient faults', () => {
	test('Recruitee candidates: 101 pages by offset, every candidate exactly once, in order', async () => {
		const { candidates: expected } = await recruitee.oracle('/candidates');
		recruitee.sandbox.faultRate({ rate: 0.1, kinds: TRANSIENT, seed: 11, path: /\/candidates$/ });
		const { items, error } = await recruitee.run({
			resource: 'candidate',
			operation: 'getAll',
			returnAll: true,
			simplify: false,
			options: { pageSize: 10, ...tolerant },
		});
		expect(error).toBeUndefined();
		expect(jsonOf(items)).toEqual(expected);
		const line = report('recruitee candidates', recruitee.sandbox, 101, items.length);
		expect(line.injectedFaults).toBeGreaterThanOrEqual(5);
		expect(line.retries).toBe(line.injectedFaults);
		// No total: the page after the empty 101st was read ahead, in vain.
		expect(line.readAheadInVain).toBe(1);
	});

	test('Recruitee search: 100 numbered pages, every hit exactly once', async () => {
		const expected = await recruitee.oracle('/search/new/candidates?limit=10000');
		recruitee.sandbox.faultRate({ rate: 0.1, kinds: TRANSIENT, seed: 12 });
		const { items, error } = await recruitee.run({
			resource: 'search',
			operation: 'candidates',
			returnAll: true,
			simplify: false,
			options: { pageSize: 10, ...tolerant },
		});
		expect(error).toBeUndefined();
		expect(jsonOf(items)).toEqual(expected.hits);
		report('recruitee search', recruitee.sandbox, 100, items.length);
	});

	test('Sumsub legacy endpoint: 100+ pages by offset, every event exactly once', async () => {
		const window = { from: '2026-10-01T00:00:00Z', to: '2026-11-21T00:00:00Z' };
		sumsub.sandbox.faultRate({ rate: 0.1, kinds: TRANSIENT, seed: 13 });
		const { items, error } = await sumsub.run({
			resource: 'auditTrailEvent',
			operation: 'getAll',
			returnAll: true,
			filters: window,
			options: { pageSize: 200, ...tolerant },
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(20000);
		expect(new Set(items.map((i) => i.json.correlationId + i.json.ts)).size).toBe(20000);
		report('sumsub legacy', sumsub.sandbox, 101, items.length);
	});

	test('Sumsub list endpoint: 100+ cursor pages, every event exactly once, ids ascending', async () => {
		sumsub.sandbox.faultRate({ rate: 0.1, kinds: TRANSIENT, seed: 14 });
		const { items, error } = await sumsub.run({
			resource: 'auditTrailEvent',
			operation: 'getAll',
			endpoint: 'list',
			returnAll: true,
			filters: { from: '2026-10-01T00:00:00Z', to: '2026-11-21T00:00:00Z' },
			options: { pageSize: 150, ...tolerant },
		});
		expect(error).toBeUndefined();
		const ids = items.map((i) => i.json.id);
		expect(ids).toHaveLength(20000);
		expect(new Set(ids).size).toBe(20000);
		expect([...ids].sort()).toEqual(ids);
		report('sumsub list', sumsub.sandbox, Math.ceil(20000 / 150), items.length);
	});
});

describe('faults one by one', () => {
	const getMany = (options = {}) => ({
		resource: 'candidate',
		operation: 'getAll',
		returnAll: true,
		simplify: false,
		options: { pageSize: 100, ...options },
	});

	test('429 without Retry-After is retried with backoff', async () => {
		recruitee.sandbox.inject({ status: 429, body: { error: 'Too Many Requests' }, times: 2 });
		const { items, error } = await recruitee.run(getMany());
		expect(error).toBeUndefined();
		expect(items).toHaveLength(recruitee.sandbox.data.candidates.length);
	});

	test('an answer slower than the timeout is abandoned and retried', async () => {
		recruitee.sandbox.inject({ delayMs: 3000, times: 1, match: (r) => r.query.offset === '200' });
		const { items, error } = await recruitee.run(getMany({ timeoutSeconds: 0.5 }));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(recruitee.sandbox.data.candidates.length);
		expect(recruitee.sandbox.requests.filter((r) => r.query.offset === '200')).toHaveLength(2);
	});

	/** An answer as the API sends it: plain, or compressed (gzip, for a client that accepts it). */
	const AS_SENT = [
		['an', false],
		['a compressed', true],
	];

	test.each(AS_SENT)('%s answer that stops in the middle is abandoned after the timeout without a byte, and retried', async (_how, gzip) => {
		recruitee.sandbox.inject({ mode: 'stall', gzip, times: 1, match: (r) => r.query.offset === '200' });
		const started = Date.now();
		const { items, error } = await recruitee.run(getMany({ timeoutSeconds: 0.5 }));
		expect(error).toBeUndefined();
		expect(Date.now() - started).toBeGreaterThanOrEqual(500);
		expect(items).toHaveLength(recruitee.sandbox.data.candidates.length);
		expect(recruitee.sandbox.requests.filter((r) => r.query.offset === '200')).toHaveLength(2);
	});

	test.each(AS_SENT)('%s answer that keeps stopping in the middle: the error says it timed out', async (_how, gzip) => {
		recruitee.sandbox.inject({ mode: 'stall', gzip, times: Infinity, match: (r) => r.query.offset === '0' });
		const { items, error } = await recruitee.run(getMany({ timeoutSeconds: 0.2, maxRetries: 1 }));
		expect(items).toEqual([]);
		expect(error.message).toMatch(/ETIMEDOUT/);
		expect(recruitee.sandbox.requests.filter((r) => r.query.offset === '0')).toHaveLength(2);
	});

	test('a compressed answer cut off (the connection lost at once): a reset, not a timeout, and retried', async () => {
		recruitee.sandbox.inject({ mode: 'truncate', gzip: true, times: Infinity, match: (r) => r.query.offset === '0' });
		const { items, error } = await recruitee.run(getMany({ timeoutSeconds: 5, maxRetries: 1 }));
		expect(items).toEqual([]);
		expect(error.message).not.toMatch(/ETIMEDOUT/);
		expect(recruitee.sandbox.requests.filter((r) => r.query.offset === '0')).toHaveLength(2);
	});

	test('a page that keeps failing: one clear error saying how far it got, no partial list', async () => {
		recruitee.sandbox.inject({
			status: 503,
			body: { error: 'Service Unavailable' },
			headers: { 'retry-after': '0' },
			times: Infinity,
			match: (r) => r.query.offset === '300',
		});
		const { items, error } = await recruitee.run(getMany({ maxRetries: 3 }));
		expect(items).toEqual([]);
		expect(error.message).toBe('Recruitee failed to process the request (HTTP 503) [item 0]');
		expect(error.description).toContain('Reading stopped at page 4, after 300 records; none of them were output');
		expect(recruitee.sandbox.requests.filter((r) => r.query.offset === '300')).toHaveLength(4);
	});

	test('a page that keeps failing, with the next one read ahead: no request reaches the API after the error', async () => {
		const onPage = (offset) => (r) => r.query.offset === offset;
		recruitee.sandbox.inject({ status: 500, times: Infinity, match: onPage('300') });
		// The page read ahead answers slowly: the node still waits for it before it fails.
		recruitee.sandbox.inject({ delayMs: 400, times: 1, match: onPage('400') });
		const started = Date.now();
		const { items, error } = await recruitee.run(getMany());
		// It failed only once the slow page read ahead had its answer.
		expect(Date.now() - started).toBeGreaterThanOrEqual(400);
		expect(items).toEqual([]);
		expect(error.message).toBe('Recruitee failed to process the request (HTTP 500) [item 0]');
		expect(error.description).toContain('Reading stopped at page 4, after 300 records');
		const requests = recruitee.sandbox.requests.map((r) => r.query.offset);
		expect(requests).toEqual(['0', '100', '200', '300', '400']);
		await new Promise((resolve) => setTimeout(resolve, 600));
		expect(recruitee.sandbox.requests).toHaveLength(requests.length);
	});

	test('the page read ahead in vain is dropped: a failure there is never retried and fails nothing', async () => {
		const n = recruitee.sandbox.data.candidates.length;
		const past = String(Math.ceil(n / 100) * 100 + 100);
		recruitee.sandbox.inject({ status: 503, times: Infinity, match: (r) => r.query.offset === past });
		const { items, error } = await recruitee.run(getMany());
		expect(error).toBeUndefined();
		expect(items).toHaveLength(n);
		expect(recruitee.sandbox.requests.filter((r) => r.query.offset === past)).toHaveLength(1);
	});

	test('retries stop at Max Retry Time', async () => {
		recruitee.sandbox.inject({ status: 503, headers: { 'retry-after': '2' }, times: Infinity });
		const started = Date.now();
		const { error } = await recruitee.run(getMany({ maxRetries: 10, maxRetrySeconds: 1 }));
		expect(error.message).toContain('(HTTP 503)');
		expect(recruitee.sandbox.requests).toHaveLength(1);
		expect(Date.now() - started).toBeLessThan(10_000);
	});

	test('other 4xx are never retried', async () => {
		recruitee.sandbox.inject({ status: 400, body: { error: 'bad' }, times: Infinity });
		const { error } = await recruitee.run(getMany());
		expect(error.httpCode).toBe('400');
		expect(recruitee.sandbox.requests).toHaveLength(1);
	});
});

describe('Retry-After is honoured in full, within Max Retry Time', () => {
	/** n8n's sleep, recorded and skipped: how long the node waited, without the test waiting it. */
	let waits;
	beforeEach(() => {
		waits = [];
		jest.spyOn(workflow, 'sleepWithAbort').mockImplementation(async (ms) => {
			waits.push(ms);
		});
	});
	afterEach(() => jest.restoreAllMocks());

	const firstPage = (r) => r.query.offset === '0';
	const recruiteePage = (options) => ({
		resource: 'candidate',
		operation: 'getAll',
		returnAll: false,
		limit: 5,
		simplify: false,
		options,
	});
	const sumsubGet = (options) => ({
		resource: 'applicant',
		operation: 'get',
		applicant: { __rl: true, mode: 'id', value: '0123456789abcdef01234567' },
		options,
	});
	const sumsub429 = { status: 429, headers: { 'retry-after': '90' }, body: { description: 'Too many requests', code: 429, correlationId: 'c-429' } };

	test('Recruitee: a 429 asking for 90 s is waited 90 s, then retried', async () => {
		recruitee.sandbox.inject({ status: 429, headers: { 'retry-after': '90' }, body: { error: 'Too Many Requests' }, match: firstPage });
		const { items, error } = await recruitee.run(recruiteePage({ maxRetrySeconds: 600 }));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(5);
		expect(waits).toEqual([90_000]);
		expect(recruitee.sandbox.requests.map((r) => r.status)).toEqual([429, 200]);
	});

	test('Sumsub: a 429 asking for 90 s is waited 90 s, then retried', async () => {
		sumsub.sandbox.inject({ method: 'GET', ...sumsub429 });
		const { error } = await sumsub.run(sumsubGet({ maxRetrySeconds: 600 }));
		expect(waits).toEqual([90_000]);
		expect(sumsub.sandbox.requests.map((r) => r.status)).toEqual([429, 404]);
		expect(error.httpCode).toBe('404');
	});

	test('Recruitee: longer than Max Retry Time: fails at once, saying how long it asked for and what to do', async () => {
		recruitee.sandbox.inject({ status: 429, headers: { 'retry-after': '90' }, body: { error: 'Too Many Requests' }, match: firstPage });
		const { error } = await recruitee.run(recruiteePage({ maxRetrySeconds: 60 }));
		expect(waits).toEqual([]);
		expect(recruitee.sandbox.requests).toHaveLength(1);
		expect(error.message).toBe(
			'Recruitee asked to wait 90 s before trying again, longer than Max Retry Time allows (HTTP 429) [item 0]',
		);
		expect(error.description).toMatch(
			/^Raise Max Retry Time \(Seconds\) in the options of this node to at least 9[01] to wait it out, or run again later\./,
		);
	});

	test('Sumsub: longer than Max Retry Time: fails at once, with what Sumsub said', async () => {
		sumsub.sandbox.inject({ method: 'GET', ...sumsub429 });
		const { error } = await sumsub.run(sumsubGet({ maxRetrySeconds: 60 }));
		expect(waits).toEqual([]);
		expect(sumsub.sandbox.requests).toHaveLength(1);
		expect(error.message).toBe(
			'Sumsub asked to wait 90 s before trying again, longer than Max Retry Time allows (HTTP 429) [item 0]',
		);
		expect(error.description).toMatch(
			/^Raise Max Retry Time \(Seconds\) in the options of this node to at least 9[01] to wait it out, or run again later\. Sumsub said: "Too many requests"\. Correlation ID for Sumsub support: c-429\. \(GET \/resources\/applicants\/0123456789abcdef01234567\/one\)$/,
		);
	});
});
