'use strict';
// Recruitee Trigger through n8n-core's poll path: each event type with its filters, a scripted
// sequence of polls (records added between polls, same-second bursts, late entries, a failed poll,
// a restart from saved static data, more than one poll's worth of pages), exact emitted sequences.
const sandboxes = require('../../sandbox/recruitee');
const { createPoller } = require('../../harness/engine');
const { packageName } = require('../../harness/package-types');
const { useHourPerTest } = require('../../harness/clock');
const { rl } = require('../../harness/sandbox-node');

const TYPE = `${packageName}.recruiteeTrigger`;
const clock = useHourPerTest();
let sandbox;

beforeAll(async () => {
	sandbox = await sandboxes.start({ candidates: 200, auditLogEntries: 100 });
});
afterAll(async () => sandbox.close());

beforeEach(() => {
	sandbox.clearRequests();
	sandbox.clearFaults();
});

const credentials = () => ({
	recruiteeApi: { companyId: sandbox.companyId, apiToken: sandbox.token, baseUrl: sandbox.url },
});
const poller = (parameters, staticData) =>
	createPoller({ type: TYPE, parameters, credentials: credentials(), staticData });

const ago = (seconds) => clock.now() - seconds * 1000;
let serial = 0;
const newCandidates = (secondsAgo, count = 1, spec = {}) =>
	Array.from({ length: count }, () =>
		sandbox.addCandidate({ created_at: ago(secondsAgo), name: `Trigger Test ${++serial}`, ...spec }).id,
	);
const ids = (items) => (items ?? []).map((i) => i.json.id);
const job = () => sandbox.data.offers.find((o) => o.kind === 'job' && o.pipeline_template?.stages?.length > 3);

describe('New Candidate', () => {
	test('starts from now, then each new candidate once, oldest first, same-second bursts kept', async () => {
		const p = poller({ event: 'newCandidate' });
		newCandidates(120, 2);
		expect(await p.poll()).toBeNull();
		clock.advance(20_000);
		const burst = newCandidates(12, 3);
		const later = newCandidates(8, 1);
		expect(ids(await p.poll())).toEqual([...burst, ...later]);
		clock.advance(2_000);
		expect(await p.poll()).toBeNull();
		// Created during the last poll (inside the lag): emitted by the next one, once.
		const during = newCandidates(1, 1);
		expect(await p.poll()).toBeNull();
		clock.advance(6_000);
		expect(ids(await p.poll())).toEqual(during);
		clock.advance(6_000);
		expect(await p.poll()).toBeNull();
	});

	test('only in an offer', async () => {
		const offer = job();
		const p = poller({ event: 'newCandidate', offerId: rl(String(offer.id)) });
		await p.poll();
		clock.advance(20_000);
		const inOffer = newCandidates(10, 2, { offerId: offer.id });
		newCandidates(10, 2);
		const items = await p.poll();
		expect(ids(items)).toEqual(inOffer);
		expect(items[0].json.placements.map((pl) => pl.offer_id)).toContain(offer.id);
	});

	test('more than a poll can read (10 pages of 100): the oldest first, the rest after the overlap before the stop was read again', async () => {
		const p = poller({ event: 'newCandidate' });
		await p.poll();
		clock.advance(30_000);
		const all = [];
		for (let s = 25; s >= 11; s--) all.push(...newCandidates(s, 80));
		const first = ids(await p.poll());
		expect(first).toEqual(all.slice(0, first.length));
		expect(first.length).toBeLessThan(all.length);
		// Polls a minute apart (Every Minute). The poll stopped less than the overlap (60 s) before its
		// window's end: the next one reads the overlap before the stop again (for records indexed
		// late), which fills its 10 pages with what was emitted; the one after goes on.
		clock.advance(60_000);
		expect(await p.poll()).toBeNull();
		clock.advance(60_000);
		const third = ids(await p.poll());
		expect([...first, ...third]).toEqual(all);
	});

	test('a failed poll changes nothing; the next emits everything once', async () => {
		const p = poller({ event: 'newCandidate' });
		await p.poll();
		clock.advance(20_000);
		const created = newCandidates(10, 150);
		const before = p.saved();
		sandbox.inject({ status: 400, body: { error: 'boom' }, match: (r) => r.query.page === '2' });
		await expect(p.poll()).rejects.toThrow('Recruitee rejected the request (HTTP 400)');
		expect(p.saved()).toEqual(before);
		expect(ids(await p.poll())).toEqual(created);
	});

	test('a restart from saved static data, and "Fetch test event"', async () => {
		const p = poller({ event: 'newCandidate' });
		await p.poll();
		clock.advance(20_000);
		const first = newCandidates(10, 2);
		expect(ids(await p.poll())).toEqual(first);
		const saved = p.saved();
		const restarted = poller({ event: 'newCandidate' }, saved);
		const test = await restarted.poll('manual');
		expect(ids(test).slice(-2)).toEqual(first);
		expect(restarted.saved()).toEqual(saved);
		clock.advance(10_000);
		const more = newCandidates(6, 1);
		expect(ids(await restarted.poll())).toEqual(more);
	});
});

describe('audit log events', () => {
	const entryIds = (items) => (items ?? []).map((i) => i.json.id);

	test('Candidate Moved to Stage, only into a given stage of a given offer', async () => {
		const offer = job();
		const [candidate] = newCandidates(3000, 1, { offerId: offer.id });
		const stages = offer.pipeline_template.stages.map((s) => s.name);
		const p = poller({ event: 'candidateMoved', offerId: rl(String(offer.id)), stageName: stages[3].toUpperCase() });
		await p.poll();
		clock.advance(20_000);
		sandbox.moveCandidate(candidate, { offerId: offer.id, stageName: stages[2], created_at: ago(12) });
		const wanted = sandbox.moveCandidate(candidate, { offerId: offer.id, stageName: stages[3], created_at: ago(10) });
		const items = await p.poll();
		expect(entryIds(items)).toEqual([wanted._id]);
		expect(items[0].json).toMatchObject({ event_name: 'Admin changed candidate stage', stage_name: stages[3], candidate_id: candidate });
	});

	test('Candidate Disqualified', async () => {
		const offer = job();
		const [a, b] = newCandidates(3000, 2, { offerId: offer.id });
		const p = poller({ event: 'candidateDisqualified', options: { simplify: false } });
		await p.poll();
		clock.advance(20_000);
		const first = sandbox.disqualifyCandidate(a, { offerId: offer.id, created_at: ago(10) });
		const second = sandbox.disqualifyCandidate(b, { offerId: offer.id, created_at: ago(10) });
		const items = await p.poll();
		// Same second: the audit log orders them by _id, which says nothing of which came first.
		expect(items.map((i) => i.json._id).sort()).toEqual([first._id, second._id].sort());
		expect(items[0].json.details.disqualify_reason).toBeDefined();
	});

	test('New Audit Log Event of given types, with late entries caught once', async () => {
		const p = poller({ event: 'auditLogEvent', eventTypes: ['Admin viewed candidate'] });
		await p.poll();
		clock.advance(20_000);
		const viewed = sandbox.addAuditEntry({ event_name: 'Admin viewed candidate', created_at: ago(10) });
		sandbox.addAuditEntry({ event_name: 'Admin updated candidate field', created_at: ago(10) });
		expect(entryIds(await p.poll())).toEqual([viewed._id]);
		const late = sandbox.addAuditEntry({ event_name: 'Admin viewed candidate', created_at: ago(12) });
		clock.advance(1_000);
		expect(entryIds(await p.poll())).toEqual([late._id]);
		clock.advance(1_000);
		expect(await p.poll()).toBeNull();
	});

	test('"Fetch test event" reads back past newer entries of other events (at most 5 pages) to find matching ones', async () => {
		const offer = job();
		const [candidate] = newCandidates(7200, 1, { offerId: offer.id });
		const stage = offer.pipeline_template.stages[2].name;
		const move = sandbox.moveCandidate(candidate, { offerId: offer.id, stageName: stage, created_at: ago(3600) });
		for (let i = 0; i < 150; i++) sandbox.addAuditEntry({ event_name: 'Admin viewed candidate', created_at: ago(1800 - i) });
		sandbox.clearRequests();
		const p = poller({ event: 'candidateMoved' });
		const items = await p.poll('manual');
		expect(entryIds(items)).toContain(move._id);
		const pages = sandbox.requests.map((r) => Number(r.query.page));
		expect(pages[0]).toBe(1);
		expect(pages.length).toBeGreaterThan(1);
		expect(pages.length).toBeLessThanOrEqual(5);
		// The test fetch does not move the cursor: nothing saved.
		expect(p.saved()).toEqual({});
	});

	test('Backfill emits the chosen window on first activation', async () => {
		const old = sandbox.addAuditEntry({ event_name: 'Admin viewed candidate', created_at: ago(1800) });
		const p = poller({ event: 'auditLogEvent', eventTypes: ['Admin viewed candidate'], options: { backfillHours: 1 } });
		expect(entryIds(await p.poll())).toContain(old._id);
	});
});

// How many entries Recruitee serves a page of its audit log is undocumented: below the 100 the
// trigger asks, the pages are numbered at the size it serves, and every entry is still read once.
describe('audit log served fewer entries a page than asked (sandbox auditLogPageCap: 40)', () => {
	let capped;
	beforeAll(async () => {
		capped = await sandboxes.start({ candidates: 20, auditLogEntries: 20, auditLogPageCap: 40 });
	});
	afterAll(async () => capped.close());

	test.each([
		['one poll reads them all', 130, 1],
		['more than a poll reads: the rest the next poll', 450, 2],
	])('%s (%i entries)', async (_how, count, polls) => {
		const p = createPoller({
			type: TYPE,
			parameters: { event: 'auditLogEvent', eventTypes: ['Admin viewed candidate'] },
			credentials: { recruiteeApi: { companyId: capped.companyId, apiToken: capped.token, baseUrl: capped.url } },
		});
		await p.poll();
		clock.advance(60_000);
		const added = Array.from({ length: count }, (_, i) =>
			capped.addAuditEntry({ event_name: 'Admin viewed candidate', created_at: ago(50 - Math.floor((i * 40) / count)) }),
		);
		const emitted = [];
		for (let n = 0; n < polls + 1; n++) {
			emitted.push(...((await p.poll()) ?? []).map((i) => i.json.id));
			clock.advance(61_000);
		}
		expect(emitted.sort()).toEqual(added.map((e) => e._id).sort());
		expect(capped.requests.every((r) => r.query.limit === '100')).toBe(true);
	});
});
