'use strict';
const { useRecruitee, rl, jsonOf } = require('../../harness/recruitee');

const api = useRecruitee();

const getAll = (extra = {}) => ({
	resource: 'candidate',
	operation: 'getAll',
	simplify: false,
	...extra,
});

const pagesOf = (calls) => calls.map(([, q]) => `${q.limit}@${q.offset}`);

describe('Candidate → Get Many', () => {
	test('Return All pages with limit+offset through every page, short last page, in API order', async () => {
		const all = await api.oracle('/candidates');
		const { items, error } = await api.run(getAll({ returnAll: true, options: { pageSize: 90 } }));
		expect(error).toBeUndefined();
		expect(jsonOf(items)).toEqual(all.candidates);
		const n = all.candidates.length;
		expect(n).toBeGreaterThanOrEqual(1000);
		expect(n % 90).not.toBe(0);
		// Every page, then the one after the short last page: read ahead while the last was on its
		// way (Recruitee gives no total here), dropped.
		const expected = Array.from({ length: Math.ceil(n / 90) + 1 }, (_, i) => `90@${i * 90}`);
		expect(pagesOf(api.calls())).toEqual(expected);
		expect(api.calls().every(([path]) => path === '/candidates')).toBe(true);
		expect(items.every((item) => item.pairedItem.item === 0)).toBe(true);
	});

	test('an exactly full last page is followed by one empty page (and one read ahead), then it stops', async () => {
		const all = await api.oracle('/candidates');
		const ids = all.candidates.slice(0, 10).map((c) => c.id);
		const { items } = await api.run(
			getAll({ returnAll: true, filters: { ids: ids.join(', ') }, options: { pageSize: 5 } }),
		);
		expect(jsonOf(items).map((c) => c.id).sort()).toEqual([...ids].sort());
		// 5@15 was read ahead while the empty page was on its way, and dropped.
		expect(pagesOf(api.calls())).toEqual(['5@0', '5@5', '5@10', '5@15']);
		expect(api.calls()[0][1].ids).toBe(ids.join(','));
	});

	test('Limit asks only for what is missing on the last page (first, middle, last)', async () => {
		const all = await api.oracle('/candidates');
		const { items } = await api.run(getAll({ limit: 250, options: { pageSize: 100 } }));
		expect(jsonOf(items)).toEqual(all.candidates.slice(0, 250));
		expect(pagesOf(api.calls())).toEqual(['100@0', '100@100', '50@200']);
	});

	test('a Limit below the page size makes one request', async () => {
		const { items } = await api.run(getAll({ limit: 7 }));
		expect(items).toHaveLength(7);
		expect(pagesOf(api.calls())).toEqual(['7@0']);
	});

	test('an empty result is one request and no item', async () => {
		const { items, error } = await api.run(
			getAll({ returnAll: true, filters: { query: 'no-such-candidate-anywhere' } }),
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
		expect(api.calls()).toHaveLength(1);
	});

	test('all candidates of an offer: offer_id, across pages', async () => {
		const offer = api.sandbox.data.offers.find((o) => o.candidates_count > 30);
		const expected = await api.oracle(`/candidates?offer_id=${offer.id}`);
		const { items } = await api.run(
			getAll({
				returnAll: true,
				filters: { offerId: rl(String(offer.id), 'list') },
				options: { pageSize: 10 },
			}),
		);
		expect(jsonOf(items)).toEqual(expected.candidates);
		expect(api.calls().every(([, q]) => q.offer_id === String(offer.id))).toBe(true);
		// The pages, and one read ahead past the last.
		expect(api.calls().length).toBe(Math.floor(expected.candidates.length / 10) + 2);
	});

	test('an offer given by its URL is looked up by slug first', async () => {
		const offer = api.sandbox.data.offers[3];
		const { items, error } = await api.run(
			getAll({
				limit: 5,
				filters: { offerId: rl(`https://app.recruitee.com/#/offers/${offer.slug}`, 'url') },
			}),
		);
		expect(error).toBeUndefined();
		const calls = api.calls();
		expect(calls[0]).toEqual(['/offers', { view_mode: 'brief' }]);
		expect(calls[1][1].offer_id).toBe(String(offer.id));
		expect(items.length).toBeLessThanOrEqual(5);
	});

	test('an unknown offer: the 404 names the offer, like Offer → Get', async () => {
		const { error } = await api.run(getAll({ returnAll: true, filters: { offerId: rl('999999') } }));
		expect(error.message).toBe('No offer with ID 999999 in this company (HTTP 404) [item 0]');
		expect(error.description).toContain('(GET /candidates)');
		expect(api.calls()).toEqual([['/candidates', expect.objectContaining({ offer_id: '999999' })]]);
	});

	test('an offer URL given for many items is looked up once per run', async () => {
		const offer = api.sandbox.data.offers[5];
		const url = `https://app.recruitee.com/#/offers/${offer.slug}`;
		const { error } = await api.run(getAll({ limit: 1, filters: { offerId: rl(url, 'url') } }), {
			input: [{ json: {} }, { json: {} }, { json: {} }],
		});
		expect(error).toBeUndefined();
		const calls = api.calls();
		expect(calls.filter(([path]) => path === '/offers')).toHaveLength(1);
		expect(calls.filter(([, q]) => q.offer_id === String(offer.id))).toHaveLength(3);
	});

	test('filters map to the documented query string', async () => {
		const { error } = await api.run(
			getAll({
				limit: 20,
				filters: { createdAfter: '2025-01-01T10:00:00', status: 'disqualified', query: ' sharma ' },
				options: { sort: 'by_last_message', withMessages: true, withMyMessages: true },
			}),
			{ timezone: 'Europe/Berlin' },
		);
		expect(error).toBeUndefined();
		const [, query] = api.calls()[0];
		expect(query).toEqual({
			created_after: '2025-01-01T09:00:00',
			disqualified: 'true',
			query: 'sharma',
			sort: 'by_last_message',
			with_messages: 'true',
			with_my_messages: 'true',
			limit: '20',
			offset: '0',
		});
	});

	test('Created After to the millisecond: the second is sent, earlier candidates of it and the very millisecond are left out, Limit still filled', async () => {
		const at = (micro) => api.sandbox.addCandidate({ created_at: `2026-11-20T12:30:00.${micro}Z`, name: `At ${micro}` });
		const early = at('200000');
		const sameMs = at('500400');
		const late = at('900000');
		const later = api.sandbox.addCandidate({ created_at: '2026-11-20T12:30:01.000000Z', name: 'Later' });
		api.sandbox.clearRequests();
		for (const [run, pages] of [
			[{ returnAll: true }, ['100@0']],
			[{ limit: 3 }, ['3@0', '1@3', '1@4']],
		]) {
			const { items, error } = await api.run(getAll({ ...run, filters: { createdAfter: '2026-11-20T12:30:00.500Z' } }));
			expect(error).toBeUndefined();
			expect(jsonOf(items).map((c) => c.id)).toEqual([later.id, late.id]);
			expect(api.calls().every(([, q]) => q.created_after === '2026-11-20T12:30:00')).toBe(true);
			expect(pagesOf(api.calls())).toEqual(pages);
			api.sandbox.clearRequests();
		}
		expect([early.id, sameMs.id]).not.toContain(late.id);
		// A candidate's own created_at (microseconds) leaves that candidate out, as the next read of an incremental one.
		const { items } = await api.run(getAll({ returnAll: true, filters: { createdAfter: '={{ $json.created_at }}' } }), {
			input: [{ json: { created_at: sameMs.created_at } }],
		});
		expect(jsonOf(items).map((c) => c.id)).toEqual([later.id, late.id]);
	});

	test('qualified filter and the result matches the API', async () => {
		const expected = await api.oracle('/candidates?qualified=true&limit=30&offset=0');
		const { items } = await api.run(getAll({ limit: 30, filters: { status: 'qualified' } }));
		expect(jsonOf(items)).toEqual(expected.candidates);
		expect(api.calls()[0][1].qualified).toBe('true');
	});

	test('Simplify keeps the fields most workflows need', async () => {
		const { items } = await api.run(getAll({ limit: 3, simplify: true }));
		for (const { json } of items) {
			expect(Object.keys(json)).toEqual(
				expect.arrayContaining(['id', 'name', 'emails', 'created_at', 'placements']),
			);
			expect(Object.keys(json).length).toBeLessThanOrEqual(12);
		}
	});

	test('one run per input item, each paired with its item', async () => {
		const { items } = await api.run(getAll({ limit: '={{ $json.n }}' }), {
			input: [{ json: { n: 2 } }, { json: { n: 3 } }],
		});
		expect(items.map((i) => i.pairedItem.item)).toEqual([0, 0, 1, 1, 1]);
	});

	test.each([
		[{ filters: { ids: '12, abc' } }, 'Candidate IDs'],
		[{ filters: { createdAfter: 'yesterday-ish' } }, 'Created After'],
		[{ limit: 0 }, 'Limit'],
		[{ filters: { offerId: rl('not an offer!') } }, 'Offer'],
	])('bad input %j fails before any request, naming the field and item', async (extra, field) => {
		const { error } = await api.run(getAll(extra));
		expect(error.message).toContain(`"${field}"`);
		expect(error.message).toContain('[item 0]');
		expect(api.calls()).toEqual([]);
	});
});
