'use strict';
const { useRecruitee, jsonOf } = require('../../harness/recruitee');

const api = useRecruitee();

const search = (extra = {}) => ({
	resource: 'search',
	operation: 'candidates',
	simplify: false,
	...extra,
});

const sentFilters = (call) => JSON.parse(call[1].filters_json);
const pagesOf = (calls) => calls.map(([, q]) => `${q.page}x${q.limit}`);

describe('Search → Search Candidates', () => {
	test('each UI filter becomes its filters_json object, the raw JSON is appended', async () => {
		const { error } = await api.run(
			search({
				limit: 10,
				filters: {
					query: ' designer ',
					status: ['qualified', 'hired'],
					offerIds: [1209656, '1209653'],
					stageNames: 'Applied, Phone interview',
					tagIds: '3,7',
					assignedAdminIds: '322453',
					assignedAdminsMatch: 'has_all_of',
					minAverageScore: 20,
					maxAverageScore: 90,
					from: '2025-01-01T00:00:00Z',
					to: '2025-06-30T23:59:59Z',
				},
				filtersJson: '[{"field":"admin_id","in":[322453]}]',
				options: { sortBy: 'candidate_name_asc' },
			}),
		);
		expect(error).toBeUndefined();
		const [call] = api.calls();
		expect(call[0]).toBe('/search/new/candidates');
		expect(sentFilters(call)).toEqual([
			{ field: 'all', query: 'designer' },
			{ field: 'status', in: ['qualified', 'hired'] },
			{ filter: 'jobs', id: { in: [1209656, 1209653] } },
			{ filter: 'stages', name: { in: ['Applied', 'Phone interview'] } },
			{ filter: 'tags', id: { in: [3, 7] } },
			{ field: 'assigned_admins_ids', has_all_of: [322453] },
			{ field: 'average_score', gte: 20, lte: 90 },
			{ field: 'created_at', gte: 1735689600, lte: 1751327999 },
			{ field: 'admin_id', in: [322453] },
		]);
		expect(call[1]).toMatchObject({ sort_by: 'candidate_name_asc', page: '1', limit: '10' });
	});

	test('the doc example: disqualified candidates, and the hits match the API', async () => {
		const filters = [{ field: 'status', in: ['disqualified'] }];
		const expected = await api.oracle(
			`/search/new/candidates?filters_json=${encodeURIComponent(JSON.stringify(filters))}&limit=10000`,
		);
		const { items } = await api.run(
			search({ returnAll: true, filters: { status: ['disqualified'] }, options: { pageSize: 40 } }),
		);
		expect(jsonOf(items)).toEqual(expected.hits);
		expect(items.length).toBe(expected.total);
		expect(items.length).toBeGreaterThan(40);
		const pages = Math.ceil(expected.total / 40);
		expect(pagesOf(api.calls())).toEqual(Array.from({ length: pages }, (_, i) => `${i + 1}x40`));
	});

	test('Return All over every hit stops at the total, never past the last page', async () => {
		const expected = await api.oracle('/search/new/candidates?limit=10000');
		const { items } = await api.run(search({ returnAll: true, options: { pageSize: 100 } }));
		expect(jsonOf(items)).toEqual(expected.hits);
		expect(api.calls()).toHaveLength(Math.ceil(expected.total / 100));
		expect(api.calls().every(([, q]) => q.filters_json === undefined)).toBe(true);
	});

	test('Limit keeps pages of one size and cuts the last one', async () => {
		const expected = await api.oracle('/search/new/candidates?limit=150');
		const { items } = await api.run(search({ limit: 150, options: { pageSize: 100 } }));
		expect(jsonOf(items)).toEqual(expected.hits);
		expect(pagesOf(api.calls())).toEqual(['1x100', '2x100']);
	});

	test('no hit: one request, no item', async () => {
		const { items, error } = await api.run(
			search({ returnAll: true, filters: { query: 'zzzz-no-such-text-zzzz' } }),
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
		expect(api.calls()).toHaveLength(1);
	});

	test('the page size never goes above the 10000 cap', async () => {
		const { error } = await api.run(search({ limit: 5, options: { pageSize: 10001 } }));
		expect(error.message).toContain('"Page Size"');
		expect(api.calls()).toEqual([]);
	});

	test.each([
		['{"field":"all"', 'is not valid JSON'],
		['{"field":"all","query":"x"}', 'must be a JSON array'],
		['[{"field":"all"}, 3]', 'element 1 is not an object'],
	])('raw filters %s are refused, naming the field and item', async (filtersJson, problem) => {
		const { error } = await api.run(search({ filtersJson }));
		expect(error.message).toContain('Invalid parameter "Filters (JSON)"');
		expect(error.message).toContain(problem);
		expect(error.message).toContain('[item 0]');
		expect(api.calls()).toEqual([]);
	});

	test('raw filters from an expression may be an array already', async () => {
		const { error } = await api.run(search({ limit: 1, filtersJson: '={{ $json.filters }}' }), {
			input: [{ json: { filters: [{ field: 'all', query: 'a' }] } }],
		});
		expect(error).toBeUndefined();
		expect(sentFilters(api.calls()[0])).toEqual([{ field: 'all', query: 'a' }]);
	});

	test('a created range whose start is after its end is refused', async () => {
		const { error } = await api.run(
			search({ filters: { from: '2025-02-01T00:00:00Z', to: '2025-01-01T00:00:00Z' } }),
		);
		expect(error.message).toContain('Invalid parameter "Created After"');
		expect(error.message).toContain('is after Created Before');
	});

	test('Simplify summarises placements', async () => {
		const { items } = await api.run(search({ limit: 5, simplify: true }));
		for (const { json } of items) {
			for (const placement of json.placements) {
				expect(Object.keys(placement).sort()).toEqual(
					['disqualified', 'id', 'is_hired', 'offer_id', 'offer_title', 'stage_name'].sort(),
				);
			}
		}
	});
});
