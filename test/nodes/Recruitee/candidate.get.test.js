'use strict';
const { useRecruitee, rl, jsonOf } = require('../../harness/recruitee');

const api = useRecruitee();

const get = (candidateId, extra = {}) => ({
	resource: 'candidate',
	operation: 'get',
	candidateId,
	simplify: false,
	...extra,
});

describe('Candidate → Get', () => {
	test('by ID returns the full record, without references unless asked', async () => {
		const expected = await api.oracle('/candidates/47628534');
		const { items, error } = await api.run(get(rl('47628534')));
		expect(error).toBeUndefined();
		expect(jsonOf(items)).toEqual([expected.candidate]);
		expect(api.calls()).toEqual([['/candidates/47628534', {}]]);
	});

	test('Include References adds the offers, stages and admins', async () => {
		const expected = await api.oracle('/candidates/47628534');
		const { items } = await api.run(get(rl('47628534', 'list'), { includeReferences: true }));
		expect(items[0].json.references).toEqual(expected.references);
		expect(items[0].json.references.map((r) => r.type)).toEqual(
			expect.arrayContaining(['Offer', 'Stage', 'Admin']),
		);
	});

	test('by URL (the adminapp_url Recruitee shows)', async () => {
		const url = 'https://app.recruitee.com/#/dashboard/overview?candidate=47628534&company=90598';
		const { items } = await api.run(get(rl(url, 'url'), { simplify: true }));
		expect(items[0].json).toMatchObject({ id: 47628534, name: 'Jasprit Bumrah' });
		expect(Object.keys(items[0].json).length).toBeLessThanOrEqual(12);
	});

	test('an ID from an expression, per item', async () => {
		const ids = api.sandbox.data.candidates.slice(0, 3).map((c) => c.id);
		const { items, credentialReads } = await api.run(get('={{ $json.id }}'), {
			input: ids.map((id) => ({ json: { id } })),
		});
		expect(items.map((i) => i.json.id)).toEqual(ids);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		// One request an item, the credential read (decrypted) once for the run, not once a request.
		expect(api.sandbox.requests).toHaveLength(3);
		for (const request of api.sandbox.requests) {
			expect(request.headers.authorization).toBe(`Bearer ${api.sandbox.token}`);
		}
		expect(credentialReads).toEqual({ recruiteeApi: 1 });
	});

	test('an unknown ID is a clear 404 naming the candidate and the item', async () => {
		const { error } = await api.run(get(rl('999')));
		expect(error.message).toBe('No candidate with ID 999 in this company (HTTP 404) [item 0]');
		expect(error.httpCode).toBe('404');
	});

	test('a fixed ID that is not a number is an issue n8n shows before running', async () => {
		await expect(api.run(get(rl('abc')))).rejects.toThrow('The workflow has issues');
		expect(api.calls()).toEqual([]);
	});

	test.each([['abc'], [''], ['12.5'], ['https://example.com/not-a-candidate']])(
		'%j from an expression is refused before any request',
		async (value) => {
			const { error } = await api.run(get(rl(`={{ ${JSON.stringify(value)} }}`)));
			expect(error.message).toMatch(/^Invalid parameter "Candidate": .* \[item 0\]$/);
			expect(api.calls()).toEqual([]);
		},
	);
});
