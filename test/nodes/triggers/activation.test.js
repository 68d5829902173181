'use strict';
// Issue 19: what a trigger emits around the moment it starts (first activation, a change of event
// or filters, Backfill), through n8n-core's poll path against the sandboxes, for every kind of
// source: Recruitee New Candidate (candidate search) and Candidate Moved to Stage (audit log), both
// with whole-second times, Sumsub on both endpoints (millisecond times). Records are put before the
// activation (in the overlap the next poll re-reads, on its border, in the lag, in the activation's
// own second just before it) and after it (in that same second, later, written late), and the
// polls go across the boundary: only what was created from the activation on is emitted, each
// record once, oldest first.
const recruiteeSandboxes = require('../../sandbox/recruitee');
const sumsubSandboxes = require('../../sandbox/sumsub');
const { createPoller } = require('../../harness/engine');
const { packageName } = require('../../harness/package-types');
const { useHourPerTest } = require('../../harness/clock');
const { rl } = require('../../harness/sandbox-node');

const clock = useHourPerTest();
let recruitee;
let sumsub;

beforeAll(async () => {
	recruitee = await recruiteeSandboxes.start({ candidates: 50, auditLogEntries: 50 });
	// No history in the hours the tests poll: only the events they add.
	sumsub = await sumsubSandboxes.start({ events: 100, now: Date.parse('2026-01-01T00:00:00Z') });
});
afterAll(async () => Promise.all([recruitee?.close(), sumsub?.close()]));
beforeEach(() => {
	for (const s of [recruitee, sumsub]) {
		s.clearRequests();
		s.clearFaults();
	}
});

const job = () => recruitee.data.offers.find((o) => o.kind === 'job' && o.pipeline_template?.stages?.length > 3);
let serial = 0;

const recruiteeSource = (parameters, otherParameters, spec) => ({
	type: `${packageName}.recruiteeTrigger`,
	nodeName: 'Recruitee Trigger',
	credentials: () => ({
		recruiteeApi: { companyId: recruitee.companyId, apiToken: recruitee.token, baseUrl: recruitee.url },
	}),
	parameters,
	otherParameters,
	lagMs: 5_000,
	overlapMs: 60_000,
	ids: (items) => (items ?? []).map((i) => i.json.id),
	/** The seconds the requests asked from (created_at gte of filters_json). */
	requestedFrom: () =>
		recruitee.requests.map((r) => JSON.parse(r.query.filters_json).find((f) => f.field === 'created_at').gte * 1000),
	...spec,
});

const sumsubSource = (endpoint) => ({
	type: `${packageName}.sumsubTrigger`,
	nodeName: 'Sumsub Audit Trail Trigger',
	credentials: () => ({
		sumsubApi: { appToken: sumsub.appToken, secretKey: sumsub.secretKey, baseUrl: sumsub.url },
	}),
	parameters: { endpoint },
	otherParameters: { endpoint, filters: { activity: 'subject:exported:applicantCsvList' } },
	lagMs: 2_000,
	overlapMs: 10_000,
	wholeSeconds: false,
	add: (ms) =>
		sumsub.addEvents([
			{ ts: ms, subjectName: 'alice@example.com', activity: 'subject:loaded:applicant', description: `event ${++serial}` },
		])[0].description,
	ids: (items) => (items ?? []).map((i) => i.json.description),
	requestedFrom: () => sumsub.requests.filter((r) => r.query.from).map((r) => Date.parse(`${r.query.from.replace(' ', 'T')}Z`)),
});

const SOURCES = {
	'Recruitee, New Candidate': recruiteeSource({ event: 'newCandidate' }, undefined, {
		// Another event of the same trigger before the change.
		otherParameters: { event: 'auditLogEvent' },
		// Search hits give created_at to the second.
		wholeSeconds: true,
		add: (ms) => recruitee.addCandidate({ created_at: ms, name: `Activation Test ${++serial}`, audit: false }).id,
	}),
	'Recruitee, Candidate Moved to Stage': recruiteeSource({ event: 'candidateMoved' }, { event: 'candidateDisqualified' }, {
		// Recruitee's audit log keeps whole seconds.
		wholeSeconds: true,
		add: (ms) => {
			const offer = job();
			const candidate = recruitee.addCandidate({ created_at: ms - 3_000_000, offerId: offer.id, audit: false }).id;
			const stage = offer.pipeline_template.stages[2].name;
			return recruitee.moveCandidate(candidate, { offerId: offer.id, stageName: stage, created_at: ms })._id;
		},
	}),
	'Sumsub, Audit Trail Events (legacy)': sumsubSource('legacy'),
	'Sumsub, Audit Trail Events List': sumsubSource('list'),
};

const second = (ms) => Math.floor(ms / 1000) * 1000;

describe.each(Object.entries(SOURCES))('%s', (_name, source) => {
	const poller = (parameters, staticData) =>
		createPoller({ type: source.type, parameters, credentials: source.credentials(), staticData });
	const clearRequests = () => [recruitee, sumsub].forEach((s) => s.clearRequests());
	/** Adds records at these times (ms); their ids in the same order. */
	const add = (...times) => times.map((ms) => source.add(ms));

	/**
	 * Before the activation at A (400 ms into a second): records across the window the first
	 * polls after it would re-read; after it: records of the same second, later ones, late writes.
	 * Returns what must be emitted, poll by poll.
	 */
	async function acrossActivation(activate) {
		const A = clock.now() + 400;
		clock.set(A);
		// Where the window of the poll after the activation starts without a floor: the cursor
		// (the last whole second before A − lag) minus the overlap, from a whole second.
		const cursor = second(A - source.lagMs) - 1;
		const overlapBorder = second(cursor - source.overlapMs);
		add(
			overlapBorder - 1,
			overlapBorder,
			A - source.overlapMs / 2,
			cursor,
			A - source.lagMs / 2,
			second(A),
			A - 1,
		);
		clearRequests();
		expect(await activate()).toBeNull();

		// Same second as the activation, at it and after it. Recruitee gives the second only, which
		// begins before the activation: those are passed over with the ones before it.
		const sameSecond = add(A, A + 1);
		const nextSecond = add(second(A) + 1_000);
		// Written after the activation, with a time before it (indexed late): never emitted.
		add(A - 2_000);
		clock.set(A + 60_000);
		const later = add(A + 10_000, A + 30_000);
		const inLag = add(clock.now() - 1_000);
		const first = await active.current.poll();
		expect(source.ids(first)).toEqual([...(source.wholeSeconds ? [] : sameSecond), ...nextSecond, ...later]);

		// Written late, inside the overlap after the activation: emitted once, by the next poll.
		const late = add(A + 50_000);
		add(A - 3_000);
		clock.advance(60_000);
		expect(source.ids(await active.current.poll())).toEqual([...late, ...inLag]);
		clock.advance(60_000);
		expect(await active.current.poll()).toBeNull();
		// No request asked for anything before the activation's second.
		const from = source.requestedFrom();
		expect(from.length).toBeGreaterThan(0);
		expect(Math.min(...from)).toBeGreaterThanOrEqual(second(A));
	}
	/** The trigger under test in `acrossActivation`. */
	const active = { current: undefined };

	test('a poll while the one before is still under way (a slow answer, the next tick) reads nothing: each record once', async () => {
		const p = poller(source.parameters);
		expect(await p.poll()).toBeNull();
		clock.advance(60_000);
		const added = add(clock.now() - 30_000, clock.now() - 20_000);
		clearRequests();
		const api = source.type.endsWith('recruiteeTrigger') ? recruitee : sumsub;
		api.inject({ delayMs: 300 });
		// n8n starts a poll at each tick without waiting for the one before.
		const [slow, meanwhile] = await Promise.all([p.poll(), p.poll()]);
		expect(meanwhile).toBeNull();
		expect(source.ids(slow)).toEqual(added);
		const requests = api.requests.length;
		clock.advance(60_000);
		expect(await p.poll()).toBeNull();
		expect(api.requests.length).toBeGreaterThan(requests);
	});

	test('first activation: nothing from before it is emitted, everything after it once, oldest first', async () => {
		active.current = poller(source.parameters);
		await acrossActivation(() => active.current.poll());
	});

	test('a change of event or filters starts again from that moment, overlap and lag included', async () => {
		const before = poller(source.otherParameters);
		expect(await before.poll()).toBeNull();
		clock.advance(120_000);
		// The saved state of the other settings, then the trigger with the new ones.
		active.current = poller(source.parameters, before.saved());
		await acrossActivation(() => active.current.poll());
	});

	test('a poll in the seconds after the activation, its window all before it: reads nothing, changes nothing', async () => {
		const A = clock.now() + 400;
		clock.set(A);
		add(A - 1);
		const p = poller(source.parameters);
		expect(await p.poll()).toBeNull();
		const saved = p.saved();
		// The window now ends after the cursor but before the activation's second.
		clock.set(A + source.lagMs - 1_000);
		clearRequests();
		expect(await p.poll()).toBeNull();
		expect([...recruitee.requests, ...sumsub.requests]).toEqual([]);
		expect(p.saved()).toEqual(saved);
		const after = add(second(A) + 1_000);
		clock.advance(60_000);
		expect(source.ids(await p.poll())).toEqual(after);
	});

	test('Backfill emits exactly its window before the activation, each record once', async () => {
		// Half an hour into this test's hour: the window holds none of the other tests' records.
		const A = clock.now() + 1_800e3 + 400;
		clock.set(A);
		const start = A - 3600e3;
		add(start - source.overlapMs / 2, start - 1);
		const atStart = add(start);
		const inWindow = add(start + 1_000, A - 1_200e3, A - source.lagMs - 1_000);
		const inLag = add(A - source.lagMs / 2, A - 1);
		const p = poller({ ...source.parameters, options: { backfillHours: 1 } });
		// Recruitee gives the second only: the one of the window's start begins before it, left out.
		expect(source.ids(await p.poll())).toEqual([...(source.wholeSeconds ? [] : atStart), ...inWindow]);
		clock.advance(60_000);
		const after = add(A + 10_000);
		expect(source.ids(await p.poll())).toEqual([...inLag, ...after]);
		clock.advance(60_000);
		expect(await p.poll()).toBeNull();
	});

	test('a state saved before the activation floor existed keeps polling: no repeat, no loss', async () => {
		const p = poller(source.parameters);
		await p.poll();
		clock.advance(30_000);
		const first = add(clock.now() - 20_000, clock.now() - 10_000);
		expect(source.ids(await p.poll())).toEqual(first);
		// What the version before it saved: the same state, without the floor.
		const saved = p.saved();
		const state = saved[`node:${source.nodeName}`].poll;
		expect(Object.keys(state).sort()).toEqual(['behind', 'cursor', 'floor', 'key', 'seen']);
		delete state.floor;
		const restarted = poller(source.parameters, saved);
		// Written late inside the overlap, and new ones.
		const late = add(clock.now() - source.lagMs - 1_500);
		clock.advance(20_000);
		const fresh = add(clock.now() - 10_000);
		expect(source.ids(await restarted.poll())).toEqual([...late, ...fresh]);
		clock.advance(20_000);
		expect(await restarted.poll()).toBeNull();
	});
});

test('Recruitee New Candidate, in an offer: the filter change to another offer starts from then', async () => {
	const offers = recruitee.data.offers.filter((o) => o.kind === 'job').slice(0, 2);
	const p = createPoller({
		type: `${packageName}.recruiteeTrigger`,
		parameters: { event: 'newCandidate', offerId: rl(String(offers[0].id)) },
		credentials: SOURCES['Recruitee, New Candidate'].credentials(),
	});
	await p.poll();
	clock.advance(30_000 + 400);
	const inSecond = (ms) => recruitee.addCandidate({ created_at: ms, offerId: offers[1].id, audit: false }).id;
	inSecond(clock.now() - 20_000);
	const changed = createPoller({
		type: `${packageName}.recruiteeTrigger`,
		parameters: { event: 'newCandidate', offerId: rl(String(offers[1].id)) },
		credentials: SOURCES['Recruitee, New Candidate'].credentials(),
		staticData: p.saved(),
	});
	expect(await changed.poll()).toBeNull();
	const after = inSecond(clock.now() + 1_000);
	clock.advance(60_000);
	expect((await changed.poll()).map((i) => i.json.id)).toEqual([after]);
});
