'use strict';
// Writes whose outcome an answer leaves open, one fault at a time: a create Recruitee is still working
// on when the node gives up, a server error (HTTP 500) after or before the write, and a look-up after
// the write that fails too. None is sent again; what the node finds afterwards decides, and where it
// finds nothing the item fails saying the write may have happened, never "run again" alone.
const { useRecruitee, rl } = require('../harness/recruitee');

const api = useRecruitee({ candidates: 50 });

let serial = 0;
const freshEmail = () => `unconfirmed.${++serial}@example.com`;
const posts = (path) => api.sandbox.requests.filter((r) => r.method === 'POST' && path.test(r.path));
const someCandidate = (k) => api.sandbox.data.candidates.filter((c) => !c.deleted_at)[k];
const noteOn = (candidateId, text) => ({ resource: 'note', operation: 'create', candidateId: rl(String(candidateId)), text });

test('Create (Return Existing): a create still under way when Request Timeout ends is not sent again; the item says it may have happened, and running it again later returns that candidate', async () => {
	const email = freshEmail();
	// Recruitee takes 2.5 s to create it; the node waits 1 s.
	api.sandbox.inject({ method: 'POST', path: /\/candidates$/, delayMs: 2_500 });
	const create = { resource: 'candidate', operation: 'create', name: 'Slow Create', email, options: { timeoutSeconds: 1 } };
	const { error } = await api.run(create);
	expect(error.message).toBe(`Recruitee may have created the candidate "Slow Create" <${email}>, but did not confirm it [item 0]`);
	expect(error.description).toContain('Run this item again in a while: the node looks for the email first and creates nothing twice.');
	expect(error.description).toContain('Looked for it afterwards: no candidate with this email yet, but Recruitee may still be creating it.');
	expect(posts(/\/candidates$/)).toHaveLength(1);
	await new Promise((resolve) => setTimeout(resolve, 2_000));
	const [created] = api.sandbox.candidatesByEmail(email);
	const again = await api.run(create);
	expect(again.error).toBeUndefined();
	expect(again.items[0].json.id).toBe(created.id);
	expect(api.sandbox.candidatesByEmail(email)).toHaveLength(1);
});

test('Create Anyway: HTTP 500 after the candidate was created fails saying it may have been, not "run again later"', async () => {
	const email = freshEmail();
	api.sandbox.inject({ method: 'POST', path: /\/candidates$/, after: true, status: 500 });
	const { error } = await api.run({ resource: 'candidate', operation: 'create', name: 'Anyway', email, ifExists: 'create' });
	expect(error.message).toBe(`Recruitee may have created the candidate "Anyway" <${email}>, but did not confirm it [item 0]`);
	expect(error.description).toMatch(/^The server answered HTTP 500 \(an error on its side\) after the request was sent(; Recruitee said: .*)?\. The write may have happened/);
	expect(error.description).not.toContain('run again later');
	expect(api.sandbox.candidatesByEmail(email)).toHaveLength(1);
	expect(posts(/\/candidates$/)).toHaveLength(1);
});

test.each([
	['after the note was added: found, a success', true],
	['before anything was done: not found, it fails saying the note may have been added', false],
])('Note → Create, HTTP 500 %s', async (_case, applied) => {
	const candidate = someCandidate(applied ? 1 : 2);
	const before = api.sandbox.notesOf(candidate.id).length;
	api.sandbox.inject({ method: 'POST', path: /\/notes$/, after: applied, status: 500 });
	const { items, error } = await api.run(noteOn(candidate.id, `Called back ${applied}`));
	expect(api.sandbox.notesOf(candidate.id).length - before).toBe(applied ? 1 : 0);
	if (applied) {
		expect(error).toBeUndefined();
		expect(items[0].json.id).toBe(api.sandbox.notesOf(candidate.id)[0].id);
	} else {
		expect(error.message).toBe(`Recruitee may have added the note to candidate ${candidate.id}, but did not confirm it [item 0]`);
		expect(error.description).toContain('Check the candidate’s notes in Recruitee before running this item again');
		expect(error.description).toContain('Looked for it afterwards: no new note with this text yet, but Recruitee may still be adding it.');
	}
	expect(posts(/\/notes$/)).toHaveLength(1);
});

test('Note → Create: when the look-up after an unconfirmed write fails too, the error still says the note may have been added', async () => {
	const candidate = someCandidate(3);
	api.sandbox.inject({ method: 'POST', path: /\/notes$/, after: true, mode: 'reset' });
	// The first GET of the notes is the one before the write; the second, the look-up after it.
	let reads = 0;
	api.sandbox.inject({ method: 'GET', path: /\/notes$/, match: () => ++reads === 2, status: 500 });
	const { error } = await api.run(noteOn(candidate.id, 'Second interview booked'));
	expect(error.message).toBe(`Recruitee may have added the note to candidate ${candidate.id}, but did not confirm it [item 0]`);
	expect(error.description).toContain('Looked for it afterwards: that failed too (Recruitee failed to process the request (HTTP 500)');
	expect(api.sandbox.notesOf(candidate.id).filter((n) => n.body === 'Second interview booked')).toHaveLength(1);
});
