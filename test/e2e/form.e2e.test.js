'use strict';
// The careers-form example in a real n8n (`n8n start`), as a user would run it: imported, its
// credential pointing at the Recruitee sandbox, activated, and a form submitted (with a CV file) to
// its production URL. The candidate is created on the job with the CV and a note; the same person
// applying again creates nothing twice.
const fs = require('node:fs');
const path = require('node:path');

const recruiteeSandbox = require('../sandbox/recruitee');
const { ownerSession, startServer } = require('../../scripts/lib/n8n');
const { context } = require('./harness/context');
const { restClient, untilServed } = require('./harness/rest');

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'recruitee-application-form.json');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let server;
let api;
let recruitee;
let workflowId;

beforeAll(async () => {
	recruitee = await recruiteeSandbox.start({ candidates: 50 });
	server = await startServer(context.runtime, context.userFolder);
	api = await ownerSession(server.url, { email: 'e2e@example.com', password: 'E2e-password-1' });
}, 180_000);

afterAll(async () => {
	if (workflowId) await api?.(`/rest/workflows/${workflowId}/deactivate`, { method: 'POST', body: '{}' });
	await server?.stop();
	await recruitee?.close();
});

const { call, executions: executionsOf, saveCredential } = restClient(() => api);

/** Finished executions of the workflow, oldest first (null while one is still running). */
async function executions() {
	const results = await executionsOf(workflowId, 50);
	if (results.some((e) => ['new', 'running', 'waiting'].includes(e.status))) return null;
	return results.sort((a, b) => Number(a.id) - Number(b.id));
}

async function submit(fields, cv) {
	const form = new FormData();
	form.append('field-0', fields.name);
	form.append('field-1', fields.email);
	form.append('field-2', new Blob([cv], { type: 'application/pdf' }), 'cv.pdf');
	form.append('field-3', fields.motivation);
	return await fetch(`${server.url}/form/apply-backend-engineer`, { method: 'POST', body: form });
}

async function settled(count) {
	for (let i = 0; i < 60; i++) {
		const done = await executions();
		if (done && done.length >= count) return done;
		await sleep(500);
	}
	throw new Error(`fewer than ${count} finished executions after 30 s`);
}

test('the careers form creates the candidate on the job with the CV and a note; applying again creates nothing twice', async () => {
	const credential = await saveCredential('Recruitee sandbox (form e2e)', 'recruiteeApi', {
		companyId: recruitee.companyId,
		apiToken: recruitee.token,
		baseUrl: recruitee.url,
	});
	const example = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
	for (const node of example.nodes) {
		if (node.credentials?.recruiteeApi) node.credentials.recruiteeApi = { id: credential.id, name: credential.name };
	}
	const { id: _id, pinData: _pin, ...workflow } = example;
	const saved = await call('/rest/workflows', { method: 'POST', body: JSON.stringify({ ...workflow, active: false }) });
	workflowId = saved.id;
	await call(`/rest/workflows/${saved.id}/activate`, { method: 'POST', body: JSON.stringify({ versionId: saved.versionId }) });
	await untilServed(`${server.url}/form/apply-backend-engineer`, { method: 'GET' });

	const cv = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from([0, 1, 2, 250, 251, 252, 255]), Buffer.from('\n%%EOF\n')]);
	const applicant = { name: 'Form Applicant', email: 'form.applicant@example.com', motivation: 'I like <pipelines> & queues' };
	const first = await submit(applicant, cv);
	expect({ status: first.status, body: first.status === 200 ? '' : await first.text() }).toEqual({ status: 200, body: '' });
	const [execution] = await settled(1);
	expect(execution.status).toBe('success');

	const [candidate] = recruitee.candidatesByEmail(applicant.email);
	expect(candidate).toMatchObject({ name: 'Form Applicant', sources: ['Careers form (n8n)'] });
	expect(recruitee.placementsOf(candidate.id).map((p) => p.offer_id)).toEqual([1209656]);
	const stored = recruitee.cvOf(candidate.id);
	expect(stored).toMatchObject({ filename: 'cv.pdf', content_type: 'application/pdf', size: cv.length });
	expect(recruitee.attachmentBytes(stored.id).equals(cv)).toBe(true);
	expect(recruitee.notesOf(candidate.id).map((n) => n.body)).toEqual([
		'Applied through the careers form.<br>Why us: I like &lt;pipelines&gt; &amp; queues',
	]);

	// The same person applies again: the candidate is returned (no second one, no second CV).
	const second = await submit({ ...applicant, motivation: 'Again' }, cv);
	expect(second.status).toBe(200);
	const runs = await settled(2);
	expect(runs.map((e) => e.status)).toEqual(['success', 'success']);
	expect(recruitee.candidatesByEmail(applicant.email)).toHaveLength(1);
	expect(recruitee.writes.candidatesCreated).toBe(1);
	expect(recruitee.writes.attachmentsCreated).toBe(1);
	expect(recruitee.notesOf(candidate.id)).toHaveLength(2);
}, 240_000);
