'use strict';
// Issue 19: "a poll reads at most 10 pages (Recruitee)", counting every request, the page read for
// the total included; what does not fit comes with the next polls, oldest first, nothing lost or
// repeated. Through n8n-core's poll path against the sandbox, which records every request.
const sandboxes = require('../../sandbox/recruitee');
const { createPoller } = require('../../harness/engine');
const { packageName } = require('../../harness/package-types');
const { useHourPerTest } = require('../../harness/clock');
const { MAX_PAGES_PER_POLL, POLL_PAGE_SIZE } = require('../../../nodes/Recruitee/trigger/sources');

const clock = useHourPerTest();
let sandbox;

beforeAll(async () => {
	sandbox = await sandboxes.start({ candidates: 50, auditLogEntries: 50 });
});
afterAll(async () => sandbox?.close());
beforeEach(() => sandbox.clearFaults());

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
