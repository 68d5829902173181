'use strict';
// Applicant operations against the Sumsub sandbox, which checks every signature (POST bodies too):
// one applicant per External User ID, review status to branch on, links and tokens, reset, and bad
// input refused before any request.
const { useSumsub, jsonOf } = require('../../harness/sumsub');
const { loadOptions } = require('../../harness/engine');

const LEVEL = 'basic-kyc-level';
const op = (operation, extra = {}) => ({ resource: 'applicant', operation, ...extra });
const byExternal = (value) => ({ __rl: true, mode: 'externalUserId', value });
const byId = (value) => ({ __rl: true, mode: 'id', value });
let serial = 0;
const freshId = () => `recruitee-${Date.now()}-${++serial}`;

describe('Applicant → Create', () => {
	const api = useSumsub({ events: 10 });
	const posts = () => api.sandbox.requests.filter((r) => r.method === 'POST');

	test('the body as Sumsub documents it, signed byte for byte; the applicant', async () => {
		const externalUserId = freshId();
		const { items, error } = await api.run(
			op('create', {
				levelName: LEVEL,
				externalUserId,
				email: 'ann@example.com',
				phone: '+49 30 1234567',
				fixedInfo: { firstName: 'Ann', lastName: 'Lee', dob: '1990-04-23', country: 'deu', gender: 'F' },
				metadata: { pairs: [{ key: 'recruiteeCandidateId', value: '47628534' }] },
			}),
		);
		expect(error).toBeUndefined();
		const [post] = posts();
		expect(post.path).toBe('/resources/applicants');
		expect(post.query).toEqual({ levelName: LEVEL });
		expect(JSON.parse(post.body)).toEqual({
			externalUserId,
			email: 'ann@example.com',
			phone: '+49 30 1234567',
			fixedInfo: { firstName: 'Ann', lastName: 'Lee', dob: '1990-04-23', country: 'DEU', gender: 'F' },
			metadata: [{ key: 'recruiteeCandidateId', value: '47628534' }],
		});
		expect(post.status).toBe(200);
		const [applicant] = jsonOf(items);
		expect(applicant).toEqual(api.sandbox.applicantByExternalUserId(externalUserId));
		expect(applicant.review.reviewStatus).toBe('init');
	});

	test('the same External User ID again: the existing applicant (Return Existing), or an error naming it (Fail)', async () => {
		const externalUserId = freshId();
		const first = await api.run(op('create', { levelName: LEVEL, externalUserId }));
		const { id } = jsonOf(first.items)[0];
		const again = await api.run(op('create', { levelName: LEVEL, externalUserId }));
		expect(again.error).toBeUndefined();
		expect(jsonOf(again.items)[0].id).toBe(id);
		const fail = await api.run(op('create', { levelName: LEVEL, externalUserId, ifExists: 'fail' }));
		expect(fail.error.message).toBe(`Sumsub already has an applicant with the External User ID "${externalUserId}": ${id} [item 0]`);
		expect(api.sandbox.applicants.filter((a) => a.externalUserId === externalUserId)).toHaveLength(1);
	});

	test('the answer lost after Sumsub created it: found by the External User ID, one applicant', async () => {
		const externalUserId = freshId();
		api.sandbox.inject({ method: 'POST', path: '/resources/applicants', after: true, mode: 'reset' });
		const { items, error } = await api.run(op('create', { levelName: LEVEL, externalUserId }));
		expect(error).toBeUndefined();
		expect(jsonOf(items)[0].externalUserId).toBe(externalUserId);
		expect(posts()).toHaveLength(1);
		expect(api.sandbox.applicants.filter((a) => a.externalUserId === externalUserId)).toHaveLength(1);
	});

	test('the answer lost before Sumsub got it: sent again, one applicant', async () => {
		const externalUserId = freshId();
		api.sandbox.inject({ method: 'POST', path: '/resources/applicants', mode: 'reset' });
		const { items, error } = await api.run(op('create', { levelName: LEVEL, externalUserId }));
		expect(error).toBeUndefined();
		expect(jsonOf(items)[0].externalUserId).toBe(externalUserId);
		expect(posts()).toHaveLength(2);
	});

	const mayHaveCreated = (externalUserId) => `Sumsub may have created the applicant "${externalUserId}", but did not confirm it [item 0]`;
	const mayBeThisRuns = (applicant) => `Sumsub has an applicant with this External User ID (${applicant.id}), and may have created it just now [item 0]`;

	test('the answer lost after Sumsub created it, and the look-up fails too: the item says the applicant may have been created', async () => {
		const externalUserId = freshId();
		api.sandbox.inject({ method: 'POST', path: '/resources/applicants', after: true, mode: 'reset' });
		api.sandbox.inject({ method: 'GET', path: /externalUserId=/, status: 500, times: Infinity });
		const { error } = await api.run(op('create', { levelName: LEVEL, externalUserId, options: { maxRetries: 1 } }));
		expect(error.message).toBe(mayHaveCreated(externalUserId));
		expect(error.description).toMatch(/^The connection failed after the request was sent \(ECONNRESET: .*\)\. The write may have happened: it was not sent again, so as not to do it twice\. Run this item again: Sumsub refuses a second applicant with the same External User ID, and the node then returns the existing one\./);
		expect(error.description).toContain('Looked for it afterwards: that failed too (Sumsub failed to process the request (HTTP 500) [item 0]).');
		expect(posts()).toHaveLength(1);
		expect(api.sandbox.applicants.filter((a) => a.externalUserId === externalUserId)).toHaveLength(1);
	});

	test('Fail: a create still under way when Request Timeout ends, not found, sent again and refused as a duplicate: the applicant may be this run’s own, not "Nothing was created"', async () => {
		const externalUserId = freshId();
		// Sumsub takes 3 s to create it (the node waits 2 s); the create sent again takes 1.5 s.
		api.sandbox.inject({ method: 'POST', path: '/resources/applicants', delayMs: 3000 });
		api.sandbox.inject({ method: 'POST', path: '/resources/applicants', delayMs: 1500 });
		const { error } = await api.run(
			op('create', { levelName: LEVEL, externalUserId, ifExists: 'fail', options: { timeoutSeconds: 2, maxRetries: 1 } }),
		);
		const created = api.sandbox.applicantByExternalUserId(externalUserId);
		expect(posts().map((r) => [r.status, r.applied])).toEqual([[200, true], [409, true]]);
		expect(error.message).toBe(mayBeThisRuns(created));
		expect(error.description).toBe(
			'An earlier attempt of this create got no clear answer, so the node cannot tell whether the applicant is the one this run created or an older one. Check it in Sumsub; with "If the External User ID Exists" set to Return Existing the item would have succeeded.',
		);
		expect(api.sandbox.applicants.filter((a) => a.externalUserId === externalUserId)).toHaveLength(1);
	}, 20_000);

	test('Fail: HTTP 503 after Sumsub created it, sent again and refused as a duplicate: the applicant may be this run’s own, not "Nothing was created"', async () => {
		const externalUserId = freshId();
		api.sandbox.inject({ method: 'POST', path: '/resources/applicants', after: true, status: 503 });
		const { error } = await api.run(op('create', { levelName: LEVEL, externalUserId, ifExists: 'fail' }));
		const created = api.sandbox.applicantByExternalUserId(externalUserId);
		expect(posts().map((r) => [r.status, r.applied])).toEqual([[503, true], [409, true]]);
		expect(error.message).toBe(mayBeThisRuns(created));
		expect(error.description).toMatch(/^Sumsub answered an earlier attempt of this create with HTTP 503 \(unavailable\) and it was sent again, then refused as a duplicate; .* so the node cannot tell whether the applicant is the one this run created or an older one\./);
		expect(error.description).not.toContain('Nothing was created');
	});

	test('Fail: HTTP 503 after Sumsub created it, sent again, an expired signature (4004) signed afresh, then refused as a duplicate: still not "Nothing was created"', async () => {
		const externalUserId = freshId();
		api.sandbox.inject({ method: 'POST', path: '/resources/applicants', after: true, status: 503 });
		api.sandbox.inject({
			method: 'POST',
			path: '/resources/applicants',
			status: 401,
			body: { description: 'Request expired', code: 401, errorCode: 4004, errorName: 'app-token-request-expired' },
		});
		const { error } = await api.run(op('create', { levelName: LEVEL, externalUserId, ifExists: 'fail' }));
		const created = api.sandbox.applicantByExternalUserId(externalUserId);
		expect(posts().map((r) => [r.status, r.applied ?? false])).toEqual([[503, true], [401, false], [409, true]]);
		expect(error.message).toBe(mayBeThisRuns(created));
		expect(error.description).not.toContain('Nothing was created');
	});

	test.each([['fail'], ['returnExisting']])('%s: HTTP 503 after Sumsub created it, sent again, then a 503 asking a wait past Max Retry Time: found, it may be this run’s own', async (ifExists) => {
		const externalUserId = freshId();
		api.sandbox.inject({ method: 'POST', path: '/resources/applicants', after: true, status: 503, headers: { 'retry-after': '0' } });
		api.sandbox.inject({ method: 'POST', path: '/resources/applicants', status: 503, headers: { 'retry-after': '600' } });
		const { items, error } = await api.run(op('create', { levelName: LEVEL, externalUserId, ifExists }));
		const created = api.sandbox.applicantByExternalUserId(externalUserId);
		expect(posts().map((r) => [r.status, r.applied ?? false])).toEqual([[503, true], [503, false]]);
		if (ifExists === 'returnExisting') {
			expect(error).toBeUndefined();
			expect(items.map((i) => i.json.id)).toEqual([created.id]);
		} else {
			expect(error.message).toBe(mayBeThisRuns(created));
			expect(error.description).toMatch(/^Sumsub answered an earlier attempt of this create with HTTP 503 \(unavailable\) and it was sent again, and failed then; /);
		}
	});

	test('HTTP 503 after Sumsub created it, then a wait past Max Retry Time, and the look-up fails too: the error says the applicant may have been created', async () => {
		const externalUserId = freshId();
		api.sandbox.inject({ method: 'POST', path: '/resources/applicants', after: true, status: 503, headers: { 'retry-after': '0' } });
		api.sandbox.inject({ method: 'POST', path: '/resources/applicants', status: 503, headers: { 'retry-after': '600' } });
		api.sandbox.inject({ method: 'GET', status: 500, times: 10 });
		const { error } = await api.run(op('create', { levelName: LEVEL, externalUserId, ifExists: 'fail' }));
		expect(error.message).toContain('asked to wait 600 s');
		expect(error.description).toContain('so the applicant may have been created. Looked for it by its External User ID afterwards: that failed too (');
		expect(error.description).toContain('Check in Sumsub before running this item again.');
	});

	test('Fail, no applicant found after an unconfirmed create and no retry left: the advice fits Fail mode', async () => {
		const externalUserId = freshId();
		api.sandbox.inject({ method: 'POST', path: '/resources/applicants', mode: 'reset' });
		const { error } = await api.run(op('create', { levelName: LEVEL, externalUserId, ifExists: 'fail', options: { maxRetries: 0 } }));
		expect(error.message).toBe(mayHaveCreated(externalUserId));
		expect(error.description).toContain(
			'Check in Sumsub whether it has an applicant with this External User ID before running this item again: Sumsub refuses a second one, and with "If the External User ID Exists" set to Fail the item then fails naming it (set it to Return Existing to get that applicant instead).',
		);
		expect(error.description).not.toContain('returns the existing one');
		expect(error.description).toMatch(/Looked for it afterwards: no applicant with this External User ID yet, and the create was not sent again: Max Retries \(0\) reached\.$/);
		expect(posts()).toHaveLength(1);
	});

	test('Max Retry Time 0: an unconfirmed create not found is not sent again, and the item says why', async () => {
		const externalUserId = freshId();
		// Connections reset before Sumsub did anything, three times.
		api.sandbox.inject({ method: 'POST', path: '/resources/applicants', mode: 'reset', times: 3 });
		const { error } = await api.run(op('create', { levelName: LEVEL, externalUserId, options: { maxRetrySeconds: 0, maxRetries: 4 } }));
		expect(error.message).toBe(mayHaveCreated(externalUserId));
		expect(error.description).toMatch(/Looked for it afterwards: no applicant with this External User ID yet, and the create was not sent again: Max Retry Time \(0 s\) has passed since the first attempt\.$/);
		expect(posts()).toHaveLength(1);
	});

	test('an unconfirmed create not found, sent again and refused for another reason: the item still says the first may have created it', async () => {
		const externalUserId = freshId();
		api.sandbox.inject({ method: 'POST', path: '/resources/applicants', mode: 'reset' });
		api.sandbox.inject({ method: 'POST', path: '/resources/applicants', status: 400, body: { description: 'Bad request', code: 400 } });
		const { error } = await api.run(op('create', { levelName: LEVEL, externalUserId }));
		expect(error.message).toBe(mayHaveCreated(externalUserId));
		expect(error.description).toContain(
			'Not found by its External User ID, the create was sent again (Sumsub refuses a second applicant with it): that failed (Sumsub rejected the request (HTTP 400) [item 0]). Looked for it afterwards: no applicant with this External User ID.',
		);
		expect(posts()).toHaveLength(2);
	});

	test('an unknown level: Sumsub’s answer, named', async () => {
		const { error } = await api.run(op('create', { levelName: 'no-such-level', externalUserId: freshId() }));
		expect(error.message).toBe('Sumsub has no level "no-such-level" (or no applicant route at this Base URL) (HTTP 404) [item 0]');
		// What to check is the level first, not the credential.
		expect(error.description).toMatch(/^Check "Level Name or ID": it must be a level of this Sumsub account \(Dev space → Levels\), spelt exactly\. If it is, check Base URL in the "Sumsub API" credential\. Sumsub said: "Level 'no-such-level' not found"/);
	});

	test.each([
		[{ levelName: '={{ "" }}' }, '"Level Name": is empty: choose the verification level'],
		[{ externalUserId: '={{ " " }}' }, '"External User ID": is empty'],
		[{ email: 'ann@' }, '"Email": is not an email address'],
		[{ phone: 'call me' }, '"Phone": is not a phone number'],
		// Only the characters of a phone number, but no number (Sumsub answers 400).
		[{ phone: '-----' }, '"Phone": is not a phone number'],
		[{ phone: '(((((' }, '"Phone": is not a phone number'],
		[{ phone: '+1 (2) 3' }, '"Phone": is not a phone number'],
		[{ phone: '12/34/5678' }, '"Phone": is not a phone number'],
		[{ fixedInfo: { dob: '1990-02-30' } }, '"Date of Birth": is not a date of birth as yyyy-MM-dd'],
		[{ fixedInfo: { dob: '2999-01-01' } }, '"Date of Birth": is not a date of birth'],
		[{ fixedInfo: { country: 'DE' } }, '"Country": is not an ISO 3166-1 alpha-3 country code'],
		[{ fixedInfo: { nationality: 'XYZ' } }, '"Nationality": is not an ISO 3166-1 alpha-3 country code'],
		[{ metadata: { pairs: [{ key: '', value: 'x' }] } }, '"Key": is empty: every pair needs a key'],
		[{ ifExists: 'update' }, '"If the External User ID Exists": must be one of'],
	])('%j is refused before any request', async (bad, message) => {
		const { error } = await api.run(op('create', { levelName: LEVEL, externalUserId: freshId(), ...bad }));
		expect(error.message).toContain(`Invalid parameter ${message}`);
		expect(error.message).toMatch(/\[item 0\]$/);
		expect(api.sandbox.requests).toEqual([]);
	});
});

describe('half a character (a lone UTF-16 surrogate) in what goes in a URL', () => {
	const api = useSumsub({ events: 10 });
	// An expression that cut an emoji in two: such text cannot be percent-encoded ("URI malformed").
	const input = [{ json: { cut: 'kyc-\uD83D', tail: '\uDC00-47628534' } }];
	test.each([
		['create', { levelName: '={{ $json.cut }}', externalUserId: 'recruitee-1' }, 'Level Name'],
		['create', { levelName: LEVEL, externalUserId: '={{ $json.tail }}' }, 'External User ID'],
		['generateVerificationLink', { levelName: '={{ $json.cut }}', userId: 'u-1' }, 'Level Name'],
		['generateAccessToken', { levelName: LEVEL, userId: '={{ $json.cut }}' }, 'External User ID'],
		['get', { applicant: byExternal('={{ $json.tail }}') }, 'Applicant'],
		['reset', { applicant: byExternal('={{ $json.cut }}') }, 'Applicant'],
	])('%s, %j: refused before any request, naming the field and the item', async (operation, parameters, field) => {
		const { error } = await api.run(op(operation, parameters), { input });
		expect(error.message).toBe(
			`Invalid parameter "${field}": ${field === 'Applicant' ? 'it ' : ''}contains half of a character (a lone UTF-16 surrogate, as when text is cut in the middle of an emoji): correct the value or the expression that produces it [item 0]`,
		);
		expect(api.sandbox.requests).toEqual([]);
	});
	test('a whole emoji is fine', async () => {
		const externalUserId = `${freshId()}-\uD83D\uDE00`;
		const { items, error } = await api.run(op('create', { levelName: LEVEL, externalUserId }));
		expect(error).toBeUndefined();
		expect(jsonOf(items)[0].externalUserId).toBe(externalUserId);
	});
});

describe.each([
	[409, {}],
	[400, { duplicateExternalUserId: 400 }],
])('a duplicate refused with %s', (_, options) => {
	const api = useSumsub({ events: 10, ...options });
	test('Return Existing finds the existing applicant', async () => {
		const externalUserId = freshId();
		await api.run(op('create', { levelName: LEVEL, externalUserId }));
		const { items, error } = await api.run(op('create', { levelName: LEVEL, externalUserId }));
		expect(error).toBeUndefined();
		expect(jsonOf(items)[0].id).toBe(api.sandbox.applicantByExternalUserId(externalUserId).id);
	});
});

describe('Applicant → Get, Get Review Status, Reset', () => {
	const api = useSumsub({ events: 10 });
	let applicant;
	beforeEach(async () => {
		const { items } = await api.run(op('create', { levelName: LEVEL, externalUserId: freshId() }));
		applicant = jsonOf(items)[0];
		api.sandbox.clearRequests();
	});

	test('Get by External User ID and by applicant ID', async () => {
		const a = await api.run(op('get', { applicant: byExternal(applicant.externalUserId) }));
		const b = await api.run(op('get', { applicant: byId(applicant.id) }));
		expect(jsonOf(a.items)).toEqual([applicant]);
		expect(jsonOf(b.items)).toEqual([applicant]);
		expect(api.sandbox.requests.map((r) => r.url)).toEqual([
			`/resources/applicants/-;externalUserId=${encodeURIComponent(applicant.externalUserId)}/one`,
			`/resources/applicants/${applicant.id}/one`,
		]);
	});

	test('an unknown applicant: a clear 404', async () => {
		const { error } = await api.run(op('get', { applicant: byExternal('nobody-here') }));
		expect(error.message).toBe('No Sumsub applicant with External User ID "nobody-here" (HTTP 404) [item 0]');
		expect(error.description).toMatch(/^Check "Applicant": the External User ID must be exactly the one the applicant was created with\. Sandbox tokens \(sbx:\) and production tokens \(prd:\) each see only their own applicants\./);
		expect(error.description).not.toContain('Base URL');
	});

	test.each(['get', 'getReviewStatus', 'reset'])('%s: an unknown applicant ID, what to check', async (operation) => {
		const id = '0123456789abcdef01234567';
		const { error } = await api.run(op(operation, { applicant: byId(id) }));
		expect(error.message).toBe(`No Sumsub applicant with ID ${id} (HTTP 404) [item 0]`);
		expect(error.description).toMatch(/^Check "Applicant": an Applicant ID is Sumsub's own ID \(the "id" that Create and Get output\), not the External User ID\. Sandbox tokens/);
		expect(error.description).not.toContain('Base URL');
	});

	test('a malformed applicant ID: refused before any request', async () => {
		const { error } = await api.run(op('get', { applicant: byId('={{ "12345" }}') }));
		expect(error.message).toBe('Invalid parameter "Applicant": "12345" is not a Sumsub applicant ID [item 0]');
		expect(api.sandbox.requests).toEqual([]);
	});

	test('403: advice about the App Token, nothing about the audit trail', async () => {
		api.sandbox.inject({ method: 'GET', status: 403, body: { description: 'Forbidden', code: 403, correlationId: 'c-1' } });
		const { error } = await api.run(op('get', { applicant: byExternal(applicant.externalUserId) }));
		expect(error.message).toBe('Sumsub refused access (HTTP 403) [item 0]');
		expect(error.description).toMatch(
			/^The App Token may lack the permission for this operation\. Check the permissions of this App Token in the Sumsub dashboard \(Dev space → App tokens\)/,
		);
		expect(error.description).toContain('Correlation ID for Sumsub support: c-1.');
		expect(error.description).not.toMatch(/audit trail|"Source"/);
	});

	test.each(['get', 'getReviewStatus'])('%s, a 500: run again later, then Sumsub support, no date range', async (operation) => {
		api.sandbox.inject({ method: 'GET', status: 500 });
		const { error } = await api.run(op(operation, { applicant: byId(applicant.id) }));
		expect(error.message).toBe('Sumsub failed to process the request (HTTP 500) [item 0]');
		expect(error.description).toMatch(/^This is a problem on Sumsub's side: run again later\. If it persists, ask Sumsub support\./);
		expect(error.description).not.toContain('date range');
	});

	test('Get Review Status: flat fields to branch on, the raw answer kept', async () => {
		const init = await api.run(op('getReviewStatus', { applicant: byExternal(applicant.externalUserId) }));
		expect(jsonOf(init.items)[0]).toMatchObject({
			applicantId: applicant.id,
			externalUserId: applicant.externalUserId,
			reviewStatus: 'init',
			reviewAnswer: null,
			completed: false,
			approved: false,
			rejected: false,
			rejectLabels: [],
		});
		api.sandbox.setReview(applicant.id, { reviewStatus: 'completed', reviewAnswer: 'RED', rejectLabels: ['FORGERY', 'SELFIE_MISMATCH'], reviewRejectType: 'FINAL', moderationComment: 'Forged document' });
		const red = await api.run(op('getReviewStatus', { applicant: byId(applicant.id) }));
		const [review] = jsonOf(red.items);
		expect(review).toMatchObject({
			reviewStatus: 'completed',
			reviewAnswer: 'RED',
			completed: true,
			approved: false,
			rejected: true,
			rejectLabels: ['FORGERY', 'SELFIE_MISMATCH'],
			reviewRejectType: 'FINAL',
			moderationComment: 'Forged document',
		});
		expect(review.raw.reviewResult.reviewAnswer).toBe('RED');
		api.sandbox.setReview(applicant.id, { reviewStatus: 'completed', reviewAnswer: 'GREEN' });
		const green = await api.run(op('getReviewStatus', { applicant: byId(applicant.id) }));
		expect(jsonOf(green.items)[0]).toMatchObject({ approved: true, rejected: false, rejectLabels: [] });
	});

	test.each(['pending', 'queued', 'prechecked'])('Reset while %s: a clear error, nothing sent', async (reviewStatus) => {
		api.sandbox.setReview(applicant.id, { reviewStatus });
		const { error } = await api.run(op('reset', { applicant: byId(applicant.id) }));
		expect(error.message).toBe(`Sumsub cannot reset applicant ${applicant.id} while its review is ${reviewStatus} [item 0]`);
		expect(api.sandbox.requests.filter((r) => r.method === 'POST')).toEqual([]);
	});

	test('Reset a completed review: back to init', async () => {
		api.sandbox.setReview(applicant.id, { reviewStatus: 'completed', reviewAnswer: 'RED', rejectLabels: ['BAD_PROOF_OF_IDENTITY'], reviewRejectType: 'RETRY' });
		const { items, error } = await api.run(op('reset', { applicant: byExternal(applicant.externalUserId) }));
		expect(error).toBeUndefined();
		expect(jsonOf(items)[0]).toMatchObject({ reset: true, reviewStatus: 'init', completed: false });
	});
});

describe('Applicant → Generate Verification Link / Access Token', () => {
	const api = useSumsub({ events: 10 });

	test('a link for an External User ID, level and identifiers; when it expires', async () => {
		const before = Date.now();
		const { items, error } = await api.run(
			op('generateVerificationLink', { levelName: LEVEL, userId: 'recruitee-1', ttlMinutes: 60, email: 'ann@example.com', redirectUrl: 'https://careers.example.com/thanks' }),
		);
		expect(error).toBeUndefined();
		const [link] = jsonOf(items);
		expect(link.url).toMatch(/^https:\/\//);
		expect(Date.parse(link.expiresAt) - before).toBeGreaterThanOrEqual(3600e3 - 1000);
		const body = JSON.parse(api.sandbox.requests.find((r) => r.method === 'POST').body);
		expect(body).toEqual({
			levelName: LEVEL,
			userId: 'recruitee-1',
			ttlInSecs: 3600,
			applicantIdentifiers: { email: 'ann@example.com' },
			redirect: { successUrl: 'https://careers.example.com/thanks', rejectUrl: 'https://careers.example.com/thanks' },
		});
		expect(api.sandbox.issuedLinks.map((l) => l.url)).toContain(link.url);
	});

	test('an unknown level: its 404 is the answer, the older form is not tried', async () => {
		const { error } = await api.run(op('generateVerificationLink', { levelName: 'nope', userId: 'u' }));
		expect(error.message).toBe('Sumsub has no level "nope" (HTTP 404) [item 0]');
		expect(error.description).toMatch(/^Check "Level Name or ID": /);
		expect(error.description).toContain("Level 'nope' not found");
		expect(api.sandbox.requests).toHaveLength(1);
	});

	test('an access token for the SDK', async () => {
		const { items, error } = await api.run(op('generateAccessToken', { levelName: LEVEL, userId: 'recruitee-2' }));
		expect(error).toBeUndefined();
		expect(jsonOf(items)[0]).toMatchObject({ token: expect.any(String), externalUserId: 'recruitee-2', levelName: LEVEL });
		expect(JSON.parse(api.sandbox.requests[0].body)).toEqual({ levelName: LEVEL, userId: 'recruitee-2', ttlInSecs: 3600 });
	});

	test.each([
		[{ levelName: '={{ "" }}' }, '"Level Name": is empty'],
		[{ userId: '={{ "" }}' }, '"External User ID": is empty'],
		[{ ttlMinutes: 0 }, '"Valid For (Minutes)": '],
		[{ email: 'x' }, '"Email": is not an email address'],
	])('%j is refused before any request', async (bad, message) => {
		const { error } = await api.run(op('generateVerificationLink', { levelName: LEVEL, userId: 'u-1', ...bad }));
		expect(error.message).toContain(`Invalid parameter ${message}`);
		expect(api.sandbox.requests).toEqual([]);
	});
});

describe('only the older WebSDK link route (sandbox websdkLinkRoute: old)', () => {
	const api = useSumsub({ events: 10, websdkLinkRoute: 'old' });
	test('an unknown level: the older form’s 404 about the level', async () => {
		const { error } = await api.run(op('generateVerificationLink', { levelName: 'nope', userId: 'u' }));
		expect(error.message).toBe('Sumsub has no level "nope" (or no WebSDK link route at this Base URL) (HTTP 404) [item 0]');
		expect(error.description).toMatch(/^Check "Level Name or ID": /);
		expect(error.description).toContain("Level 'nope' not found");
		expect(api.sandbox.requests.map((r) => r.status)).toEqual([404, 404]);
	});
	test('identifiers and redirect go in the body of the older form', async () => {
		await api.run(op('generateVerificationLink', { levelName: LEVEL, userId: 'recruitee-4', email: 'a@b.co', redirectUrl: 'https://x.example.com/' }));
		expect(JSON.parse(api.sandbox.requests[1].body)).toEqual({
			applicantIdentifiers: { email: 'a@b.co' },
			redirect: { successUrl: 'https://x.example.com/', rejectUrl: 'https://x.example.com/' },
		});
	});
	test('the link comes from the older form', async () => {
		const { items, error } = await api.run(op('generateVerificationLink', { levelName: LEVEL, userId: 'recruitee-3', ttlMinutes: 30 }));
		expect(error).toBeUndefined();
		expect(jsonOf(items)[0].url).toMatch(/^https:\/\//);
		const [first, second] = api.sandbox.requests;
		expect(first.status).toBe(404);
		expect(second.path).toBe(`/resources/sdkIntegrations/levels/${LEVEL}/websdkLink`);
		expect(second.query).toEqual({ ttlInSecs: '1800', externalUserId: 'recruitee-3' });
	});
});

describe('the level list', () => {
	const api = useSumsub({ events: 10 });
	const withoutRoute = useSumsub({ events: 10, levelsRoute: false });
	test('loads the account’s levels; without the route, a message saying to type the name', async () => {
		const levels = await loadOptions({ type: api.type, kind: 'loadOptions', method: 'getLevels', parameters: op('create'), credentials: api.credentials() });
		expect(levels).toEqual(api.sandbox.levels.map((l) => ({ name: l.name, value: l.name })));
		await expect(
			loadOptions({ type: withoutRoute.type, kind: 'loadOptions', method: 'getLevels', parameters: op('create'), credentials: withoutRoute.credentials() }),
		).rejects.toThrow('Sumsub did not list the levels at this Base URL: type the level name (Dev space → Levels) as an expression');
	});
});

describe('Sumsub’s POST limit (50 per 5 s) is kept on our side', () => {
	const api = useSumsub({ events: 10, postRateLimit: { max: 50, windowMs: 5000 } });
	test('60 links at 50 items in parallel: none refused', async () => {
		const input = Array.from({ length: 60 }, (_, i) => ({ json: { id: `u-${i}` } }));
		const { items, error } = await api.run(
			op('generateVerificationLink', { levelName: LEVEL, userId: '={{ $json.id }}', options: { concurrency: 50 } }),
			{ input },
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(60);
		expect(api.sandbox.requests.filter((r) => r.status === 429)).toEqual([]);
	}, 30_000);
});
