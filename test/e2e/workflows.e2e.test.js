'use strict';
// Every operation of both nodes, run by a real n8n (execute-batch) against the sandboxes: Return All
// across pages, expression-driven parameters, Continue On Fail, chaining into a built-in node.
const fs = require('node:fs');
const path = require('node:path');

const recruiteeSandbox = require('../sandbox/recruitee');
const sumsubSandbox = require('../sandbox/sumsub');
const { context, importCredentials, importAndRun, nodeRun } = require('./harness/context');
const { exampleCredentials } = require('../../scripts/lib/n8n');

let recruitee;
/** A sandbox of its own for the write workflow, so the read workflow's request checks stay exact. */
let recruiteeWrites;
let sumsub;
/** Sandboxes whose list endpoint treats filters next to a forwardMarker otherwise (issue 11). */
let markerIgnores;
let markerRefuses;
/** A Sumsub sandbox of its own for the applicant workflow (its 409 must not count as a bad signature). */
let sumsubApplicants;
let today;
let result;
/** The candidates the "record the verdict" example reviews, by the verdict their applicant has. */
const verdict = {};

/** A Sumsub credential reaching `sandbox` (with another secret key, to see it refused). */
const sumsubCredential = (id, name, sandbox, secretKey = sandbox.secretKey) => ({
	id,
	name,
	type: 'sumsubApi',
	data: { appToken: sandbox.appToken, secretKey, baseUrl: sandbox.url },
});

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
// The examples a manual run starts (the one a form starts runs in form.e2e.test.js, by a
// submission; the one a Recruitee Trigger starts in joined.e2e.test.js, activated).
const examples = fs
	.readdirSync(EXAMPLES)
	.filter((f) => f.endsWith('.json'))
	.filter((f) => fs.readFileSync(path.join(EXAMPLES, f), 'utf8').includes('"n8n-nodes-base.manualTrigger"'));

beforeAll(async () => {
	recruitee = await recruiteeSandbox.start();
	recruiteeWrites = await recruiteeSandbox.start({ candidates: 100 });
	sumsub = await sumsubSandbox.start();
	markerIgnores = await sumsubSandbox.start({ markerFilters: 'ignored' });
	markerRefuses = await sumsubSandbox.start({ markerFilters: 'rejected' });
	sumsubApplicants = await sumsubSandbox.start({ events: 100 });
	// The examples ask for "the last day": sandboxes whose data is around today.
	today = {
		recruitee: await recruiteeSandbox.start({ now: Date.now() }),
		sumsub: await sumsubSandbox.start({ now: Date.now(), events: 20000 }),
	};
	// For the "record the verdict" example: candidates on the job awaiting verification (tagged
	// kyc-pending), each with a Sumsub applicant whose review is approved, rejected or still pending.
	const reviews = {
		approved: { reviewStatus: 'completed', reviewAnswer: 'GREEN' },
		rejected: { reviewStatus: 'completed', reviewAnswer: 'RED', rejectLabels: ['FORGERY', 'SELFIE_MISMATCH'], reviewRejectType: 'FINAL', moderationComment: 'Forged passport' },
		pending: { reviewStatus: 'pending' },
	};
	for (const [key, review] of Object.entries(reviews)) {
		const candidate = today.recruitee.addCandidate({ offerId: 1209656, name: `Verdict ${key}`, created_at: Date.now() - 3_600_000, audit: false });
		const response = await fetch(`${today.recruitee.url}/c/${today.recruitee.companyId}/candidates/${candidate.id}`, {
			method: 'PATCH',
			headers: { authorization: `Bearer ${today.recruitee.token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ candidate: { tags: ['kyc-pending'] } }),
		});
		expect(response.status).toBe(200);
		const applicant = today.sumsub.addApplicant({ externalUserId: `recruitee-${candidate.id}` });
		today.sumsub.setReview(applicant.id, review);
		verdict[key] = candidate.id;
	}
	await importCredentials([
		...exampleCredentials(today.recruitee, today.sumsub),
		{
			id: 'e2eRecruiteeCred',
			name: 'Recruitee e2e',
			type: 'recruiteeApi',
			data: { companyId: recruitee.companyId, apiToken: recruitee.token, baseUrl: recruitee.url },
		},
		{
			id: 'e2eRecruiteeWritesCred',
			name: 'Recruitee e2e, writes',
			type: 'recruiteeApi',
			data: { companyId: recruiteeWrites.companyId, apiToken: recruiteeWrites.token, baseUrl: recruiteeWrites.url },
		},
		sumsubCredential('e2eSumsubCred', 'Sumsub e2e', sumsub),
		sumsubCredential('e2eSumsubMarkerIgnores', 'Sumsub e2e, marker ignores filters', markerIgnores),
		sumsubCredential('e2eSumsubMarkerRefuses', 'Sumsub e2e, filters refused next to a marker', markerRefuses),
		sumsubCredential('e2eSumsubApplicantsCred', 'Sumsub e2e, applicants', sumsubApplicants),
		sumsubCredential('e2eSumsubBadSecret', 'Sumsub e2e, wrong secret', sumsub, 'not-the-secret'),
	]);
	result = await importAndRun([
		path.join(__dirname, 'workflows', 'recruitee.json'),
		path.join(__dirname, 'workflows', 'sumsub.json'),
		path.join(__dirname, 'workflows', 'recruitee-writes.json'),
		path.join(__dirname, 'workflows', 'sumsub-applicants.json'),
		...examples.map((f) => path.join(EXAMPLES, f)),
	]);
}, 300_000);

afterAll(async () => {
	const sandboxes = [recruitee, recruiteeWrites, sumsub, markerIgnores, markerRefuses, sumsubApplicants, today?.recruitee, today?.sumsub];
	await Promise.all(sandboxes.map((s) => s?.close()));
});

/** The sandbox's own answer, the oracle. */
async function recruiteeOracle(pathAndQuery) {
	const response = await fetch(`${recruitee.url}/c/${recruitee.companyId}${pathAndQuery}`, {
		headers: { authorization: `Bearer ${recruitee.token}` },
	});
	return await response.json();
}

async function sumsubOracle(pathAndQuery) {
	const response = await fetch(`${sumsub.url}${pathAndQuery}`, { headers: sumsub.signedHeaders(pathAndQuery) });
	return await response.json();
}

const requestsTo = (sandbox, pathPart) => sandbox.requests.filter((r) => r.path.endsWith(pathPart));

test(`n8n ${context.runtime.version} ran every workflow to success`, () => {
	expect(result.runs.e2eRecruiteeReads?.data.resultData.error).toBeUndefined();
	expect(result.runs.e2eSumsubReads?.data.resultData.error).toBeUndefined();
	expect(result.runs.e2eRecruiteeWrites?.data.resultData.error).toBeUndefined();
	expect(result.runs.e2eSumsubApplicants?.data.resultData.error).toBeUndefined();
	expect(result.exitCode).toBe(0);
});

describe.each(examples)('example %s, as imported', (file) => {
	const workflow = JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));
	const ours = workflow.nodes.filter((n) => n.type.startsWith('n8n-nodes-recruitee-sumsub.'));

	test.each(ours.map((n) => [n.name]))('%s runs and returns records', (name) => {
		const run = result.runs[workflow.id];
		if (!run) throw new Error(`no run of ${workflow.id}: ${JSON.stringify(result.summary)?.slice(0, 1500)} ${result.output.slice(-1500)}`);
		expect(run.data.resultData.error).toBeUndefined();
		const { items, error } = nodeRun(run, name);
		expect(error).toBeUndefined();
		expect(items.length).toBeGreaterThan(0);
	});
});

describe('Recruitee in n8n', () => {
	const run = (node) => nodeRun(result.runs.e2eRecruiteeReads, node);

	test('every request carries the Bearer token and the company id', () => {
		expect(recruitee.requests.length).toBeGreaterThan(20);
		for (const request of recruitee.requests) {
			expect(request.headers.authorization).toBe(`Bearer ${recruitee.token}`);
			expect(request.path.startsWith(`/c/${recruitee.companyId}/`)).toBe(true);
			expect(request.status).toBe(200 + (request.path.endsWith('/candidates/999') ? 204 : 0));
		}
	});

	test('Candidate Get Many, Return All over 12 pages of 90', async () => {
		const { items } = run('All candidates');
		const pages = requestsTo(recruitee, '/candidates').filter((r) => r.query.limit === '90');
		expect(items.length).toBe(recruitee.data.candidates.length);
		// Every page once, and the page after the short last one, read ahead in vain (no total). Two
		// requests are in flight at a time, so they may arrive in either order.
		expect(pages.map((r) => Number(r.query.offset)).sort((a, b) => a - b)).toEqual(
			Array.from({ length: Math.ceil(items.length / 90) + 1 }, (_, i) => i * 90),
		);
		expect(items.map((c) => c.id)).toEqual((await recruiteeOracle('/candidates')).candidates.map((c) => c.id));
	});

	test('an expression-driven offer filter: the candidates of each job from the Jobs node', async () => {
		const jobs = run('Jobs').items;
		expect(jobs).toHaveLength(3);
		const { items, task } = run('Candidates of each job');
		let expected = [];
		for (const job of jobs) expected = expected.concat((await recruiteeOracle(`/candidates?offer_id=${job.id}`)).candidates.map((c) => c.id));
		expect(items.map((c) => c.id)).toEqual(expected);
		const offerIds = new Set(requestsTo(recruitee, '/candidates').map((r) => r.query.offer_id).filter(Boolean));
		expect([...offerIds].sort()).toEqual(jobs.map((j) => String(j.id)).sort());
		for (const output of task.data.main[0]) {
			const job = jobs[output.pairedItem.item];
			expect(output.json.placements.map((p) => p.offer_id)).toContain(job.id);
		}
	});

	test('Candidate Get by URL with references; Offer Get by URL (slug looked up)', () => {
		const [candidate] = run('Candidate by URL').items;
		expect(candidate).toMatchObject({ id: 47628534, name: 'Jasprit Bumrah' });
		expect(candidate.references.length).toBeGreaterThan(0);
		expect(run('Offer by URL').items).toEqual([expect.objectContaining({ id: 1209656, slug: 'recruiter-sample' })]);
	});

	test('Search: the builder and raw filters as one filters_json, paged by 25', async () => {
		const searches = requestsTo(recruitee, '/search/new/candidates');
		const filters = JSON.parse(searches[0].query.filters_json);
		expect(filters).toEqual([
			{ field: 'status', in: ['disqualified'] },
			{ field: 'created_at', gte: 1704067200 },
			{ field: 'all', query: 'a' },
		]);
		const oracle = await recruiteeOracle(
			`/search/new/candidates?filters_json=${encodeURIComponent(JSON.stringify(filters))}&limit=10000&sort_by=candidate_name_asc`,
		);
		expect(run('Search disqualified').items.map((h) => h.id)).toEqual(oracle.hits.map((h) => h.id));
		// Each page once, none past the total; two in flight at a time may arrive in either order.
		expect(searches.map((r) => Number(r.query.page)).sort((a, b) => a - b)).toEqual(
			Array.from({ length: Math.ceil(oracle.total / 25) }, (_, i) => i + 1),
		);
	});

	test('Audit Log, then a built-in Filter node on its output', () => {
		const entries = run('Audit log').items;
		expect(entries.length).toBeGreaterThan(100);
		const stageChanges = run('Stage changes only').items;
		expect(stageChanges.length).toBe(entries.filter((e) => e.event_name === 'Admin changed candidate stage').length);
		expect(stageChanges.length).toBeGreaterThan(0);
		expect(JSON.parse(requestsTo(recruitee, '/audit_log')[0].query.filters_json)).toEqual([
			{ field: 'created_at', gte: Date.parse('2026-11-01T00:00:00Z') / 1000, lte: Date.parse('2026-11-20T12:00:00Z') / 1000 },
		]);
	});

	test('Continue On Fail: the missing candidate is an error item saying so', () => {
		const { items, error } = run('Missing candidate');
		expect(error).toBeUndefined();
		expect(items).toEqual([
			expect.objectContaining({ error: 'No candidate with ID 999 in this company (HTTP 404) [item 0]', httpCode: '404' }),
		]);
	});
});

describe('the "record the verdict" example: Sumsub reviews become Recruitee tags and notes', () => {
	const tags = (key) => today.recruitee.candidateById(verdict[key]).tags;
	const notes = (key) => today.recruitee.notesOf(verdict[key]).map((n) => n.body);

	test('approved: tagged kyc-approved, no longer kyc-pending, no note', () => {
		expect(tags('approved')).toEqual(['kyc-approved']);
		expect(notes('approved')).toEqual([]);
	});

	test('rejected: tagged kyc-rejected, a note with the reject labels and the comment', () => {
		expect(tags('rejected')).toEqual(['kyc-rejected']);
		expect(notes('rejected')).toEqual(['Identity check rejected (FINAL): FORGERY, SELFIE_MISMATCH<br>Forged passport']);
	});

	test('still pending: left as it was', () => {
		expect(tags('pending')).toEqual(['kyc-pending']);
		expect(notes('pending')).toEqual([]);
	});
});

describe('Recruitee writes in n8n: one candidate from creation to deletion, each step checked by a read', () => {
	const run = (node) => nodeRun(result.runs.e2eRecruiteeWrites, node);
	const JOB = 1209656;
	const only = (node) => {
		const { items, error } = run(node);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		return items[0];
	};

	test('Create puts the candidate on the offer; the same Create again returns it (no second candidate)', () => {
		const created = only('Create');
		expect(created).toMatchObject({ name: 'E2E Writer', emails: ['e2e.writer@example.com'], phones: ['+49 30 5550100'] });
		expect(created.placements).toEqual([expect.objectContaining({ offer_id: JOB, stage_id: 8176676 })]);
		expect(only('Create again (re-run)').id).toBe(created.id);
		const posts = recruiteeWrites.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/candidates'));
		expect(posts).toHaveLength(1);
		expect(recruiteeWrites.writes.candidatesCreated).toBe(1);
	});

	test('Move to Stage by name, then Get shows the stage', () => {
		expect(only('Check stage').placements).toEqual([expect.objectContaining({ offer_id: JOB, stage_id: 8176679 })]);
	});

	test('Note, then Get Many shows it, escaped as Recruitee shows notes', () => {
		const body = 'Strong &lt;backend&gt; skills &amp; good fit<br>Next: offer';
		expect(only('Note')).toMatchObject({ body, visibility: { level: 'public' } });
		expect(run('Check notes').items.map((n) => n.body)).toEqual([body]);
	});

	test('Add Tags', () => {
		expect(only('Tag').tags).toEqual(['e2e', 'berlin']);
	});

	test('Attach File from binary data (Convert to File), as the CV', () => {
		expect(only('Attach CV')).toMatchObject({ filename: 'e2e-cv.pdf', content_type: 'application/pdf', size: 281, set_as_cv: true });
		const upload = recruiteeWrites.requests.find((r) => r.method === 'POST' && r.path.endsWith('/attachments'));
		expect(upload.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(recruiteeWrites.writes.cvsSet).toBe(1);
	});

	test('Disqualify with a reason by name, Get shows it; Requalify undoes it', () => {
		expect(only('Check disqualified').placements).toEqual([expect.objectContaining({ offer_id: JOB, disqualified: true })]);
		expect(only('Requalify').placements).toEqual([expect.objectContaining({ offer_id: JOB, disqualified: false })]);
	});

	test('Delete, and the Get after it finds nothing', () => {
		const { id } = only('Create');
		expect(only('Delete')).toMatchObject({ deleted: true, id });
		expect(run('Check deleted').items).toEqual([
			expect.objectContaining({ error: `No candidate with ID ${id} in this company (HTTP 404) [item 0]`, httpCode: '404' }),
		]);
		expect(recruiteeWrites.candidateById(id)).toBeUndefined();
	});
});

describe('Sumsub applicants in n8n: every operation, signed POST bodies', () => {
	const run = (node) => nodeRun(result.runs.e2eSumsubApplicants, node);
	const only = (node) => {
		const { items, error } = run(node);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		return items[0];
	};

	test('Create, then the same Create again: one applicant, returned both times', () => {
		const created = only('Create applicant');
		expect(created).toMatchObject({
			externalUserId: 'e2e-applicant-1',
			levelName: 'basic-kyc-level',
			email: 'ada@example.com',
			fixedInfo: { firstName: 'Ada', lastName: 'Lovelace', dob: '1990-12-10', country: 'GBR', nationality: 'GBR' },
			metadata: [{ key: 'source', value: 'n8n e2e' }],
		});
		expect(only('Create again (re-run)').id).toBe(created.id);
		expect(sumsubApplicants.writes.applicantsCreated).toBe(1);
		const posts = sumsubApplicants.requests.filter((r) => r.method === 'POST' && r.path === '/resources/applicants');
		expect(posts.map((r) => r.status)).toEqual([200, 409]);
	});

	test('Get by External User ID and by applicant ID', () => {
		const { id } = only('Create applicant');
		expect(only('Get by External User ID').id).toBe(id);
		expect(only('Get by applicant ID').id).toBe(id);
	});

	test('Review status, a verification link, an access token, a reset', () => {
		expect(only('Review status')).toMatchObject({ reviewStatus: 'init', completed: false, approved: false, externalUserId: 'e2e-applicant-1' });
		const link = only('Verification link');
		expect(sumsubApplicants.issuedLinks.map((l) => l.url)).toContain(link.url);
		expect(only('Access token')).toMatchObject({ token: expect.any(String), externalUserId: 'e2e-applicant-1' });
		expect(only('Reset')).toMatchObject({ reset: true, reviewStatus: 'init' });
		expect(sumsubApplicants.writes.resets).toBe(1);
	});

	test('every request passed the signature check', () => {
		expect(sumsubApplicants.requests.every((r) => r.status !== 401)).toBe(true);
	});
});

describe('Sumsub in n8n', () => {
	const run = (node) => nodeRun(result.runs.e2eSumsubReads, node);
	const window = `from=${encodeURIComponent('2026-11-18 12:00:00')}&to=${encodeURIComponent('2026-11-19 12:00:00')}`;

	test('every request with the right secret passed the signature check', () => {
		const good = sumsub.requests.filter((r) => !r.path.endsWith('/status/api'));
		expect(good.length).toBeGreaterThan(5);
		for (const request of good) {
			expect(request.headers['x-app-token']).toBe(sumsub.appToken);
			expect(request.headers['x-app-access-sig']).toMatch(/^[0-9a-f]{64}$/);
		}
		const signedOk = good.filter((r) => r.status === 200);
		const rejected = good.filter((r) => r.status !== 200);
		expect(rejected).toHaveLength(1);
		expect(signedOk.length).toBe(good.length - 1);
	});

	test('legacy endpoint: Return All in pages of 500 by offset, then a Filter node', async () => {
		const oracle = await sumsubOracle(`/resources/auditTrailEvents?${window}&limit=20000`);
		const { items } = run('Legacy pages');
		expect(items.map((e) => e.correlationId)).toEqual(oracle.items.map((e) => e.correlationId));
		expect(items[0].tsIso).toMatch(/^2026-11-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
		const pages = requestsTo(sumsub, '/resources/auditTrailEvents').filter((r) => r.query.limit === '500');
		// Every page once, and the one after the last, read ahead in vain (the endpoint gives no total),
		// in either order of arrival.
		expect(pages.map((r) => Number(r.query.offset)).sort((a, b) => a - b)).toEqual(
			Array.from({ length: Math.floor(oracle.items.length / 500) + 2 }, (_, i) => i * 500),
		);
		expect(pages[0].rawQuery).toContain('from=2026-11-18%2012%3A00%3A00');
		const loads = run('Applicant loads only').items;
		expect(loads.length).toBe(items.filter((e) => e.activity === 'subject:loaded:applicant').length);
	});

	test('list endpoint: the same events by forwardMarker, oldest first, "" as null', () => {
		const legacy = run('Legacy pages').items;
		const { items } = run('List pages');
		expect(items).toHaveLength(legacy.length);
		expect(items.map((e) => e.id)).toEqual([...items.map((e) => e.id)].sort());
		expect(items.some((e) => e.userAgent === null)).toBe(true);
		const markers = requestsTo(sumsub, '/list').filter((r) => r.query.forwardMarker && r.query.limit === '1000');
		expect(markers.length).toBe(Math.ceil(items.length / 1000) - 1);
		for (const request of markers) {
			expect(request.query).toMatchObject({ from: '2026-11-18 12:00:00', to: '2026-11-19 12:00:00' });
		}
	});

	// Issue 11: each plausible behaviour of a forwardMarker (see test/sandbox/README.md), in the real n8n.
	describe.each([
		['List filtered', 'the marker carries the filters', () => sumsub],
		['List filtered, marker ignores filters', 'the marker is a position and later filters are ignored', () => markerIgnores],
		['List filtered, filters refused next to marker', 'filters next to a marker are refused (400)', () => markerRefuses],
	])('list endpoint, one activity over 12 hours in pages of 100: %s (%s)', (node, _, sandboxOf) => {
		const window = { activity: 'subject:loaded:applicant', from: '2026-11-18 12:00:00', to: '2026-11-19 00:00:00' };

		test('exactly the matching events, each once, oldest first', async () => {
			const oracle = await sumsubOracle(`/resources/auditTrailEvents?${new URLSearchParams({ ...window, limit: '20000' })}`);
			const { items, error } = run(node);
			expect(error).toBeUndefined();
			expect(oracle.items.length).toBeGreaterThan(200);
			const key = (e) => `${e.ts}|${e.correlationId}`;
			expect(items.map(key).sort()).toEqual(oracle.items.map(key).sort());
			expect(items.map((e) => e.id)).toEqual([...new Set(items.map((e) => e.id))].sort());
		});

		test('the pages the node asked for', () => {
			const pages = requestsTo(sandboxOf(), '/list').filter((r) => r.query.limit === '100');
			expect(pages.length).toBeGreaterThan(2);
			expect(pages[0].query).toEqual({ ...window, limit: '100' });
			const later = pages.slice(1);
			if (sandboxOf() === markerRefuses) {
				expect(later[0]).toMatchObject({ status: 400, query: { ...window, forwardMarker: expect.any(String) } });
				for (const r of later.slice(1)) expect(Object.keys(r.query).sort()).toEqual(['forwardMarker', 'limit']);
			} else {
				for (const r of later) expect(r.query).toEqual({ ...window, forwardMarker: expect.any(String), limit: '100' });
			}
		});
	});

	test('an activity and a date given by expressions', () => {
		const { items } = run('Exports by expression');
		expect(items.length).toBeGreaterThan(0);
		expect(items.every((e) => e.activity === 'subject:exported:applicantCsvList')).toBe(true);
	});

	test('a wrong secret with Continue On Fail: a signature error item, no secret shown', () => {
		const { items } = run('Wrong secret');
		expect(items).toHaveLength(1);
		expect(items[0].error).toBe('Sumsub rejected the request signature: the Secret Key is wrong (HTTP 401) [item 0]');
		expect(items[0].correlationId).toMatch(/\S/);
		expect(JSON.stringify(result.runs.e2eSumsubReads)).not.toContain('not-the-secret');
		expect(result.output).not.toContain('not-the-secret');
	});
});
