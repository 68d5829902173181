'use strict';
// Issue 19: "a poll reads at most 10 pages (Recruitee)", counting every request, the page read for
// the total included; Sumsub's list endpoint 20, its legacy endpoint 20 pages of the longest part of
// its window that fits (measured with requests of one event). What does not fit comes with the next
// polls, oldest first, nothing lost or repeated. A poll that stops at its cap less than the overlap
// before its window's end has the next poll read that overlap again, so a record indexed late there
// is still emitted; one that stops further back goes on from its stop's second. Through n8n-core's
// poll path against the sandboxes, which record every request.
const sandboxes = require('../../sandbox/recruitee');
const sumsubSandboxes = require('../../sandbox/sumsub');
const { createPoller } = require('../../harness/engine');
const { packageName } = require('../../harness/package-types');
const { useHourPerTest } = require('../../harness/clock');
const { request } = require('undici');
const { MAX_PAGES_PER_POLL, POLL_PAGE_SIZE, CROWDED_AUDIT_SECOND } = require('../../../nodes/Recruitee/trigger/sources');
const { MAX_PAGES_PER_POLL: SUMSUB_MAX_PAGES } = require('../../../nodes/Sumsub/trigger/sources');
const { CROWDED_SECOND } = require('../../../nodes/shared/polling');

const clock = useHourPerTest();
let sandbox;
let sumsub;

beforeAll(async () => {
	sandbox = await sandboxes.start({ candidates: 50, auditLogEntries: 50 });
	sumsub = await sumsubSandboxes.start({ events: 100, now: Date.parse('2026-01-01T00:00:00Z') });
});
afterAll(async () => Promise.all([sandbox?.close(), sumsub?.close()]));

const poller = (parameters) =>
	createPoller({
		type: `${packageName}.recruiteeTrigger`,
		parameters,
		credentials: { recruiteeApi: { companyId: sandbox.companyId, apiToken: sandbox.token, baseUrl: sandbox.url } },
	});

let serial = 0;
const EVENTS = {
	newCandidate: {
		path: '/search/new/candidates',
		// Candidates of one second come in the order they were added.
		inOrder: true,
		add: (ms) => sandbox.addCandidate({ created_at: ms, name: `Pages Test ${++serial}`, audit: false }).id,
	},
	auditLogEvent: {
		path: '/audit_log',
		// Entries of one second are ordered by _id, which says nothing of which came first.
		inOrder: false,
		add: (ms) => sandbox.addAuditEntry({ event_name: 'Admin viewed candidate', created_at: ms })._id,
	},
};

const RECRUITEE_LAG = 5_000;
const RECRUITEE_OVERLAP = 60_000;
const second = (ms) => Math.floor(ms / 1000) * 1000;
/** The trigger's saved cursor state (the test pollers have one node). */
const stateOf = (p) => Object.values(p.saved()).find((node) => node?.poll).poll;
const recruiteePoller = (event) =>
	poller({ event, ...(event === 'auditLogEvent' ? { eventTypes: ['Admin viewed candidate'] } : {}) });
/** The second each request asked from (created_at gte of filters_json). */
const requestedFrom = (requests) =>
	requests.map((r) => JSON.parse(r.query.filters_json).find((f) => f.field === 'created_at').gte * 1000);

test.each(Object.keys(EVENTS))('%s: every poll sends at most 10 requests (the one for the total included), and the polls emit everything once, oldest first', async (event) => {
	expect(MAX_PAGES_PER_POLL).toBe(10);
	const { path, add, inOrder } = EVENTS[event];
	const p = recruiteePoller(event);
	await p.poll();
	clock.advance(40_000);
	// 2,500 records over 25 seconds after the activation: 25 pages, more than two polls' worth, all
	// of them inside the overlap before the end of the next poll's window.
	const all = [];
	for (let s = 30; s > 5; s--) for (let i = 0; i < 100; i++) all.push(add(clock.now() - s * 1000));
	const emitted = [];
	const times = [];
	const requestsPerPoll = [];
	// Polls a second apart, until everything came. The first stops at its cap less than the overlap
	// before its window's end: the polls after it read that overlap again (its records were read
	// before the overlap had passed), which fills their cap with what was already emitted, until the
	// stop lies the overlap behind their window's end. That wait is the overlap at most.
	let polls = 0;
	while (emitted.length < all.length && polls < 100) {
		sandbox.clearRequests();
		const items = await p.poll();
		polls++;
		emitted.push(...(items ?? []).map((item) => item.json.id));
		times.push(...(items ?? []).map((item) => Date.parse(item.json.created_at)));
		const sent = sandbox.requests.filter((r) => r.path.endsWith(path));
		requestsPerPoll.push(sent.length);
		for (const r of sent) expect(Number(r.query.limit)).toBe(POLL_PAGE_SIZE);
		clock.advance(1_000);
	}
	expect(polls).toBeLessThanOrEqual(6 + RECRUITEE_OVERLAP / 1000);
	expect(Math.max(...requestsPerPoll)).toBe(MAX_PAGES_PER_POLL);
	expect(requestsPerPoll.filter((n) => n > 0).length).toBeGreaterThan(2);
	expect(times).toEqual([...times].sort((a, b) => a - b));
	expect(new Set(emitted).size).toBe(emitted.length);
	if (inOrder) expect(emitted).toEqual(all);
	else expect([...emitted].sort()).toEqual([...all].sort());
	sandbox.clearRequests();
	expect(await p.poll()).toBeNull();
});

/**
 * A Recruitee poller for `event`, activated `afterMs` before now, and 100 of its records a second from
 * `fromS` seconds before now up to `toS` (each second from fromS down to toS + 1).
 */
async function burstAfterActivation(event, afterMs, fromS, toS) {
	const { add } = EVENTS[event];
	const p = recruiteePoller(event);
	await p.poll();
	clock.advance(afterMs);
	const all = [];
	for (let s = fromS; s > toS; s--) for (let i = 0; i < 100; i++) all.push(add(clock.now() - s * 1000));
	return { p, all, add };
}

test.each(Object.keys(EVENTS))('%s: a poll that stops at its cap far behind its window\'s end goes on from the stop\'s second, without the overlap', async (event) => {
	// 1,500 records in the first minute after the activation, read four minutes later.
	const { p, all } = await burstAfterActivation(event, 300_000, 295, 280);
	const first = (await p.poll()).map((item) => item.json.id);
	const { cursor, behind } = stateOf(p);
	expect(first.length).toBeLessThan(all.length);
	expect(cursor + RECRUITEE_OVERLAP).toBeLessThan(second(clock.now() - RECRUITEE_LAG));
	expect(behind).toBe(true);
	clock.advance(1_000);
	sandbox.clearRequests();
	const rest = (await p.poll()).map((item) => item.json.id);
	expect(new Set(requestedFrom(sandbox.requests))).toEqual(new Set([second(cursor)]));
	expect([...first, ...rest].sort()).toEqual([...all].sort());
});

test.each(Object.keys(EVENTS))('%s: a record written late, inside the overlap before where a capped poll stopped near its window\'s end, is emitted once', async (event) => {
	const activation = clock.now();
	const { p, all, add } = await burstAfterActivation(event, 40_000, 20, 5);
	const emitted = (await p.poll()).map((item) => item.json.id);
	const { cursor, behind } = stateOf(p);
	const to = second(clock.now() - RECRUITEE_LAG) - 1;
	expect(cursor).toBeLessThan(to);
	expect(cursor + RECRUITEE_OVERLAP).toBeGreaterThan(to);
	expect(behind).toBeFalsy();
	// Indexed after that poll, a second before the second it stopped in (inside the overlap the
	// polls before the stop would have read again).
	all.push(add(second(cursor) - 1_000));
	sandbox.clearRequests();
	clock.advance(1_000);
	emitted.push(...((await p.poll()) ?? []).map((item) => item.json.id));
	// The next poll read the overlap before the stop again (from the activation's second at the
	// earliest).
	expect(Math.min(...requestedFrom(sandbox.requests))).toBe(
		Math.max(second(cursor - RECRUITEE_OVERLAP), second(activation)),
	);
	for (let polls = 0; emitted.length < all.length && polls < 100; polls++) {
		clock.advance(1_000);
		emitted.push(...((await p.poll()) ?? []).map((item) => item.json.id));
	}
	expect(new Set(emitted).size).toBe(emitted.length);
	expect([...emitted].sort()).toEqual([...all].sort());
});

/**
 * Runs `change` while the request for `page` of the candidate search waits (after it was asked for,
 * before it is answered), as a change made on Recruitee between two of a poll's requests.
 */
async function duringPage(page, poll, change) {
	const asked = () => sandbox.requests.some((r) => r.path.endsWith('/search/new/candidates') && r.query.page === String(page));
	sandbox.inject({ match: (r) => r.path.endsWith('/search/new/candidates') && r.query.page === String(page), delayMs: 300 });
	const polled = poll();
	while (!asked()) await new Promise((resolve) => setTimeout(resolve, 5));
	await change();
	return await polled;
}

const deleteCandidate = async (id) => {
	const answer = await request(`${sandbox.url}/c/${sandbox.companyId}/candidates/${id}`, {
		method: 'DELETE',
		headers: { authorization: `Bearer ${sandbox.token}` },
	});
	await answer.body.text();
	expect(answer.statusCode).toBe(200);
};

test.each([
	['3 pages, all read', 250, 2],
	['15 pages, the oldest 9 read', 1_500, 8],
])('newCandidate: a candidate deleted between two requests of a poll (%s) makes no other one slip through', async (_case, count, page) => {
	const p = recruiteePoller('newCandidate');
	await p.poll();
	clock.advance(3_600_000);
	// Long before the overlap: only the poll that reads them can.
	const start = clock.now() - 3_000_000;
	const ids = Array.from({ length: count }, (_, i) => EVENTS.newCandidate.add(start + i * 1000));
	sandbox.clearRequests();
	// Deleted while the poll waits for the page after the newest: the others move one place newer,
	// and the newest of that page onto the page already read.
	const deleted = ids[count - 1];
	const emitted = ((await duringPage(page, () => p.poll(), () => deleteCandidate(deleted))) ?? []).map((item) => item.json.id);
	for (let i = 0; i < 3; i++) {
		clock.advance(60_000);
		emitted.push(...((await p.poll()) ?? []).map((item) => item.json.id));
	}
	expect(new Set(emitted).size).toBe(emitted.length);
	// The deleted one was on the newest page, read before it went: emitted then when all pages are read.
	const others = (list) => list.filter((id) => id !== deleted).sort();
	expect(others(emitted)).toEqual(others(ids));
	expect(emitted.includes(deleted)).toBe(count <= MAX_PAGES_PER_POLL * POLL_PAGE_SIZE);
});

/**
 * Polls a minute apart (Every Minute) until two have failed, at most `polls` of them; a poll that
 * fails leaves the saved state as it was.
 */
async function twoFailures(p, polls) {
	const failures = [];
	for (let i = 0; failures.length < 2 && i < polls; i++) {
		const saved = p.saved();
		await p.poll().catch((error) => {
			failures.push(error);
			expect(p.saved()).toEqual(saved);
		});
		clock.advance(60_000);
	}
	return failures;
}

const crowdedSecond = (ms) =>
	`More records at ${new Date(ms).toISOString()} than one poll reads: the trigger cannot get past that second`;

test.each(Object.keys(EVENTS))('%s: more records in one second than a poll reads: the polls that reach it fail saying so, and change nothing', async (event) => {
	const { add } = EVENTS[event];
	const p = recruiteePoller(event);
	await p.poll();
	clock.advance(600_000);
	const crowded = clock.now() - 300_000;
	add(crowded - 1_000);
	for (let i = 0; i < 1_500; i++) add(crowded);
	const failures = await twoFailures(p, 6);
	expect(failures.map((error) => error.message)).toEqual(Array(2).fill(crowdedSecond(crowded)));
	// The audit log cannot be narrowed on Recruitee's side: the advice says so, not "narrow the filters".
	expect(failures[0].description).toBe(event === 'auditLogEvent' ? CROWDED_AUDIT_SECOND : CROWDED_SECOND);
});

/** Map.groupBy (Node.js 21+). */
function groupBy(list, key) {
	const groups = new Map();
	for (const x of list) groups.set(key(x), [...(groups.get(key(x)) ?? []), x]);
	return groups;
}

describe('Sumsub', () => {
	const sumsubPoller = (endpoint) =>
		createPoller({
			type: `${packageName}.sumsubTrigger`,
			parameters: { endpoint },
			credentials: { sumsubApi: { appToken: sumsub.appToken, secretKey: sumsub.secretKey, baseUrl: sumsub.url } },
		});

	/**
	 * 22,500 events over 25 seconds after the activation (900 a second); polls until all came; each
	 * poll's requests and how many events it emitted.
	 */
	async function pollAll(endpoint) {
		const p = sumsubPoller(endpoint);
		await p.poll();
		clock.advance(60_000);
		const all = [];
		for (let s = 40; s > 15; s--) {
			const specs = Array.from({ length: 900 }, () => ({ ts: clock.now() - s * 1000, activity: 'subject:loaded:applicant', description: `pages ${++serial}` }));
			all.push(...sumsub.addEvents(specs).map((e) => e.description));
		}
		const emitted = [];
		const polls = [];
		for (let i = 0; i < 4; i++) {
			sumsub.clearRequests();
			const events = ((await p.poll()) ?? []).map((item) => item.json.description);
			emitted.push(...events);
			polls.push({ requests: [...sumsub.requests], emitted: events.length });
			clock.advance(1_000);
		}
		expect(emitted).toEqual(all);
		return polls;
	}

	const SUMSUB_LAG = 2_000;
	const SUMSUB_OVERLAP = 10_000;
	// Bursts whose reading stops at the cap less than the overlap before a poll's window's end, with
	// fewer events in that overlap than a poll reads (the list endpoint reads 20 pages from the
	// start of its window; the legacy one the longest part from its start that fits).
	const BURSTS = { list: { seconds: 30, perSecond: 800 }, legacy: { seconds: 10, perSecond: 3_000 } };

	test.each(Object.keys(BURSTS))('%s endpoint: an event written late, inside the overlap before where a capped poll stopped near its window\'s end, is emitted once', async (endpoint) => {
		const { seconds, perSecond } = BURSTS[endpoint];
		const p = sumsubPoller(endpoint);
		await p.poll();
		clock.advance(60_000);
		const all = [];
		for (let s = seconds + 2; s > 2; s--) {
			const specs = Array.from({ length: perSecond }, () => ({ ts: clock.now() - s * 1000, activity: 'subject:loaded:applicant', description: `pages ${++serial}` }));
			all.push(...sumsub.addEvents(specs).map((e) => e.description));
		}
		const emitted = [];
		let late;
		for (let polls = 0; emitted.length < all.length && polls < 100; polls++) {
			emitted.push(...((await p.poll()) ?? []).map((item) => item.json.description));
			const { cursor, behind } = stateOf(p);
			const to = second(clock.now() - SUMSUB_LAG) - 1;
			if (!late && cursor < to && cursor + SUMSUB_OVERLAP > to) {
				expect(behind).toBeFalsy();
				// Indexed after that poll (the highest event ids): one in each second of the overlap
				// before the stop's second.
				late = [];
				for (let ms = second(cursor - SUMSUB_OVERLAP) + 1_000; ms < second(cursor); ms += 1_000) {
					late.push({ ts: ms, activity: 'subject:loaded:applicant', description: `late ${++serial}` });
				}
				all.push(...sumsub.addEvents(late).map((e) => e.description));
				// The next poll a minute later (n8n's Every Minute): its window reaches far past the stop.
				clock.advance(59_000);
			}
			clock.advance(1_000);
		}
		expect(late).toHaveLength(SUMSUB_OVERLAP / 1000 - 1);
		expect(new Set(emitted).size).toBe(emitted.length);
		expect([...emitted].sort()).toEqual([...all].sort());
	});

	/** Events at these times (ms), added in this order (event ids ascending); their descriptions. */
	const addAt = (times) =>
		sumsub
			.addEvents(times.map((ts) => ({ ts, activity: 'subject:loaded:applicant', description: `pages ${++serial}` })))
			.map((e) => e.description);
	/** Polls a minute apart (Every Minute); everything they emitted. */
	async function everyMinute(p, polls) {
		const emitted = [];
		for (let i = 0; i < polls; i++) {
			emitted.push(...((await p.poll()) ?? []).map((item) => item.json.description));
			clock.advance(60_000);
		}
		return emitted;
	}

	test('list endpoint: an event a little out of id order, just past where a capped poll stopped far behind its window\'s end, is emitted once', async () => {
		const p = sumsubPoller('list');
		await p.poll();
		clock.advance(600_000);
		// 25,000 events, 250 a second, long before the window's end. The list endpoint pages by id:
		// the first poll stops after the 20,000th. The 20,001st is timed 1.5 s before it.
		const start = clock.now() - 500_000;
		const capStop = start + Math.floor((SUMSUB_MAX_PAGES * 1000 - 1) / 250) * 1000;
		const times = Array.from({ length: 25_000 }, (_, i) => start + Math.floor(i / 250) * 1000);
		times[SUMSUB_MAX_PAGES * 1000] = capStop - 1_500;
		const all = addAt(times);
		const emitted = await everyMinute(p, 3);
		expect(emitted).toContain(all[SUMSUB_MAX_PAGES * 1000]);
		expect(new Set(emitted).size).toBe(emitted.length);
		expect([...emitted].sort()).toEqual([...all].sort());
	});

	test.each([
		['list', 300_000],
		['legacy', 300_000],
		['list', 8_000],
		['legacy', 8_000],
	])('%s endpoint: more events inside the overlap than a poll reads, or than the state keeps ids of, %i ms before the window\'s end: each comes once', async (endpoint, before) => {
		const p = sumsubPoller(endpoint);
		await p.poll();
		clock.advance(600_000);
		// 45,000 events in 3 seconds: re-reading the overlap before a stop gets no further, and it
		// holds more ids than the state keeps (20,000). Two of those seconds do not fit in one poll
		// either.
		const start = clock.now() - before;
		const all = addAt(Array.from({ length: 45_000 }, (_, i) => start + Math.floor(i / 15_000) * 1000));
		const emitted = await everyMinute(p, 12);
		expect(new Set(emitted).size).toBe(emitted.length);
		expect([...emitted].sort()).toEqual([...all].sort());
	});

	test.each([
		['legacy', () => 'More than 20000 audit trail events in one second: the trigger cannot read them in one poll'],
		['list', crowdedSecond],
	])('%s endpoint: more events in one second than a poll reads: the polls that reach it fail saying so, and change nothing', async (endpoint, message) => {
		const p = sumsubPoller(endpoint);
		await p.poll();
		clock.advance(600_000);
		const crowded = clock.now() - 300_000;
		addAt([crowded - 1_000, ...Array.from({ length: 25_000 }, () => crowded)]);
		// The polls get as far as that second; from then on every poll fails, and saves nothing.
		const failures = await twoFailures(p, 12);
		expect(failures.map((error) => error.message)).toEqual(Array(2).fill(message(crowded)));
		expect(failures[0].description).toBe(CROWDED_SECOND);
	});

	test('list endpoint: every poll sends at most 20 requests', async () => {
		expect(SUMSUB_MAX_PAGES).toBe(20);
		const polls = await pollAll('list');
		expect(Math.max(...polls.map(({ requests }) => requests.length))).toBe(SUMSUB_MAX_PAGES);
	});

	/** The legacy requests of a poll: pages of 1,000 events, and one-event requests past the cap. */
	const legacyRequests = (requests) => ({
		pages: requests.filter((r) => r.query.limit === '1000'),
		probes: requests.filter((r) => r.query.limit === '1' && r.query.offset === String(SUMSUB_MAX_PAGES * 1000)),
	});

	test('legacy endpoint: a window that does not fit is measured with one-event requests, and the poll reads as much of it as fits', async () => {
		const polls = await pollAll('legacy');
		for (const { requests } of polls) {
			const { pages, probes } = legacyRequests(requests);
			expect(pages.length + probes.length).toBe(requests.length);
			// 20 pages at most of the part that fits, plus the first page of the whole window.
			expect(pages.length).toBeLessThanOrEqual(SUMSUB_MAX_PAGES + 1);
		}
		// The first poll's window (58 seconds) holds the 22,500: it read the 22 seconds that fit
		// (19,800), measured with a one-event request after the whole window's first full page and
		// one per halving of the window.
		expect(polls.map(({ emitted }) => emitted)).toEqual([19_800, 2_700, 0, 0]);
		const first = legacyRequests(polls[0].requests);
		expect(first.pages).toHaveLength(1 + SUMSUB_MAX_PAGES);
		expect(first.probes.length).toBeLessThanOrEqual(1 + Math.ceil(Math.log2(58)));
	});

	test('legacy endpoint: exactly as many events as a poll reads are read in one poll', async () => {
		const p = sumsubPoller('legacy');
		await p.poll();
		clock.advance(60_000);
		const start = clock.now() - 30_000;
		const all = addAt(Array.from({ length: SUMSUB_MAX_PAGES * 1000 }, (_, i) => start + Math.floor(i / 2_000) * 1000));
		sumsub.clearRequests();
		const emitted = ((await p.poll()) ?? []).map((item) => item.json.description);
		expect([...emitted].sort()).toEqual([...all].sort());
		// 20 full pages, and before and after them a one-event request that found nothing past them.
		const { pages, probes } = legacyRequests(sumsub.requests);
		expect([pages.length, probes.length]).toEqual([SUMSUB_MAX_PAGES, 2]);
	});

	test('legacy endpoint: a burst at the end of an hour-long window takes no more polls than its size needs', async () => {
		const p = sumsubPoller('legacy');
		await p.poll();
		clock.advance(3_600_000);
		// 30,000 events in the 10 seconds 20 s before the window's end: 6 of those seconds fit in one
		// poll. Polls an hour apart (n8n's Every Hour).
		const start = clock.now() - 30_000;
		const all = addAt(Array.from({ length: 30_000 }, (_, i) => start + Math.floor(i / 3_000) * 1000));
		const counts = [];
		const emitted = [];
		for (let i = 0; i < 3; i++) {
			sumsub.clearRequests();
			const events = ((await p.poll()) ?? []).map((item) => item.json.description);
			expect(legacyRequests(sumsub.requests).pages.length).toBeLessThanOrEqual(SUMSUB_MAX_PAGES + 1);
			counts.push(events.length);
			emitted.push(...events);
			clock.advance(3_600_000);
		}
		expect(counts).toEqual([18_000, 12_000, 0]);
		expect([...emitted].sort()).toEqual([...all].sort());
	});

	test.each([
		['before its first page', 2],
		['before its 11th page', 12],
	])('legacy endpoint: events written into the part of a window that fit, after it was measured (%s), are read by looking again', async (_when, request) => {
		const p = sumsubPoller('legacy');
		await p.poll();
		clock.advance(60_000);
		// 25,000 events, 1,000 a second: the first poll measures the 20 seconds from its window's start
		// as fitting. While it reads them, 5,000 more are written into their first second: after 20
		// full pages it asks whether anything lies past the cap.
		const start = clock.now() - 40_000;
		const all = addAt(Array.from({ length: 25_000 }, (_, i) => start + Math.floor(i / 1_000) * 1000));
		let pagesAsked = 0;
		// Page requests: the whole window's first, then the part's (the second is its first page).
		const isDelayed = (r) => r.path.endsWith('/resources/auditTrailEvents') && r.query.limit === '1000' && ++pagesAsked === request;
		sumsub.inject({ match: isDelayed, delayMs: 300 });
		const polled = p.poll();
		while (pagesAsked < request) await new Promise((resolve) => setTimeout(resolve, 5));
		all.push(...addAt(Array.from({ length: 5_000 }, () => start)));
		const emitted = ((await polled) ?? []).map((item) => item.json.description);
		// The part no longer fit: the poll measured again and read the 15 seconds that fit now (5,000
		// + 15 × 1,000), to the end of the 15th.
		expect(emitted).toHaveLength(SUMSUB_MAX_PAGES * 1000);
		expect(stateOf(p).cursor).toBe(start + 14_999);
		emitted.push(...(await everyMinute(p, 3)));
		expect(new Set(emitted).size).toBe(emitted.length);
		expect([...emitted].sort()).toEqual([...all].sort());
	});
});
