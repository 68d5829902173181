'use strict';
// Issue 19: "a poll reads at most 10 pages (Recruitee)", counting every request, the page read for
// the total included; Sumsub's list endpoint 20, its legacy endpoint 20 for each window it tries
// (a window that does not fit is halved and read again). What does not fit comes with the next
// polls, oldest first, nothing lost or repeated. Through n8n-core's poll path against the
// sandboxes, which record every request.
const sandboxes = require('../../sandbox/recruitee');
const sumsubSandboxes = require('../../sandbox/sumsub');
const { createPoller } = require('../../harness/engine');
const { packageName } = require('../../harness/package-types');
const { useHourPerTest } = require('../../harness/clock');
const { MAX_PAGES_PER_POLL, POLL_PAGE_SIZE } = require('../../../nodes/Recruitee/trigger/sources');
const { MAX_PAGES_PER_POLL: SUMSUB_MAX_PAGES } = require('../../../nodes/Sumsub/trigger/sources');

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

test.each(Object.keys(EVENTS))('%s: every poll sends at most 10 requests (the one for the total included), and the polls emit everything once, oldest first', async (event) => {
	expect(MAX_PAGES_PER_POLL).toBe(10);
	const { path, add, inOrder } = EVENTS[event];
	const p = poller({ event, ...(event === 'auditLogEvent' ? { eventTypes: ['Admin viewed candidate'] } : {}) });
	await p.poll();
	clock.advance(40_000);
	// 2,500 records over 25 seconds after the activation: 25 pages, more than two polls' worth.
	const all = [];
	for (let s = 30; s > 5; s--) for (let i = 0; i < 100; i++) all.push(add(clock.now() - s * 1000));
	const emitted = [];
	const times = [];
	const requestsPerPoll = [];
	for (let i = 0; i < 6; i++) {
		sandbox.clearRequests();
		const items = await p.poll();
		emitted.push(...(items ?? []).map((item) => item.json.id));
		times.push(...(items ?? []).map((item) => Date.parse(item.json.created_at)));
		const sent = sandbox.requests.filter((r) => r.path.endsWith(path));
		requestsPerPoll.push(sent.length);
		for (const r of sent) expect(Number(r.query.limit)).toBe(POLL_PAGE_SIZE);
		clock.advance(1_000);
	}
	expect(Math.max(...requestsPerPoll)).toBe(MAX_PAGES_PER_POLL);
	expect(requestsPerPoll.filter((n) => n > 0).length).toBeGreaterThan(2);
	expect(times).toEqual([...times].sort((a, b) => a - b));
	expect(new Set(emitted).size).toBe(emitted.length);
	if (inOrder) expect(emitted).toEqual(all);
	else expect([...emitted].sort()).toEqual([...all].sort());
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

	/** 22,500 events over 25 seconds after the activation; polls until all came; requests per poll. */
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
			emitted.push(...((await p.poll()) ?? []).map((item) => item.json.description));
			polls.push([...sumsub.requests]);
			clock.advance(1_000);
		}
		expect(emitted).toEqual(all);
		return polls;
	}

	test('list endpoint: every poll sends at most 20 requests', async () => {
		expect(SUMSUB_MAX_PAGES).toBe(20);
		const polls = await pollAll('list');
		expect(Math.max(...polls.map((requests) => requests.length))).toBe(SUMSUB_MAX_PAGES);
	});

	test('legacy endpoint: at most 20 pages for each window a poll tries, a window that does not fit halved', async () => {
		const polls = await pollAll('legacy');
		for (const requests of polls) {
			const tries = groupBy(requests, (r) => `${r.query.from}/${r.query.to}`);
			for (const pages of tries.values()) expect(pages.length).toBeLessThanOrEqual(SUMSUB_MAX_PAGES);
		}
		// The first poll tried the whole window (20 full pages), then its older half.
		expect(groupBy(polls[0], (r) => r.query.to).size).toBe(2);
		expect(polls[0].length).toBeGreaterThan(SUMSUB_MAX_PAGES);
	});
});
