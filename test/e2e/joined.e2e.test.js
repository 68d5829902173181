'use strict';
// The package's headline workflow in a real n8n (`n8n start`): the "verify new hires" example,
// imported as a user would, its credentials pointing at the sandboxes, activated. A candidate moved
// to the Offer stage after the activation gets a Sumsub applicant (External User ID from the
// Recruitee id), a verification link, a note with the link and the kyc-pending tag; one moved
// before the activation gets nothing. The poll runs on a cron second the test picks (n8n's
// shortest interval is a minute), so the test knows when it comes.
const fs = require('node:fs');
const path = require('node:path');

const recruiteeSandbox = require('../sandbox/recruitee');
const sumsubSandbox = require('../sandbox/sumsub');
const { ownerSession, startServer } = require('../../scripts/lib/n8n');
const { context } = require('./harness/context');
const { restClient } = require('./harness/rest');

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'recruitee-sumsub-verify-new-hires.json');
const JOB = 1209656;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

let server;
let api;
let recruitee;
let sumsub;
let workflowId;

beforeAll(async () => {
	recruitee = await recruiteeSandbox.start({ now: Date.now(), candidates: 60, auditLogEntries: 50 });
	sumsub = await sumsubSandbox.start({ now: Date.now(), events: 100 });
	server = await startServer(context.runtime, context.userFolder);
	api = await ownerSession(server.url, { email: 'e2e@example.com', password: 'E2e-password-1' });
}, 180_000);

afterAll(async () => {
	if (workflowId) await api?.(`/rest/workflows/${workflowId}/deactivate`, { method: 'POST', body: '{}' });
	await server?.stop();
	await Promise.all([recruitee, sumsub].map((s) => s?.close()));
});

const { call, executions: executionsOf, saveCredential } = restClient(() => api);

test('verify new hires: a candidate moved to Offer gets an applicant, a link in a note and the kyc-pending tag', async () => {
	const credentials = {
		recruiteeApi: await saveCredential('Recruitee (joined e2e)', 'recruiteeApi', { companyId: recruitee.companyId, apiToken: recruitee.token, baseUrl: recruitee.url }),
		sumsubApi: await saveCredential('Sumsub (joined e2e)', 'sumsubApi', { appToken: sumsub.appToken, secretKey: sumsub.secretKey, baseUrl: sumsub.url }),
	};
	const example = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
	// Polled once a minute as in the example, at a second this test knows (at least 30 s away).
	const tick = Math.ceil((Date.now() + 30_000) / 1000) * 1000;
	for (const node of example.nodes) {
		for (const type of Object.keys(node.credentials ?? {})) node.credentials[type] = { id: credentials[type].id, name: credentials[type].name };
		if (node.parameters.pollTimes) {
			node.parameters.pollTimes = { item: [{ mode: 'custom', cronExpression: `${new Date(tick).getUTCSeconds()} * * * * *` }] };
		}
	}
	const before = recruitee.addCandidate({ created_at: Date.now() - 3_600_000, offerId: JOB, name: 'Early Mover', audit: false });
	const hire = recruitee.addCandidate({ created_at: Date.now() - 3_600_000, offerId: JOB, name: 'Grace Hopper', emails: ['grace.hopper@example.com'], audit: false });
	recruitee.moveCandidate(before.id, { offerId: JOB, stageName: 'Offer', created_at: Date.now() - 2_000 });

	const { id: _id, pinData: _pin, ...workflow } = example;
	const saved = await call('/rest/workflows', { method: 'POST', body: JSON.stringify({ ...workflow, active: false }) });
	workflowId = saved.id;
	await call(`/rest/workflows/${saved.id}/activate`, { method: 'POST', body: JSON.stringify({ versionId: saved.versionId }) });
	// After the activation, from the next whole second (Recruitee keeps whole seconds).
	await sleep(Math.floor(Date.now() / 1000) * 1000 + 1_100 - Date.now());
	recruitee.moveCandidate(hire.id, { offerId: JOB, stageName: 'Offer', created_at: Date.now() });
	expect(tick - Date.now()).toBeGreaterThan(8_000);

	let done;
	for (const deadline = tick + 45_000; Date.now() < deadline; await sleep(1_000)) {
		const runs = await executionsOf(workflowId, 50);
		if (runs.length && runs.every((r) => !['new', 'running', 'waiting'].includes(r.status))) {
			done = runs;
			break;
		}
	}
	expect(done?.map((r) => `${r.mode}:${r.status}`)).toEqual(['trigger:success']);

	const externalUserId = `recruitee-${hire.id}`;
	const applicant = sumsub.applicantByExternalUserId(externalUserId);
	expect(applicant).toMatchObject({
		levelName: 'basic-kyc-level',
		email: 'grace.hopper@example.com',
		fixedInfo: { firstName: 'Grace', lastName: 'Hopper' },
		metadata: [{ key: 'recruiteeCandidateId', value: String(hire.id) }],
	});
	expect(sumsub.applicantByExternalUserId(`recruitee-${before.id}`)).toBeUndefined();
	const [link] = sumsub.issuedLinks.filter((l) => l.userId === externalUserId);
	expect(link.url).toMatch(/^https:\/\//);
	const [note] = recruitee.notesOf(hire.id);
	expect(note.body).toContain(link.url);
	expect(note.body).toMatch(/^Identity check sent \(Sumsub, level basic-kyc-level\)\. The link works until \d{4}-\d\d-\d\dT/);
	expect(recruitee.candidateById(hire.id).tags).toContain('kyc-pending');
	expect(recruitee.notesOf(before.id)).toEqual([]);
}, 240_000);
