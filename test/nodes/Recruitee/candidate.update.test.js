'use strict';
// Candidate → Update, Delete, Add Tags, Remove Tags, under each undocumented behaviour the sandbox
// can take (tagsOnPatch, deleteAnswer).
const { useRecruitee, rl, jsonOf } = require('../../harness/recruitee');

const op = (operation, extra = {}) => ({ resource: 'candidate', operation, simplify: false, ...extra });
const writesOf = (api) => api.sandbox.requests.filter((r) => r.method !== 'GET');

async function newCandidate(api, fields = {}) {
	const name = `Person ${Math.random().toString(36).slice(2, 8)}`;
	const { items, error } = await api.run(
		op('create', { name, email: `${name.replace(/\W/g, '.')}@example.com`, additionalFields: fields }),
	);
	if (error) throw error;
	api.sandbox.clearRequests();
	return items[0].json.id;
}

describe('Candidate → Update', () => {
	const api = useRecruitee({ candidates: 30 });

	test('only the fields given are sent; lists are added to', async () => {
		const id = await newCandidate(api, { phones: '+1 555 0001', tags: 'a' });
		const { items, error } = await api.run(
			op('update', { candidateId: rl(String(id)), updateFields: { name: 'New Name', phones: '+1 555 0002, +1 555 0001', coverLetter: 'Hi' } }),
		);
		expect(error).toBeUndefined();
		const [patch] = writesOf(api);
		expect(patch.method).toBe('PATCH');
		expect(JSON.parse(patch.body)).toEqual({ candidate: { name: 'New Name', cover_letter: 'Hi', phones: ['+1 555 0001', '+1 555 0002'] } });
		expect(jsonOf(items)[0]).toMatchObject({ id, name: 'New Name', phones: ['+1 555 0001', '+1 555 0002'], tags: ['a'] });
	});

	test('no field: refused before any request', async () => {
		const { error } = await api.run(op('update', { candidateId: rl('47628534'), updateFields: {} }));
		expect(error.message).toBe('Invalid parameter "Update Fields": is empty: add at least one field to change [item 0]');
		expect(api.sandbox.requests).toEqual([]);
	});

	test('two items adding to one candidate’s list in parallel: both kept though the first PATCH is late', async () => {
		const id = await newCandidate(api, { phones: '+1 555 0001' });
		// Item 0's PATCH arrives 300 ms late: item 1 must not have read the list before it.
		api.sandbox.inject({ method: 'PATCH', match: (r) => r.body.includes('0002'), delayMs: 300 });
		const { items, error } = await api.run(op('update', { candidateId: rl(String(id)), updateFields: { phones: '={{ $json.phone }}' } }), {
			input: [{ json: { phone: '+1 555 0002' } }, { json: { phone: '+1 555 0003' } }],
		});
		expect(error).toBeUndefined();
		expect(api.sandbox.candidateById(id).phones).toEqual(['+1 555 0001', '+1 555 0002', '+1 555 0003']);
		expect(jsonOf(items)[0].phones).toContain('+1 555 0002');
		expect(jsonOf(items)[1].phones).toEqual(['+1 555 0001', '+1 555 0002', '+1 555 0003']);
		expect(items.map((i) => i.pairedItem.item)).toEqual([0, 1]);
	});

	test('an unknown candidate: a clear 404', async () => {
		const { error } = await api.run(op('update', { candidateId: rl('1'), updateFields: { name: 'X' } }));
		expect(error.message).toBe('No candidate with ID 1 in this company (HTTP 404) [item 0]');
		expect(writesOf(api)).toEqual([]);
	});
});

describe.each([['candidate'], ['empty']])('Candidate → Delete (sandbox deleteAnswer: %s)', (deleteAnswer) => {
	const api = useRecruitee({ candidates: 20, deleteAnswer });

	test('deletes, and outputs what was deleted', async () => {
		const id = await newCandidate(api);
		const before = structuredClone(api.sandbox.candidateById(id));
		const { items, error } = await api.run(op('delete', { candidateId: rl(String(id)) }));
		expect(error).toBeUndefined();
		expect(jsonOf(items)).toEqual([{ deleted: true, id, candidate: before }]);
		expect(api.sandbox.candidateById(id)).toBeUndefined();
	});

	test('its answer lost after the delete: the retry finds it gone, and that counts as done', async () => {
		const id = await newCandidate(api);
		api.sandbox.inject({ method: 'DELETE', after: true, mode: 'reset' });
		const { items, error } = await api.run(op('delete', { candidateId: rl(String(id)), options: { maxRetries: 2 } }));
		expect(error).toBeUndefined();
		expect(jsonOf(items)[0]).toMatchObject({ deleted: true, id });
		expect(writesOf(api).map((r) => r.status)).toEqual([null, 404]);
	});

	test('a candidate that does not exist: a clear 404, nothing deleted', async () => {
		const { error } = await api.run(op('delete', { candidateId: rl('2') }));
		expect(error.message).toBe('No candidate with ID 2 in this company (HTTP 404) [item 0]');
		expect(writesOf(api)).toEqual([]);
	});
});

describe.each([['replace'], ['merge']])('Candidate → Add Tags / Remove Tags (sandbox tagsOnPatch: %s)', (tagsOnPatch) => {
	const api = useRecruitee({ candidates: 20, tagsOnPatch });

	test('Add Tags keeps every other tag and sends the whole list', async () => {
		const id = await newCandidate(api, { tags: 'keep, Berlin' });
		const { items, error } = await api.run(op('addTags', { candidateId: rl(String(id)), tags: 'berlin, backend', simplify: true }));
		expect(error).toBeUndefined();
		expect(jsonOf(items)[0].tags).toEqual(['keep', 'Berlin', 'backend']);
		expect(JSON.parse(writesOf(api)[0].body)).toEqual({ candidate: { tags: ['keep', 'Berlin', 'backend'] } });
	});

	test('Add Tags with tags the candidate has: nothing written', async () => {
		const id = await newCandidate(api, { tags: 'x' });
		const { error } = await api.run(op('addTags', { candidateId: rl(String(id)), tags: 'X' }));
		expect(error).toBeUndefined();
		expect(writesOf(api)).toEqual([]);
	});

	test(tagsOnPatch === 'replace' ? 'Remove Tags keeps every other tag' : 'Remove Tags: Recruitee keeps the tag, and the item says so', async () => {
		const id = await newCandidate(api, { tags: 'keep, drop, also' });
		const { items, error } = await api.run(op('removeTags', { candidateId: rl(String(id)), tags: 'DROP, missing' }));
		if (tagsOnPatch === 'replace') {
			expect(error).toBeUndefined();
			expect(jsonOf(items)[0].tags).toEqual(['keep', 'also']);
		} else {
			expect(error.message).toBe(`Recruitee did not remove the tag(s) "DROP" on candidate ${id} [item 0]`);
			expect(error.description).toContain('adds the tags it is sent rather than replacing the list');
		}
		expect(JSON.parse(writesOf(api)[0].body)).toEqual({ candidate: { tags: ['keep', 'also'] } });
	});

	test.each([[0], [300]])('Add Tags from two items on one candidate in parallel (the second PATCH %i ms late): both tags kept, both items succeed', async (delayMs) => {
		const id = await newCandidate(api, { tags: 'keep' });
		if (delayMs) api.sandbox.inject({ method: 'PATCH', match: (r) => r.body.includes('beta'), delayMs });
		const { items, error } = await api.run(op('addTags', { candidateId: rl(String(id)), tags: '={{ $json.tag }}', simplify: true }), {
			input: [{ json: { tag: 'alpha' } }, { json: { tag: 'beta' } }],
		});
		expect(error).toBeUndefined();
		expect(api.sandbox.candidateById(id).tags).toEqual(['keep', 'alpha', 'beta']);
		expect(jsonOf(items)[0].tags).toContain('alpha');
		expect(jsonOf(items)[1].tags).toEqual(['keep', 'alpha', 'beta']);
		// One read-merge-write after the other: the second item's list carries the first item's tag.
		expect(writesOf(api).map((r) => JSON.parse(r.body).candidate.tags)).toEqual([['keep', 'alpha'], ['keep', 'alpha', 'beta']]);
	});

	test('Remove Tags from two items on one candidate in parallel: neither brings back the other’s tag', async () => {
		const id = await newCandidate(api, { tags: 'keep, a, b' });
		api.sandbox.inject({ method: 'PATCH', match: (r) => !r.body.includes('"a"'), delayMs: 300 });
		const { items, error } = await api.run(op('removeTags', { candidateId: rl(String(id)), tags: '={{ $json.tag }}' }), {
			input: [{ json: { tag: 'a' } }, { json: { tag: 'b' } }],
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(writesOf(api).map((r) => JSON.parse(r.body).candidate.tags)).toEqual(
			tagsOnPatch === 'replace' ? [['keep', 'b'], ['keep']] : [['keep', 'b'], ['keep', 'a']],
		);
		if (tagsOnPatch === 'replace') {
			expect(api.sandbox.candidateById(id).tags).toEqual(['keep']);
			expect(jsonOf(items).map((c) => c.error)).toEqual([undefined, undefined]);
		} else {
			expect(jsonOf(items).map((c) => c.error)).toEqual([
				`Recruitee did not remove the tag(s) "a" on candidate ${id} [item 0]`,
				`Recruitee did not remove the tag(s) "b" on candidate ${id} [item 1]`,
			]);
		}
	});

	test('no tag given: refused before any request', async () => {
		const { error } = await api.run(op('addTags', { candidateId: rl('47628534'), tags: ' , ' }));
		expect(error.message).toBe('Invalid parameter "Tags": is empty: give at least one tag [item 0]');
		expect(api.sandbox.requests).toEqual([]);
	});
});
