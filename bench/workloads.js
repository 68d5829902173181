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
	];
}

module.exports = { workloads, TYPE_PREFIX: TB };
