'use strict';
// Candidate → Create against the sandbox's write routes: the body sent, the look-up by email in every
// "If a Candidate With This Email Exists" mode, offers and stages, and bad input refused before any
// request.
const { useRecruitee, rl, jsonOf } = require('../../harness/recruitee');

const api = useRecruitee({ candidates: 200 });

const OFFER = 1209656; // a job of the seed, with a pipeline
const create = (extra = {}) => ({ resource: 'candidate', operation: 'create', simplify: false, ...extra });
const writes = () => api.sandbox.requests.filter((r) => r.method !== 'GET');
const bodyOf = (request) => JSON.parse(request.body);
let serial = 0;
const freshEmail = () => `new.person.${++serial}.${Date.now()}@example.com`;

describe('Candidate → Create', () => {
	test('every field maps to the body; the candidate lands on the offer', async () => {
		const email = freshEmail();
		const { items, error } = await api.run(
			create({
				name: ' Ann Lee ',
				email,
				offerId: rl(String(OFFER)),
				additionalFields: {
					emails: 'ann.lee@example.org, ann.lee@example.org',
					phones: '+49 30 1234567',
					links: 'https://ann.example.com',
					socialLinks: 'https://www.linkedin.com/in/annlee',
					sources: 'Website form',
					tags: 'berlin, backend',
					coverLetter: 'Hello <team> & co',
					cvUrl: 'https://example.com/cv.pdf',
				},
			}),
		);
		expect(error).toBeUndefined();
		const [post] = writes();
		expect(post.path).toBe('/c/90598/candidates');
		expect(post.headers['content-type']).toBe('application/json');
		expect(bodyOf(post)).toEqual({
			candidate: {
				name: 'Ann Lee',
				emails: [email, 'ann.lee@example.org'],
				phones: ['+49 30 1234567'],
				links: ['https://ann.example.com'],
				social_links: ['https://www.linkedin.com/in/annlee'],
				sources: ['Website form'],
				tags: ['berlin', 'backend'],
				cover_letter: 'Hello <team> & co',
				remote_cv_url: 'https://example.com/cv.pdf',
			},
			offers: [OFFER],
		});
		const [created] = jsonOf(items);
		expect(created).toEqual((await api.oracle(`/candidates/${created.id}`)).candidate);
		expect(api.sandbox.placementsOf(created.id).map((p) => p.offer_id)).toEqual([OFFER]);
	});

	test('a stage on the offer: created in the first stage, then moved there', async () => {
		const stages = (await api.oracle(`/offers/${OFFER}`)).offer.pipeline_template.stages;
		const target = stages[2];
		const { items, error } = await api.run(
			create({ name: 'Staged Person', email: freshEmail(), offerId: rl(String(OFFER)), stageId: String(target.id), simplify: true }),
		);
		expect(error).toBeUndefined();
		const [candidate] = jsonOf(items);
		expect(candidate.placements).toEqual([expect.objectContaining({ offer_id: OFFER, stage_id: target.id })]);
		expect(writes().map((r) => `${r.method} ${r.path.replace(/\d+/g, 'N')}`)).toEqual([
			'POST /c/N/candidates',
			'PATCH /c/N/placements/N/change_stage',
		]);
	});

	test('a stage by name from an expression; an unknown stage fails before any write, listing the stages', async () => {
		const ok = await api.run(create({ name: 'By Stage Name', email: freshEmail(), offerId: rl(String(OFFER)), stageId: '={{ "applied" }}' }));
		expect(ok.error).toBeUndefined();
		api.sandbox.clearRequests();
		const { error } = await api.run(create({ name: 'X', email: freshEmail(), offerId: rl(String(OFFER)), stageId: 'Nowhere' }));
		expect(error.message).toBe(`Invalid parameter "Stage": "Nowhere" is not a stage of offer ${OFFER} [item 0]`);
		expect(error.description).toMatch(/^The stages of offer 1209656 .*: .*Applied \(\d+\)/);
		expect(writes()).toEqual([]);
	});

	describe('If a Candidate With This Email Exists', () => {
		const existing = () => {
			const c = api.sandbox.data.candidates.find((x) => x.emails.length === 1 && !x.deleted_at);
			return { id: c.id, email: c.emails[0] };
		};

		test('Return Existing (default): no write, the existing candidate; the email matched exactly, ignoring case', async () => {
			const { id, email } = existing();
			const { items, error } = await api.run(create({ name: 'Someone Else', email: email.toUpperCase() }));
			expect(error).toBeUndefined();
			expect(jsonOf(items)[0].id).toBe(id);
			expect(writes()).toEqual([]);
			expect(api.calls()[0]).toEqual(['/candidates', { query: email.toUpperCase(), limit: '1000', offset: '0' }]);
		});

		test('a candidate whose email only contains the address is not a match', async () => {
			const { email } = existing();
			const { items } = await api.run(create({ name: 'Prefix Person', email: email.slice(1) }));
			expect(writes().map((r) => r.method)).toEqual(['POST']);
			expect(jsonOf(items)[0].emails).toEqual([email.slice(1)]);
		});

		test('Update: the fields given set, lists added to, put on the offer', async () => {
			const { id, email } = existing();
			const before = structuredClone(api.sandbox.candidateById(id));
			const createdBefore = api.sandbox.writes.candidatesCreated;
			const { items, error } = await api.run(
				create({ name: 'Renamed', email, ifExists: 'update', offerId: rl('1209653'), additionalFields: { phones: '+1 555 0100', tags: 'rehire' } }),
			);
			expect(error).toBeUndefined();
			const after = api.sandbox.candidateById(id);
			expect(after.name).toBe('Renamed');
			expect(after.phones).toEqual([...before.phones, '+1 555 0100']);
			expect(after.tags).toEqual([...before.tags, 'rehire']);
			expect(api.sandbox.placementsOf(id).map((p) => p.offer_id)).toContain(1209653);
			expect(jsonOf(items)[0].id).toBe(id);
			expect(api.sandbox.writes.candidatesCreated).toBe(createdBefore);
		});

		test('Update from two items with two emails of one candidate, in parallel: both items’ lists kept', async () => {
			const [first, second] = [freshEmail(), freshEmail()];
			const made = await api.run(create({ name: 'Two Emails', email: first, additionalFields: { emails: second, tags: 'old' } }));
			expect(made.error).toBeUndefined();
			const id = jsonOf(made.items)[0].id;
			api.sandbox.clearRequests();
			// Item 0's PATCH arrives 300 ms late: item 1 must not have read the tags before it.
			api.sandbox.inject({ method: 'PATCH', match: (r) => r.body.includes('from-first'), delayMs: 300 });
			const { items, error } = await api.run(
				create({ name: 'Two Emails', email: '={{ $json.email }}', ifExists: 'update', additionalFields: { tags: '={{ $json.tag }}' } }),
				{ input: [{ json: { email: first, tag: 'from-first' } }, { json: { email: second, tag: 'from-second' } }] },
			);
			expect(error).toBeUndefined();
			expect(api.sandbox.candidateById(id).tags).toEqual(['old', 'from-first', 'from-second']);
			expect(jsonOf(items).map((c) => c.id)).toEqual([id, id]);
			expect(writes().map((r) => r.method)).toEqual(['PATCH', 'PATCH']);
		});

		test('Fail: an error naming the existing candidate, nothing written', async () => {
			const { id, email } = existing();
			const { error } = await api.run(create({ name: 'X', email, ifExists: 'fail' }));
			expect(error.message).toBe(`A candidate with the email ${email} already exists: ID ${id} [item 0]`);
			expect(writes()).toEqual([]);
		});

		test('Create Anyway: no look-up, a second candidate with that email', async () => {
			const { email } = existing();
			const { error } = await api.run(create({ name: 'Twin', email, ifExists: 'create' }));
			expect(error).toBeUndefined();
			expect(api.calls().map(([path]) => path)).toEqual(['/candidates']);
			expect(writes()).toHaveLength(1);
			expect(api.sandbox.candidatesByEmail(email)).toHaveLength(2);
		});
	});

	test('a CV file from the item’s binary data: uploaded and set as the CV of the new candidate only', async () => {
		const bytes = Buffer.from('%PDF-1.4 cv bytes \u0000\u00ff', 'latin1');
		const input = [{ json: {}, binary: { cv: { data: bytes.toString('base64'), mimeType: 'application/pdf', fileName: 'cv.pdf' } } }];
		const email = freshEmail();
		const { items, error } = await api.run(create({ name: 'With CV', email, additionalFields: { cvBinaryPropertyName: 'cv' } }), { input });
		expect(error).toBeUndefined();
		const [candidate] = jsonOf(items);
		const cv = api.sandbox.cvOf(candidate.id);
		expect(cv).toMatchObject({ filename: 'cv.pdf', content_type: 'application/pdf', size: bytes.length });
		expect(api.sandbox.attachmentBytes(cv.id).equals(bytes)).toBe(true);
		expect(candidate.cv_url).toBe(cv.url);
		api.sandbox.clearRequests();
		const again = await api.run(create({ name: 'With CV', email, additionalFields: { cvBinaryPropertyName: 'cv' } }), { input });
		expect(jsonOf(again.items)[0].id).toBe(candidate.id);
		expect(writes()).toEqual([]);
	});

	test('a CV field the item does not have: refused before any request', async () => {
		const { error } = await api.run(create({ name: 'No CV', email: freshEmail(), additionalFields: { cvBinaryPropertyName: 'cv' } }));
		expect(error.message).toBe('Invalid parameter "CV File (Input Binary Field)": the item has no binary field "cv" [item 0]');
		expect(api.sandbox.requests).toEqual([]);
	});

	test('items of one run with the same email (10 in parallel): one candidate, every item outputs it', async () => {
		const email = freshEmail();
		const input = Array.from({ length: 6 }, (_, i) => ({ json: { name: `Dup ${i}`, email: i % 2 ? email.toUpperCase() : email } }));
		const { items, error } = await api.run(create({ name: '={{ $json.name }}', email: '={{ $json.email }}' }), { input });
		expect(error).toBeUndefined();
		expect(api.sandbox.candidatesByEmail(email)).toHaveLength(1);
		expect(new Set(jsonOf(items).map((c) => c.id)).size).toBe(1);
		expect(writes()).toHaveLength(1);
	});

	test.each([
		[{ name: '  ' }, '"Name": is empty: a candidate needs a name'],
		[{ email: 'not-an-email' }, '"Email": is not an email address'],
		[{ additionalFields: { emails: 'a@b.co, nope' } }, '"Emails": "nope" is not an email address'],
		[{ additionalFields: { cvUrl: 'cv.pdf' } }, '"CV URL": is not a URL'],
		[{ stageId: '123' }, '"Stage": a stage needs an Offer'],
		[{ ifExists: 'sometimes' }, '"If a Candidate With This Email Exists": must be one of'],
	])('%j is refused before any request', async (bad, message) => {
		const { error } = await api.run(create({ name: 'Valid Name', email: freshEmail(), ...bad }));
		expect(error.message).toContain(`Invalid parameter ${message}`);
		expect(error.message).toMatch(/\[item 0\]$/);
		expect(api.sandbox.requests).toEqual([]);
	});

	test('a 422 shows what Recruitee said', async () => {
		api.sandbox.inject({ method: 'POST', status: 422, body: { errors: { name: ["can't be blank"] } } });
		const { error } = await api.run(create({ name: 'Valid Name', email: freshEmail() }));
		expect(error.message).toBe('Recruitee rejected the request (HTTP 422) [item 0]');
		expect(error.description).toContain('Recruitee said: "name can\'t be blank"');
	});
});

// How Recruitee's `query` matches is undocumented: an exact address may match many candidates,
// newest first. The look-up must read them all (or fail saying it could not), never create a second
// candidate because the one with the address was on a later page.
describe.each([['substring'], ['allWords'], ['anyWord']])('Candidate → Create, the email look-up (sandbox candidateQuery: %s)', (candidateQuery) => {
	const big = useRecruitee({ candidates: 2500, candidateQuery });

	test('finds the oldest candidate with the address, however many the search matches', async () => {
		const oldest = big.sandbox.data.candidates.filter((c) => c.emails.some((e) => e.endsWith('@example.com'))).sort((a, b) => a.id - b.id)[0];
		const email = oldest.emails.find((e) => e.endsWith('@example.com'));
		const matched = (await big.oracle(`/candidates?query=${encodeURIComponent(email)}&limit=10000`)).candidates;
		expect(matched.length).toBeGreaterThanOrEqual(1);
		if (candidateQuery === 'anyWord') expect(matched.length).toBeGreaterThan(2000);

		for (const ifExists of ['returnExisting', 'update', 'fail']) {
			const { items, error } = await big.run(create({ name: oldest.name, email: email.toUpperCase(), ifExists }));
			if (ifExists === 'fail') expect(error.message).toBe(`A candidate with the email ${email.toUpperCase()} already exists: ID ${oldest.id} [item 0]`);
			else expect(jsonOf(items)[0].id).toBe(oldest.id);
			expect(big.sandbox.writes.candidatesCreated).toBe(0);
			const pages = big.calls().filter(([path]) => path === '/candidates');
			expect(pages).toEqual(
				Array.from({ length: Math.floor(matched.length / 1000) + 1 }, (_, page) => ['/candidates', { query: email.toUpperCase(), limit: '1000', offset: String(page * 1000) }]),
			);
			big.sandbox.clearRequests();
		}
	});

	test('an address no one has: the candidate is created once', async () => {
		const email = `no.one.yet.${Date.now()}@example.com`;
		const { items, error } = await big.run(create({ name: 'No One Yet', email }));
		expect(error).toBeUndefined();
		expect(big.sandbox.candidatesByEmail(email).map((c) => c.id)).toEqual([jsonOf(items)[0].id]);
		const again = await big.run(create({ name: 'No One Yet', email }));
		expect(jsonOf(again.items)[0].id).toBe(jsonOf(items)[0].id);
		expect(big.sandbox.writes.candidatesCreated).toBe(1);
	});
});

describe('Candidate → Create, the email look-up past what it reads (sandbox candidateQuery: anyWord)', () => {
	const huge = useRecruitee({ candidates: 11_000, candidateQuery: 'anyWord' }); // about 10,400 with an email

	test('more than 10,000 candidates matched: the item fails saying so, nothing is created', async () => {
		const existing = huge.sandbox.data.candidates.find((c) => c.emails.length === 1 && c.emails[0].endsWith('@example.com'));
		for (const email of [existing.emails[0], `no.one.yet.${Date.now()}@example.com`]) {
			const { error } = await huge.run(create({ name: 'Someone', email }));
			expect(error.message).toBe(
				`Could not tell whether a candidate with the email ${email} exists: Recruitee's search for it matched more than 10,000 candidates [item 0]`,
			);
			expect(error.description).toContain('nothing was created');
			expect(error.description).toContain('Create Anyway');
			expect(huge.sandbox.writes.candidatesCreated).toBe(0);
			expect(huge.calls().map(([, q]) => `${q.offset}+${q.limit}`)).toEqual([
				...Array.from({ length: 10 }, (_, page) => `${page * 1000}+1000`),
				'10000+1',
			]);
			huge.sandbox.clearRequests();
		}
		const { error } = await huge.run(create({ name: 'Someone', email: existing.emails[0], ifExists: 'create' }));
		expect(error).toBeUndefined();
		expect(huge.sandbox.writes.candidatesCreated).toBe(1);
	});
});
