'use strict';
const { useRecruitee, rl, jsonOf } = require('../../harness/recruitee');

const api = useRecruitee();

const getAll = (extra = {}) => ({ resource: 'offer', operation: 'getAll', simplify: false, ...extra });

describe('Offer → Get Many', () => {
	test('jobs and talent pools by default, all of them with Return All', async () => {
		const expected = await api.oracle('/offers');
		const { items } = await api.run(getAll({ returnAll: true }));
		expect(jsonOf(items)).toEqual(expected.offers);
		expect(api.calls()).toEqual([['/offers', {}]]);
		expect(new Set(items.map((i) => i.json.kind))).toEqual(new Set(['job', 'talent_pool']));
	});

	test.each([['job'], ['talent_pool']])('kind=%s', async (kind) => {
		const expected = await api.oracle(`/offers?kind=${kind}`);
		const { items } = await api.run(getAll({ kind, returnAll: true }));
		expect(jsonOf(items)).toEqual(expected.offers);
		expect(api.calls()[0][1]).toEqual({ kind });
	});

	test('scope, view mode and Limit', async () => {
		const { items } = await api.run(
			getAll({ limit: 3, filters: { scope: 'active' }, options: { viewMode: 'brief' } }),
		);
		expect(api.calls()[0][1]).toEqual({ scope: 'active', view_mode: 'brief' });
		expect(items.length).toBeLessThanOrEqual(3);
		for (const { json } of items) expect(['published', 'internal']).toContain(json.status);
	});

	test('scope is applied on status too, for accounts that ignore it', async () => {
		api.sandbox.inject({
			path: /\/offers$/,
			status: 200,
			body: {
				offers: [
					{ id: 1, title: 'A', status: 'archived', kind: 'job' },
					{ id: 2, title: 'B', status: 'published', kind: 'job' },
				],
			},
		});
		const { items } = await api.run(getAll({ returnAll: true, filters: { scope: 'archived' } }));
		expect(jsonOf(items).map((o) => o.id)).toEqual([1]);
	});

	test('Simplify', async () => {
		const { items } = await api.run(getAll({ limit: 2, simplify: true }));
		expect(Object.keys(items[0].json)).toEqual(
			expect.arrayContaining(['id', 'title', 'kind', 'status', 'slug']),
		);
		expect(items[0].json.pipeline_template).toBeUndefined();
	});
});

describe('Offer → Get', () => {
	test('by ID', async () => {
		const expected = await api.oracle('/offers/1209657');
		const { items } = await api.run({
			resource: 'offer',
			operation: 'get',
			offerId: rl('1209657'),
			simplify: false,
		});
		expect(jsonOf(items)).toEqual([expected.offer]);
		expect(items[0].json.pipeline_template.stages.length).toBeGreaterThan(0);
	});

	test('by URL: the slug is resolved to the ID', async () => {
		const { items } = await api.run({
			resource: 'offer',
			operation: 'get',
			offerId: rl('https://app.recruitee.com/#/offers/recruiter-sample', 'url'),
		});
		expect(items[0].json).toMatchObject({ id: 1209656, slug: 'recruiter-sample' });
		expect(api.calls().map(([path]) => path)).toEqual(['/offers', '/offers/1209656']);
	});

	test('an unknown slug says so', async () => {
		const { error } = await api.run({
			resource: 'offer',
			operation: 'get',
			offerId: rl('https://app.recruitee.com/#/offers/no-such-offer', 'url'),
		});
		expect(error.message).toBe('No offer with the URL slug "no-such-offer" in this company [item 0]');
	});

	test('an empty offer is refused before any request', async () => {
		const { error } = await api.run({
			resource: 'offer',
			operation: 'get',
			offerId: rl('={{ $json.missing ?? "" }}'),
		});
		expect(error.message).toBe('Invalid parameter "Offer": it is empty [item 0]');
		expect(api.calls()).toEqual([]);
	});
});
