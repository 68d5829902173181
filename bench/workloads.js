'use strict';
// The benchmark workloads: the same data and page sizes for every contender.
// `scale` 1 is the full set, `--quick` uses 0.1.

const TB = 'n8n-nodes-recruitee-sumsub';

/** @returns {Array<object>} */
function workloads(scale) {
	const n = (full) => Math.max(1, Math.round(full * scale));
	return [
		{
			name: 'recruitee candidates, Return All',
			api: 'recruitee',
			sandbox: { candidates: n(100_000), auditLogEntries: 10 },
			pageSize: 1000,
			node: { resource: 'candidate', operation: 'getAll', returnAll: true, simplify: false },
			paging: { path: '/candidates', style: 'offset', records: 'candidates' },
			expected: n(100_000),
		},
		{
			name: 'recruitee search, Return All',
			api: 'recruitee',
			sandbox: { candidates: n(50_000), auditLogEntries: 10 },
			pageSize: 1000,
			node: { resource: 'search', operation: 'candidates', returnAll: true, simplify: false },
			paging: { path: '/search/new/candidates', style: 'page', records: 'hits' },
			expected: n(50_000),
		},
		{
			name: 'recruitee audit log, Return All',
			api: 'recruitee',
			sandbox: { candidates: 2000, auditLogEntries: n(50_000) },
			pageSize: 100,
			node: { resource: 'auditLog', operation: 'getAll', returnAll: true, simplify: false },
			paging: { path: '/audit_log', style: 'page', records: 'entries' },
			expected: n(50_000),
		},
		{
			name: 'sumsub legacy, Return All',
			api: 'sumsub',
			sandbox: { events: n(200_000) },
			pageSize: 20_000,
			node: {
				resource: 'auditTrailEvent',
				operation: 'getAll',
				endpoint: 'legacy',
				returnAll: true,
				filters: { from: '2026-10-01T00:00:00Z', to: '2026-11-21T00:00:00Z' },
			},
			paging: {
				path: '/resources/auditTrailEvents',
				style: 'offset',
				records: 'items',
				query: { from: '2026-10-01 00:00:00', to: '2026-11-21 00:00:00' },
			},
			expected: n(200_000),
		},
		{
			name: 'sumsub list, Return All',
			api: 'sumsub',
			sandbox: { events: n(50_000) },
			pageSize: 1000,
			node: {
				resource: 'auditTrailEvent',
				operation: 'getAll',
				endpoint: 'list',
				returnAll: true,
				filters: { from: '2026-10-01T00:00:00Z', to: '2026-11-21T00:00:00Z' },
			},
			paging: {
				path: '/resources/auditTrailEvents/list',
				style: 'cursor',
				records: 'items',
				query: { from: '2026-10-01 00:00:00', to: '2026-11-21 00:00:00' },
			},
			expected: n(50_000),
		},
		...[
			[10, '10 in parallel (default)'],
			[50, '50 in parallel (the maximum)'],
			[1, 'one at a time'],
		].map(([concurrency, how]) => ({
			name: `recruitee get candidate × ${n(1000)} items, ${how}`,
			api: 'recruitee',
			sandbox: { candidates: 2000, auditLogEntries: 10 },
			items: n(1000),
			node: {
				resource: 'candidate',
				operation: 'get',
				candidateId: '={{ $json.id }}',
				simplify: false,
				options: { concurrency },
			},
			perItem: { path: '/candidates/{id}', records: 'candidate' },
			// A real API is a network away: 20 ms per answer, as on a good connection.
			latencyMs: 20,
			// Mostly waiting: steady from run to run, and 25 s a run one at a time.
			runs: 3,
			expected: n(1000),
		})),
		// Writes, item by item. Every run writes data of its own (`prepare`, before each contender's
		// run): new emails for Create, new candidates on an offer for Move to Stage, one more item for
		// the warm-up. The sandbox counts what took effect (`counter`) and `check` looks at each record.
		// The HTTP Request node sends every item's request without waiting for answers; its batching
		// paces it: 10 items, then 20 ms (the answer time). `peakInFlight` in the results says how many
		// the sandbox answered at once.
		// Our Items in Parallel counts a request from the call to n8n's request helper, which prepares
		// it and waits for a new connection before it is on the wire; the table counts from there, and
		// there our 10 are about 7.5, the HTTP Request node's batching about 9.5. At 13 in parallel
		// ours has about its 9.5: that row compares the two at the same requests in flight.
		...[
			['create', 'create anyway: 1 request an item'],
			[
				'create',
				`create anyway, ${MATCHED_IN_FLIGHT} in parallel: about as many requests in flight as the HTTP Request node`,
				MATCHED_IN_FLIGHT,
			],
			['returnExisting', 'return existing (the default): look-up, then create, 2 requests an item'],
		].map(([ifExists, how, concurrency = IN_FLIGHT]) => ({
			name: `recruitee create candidate × ${n(1000)} items, ${how}`,
			...perItemWrite(n(1000)),
			node: {
				resource: 'candidate',
				operation: 'create',
				name: '={{ $json.name }}',
				email: '={{ $json.email }}',
				ifExists,
				simplify: false,
				options: { concurrency },
			},
			perItem: { method: 'POST', path: '/candidates', body: 'newCandidate', records: 'candidate' },
			counter: 'candidatesCreated',
			prepare: ({ items, tag }) => ({
				items: Array.from({ length: items }, (_, i) => ({
					name: `Bench ${tag} ${i}`,
					email: `bench-${tag}-${i}@example.com`,
				})),
			}),
			// Each email of the run is on exactly one candidate.
			check: (sandbox, items) => {
				const counts = sandbox.candidateCountsByEmail(items.map((item) => item.email));
				return items.find((item) => counts.get(item.email) !== 1)?.email;
			},
		})),
		{
			name: `recruitee move to stage × ${n(1000)} items (ours: read, then move: 2 requests an item; HTTP Request: 1, given the placement)`,
			...perItemWrite(n(1000)),
			node: {
				resource: 'candidate',
				operation: 'moveToStage',
				candidateId: '={{ $json.id }}',
				simplify: false,
				options: { concurrency: IN_FLIGHT },
			},
			// The HTTP Request node and the bare loop are given the placement id; our node finds it.
			perItem: {
				method: 'PATCH',
				path: '/placements/{placementId}/change_stage',
				body: 'changeStage',
				records: 'placement',
			},
			counter: 'stageChanges',
			// New candidates on a job, in its first stage; every item moves one to the second stage.
			prepare: ({ sandbox, items }) => {
				const offer = sandbox.data.offers.find(
					(o) => o.kind === 'job' && (o.pipeline_template?.stages?.length ?? 0) >= 2,
				);
				const stage = offer.pipeline_template.stages[1];
				return {
					items: Array.from({ length: items }, () => {
						const candidate = sandbox.addCandidate({ offerId: offer.id, audit: false });
						return {
							id: candidate.id,
							placementId: candidate.placements[0].id,
							stageId: stage.id,
						};
					}),
					node: { offerId: String(offer.id), stageId: String(stage.id) },
					fixed: { stageId: stage.id },
				};
			},
			check: (sandbox, items) =>
				items.find((item) => sandbox.placementById(item.placementId)?.stage_id !== item.stageId)
					?.placementId,
		},
	];
}

/** Our node's Items in Parallel (its default); the HTTP Request node's batch size, every 20 ms. */
const IN_FLIGHT = 10;
/** Items in parallel at which ours has about as many requests on the wire as the HTTP Request node. */
const MATCHED_IN_FLIGHT = 13;
/** What every per-item write workload shares. */
const perItemWrite = (items) => ({
	api: 'recruitee',
	sandbox: { candidates: 2000, auditLogEntries: 10 },
	items,
	latencyMs: 20,
	httpRequestBatching: { batchSize: IN_FLIGHT, batchInterval: 20 },
	runs: 3,
	expected: items,
});

/**
 * The JSON bodies of the per-item writes, as our node sends them: for the bare loop (a function of
 * the item and the run's fixed values) and for the HTTP Request node (its JSON Body parameter, with
 * expressions where the item gives the value, as a user would write it).
 */
const BODIES = {
	newCandidate: {
		of: (json) => ({ candidate: { name: json.name, emails: [json.email] }, offers: [] }),
		expression: () =>
			'={ "candidate": { "name": {{ JSON.stringify($json.name) }}, "emails": [{{ JSON.stringify($json.email) }}] }, "offers": [] }',
	},
	// The stage is fixed in the node's parameters, as in ours: not an expression.
	changeStage: {
		of: (json, fixed) => ({ stage_id: fixed.stageId }),
		expression: (fixed) => `{ "stage_id": ${fixed.stageId} }`,
	},
};

module.exports = { workloads, BODIES, IN_FLIGHT, MATCHED_IN_FLIGHT, TYPE_PREFIX: TB };
