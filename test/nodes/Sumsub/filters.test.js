'use strict';
// Every page honours the filters (issue 11). Sumsub's docs do not say what a forwardMarker carries,
// so the list endpoint is tried under each plausible behaviour (sandbox option `markerFilters`), and
// both endpoints under an API that ignores the filters altogether (`ignoreFilters`): the node and the
// trigger output exactly the matching events, each once, or fail clearly; never wrong data.
const sandboxes = require('../../sandbox/sumsub');
const { runNode, createPoller } = require('../../harness/engine');
const { packageName } = require('../../harness/package-types');
const { useSumsub, jsonOf } = require('../../harness/sumsub');
const { useHourPerTest } = require('../../harness/clock');

const { MARKER_FILTERS } = sandboxes;
const NODE = `${packageName}.sumsub`;
const TRIGGER = `${packageName}.sumsubTrigger`;
const LOADED = 'subject:loaded:applicant';
const EXPORTED = 'subject:exported:applicantCsvList';

const credentialsOf = (sandbox) => ({
	sumsubApi: { appToken: sandbox.appToken, secretKey: sandbox.secretKey, baseUrl: sandbox.url },
});
const getAll = (extra) => ({
	resource: 'auditTrailEvent',
	operation: 'getAll',
	returnAll: true,
	...extra,
});
const sumsubTime = (ms) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
const asPicker = (ms) => new Date(ms).toISOString();
const q = (query) =>
	Object.entries(query)
		.map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
		.join('&');
const FILTER_KEYS = ['from', 'to', 'activity', 'subjectName'];
const filtersIn = (request) => FILTER_KEYS.filter((k) => request.query[k] !== undefined);

describe.each(MARKER_FILTERS)(
	'list endpoint, marker mode "%s": a filtered multi-page Return All',
	(mode) => {
		const api = useSumsub({ markerFilters: mode });

		test('exactly the matching events, each once, oldest first; every request carries the filters', async () => {
			// The report's case: one activity, a three-hour window, Return All, several pages.
			const to = api.sandbox.data.now - 24 * 3600e3;
			const from = to - 3 * 3600e3;
			const window = { activity: LOADED, from: sumsubTime(from), to: sumsubTime(to) };
			const expected = (
				await api.oracle(`/resources/auditTrailEvents?${q({ ...window, limit: 20000 })}`)
			).items;
			const everything = (
				await api.oracle(
					`/resources/auditTrailEvents?${q({ from: window.from, to: window.to, limit: 20000 })}`,
				)
			).items;
			const size = 20;
			expect(expected.length).toBeGreaterThan(3 * size);

			const { items, error } = await api.run(
				getAll({
					endpoint: 'list',
					filters: { activity: LOADED, from: asPicker(from), to: asPicker(to) },
					options: { pageSize: size },
				}),
			);
			expect(error).toBeUndefined();
			const out = jsonOf(items);
			const key = (e) => `${e.ts}|${e.correlationId}`;
			expect(out.map(key).sort()).toEqual(expected.map(key).sort());
			const ids = out.map((e) => e.id);
			expect(new Set(ids).size).toBe(ids.length);
			expect([...ids].sort()).toEqual(ids);

			const requests = api.sandbox.requests;
			const [first, ...later] = requests;
			expect(first.query).toEqual({ ...window, limit: String(size) });
			if (mode === 'rejected') {
				// Sumsub refused the filters next to the marker once; the reading went on with the marker alone.
				expect(later[0].status).toBe(400);
				expect(later[0].query).toEqual({
					...window,
					forwardMarker: expect.any(String),
					limit: String(size),
				});
				for (const request of later.slice(1)) {
					expect(request.status).toBe(200);
					expect(Object.keys(request.query).sort()).toEqual(['forwardMarker', 'limit']);
				}
			} else {
				for (const request of later) {
					expect(request.status).toBe(200);
					expect(request.query).toEqual({
						...window,
						forwardMarker: expect.any(String),
						limit: String(size),
					});
				}
			}
			if (mode === 'ignored') {
				// The pages after the first hold every activity: the reading stops at the first event past
				// To, not at the end of the history.
				expect(requests.length).toBeLessThanOrEqual(Math.ceil(everything.length / size) + 2);
			} else {
				expect(requests.length).toBe(
					Math.ceil(expected.length / size) + (mode === 'rejected' ? 1 : 0),
				);
			}
		});
	},
);

/**
 * Events at the borders of a window [10:00:00, 11:00:00] (To takes in its whole second), added in
 * time order: which of them a run must output.
 */
const DAY = Date.parse('2026-02-01T00:00:00Z');
const at = (time) => Date.parse(`2026-02-01T${time}Z`);
const ALICE = 'alice@example.com';
const BOB = 'bob@example.com';
const EDGES = [
	// [time, activity, subject, inside, what it tests]
	['09:59:59.999', LOADED, ALICE, false, 'before From'],
	['10:00:00.000', LOADED, ALICE, true, 'at From'],
	['10:00:00.001', EXPORTED, ALICE, false, 'other activity'],
	['10:20:00.000', LOADED, BOB, false, 'other subject'],
	['10:20:00.000', LOADED, ALICE, true, 'same second as another'],
	['10:40:00.000', EXPORTED, BOB, false, 'other both'],
	['10:59:59.999', LOADED, ALICE, true, 'just before To'],
	['11:00:00.000', LOADED, ALICE, true, 'at To'],
	['11:00:00.999', LOADED, ALICE, true, "end of To's second"],
	['11:00:01.000', LOADED, ALICE, false, 'after To'],
	['11:00:01.000', EXPORTED, BOB, false, 'after To, other'],
	['12:00:00.000', LOADED, ALICE, false, 'an hour after To'],
].map(([ts, activity, subjectName, inside, why]) => ({ ts, activity, subjectName, inside, why }));

async function edgeSandbox(options) {
	// History a month before the window (none of it inside), then the edge events, then more after.
	const sandbox = await sandboxes.start({ events: 300, now: DAY - 30 * 86400e3, ...options });
	const added = sandbox.addEvents(
		EDGES.map(({ ts, activity, subjectName, why }) => ({
			ts: at(ts),
			activity,
			subjectName,
			description: why,
		})),
	);
	const later = [];
	for (let n = 0; n < 40; n++)
		later.push({
			ts: at('12:00:00') + n * 1000,
			activity: LOADED,
			subjectName: 'alice@example.com',
		});
	sandbox.addEvents(later);
	return { sandbox, added };
}

const EDGE_FILTERS = {
	activity: LOADED,
	subjectName: ALICE,
	from: '2026-02-01T10:00:00Z',
	to: '2026-02-01T11:00:00Z',
};
const WANTED = EDGES.filter((e) => e.inside).map((e) => e.why);

describe.each([
	...MARKER_FILTERS.map((mode) => ['list', { markerFilters: mode }]),
	['list', { markerFilters: 'position', ignoreFilters: true }],
	['legacy', {}],
	['legacy', { ignoreFilters: true }],
])('window borders: %s endpoint, sandbox %j', (endpoint, options) => {
	let sandbox;
	beforeAll(async () => {
		({ sandbox } = await edgeSandbox(options));
	});
	afterAll(async () => sandbox.close());
	beforeEach(() => sandbox.clearRequests());

	test('Get Many outputs exactly the events inside From/To of that activity and subject', async () => {
		const { items, error } = await runNode({
			type: NODE,
			parameters: getAll({ endpoint, filters: EDGE_FILTERS, options: { pageSize: 2 } }),
			credentials: credentialsOf(sandbox),
		});
		expect(error).toBeUndefined();
		const order = endpoint === 'list' ? WANTED : [...WANTED].reverse();
		expect(jsonOf(items).map((e) => e.description)).toEqual(order);
		// Reading stops at the far end of the window: on the list endpoint (oldest first) at the first
		// event past To, before the 40 events after the window; on the legacy one (newest first) at the
		// first event before From, before the 300 events of history. An API that ignores the filters
		// from the first request on makes the near side (history, or the 40 after) be read too.
		const nearSide = endpoint === 'list' ? 300 : 40;
		const read = EDGES.length + (options.ignoreFilters ? nearSide : 0);
		expect(sandbox.requests.length).toBeLessThanOrEqual(Math.ceil(read / 2) + 1);
	});

	test('Limit counts matching events only', async () => {
		const { items } = await runNode({
			type: NODE,
			parameters: getAll({
				endpoint,
				returnAll: false,
				limit: 3,
				filters: EDGE_FILTERS,
				options: { pageSize: 2 },
			}),
			credentials: credentialsOf(sandbox),
		});
		const order = endpoint === 'list' ? WANTED : [...WANTED].reverse();
		expect(jsonOf(items).map((e) => e.description)).toEqual(order.slice(0, 3));
	});
});

describe('Subject Name is compared ignoring case', () => {
	// Whether Sumsub matches `subjectName` ignoring case is not documented; an API that does must not
	// see its answer dropped by the check (an API that ignores the filter shows what the check keeps).
	let sandbox;
	beforeAll(async () => {
		({ sandbox } = await edgeSandbox({ ignoreFilters: true }));
	});
	afterAll(async () => sandbox.close());

	test.each(['legacy', 'list'])('%s', async (endpoint) => {
		const { items } = await runNode({
			type: NODE,
			parameters: getAll({
				endpoint,
				filters: { ...EDGE_FILTERS, subjectName: 'Alice@EXAMPLE.com' },
			}),
			credentials: credentialsOf(sandbox),
		});
		const order = endpoint === 'list' ? WANTED : [...WANTED].reverse();
		expect(jsonOf(items).map((e) => e.description)).toEqual(order);
	});
});

describe('an event whose time cannot be read', () => {
	const api = useSumsub({ events: 100 });
	test.each(['legacy', 'list'])(
		'%s: a clear error naming the event, nothing output',
		async (endpoint) => {
			api.sandbox.inject({
				status: 200,
				body: {
					items: [
						{
							id: endpoint === 'list' ? 'e-1' : undefined,
							ts: 'soon',
							activity: LOADED,
							correlationId: 'req-odd',
						},
					],
				},
			});
			const { items, error } = await api.run(getAll({ endpoint, filters: { activity: LOADED } }));
			expect(items).toEqual([]);
			expect(error.message).toBe(
				'Sumsub returned an audit trail event whose time cannot be read [item 0]',
			);
			expect(error.description).toContain(
				endpoint === 'list'
					? 'Event with id "e-1" has ts "soon"'
					: 'Event with correlation ID "req-odd" has ts "soon"',
			);
		},
	);
});

describe('a refused marker that is refused alone too: the error of the marker, not wrong data', () => {
	const api = useSumsub({ markerFilters: 'rejected' });
	test('both 400s are seen; the second one is reported', async () => {
		api.sandbox.inject({
			status: 400,
			body: { description: 'Invalid forwardMarker', code: 400, correlationId: 'req-m' },
			match: (r) => r.query.forwardMarker !== undefined && r.query.activity === undefined,
		});
		const { items, error } = await api.run(
			getAll({ endpoint: 'list', filters: { activity: LOADED }, options: { pageSize: 50 } }),
		);
		expect(items).toEqual([]);
		expect(error.message).toBe('Sumsub rejected the request (HTTP 400) [item 0]');
		expect(error.description).toContain('Sumsub said: "Invalid forwardMarker"');
		expect(api.sandbox.requests.map((r) => r.status)).toEqual([200, 400, 400]);
	});
});

describe('Sumsub Audit Trail Trigger: every poll honours the filters', () => {
	const clock = useHourPerTest();

	describe.each([
		...MARKER_FILTERS.map((mode) => ['list', { markerFilters: mode }]),
		['list', { ignoreFilters: true }],
		['legacy', { ignoreFilters: true }],
	])('%s endpoint, sandbox %j', (endpoint, options) => {
		let sandbox;
		beforeAll(async () => {
			sandbox = await sandboxes.start({
				events: 100,
				now: Date.parse('2026-01-01T00:00:00Z'),
				...options,
			});
		});
		afterAll(async () => sandbox.close());

		test('each matching event exactly once over polls of several pages; nothing else', async () => {
			const p = createPoller({
				type: TRIGGER,
				parameters: { endpoint, filters: { activity: LOADED, subjectName: 'alice@example.com' } },
				credentials: credentialsOf(sandbox),
			});
			expect(await p.poll()).toBeNull();
			const wanted = [];
			let serial = 0;
			const add = (secondsAgo, fields) => {
				const [event] = sandbox.addEvents({
					ts: clock.now() - secondsAgo * 1000,
					activity: LOADED,
					subjectName: 'alice@example.com',
					description: `event ${++serial}`,
					...fields,
				});
				return event.description;
			};
			const emitted = [];
			for (let round = 0; round < 3; round++) {
				clock.advance(20_000);
				// 3,000 events a round, 1,800 of them asked for: two pages or more per poll.
				for (let n = 0; n < 3000; n++) {
					const secondsAgo = 15 - Math.floor(n / 300);
					if (n % 5 === 1) add(secondsAgo, { activity: EXPORTED });
					else if (n % 5 === 2) add(secondsAgo, { subjectName: 'bob@example.com' });
					else wanted.push(add(secondsAgo));
				}
				add(0, {}); // inside the lag: next round
				wanted.push(`event ${serial}`);
				emitted.push(...((await p.poll()) ?? []).map((i) => i.json));
			}
			clock.advance(20_000);
			emitted.push(...((await p.poll()) ?? []).map((i) => i.json));
			expect(
				emitted.every((e) => e.activity === LOADED && e.subjectName === 'alice@example.com'),
			).toBe(true);
			expect(emitted.map((e) => e.description)).toEqual(wanted);
		});
	});
});

describe('Sumsub Audit Trail Trigger, legacy endpoint, an API that does not keep to the window', () => {
	const clock = useHourPerTest();
	let sandbox;
	beforeAll(async () => {
		sandbox = await sandboxes.start({ events: 100, now: Date.parse('2026-01-01T00:00:00Z'), ignoreFilters: true });
	});
	afterAll(async () => sandbox.close());

	test('with more events than a poll reads, the poll fails saying Sumsub returned events after the window, and saves nothing', async () => {
		const p = createPoller({ type: TRIGGER, parameters: { endpoint: 'legacy' }, credentials: credentialsOf(sandbox) });
		expect(await p.poll()).toBeNull();
		clock.advance(600_000);
		// 25,000 events, 100 a second: the window does not fit, and Sumsub answers every shorter one
		// with the same events.
		const start = clock.now() - 500_000;
		sandbox.addEvents(Array.from({ length: 25_000 }, (_, i) => ({ ts: start + Math.floor(i / 100) * 1000, activity: LOADED, description: `many ${i}` })));
		const saved = p.saved();
		const error = await p.poll().then(
			() => undefined,
			(e) => e,
		);
		expect(error.message).toBe(
			'Sumsub returned more than 20000 audit trail events after the end ("to") of the window the trigger asked for, so the trigger cannot read that window',
		);
		expect(error.description).toContain('please report it');
		expect(p.saved()).toEqual(saved);
	});
});
