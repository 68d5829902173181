'use strict';
// The item loop: "Items in Parallel" runs items at once, the output stays in item order, and errors
// name the first failing item (or become error items with Continue On Fail).
const { useRecruitee, rl } = require('../../harness/recruitee');

const api = useRecruitee({ candidates: 40, auditLogEntries: 10 });

const get = (concurrency) => ({
	resource: 'candidate',
	operation: 'get',
	candidateId: rl('={{ $json.id }}'),
	options: concurrency === undefined ? {} : { concurrency },
});
const inputOf = (ids) => ids.map((id) => ({ json: { id } }));

test('items run in parallel (10 by default), the output keeps the item order', async () => {
	const ids = api.sandbox.data.candidates.slice(0, 12).map((c) => c.id);
	api.sandbox.inject({ delayMs: 150, times: Infinity });
	const { items, error } = await api.run(get(), { input: inputOf(ids) });
	expect(error).toBeUndefined();
	expect(items.map((i) => i.json.id)).toEqual(ids);
	expect(items.map((i) => i.pairedItem.item)).toEqual(ids.map((_, i) => i));
	expect(api.sandbox.peakInFlight).toBe(10);
});

test('up to 50 at once (the maximum)', async () => {
	const ids = api.sandbox.data.candidates.slice(0, 40).map((c) => c.id);
	const input = inputOf([...ids, ...ids.slice(0, 15)]);
	api.sandbox.inject({ delayMs: 300, times: Infinity });
	const { items, error } = await api.run(get(50), { input });
	expect(error).toBeUndefined();
	expect(items.map((i) => i.json.id)).toEqual(input.map((i) => i.json.id));
	expect(api.sandbox.peakInFlight).toBe(50);
});

test('one at a time when asked', async () => {
	const ids = api.sandbox.data.candidates.slice(0, 4).map((c) => c.id);
	api.sandbox.inject({ delayMs: 100, times: Infinity });
	await api.run(get(1), { input: inputOf(ids) });
	expect(api.sandbox.peakInFlight).toBe(1);
	const starts = api.sandbox.requests.map((r) => r.receivedAt).sort((a, b) => a - b);
	for (let i = 1; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBeGreaterThanOrEqual(90);
});

test('Continue On Fail: error items in their place among the others', async () => {
	const ids = api.sandbox.data.candidates.slice(0, 8).map((c) => c.id);
	ids[3] = 999;
	ids[6] = 998;
	const { items } = await api.run(get(4), { input: inputOf(ids), continueOnFail: true });
	expect(items.map((i) => i.json.error ?? i.json.id)).toEqual(
		ids.map((id, i) => (id < 1000 ? `No candidate with ID ${id} in this company (HTTP 404) [item ${i}]` : id)),
	);
});

test('without it: the error of the first failing item, and no item starts after a failure', async () => {
	const ids = api.sandbox.data.candidates.slice(0, 30).map((c) => c.id);
	ids[2] = 999;
	ids[4] = 998;
	const { error, items } = await api.run(get(3), { input: inputOf(ids) });
	expect(items).toEqual([]);
	expect(error.message).toBe('No candidate with ID 999 in this company (HTTP 404) [item 2]');
	expect(api.sandbox.requests.length).toBeLessThan(30);
});
