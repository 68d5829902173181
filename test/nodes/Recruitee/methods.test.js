'use strict';
const { useRecruitee, rl } = require('../../harness/recruitee');

const api = useRecruitee();

describe('Recruitee list search and options', () => {
	test('searchOffers lists every offer, filtered by title', async () => {
		const all = await api.load('listSearch', 'searchOffers');
		expect(all.results).toHaveLength(api.sandbox.data.offers.length);
		expect(all.results[0]).toEqual({
			name: expect.stringMatching(/ \((job|talent pool), \w+\)$/),
			value: expect.stringMatching(/^\d+$/),
			url: expect.stringMatching(/^https:\/\/app\.recruitee\.com\/#\/offers\//),
		});
		const some = await api.load('listSearch', 'searchOffers', ['recruiter']);
		expect(some.results.length).toBeGreaterThan(0);
		expect(some.results.every((r) => r.name.toLowerCase().includes('recruiter'))).toBe(true);
	});

	test('searchCandidates pages with a token and searches text', async () => {
		const first = await api.load('listSearch', 'searchCandidates');
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBe('2');
		const second = await api.load('listSearch', 'searchCandidates', [undefined, '2']);
		expect(second.results[0].value).not.toBe(first.results[0].value);
		const found = await api.load('listSearch', 'searchCandidates', ['Jasprit']);
		expect(found.results[0]).toMatchObject({ value: '47628534', name: expect.stringContaining('Jasprit Bumrah') });
		expect(found.paginationToken).toBeUndefined();
		const filters = JSON.parse(api.sandbox.requests.at(-1).query.filters_json);
		expect(filters).toEqual([{ field: 'all', query: 'Jasprit' }]);
	});

	test('getOfferStages: the Offer by ID, by URL or by slug (from an expression) lists its stages', async () => {
		const offer = api.sandbox.data.offers.find((o) => o.kind === 'job');
		const stagesBy = (offerId) => api.load('loadOptions', 'getOfferStages', [], { resource: 'candidate', operation: 'moveToStage', offerId });
		const byId = await stagesBy(rl(String(offer.id)));
		expect(byId.map((s) => s.value)).toEqual(offer.pipeline_template.stages.map((s) => s.id));
		expect(await stagesBy(rl(`https://app.recruitee.com/#/offers/${offer.slug}`, 'url'))).toEqual(byId);
		expect(await stagesBy(rl(offer.slug))).toEqual(byId);
		expect(await stagesBy(rl(''))).toEqual([]);
	});

	test('getOfferStages: an offer URL of no offer says so, naming no item', async () => {
		await expect(
			api.load('loadOptions', 'getOfferStages', [], {
				resource: 'candidate',
				operation: 'moveToStage',
				offerId: rl('https://app.recruitee.com/#/offers/no-such-offer', 'url'),
			}),
		).rejects.toThrow(/^No offer with the URL slug "no-such-offer" in this company$/);
	});

	test('getOffers gives options with numeric values', async () => {
		const options = await api.load('loadOptions', 'getOffers');
		expect(options).toHaveLength(api.sandbox.data.offers.length);
		expect(typeof options[0].value).toBe('number');
	});
});
