'use strict';
// Sumsub Audit Trail Trigger through n8n-core's poll path: a scripted sequence of polls with events
// added between them, same-second bursts, late arrivals, a failed poll and a restart from saved
// static data; the exact emitted sequence is asserted, on both endpoints.
const sandboxes = require('../../sandbox/sumsub');
const { createPoller } = require('../../harness/engine');
const { packageName } = require('../../harness/package-types');
const { useHourPerTest } = require('../../harness/clock');

const TYPE = `${packageName}.sumsubTrigger`;
const clock = useHourPerTest();
let sandbox;

beforeAll(async () => {
	// No history in the window the tests poll: only the events they add.
	sandbox = await sandboxes.start({ events: 100, now: Date.parse('2026-01-01T00:00:00Z') });
});
afterAll(async () => sandbox.close());
beforeEach(() => {
	sandbox.clearRequests();
	sandbox.clearFaults();
});

const credentials = () => ({
	sumsubApi: { appToken: sandbox.appToken, secretKey: sandbox.secretKey, baseUrl: sandbox.url },
});

const poller = (parameters = {}, staticData) =>
	createPoller({ type: TYPE, parameters: { endpoint: 'legacy', ...parameters }, credentials: credentials(), staticData });

let serial = 0;
/** Adds events `secondsAgo` seconds before the clock, returns their correlation ids in order. */
function add(secondsAgo, count = 1, fields = {}) {
	const ts = clock.now() - secondsAgo * 1000;
	const specs = Array.from({ length: count }, () => ({
		ts,
		subjectName: 'alice@example.com',
		activity: 'subject:loaded:applicant',
		description: `event ${++serial}`,
		...fields,
	}));
	return sandbox.addEvents(specs).map((e) => e.description);
}

const descriptions = (items) => (items ?? []).map((i) => i.json.description);

describe.each([['legacy'], ['list']])('Sumsub Audit Trail Trigger, %s endpoint', (endpoint) => {
	test('starts from now, then emits each new event exactly once, oldest first', async () => {
		const p = poller({ endpoint });
		add(60, 3); // history: never emitted
		expect(await p.poll()).toBeNull();
		expect(p.saved()['node:Sumsub Audit Trail Trigger'].poll.cursor).toBeLessThan(clock.now());

		clock.advance(10_000);
		const burst = add(7, 4); // four events in the same millisecond
		const next = add(6, 1);
		const first = await p.poll();
		expect(descriptions(first)).toEqual([...burst, ...next]);
		expect(first[0].json).toMatchObject({ activity: 'subject:loaded:applicant', tsIso: expect.stringMatching(/Z$/) });

		clock.advance(1_000);
		expect(await p.poll()).toBeNull();

		// An event written late, with a time the last poll already covered: still emitted, once.
		const late = add(9, 1);
		clock.advance(1_000);
		expect(descriptions(await p.poll())).toEqual(late);
		clock.advance(1_000);
		expect(await p.poll()).toBeNull();

		// Events newer than now − lag wait for the next poll.
		const fresh = add(0, 2);
		expect(await p.poll()).toBeNull();
		clock.advance(5_000);
		expect(descriptions(await p.poll())).toEqual(fresh);
	});

	test('a failed poll emits nothing and moves nothing; the next one emits all, once', async () => {
		const p = poller({ endpoint });
		await p.poll();
		clock.advance(10_000);
		const events = add(5, 1500); // two pages of 1000
		const before = p.saved();
		// On the list endpoint a 400 next to a marker is tried once more with the marker alone: both fail.
		sandbox.inject({
			status: 400,
			body: { description: 'boom', code: 400, correlationId: 'x' },
			match: (r) => r.query.offset === '1000' || Boolean(r.query.forwardMarker),
			times: endpoint === 'list' ? 2 : 1,
		});
		await expect(p.poll()).rejects.toThrow('Sumsub rejected the request (HTTP 400)');
		expect(p.saved()).toEqual(before);
		const items = await p.poll();
		expect(descriptions(items)).toEqual(events);
	});

	test('a restart from saved static data loses nothing and repeats nothing', async () => {
		const p = poller({ endpoint, filters: { activity: 'subject:exported:applicantCsvList' } });
		await p.poll();
		clock.advance(10_000);
		const exported = add(5, 2, { activity: 'subject:exported:applicantCsvList' });
		add(5, 2, { activity: 'subject:loaded:applicant' });
		expect(descriptions(await p.poll())).toEqual(exported);
		const restarted = poller({ endpoint, filters: { activity: 'subject:exported:applicantCsvList' } }, p.saved());
		clock.advance(5_000);
		const more = add(3, 1, { activity: 'subject:exported:applicantCsvList' });
		expect(descriptions(await restarted.poll())).toEqual(more);
		expect(sandbox.requests.every((r) => r.query.activity === 'subject:exported:applicantCsvList' || r.query.forwardMarker)).toBe(true);
	});

	test('"Fetch test event" returns recent events and leaves the cursor alone', async () => {
		const p = poller({ endpoint });
		await p.poll();
		const saved = p.saved();
		clock.advance(10_000);
		const recent = add(5, 3);
		const items = await p.poll('manual');
		expect(items.length).toBeLessThanOrEqual(5);
		expect(descriptions(items).slice(-3)).toEqual(recent);
		expect(p.saved()).toEqual(saved);
		expect(descriptions(await p.poll())).toEqual(recent);
	});

	test('Backfill emits the chosen window on first activation', async () => {
		clock.advance(60_000);
		const old = add(1800, 2);
		const p = poller({ endpoint, options: { backfillHours: 1 } });
		expect(descriptions(await p.poll())).toEqual(old);
	});
});

test('legacy: "Fetch test event" returns the newest events of the last day, one request, even when the day holds more than a poll reads', async () => {
	const p = poller();
	clock.advance(60_000);
	add(3_600, 25_000);
	const newest = add(30, 5);
	sandbox.clearRequests();
	expect(descriptions(await p.poll('manual'))).toEqual(newest);
	expect(sandbox.requests).toHaveLength(1);
});

test('list: "Fetch test event" returns the newest events even when the last hour holds more than a poll reads', async () => {
	const p = poller({ endpoint: 'list' });
	clock.advance(60_000);
	add(1_800, 25_000);
	const newest = add(30, 5);
	expect(descriptions(await p.poll('manual'))).toEqual(newest);
	// Fewer than 5 in the last minute: the last ten minutes, read whole.
	clock.advance(120_000);
	const later = add(30, 2);
	expect(descriptions(await p.poll('manual'))).toEqual([...newest.slice(2), ...later]);
});

test.each([['legacy'], ['list']])('%s: more than one poll reads (20 pages) is read over several polls, oldest first, none lost', async (endpoint) => {
	const p = poller({ endpoint });
	await p.poll();
	clock.advance(60_000);
	const events = [];
	for (let s = 40; s >= 16; s -= 1) events.push(...add(s, 900));
	const emitted = [];
	for (let i = 0; i < 5 && emitted.length < events.length; i++) {
		emitted.push(...descriptions(await p.poll()));
		clock.advance(1_000);
	}
	expect(events.length).toBeGreaterThan(20000);
	expect(emitted).toEqual(events);
});
