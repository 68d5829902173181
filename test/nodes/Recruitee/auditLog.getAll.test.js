'use strict';
const { useRecruitee, jsonOf } = require('../../harness/recruitee');

const api = useRecruitee();

const getAll = (extra = {}) => ({ resource: 'auditLog', operation: 'getAll', simplify: false, ...extra });

const sentFilters = (call) => JSON.parse(call[1].filters_json);

describe('Audit Log → Get Many', () => {
	test('Return All walks every page (newest first) and stops at the total', async () => {
		const expected = await api.oracle('/audit_log?limit=100&page=1');
		const { items, error } = await api.run(getAll({ returnAll: true, options: { pageSize: 100 } }));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(expected.total);
		expect(jsonOf(items).slice(0, 100)).toEqual(expected.entries);
		expect(new Set(items.map((i) => i.json._id)).size).toBe(expected.total);
		expect(api.calls().map(([, q]) => q.page)).toEqual(
			Array.from({ length: Math.ceil(expected.total / 100) }, (_, i) => String(i + 1)),
		);
	});

	test('a page size above what the API serves still reads everything (the total decides)', async () => {
		const { items } = await api.run(getAll({ returnAll: true, options: { pageSize: 250 } }));
		const { total } = await api.oracle('/audit_log?limit=1');
		expect(items).toHaveLength(total);
		expect(new Set(items.map((i) => i.json._id)).size).toBe(total);
	});

	test('date range (pickers and expressions) as epoch seconds, actors, text', async () => {
		const { error } = await api.run(
			getAll({
				limit: 5,
				filters: {
					from: '2026-11-01T00:00:00',
					to: '={{ DateTime.fromISO("2026-11-10T12:00:00Z") }}',
					actorIn: ['Ishwar Gautam'],
					actorNotIn: ['System'],
					query: 'stage',
				},
			}),
			{ timezone: 'Asia/Kathmandu' },
		);
		expect(error).toBeUndefined();
		const [call] = api.calls();
		expect(call[0]).toBe('/audit_log');
		expect(sentFilters(call)).toEqual([
			{
				field: 'created_at',
				gte: Date.parse('2026-10-31T18:15:00Z') / 1000, // 2026-11-01 00:00 in Kathmandu (+05:45)
				lte: Date.parse('2026-11-10T12:00:00Z') / 1000,
			},
			{ field: 'actor', in: ['Ishwar Gautam'], not_in: ['System'] },
			{ field: 'all', query: 'stage' },
		]);
	});

	test('the filtered entries are the API’s, and only the range asked', async () => {
		const now = api.sandbox.data.now;
		const from = Math.floor((now - 5 * 86400e3) / 1000);
		const to = Math.floor((now - 2 * 86400e3) / 1000);
		const filters = [{ field: 'created_at', gte: from, lte: to }];
		const expected = await api.oracle(
			`/audit_log?filters_json=${encodeURIComponent(JSON.stringify(filters))}&limit=100&page=1`,
		);
		const { items } = await api.run(
			getAll({ returnAll: true, filters: { from: from, to: String(to) }, options: { pageSize: 10 } }),
		);
		expect(items).toHaveLength(expected.total);
		for (const { json } of items) {
			const t = Date.parse(json.created_at) / 1000;
			expect(t).toBeGreaterThanOrEqual(from);
			expect(t).toBeLessThanOrEqual(to);
		}
	});

	test('Simplify says who did what to which candidate', async () => {
		const { items } = await api.run(getAll({ limit: 20, simplify: true }));
		for (const { json } of items) {
			expect(Object.keys(json).sort()).toEqual(
				[
					'actor',
					'actor_type',
					'admin_id',
					'candidate_id',
					'candidate_name',
					'created_at',
					'event_name',
					'id',
					'ip_address',
					'offer_id',
					'offer_title',
					'previous_stage_name',
					'stage_name',
				].sort(),
			);
		}
	});

	test('an API that ignores the page number is an error, not an endless loop', async () => {
		const page = {
			aggregations: null,
			total: 500,
			entries: Array.from({ length: 100 }, (_, i) => ({ _id: `id-${i}`, created_at: '2026-11-01T00:00:00Z' })),
		};
		api.sandbox.inject({ path: '/c/90598/audit_log', status: 200, body: page, times: 10 });
		const { error } = await api.run(getAll({ returnAll: true, options: { pageSize: 100 } }));
		expect(error.message).toBe(
			'Recruitee returned page 2 of GET /audit_log again: it is not paging [item 0]',
		);
		expect(error.description).toContain('After 100 records');
	});

	test('start after end is refused before any request', async () => {
		const { error } = await api.run(
			getAll({ filters: { from: '2026-11-10T00:00:00Z', to: '2026-11-01T00:00:00Z' } }),
		);
		expect(error.message).toContain('Invalid parameter "Created After"');
		expect(api.calls()).toEqual([]);
	});
});
