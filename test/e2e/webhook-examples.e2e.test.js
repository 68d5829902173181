'use strict';
// The two instant examples in a real n8n (`n8n start`), imported as a user would, credentials
// pointing at the sandboxes, activated; then signed deliveries as Recruitee and Sumsub send them:
// - a candidate moved to Offer (Recruitee webhook) gets a Sumsub applicant, a note with the
//   verification link and the kyc-pending tag;
// - a completed review (Sumsub webhook) tags the candidate kyc-approved, or kyc-rejected with a
//   note of the reject labels, and takes kyc-pending off.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const recruiteeSandbox = require('../sandbox/recruitee');
const sumsubSandbox = require('../sandbox/sumsub');
const { ownerSession, startServer } = require('../../scripts/lib/n8n');
const { context } = require('./harness/context');
const { restClient, untilServed } = require('./harness/rest');

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
const JOB = 1209656;
const SECRETS = { recruitee: crypto.randomBytes(18).toString('hex'), sumsub: crypto.randomBytes(18).toString('hex') };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let server;
let api;
let recruitee;
let sumsub;
const workflowIds = [];

beforeAll(async () => {
	recruitee = await recruiteeSandbox.start({ now: Date.now(), candidates: 60, auditLogEntries: 20 });
	sumsub = await sumsubSandbox.start({ now: Date.now(), events: 100 });
	server = await startServer(context.runtime, context.userFolder);
	api = await ownerSession(server.url, { email: 'e2e@example.com', password: 'E2e-password-1' });
}, 180_000);

afterAll(async () => {
	for (const id of workflowIds) await api?.(`/rest/workflows/${id}/deactivate`, { method: 'POST', body: '{}' });
	await server?.stop();
	await Promise.all([recruitee, sumsub].map((s) => s?.close()));
});

const { call, executions, saveCredential } = restClient(() => api);

/** Imports an example with its credentials replaced by `credentials` (by type), and activates it. */
async function activate(file, credentials) {
	const example = JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));
	for (const node of example.nodes) {
		for (const type of Object.keys(node.credentials ?? {})) node.credentials[type] = { id: credentials[type].id, name: credentials[type].name };
	}
	const { id: _id, pinData: _pin, ...workflow } = example;
	const saved = await call('/rest/workflows', { method: 'POST', body: JSON.stringify({ ...workflow, active: false }) });
	workflowIds.push(saved.id);
	await call(`/rest/workflows/${saved.id}/activate`, { method: 'POST', body: JSON.stringify({ versionId: saved.versionId }) });
	const trigger = example.nodes.find((n) => n.type.endsWith('WebhookTrigger'));
	const pathOf = trigger.type.endsWith('recruiteeWebhookTrigger') ? 'recruitee' : 'sumsub';
	const url = `${server.url}/webhook/${trigger.webhookId}/${pathOf}`;
	await untilServed(url);
	return { id: saved.id, url };
}

/** Waits until `count` executions of the workflow have finished; their statuses. */
async function finished(workflowId, count) {
	for (let i = 0; i < 120; i++) {
		const runs = await executions(workflowId, 50);
		if (runs.length >= count && runs.every((r) => !['new', 'running', 'waiting'].includes(r.status))) return runs.map((r) => r.status);
		await sleep(500);
	}
	throw new Error(`fewer than ${count} finished executions of ${workflowId}`);
}

const hmacHex = (algorithm, secret, body) => crypto.createHmac(algorithm, secret).update(body).digest('hex');

test('instant examples: a move to Offer starts the identity check; a completed review records the verdict', async () => {
	const credentials = {
		recruiteeApi: await saveCredential('Recruitee (webhook examples)', 'recruiteeApi', { companyId: recruitee.companyId, apiToken: recruitee.token, baseUrl: recruitee.url }),
		sumsubApi: await saveCredential('Sumsub (webhook examples)', 'sumsubApi', { appToken: sumsub.appToken, secretKey: sumsub.secretKey, baseUrl: sumsub.url }),
		recruiteeWebhookApi: await saveCredential('Recruitee webhook (examples)', 'recruiteeWebhookApi', { webhookSecret: SECRETS.recruitee }),
		sumsubWebhookApi: await saveCredential('Sumsub webhook (examples)', 'sumsubWebhookApi', { secretKey: SECRETS.sumsub }),
	};
	const verify = await activate('recruitee-webhook-verify-new-hires.json', credentials);
	const verdict = await activate('sumsub-webhook-record-verdict.json', credentials);

	// 1. Recruitee: a candidate moved to Offer.
	const hire = recruitee.addCandidate({ created_at: Date.now() - 60_000, offerId: JOB, name: 'Katherine Johnson', emails: ['katherine.johnson@example.com'], audit: false });
	const moved = JSON.stringify({
		id: 9_100_001,
		attempt_count: 1,
		event_type: 'candidate_moved',
		event_subtype: 'stage_changed',
		created_at: new Date().toISOString(),
		payload: {
			candidate: { id: hire.id, name: 'Katherine Johnson', emails: ['katherine.johnson@example.com'] },
			offer: { id: JOB, title: 'Backend Engineer' },
			details: { from_stage: { name: 'Evaluation' }, to_stage: { name: 'Offer' } },
		},
	});
	const first = await fetch(verify.url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-recruitee-signature': hmacHex('sha256', SECRETS.recruitee, moved) },
		body: moved,
	});
	expect(first.status).toBe(200);
	expect(await finished(verify.id, 1)).toEqual(['success']);
	const externalUserId = `recruitee-${hire.id}`;
	expect(sumsub.applicantByExternalUserId(externalUserId)).toMatchObject({
		email: 'katherine.johnson@example.com',
		fixedInfo: { firstName: 'Katherine', lastName: 'Johnson' },
	});
	const [link] = sumsub.issuedLinks.filter((l) => l.userId === externalUserId);
	expect(recruitee.notesOf(hire.id).map((n) => n.body)[0]).toContain(link.url);
	expect(recruitee.candidateById(hire.id).tags).toEqual(['kyc-pending']);

	// 2. Sumsub: the review completes, RED, then another candidate's GREEN.
	const other = recruitee.addCandidate({ created_at: Date.now() - 60_000, offerId: JOB, name: 'Dorothy Vaughan', audit: false });
	await fetch(`${recruitee.url}/c/${recruitee.companyId}/candidates/${other.id}`, {
		method: 'PATCH',
		headers: { authorization: `Bearer ${recruitee.token}`, 'content-type': 'application/json' },
		body: JSON.stringify({ candidate: { tags: ['kyc-pending'] } }),
	});
	const reviewed = (candidateId, answer, n) =>
		JSON.stringify({
			applicantId: `5cb56e8e0a975a35f333a${String(n).padStart(3, '0')}`,
			inspectionId: `5cb56e8e0a975a35f333b${String(n).padStart(3, '0')}`,
			correlationId: `req-example-${n}`,
			externalUserId: `recruitee-${candidateId}`,
			levelName: 'basic-kyc-level',
			type: 'applicantReviewed',
			reviewStatus: 'completed',
			reviewResult: answer === 'RED' ? { reviewAnswer: 'RED', rejectLabels: ['FORGERY', 'SELFIE_MISMATCH'], reviewRejectType: 'FINAL' } : { reviewAnswer: 'GREEN' },
			createdAtMs: '2026-11-29 10:00:00.000',
			sandboxMode: true,
		});
	for (const [candidateId, answer, n] of [
		[hire.id, 'RED', 1],
		[other.id, 'GREEN', 2],
	]) {
		const body = reviewed(candidateId, answer, n);
		const response = await fetch(verdict.url, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				'x-payload-digest': hmacHex('sha512', SECRETS.sumsub, body),
				'x-payload-digest-alg': 'HMAC_SHA512_HEX',
			},
			body,
		});
		expect(response.status).toBe(200);
	}
	expect(await finished(verdict.id, 2)).toEqual(['success', 'success']);
	expect(recruitee.candidateById(hire.id).tags).toEqual(['kyc-rejected']);
	expect(recruitee.notesOf(hire.id).map((n) => n.body)[0]).toBe('Identity check rejected (FINAL): FORGERY, SELFIE_MISMATCH');
	expect(recruitee.candidateById(other.id).tags).toEqual(['kyc-approved']);
	expect(recruitee.notesOf(other.id)).toEqual([]);
}, 240_000);
