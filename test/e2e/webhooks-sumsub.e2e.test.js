'use strict';
// Sumsub Webhook Trigger in a real n8n (`n8n start`): a workflow with the trigger, its credential
// saved through the REST API, activated; signed deliveries POSTed to the production webhook URL
// (/webhook/<webhookId>/sumsub) as Sumsub sends them. Through the REST API: each valid delivery (each
// algorithm, a body whose bytes differ from its JSON re-serialisation) starts exactly one execution
// with its payload; a wrong or missing digest, an unknown algorithm, a body that is not JSON, a
// resend, an event not chosen start none. No answer carries the secret.
const crypto = require('node:crypto');
const path = require('node:path');

const { ownerSession, startServer } = require('../../scripts/lib/n8n');
const { context } = require('./harness/context');
const { restClient, untilServed } = require('./harness/rest');

const TYPE = 'n8n-nodes-recruitee-sumsub.sumsubWebhookTrigger';
const TRIGGER = 'Sumsub Webhook Trigger';
const SECRET = crypto.randomBytes(24).toString('base64url');
const ALGS = { sha1: 'HMAC_SHA1_HEX', sha256: 'HMAC_SHA256_HEX', sha512: 'HMAC_SHA512_HEX' };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const hmac = (algorithm, body, secret = SECRET) => crypto.createHmac(algorithm, secret).update(body).digest('hex');

let server;
let api;
let workflowId;

beforeAll(async () => {
	server = await startServer(context.runtime, context.userFolder);
	api = await ownerSession(server.url, { email: 'e2e@example.com', password: 'E2e-password-1' });
}, 180_000);

afterAll(async () => {
	if (workflowId) await api?.(`/rest/workflows/${workflowId}/deactivate`, { method: 'POST', body: '{}' });
	await server?.stop();
});

const { call, executions: executionsOf, saveCredential } = restClient(() => api);

/** What the trigger emitted in each execution of the workflow, oldest first; null while any runs. */
async function emitted() {
	const { parse } = require(path.join(context.runtime.dir, 'node_modules', 'flatted'));
	const runs = [];
	for (const summary of (await executionsOf(workflowId)).sort((a, b) => Number(a.id) - Number(b.id))) {
		const execution = await call(`/rest/executions/${summary.id}`);
		if (['new', 'running', 'waiting'].includes(execution.status)) return null;
		const task = parse(execution.data).resultData.runData[TRIGGER]?.[0];
		runs.push({ status: execution.status, mode: execution.mode, items: (task?.data?.main?.[0] ?? []).map((i) => i.json) });
	}
	return runs;
}

const event = (type, n, extra = {}) => ({
	applicantId: `5cb56e8e0a975a35f333c${String(n).padStart(3, '0')}`,
	inspectionId: `5cb56e8e0a975a35f333d${String(n).padStart(3, '0')}`,
	correlationId: `req-e2e-${n}`,
	externalUserId: `recruitee-${47628500 + n}`,
	levelName: 'basic-kyc-level',
	type,
	reviewStatus: type === 'applicantReviewed' ? 'completed' : type === 'applicantPending' ? 'pending' : 'init',
	createdAtMs: `2026-03-0${n % 9} 10:00:0${n % 10}.123`,
	sandboxMode: true,
	...extra,
});

test('signed deliveries start one execution each, with the payload; the others none', async () => {
	const credential = await saveCredential('Sumsub webhook (e2e)', 'sumsubWebhookApi', { secretKey: SECRET });
	const webhookId = crypto.randomUUID();
	const saved = await call('/rest/workflows', {
		method: 'POST',
		body: JSON.stringify({
			name: 'Sumsub webhook e2e',
			nodes: [
				{
					id: crypto.randomUUID(),
					name: TRIGGER,
					type: TYPE,
					typeVersion: 1,
					position: [0, 0],
					webhookId,
					parameters: { events: ['applicantCreated', 'applicantPending', 'applicantReviewed'], reviewAnswer: 'any' },
					credentials: { sumsubWebhookApi: { id: credential.id, name: credential.name } },
				},
			],
			connections: {},
			settings: { executionOrder: 'v1' },
			active: false,
		}),
	});
	workflowId = saved.id;
	await call(`/rest/workflows/${saved.id}/activate`, { method: 'POST', body: JSON.stringify({ versionId: saved.versionId }) });
	const url = `${server.url}/webhook/${webhookId}/sumsub`;
	await untilServed(url);

	const post = async (body, headers, contentType = 'application/json') => {
		const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': contentType, ...headers }, body });
		const text = await response.text();
		expect(text).not.toContain(SECRET);
		return { status: response.status, text };
	};
	const signed = (body, algorithm) => ({
		'X-Payload-Digest': hmac(algorithm, body),
		...(algorithm === 'default' ? {} : { 'X-Payload-Digest-Alg': ALGS[algorithm] }),
	});

	// Valid: one per algorithm, one without the algorithm header (SHA-256), one with an upper-case
	// digest and header names in odd case, one whose bytes are not what JSON.stringify would give.
	const valid = [
		[JSON.stringify(event('applicantCreated', 1)), signed(JSON.stringify(event('applicantCreated', 1)), 'sha1')],
		[JSON.stringify(event('applicantPending', 2)), signed(JSON.stringify(event('applicantPending', 2)), 'sha256')],
		[JSON.stringify(event('applicantReviewed', 3, { reviewResult: { reviewAnswer: 'GREEN' } })), null],
		[JSON.stringify(event('applicantReviewed', 4, { reviewResult: { reviewAnswer: 'RED', rejectLabels: ['FORGERY'], reviewRejectType: 'FINAL' } })), null],
		[
			'{ "type" : "applicantCreated",\n  "externalUserId": "caf\\u00e9-5", "applicantId":"5cb56e8e0a975a35f333c005", "correlationId": "req-e2e-5", "levelName": "niveau-\u00e9t\u00e9", "createdAtMs": "2026-03-05 10:00:05.123" }\n',
			null,
		],
	];
	valid[2][1] = signed(valid[2][0], 'sha512');
	valid[3][1] = { 'x-PAYLOAD-digest': hmac('sha256', valid[3][0]).toUpperCase() };
	valid[4][1] = signed(valid[4][0], 'sha512');
	for (const [body, headers] of valid) {
		const answer = await post(body, headers);
		expect(answer).toMatchObject({ status: 200 });
		expect(JSON.parse(answer.text)).toEqual({ received: true, started: true });
	}

	const refused = [];
	const refusedBody = JSON.stringify(event('applicantReviewed', 6, { reviewResult: { reviewAnswer: 'GREEN' } }));
	// A wrong digest (wrong secret), a missing one, one over another body: 401.
	refused.push(['wrong secret', await post(refusedBody, { 'X-Payload-Digest': hmac('sha256', refusedBody, `${SECRET}x`), 'X-Payload-Digest-Alg': 'HMAC_SHA256_HEX' }), 401]);
	refused.push(['no digest', await post(refusedBody, { 'X-Payload-Digest-Alg': 'HMAC_SHA256_HEX' }), 401]);
	refused.push(['tampered', await post(refusedBody.replace('GREEN', 'RED'), signed(refusedBody, 'sha256')), 401]);
	refused.push(['re-serialised', await post(valid[4][0], signed(JSON.stringify(JSON.parse(valid[4][0])), 'sha256')), 401]);
	// An algorithm Sumsub does not name: 400.
	refused.push(['unknown algorithm', await post(refusedBody, { 'X-Payload-Digest': hmac('sha256', refusedBody), 'X-Payload-Digest-Alg': 'HMAC_MD5_HEX' }), 400]);
	// Signed, but not a JSON object: 400 (sent as text, so n8n's own JSON parsing does not answer first).
	const notJson = 'type=applicantCreated&applicantId=1';
	refused.push(['not JSON', await post(notJson, signed(notJson, 'sha256'), 'text/plain'), 400]);
	const array = '[{"type":"applicantCreated"}]';
	refused.push(['JSON array', await post(array, signed(array, 'sha256')), 400]);
	for (const [name, answer, status] of refused) {
		expect({ name, status: answer.status }).toEqual({ name, status });
		expect(JSON.parse(answer.text)).toEqual({ error: expect.any(String) });
	}
	// Broken JSON declared as JSON: n8n's body parser refuses it before any node runs.
	const broken = '{"type":"applicantCreated",';
	const brokenAnswer = await post(broken, signed(broken, 'sha256'));
	expect(brokenAnswer.status).toBe(422);

	// A resend of each valid delivery (Sumsub resends the same bytes, signed the same way), and the
	// same event re-serialised with another algorithm: 200, started: false.
	for (const [body, headers] of [...valid, [JSON.stringify(JSON.parse(valid[0][0]), null, 2), signed(JSON.stringify(JSON.parse(valid[0][0]), null, 2), 'sha512')]]) {
		const answer = await post(body, headers);
		expect(answer.status).toBe(200);
		expect(JSON.parse(answer.text)).toEqual({ received: true, started: false, note: 'already received: a resend' });
	}
	// An event the trigger was not told to start on: 200, started: false.
	const deleted = JSON.stringify(event('applicantDeleted', 7));
	expect(JSON.parse((await post(deleted, signed(deleted, 'sha256'))).text)).toEqual({
		received: true,
		started: false,
		note: 'event type not chosen in the trigger',
	});

	// Exactly the valid deliveries ran, once each, with their payloads.
	let runs = null;
	for (const deadline = Date.now() + 30_000; Date.now() < deadline; await sleep(500)) {
		runs = await emitted();
		if (runs && runs.length >= valid.length) break;
	}
	await sleep(2_000); // anything late would show now
	runs = await emitted();
	expect(runs.map((r) => `${r.mode}:${r.status}:${r.items.length}`)).toEqual(valid.map(() => 'webhook:success:1'));
	const items = runs.map((r) => r.items[0]);
	expect(items.map((i) => i.raw)).toEqual(valid.map(([body]) => JSON.parse(body)));
	expect(items.map((i) => [i.type, i.reviewAnswer, i.approved, i.rejected])).toEqual([
		['applicantCreated', null, false, false],
		['applicantPending', null, false, false],
		['applicantReviewed', 'GREEN', true, false],
		['applicantReviewed', 'RED', false, true],
		['applicantCreated', null, false, false],
	]);
	expect(items[3]).toMatchObject({ rejectLabels: ['FORGERY'], reviewRejectType: 'FINAL', createdAt: '2026-03-04T10:00:04.123Z' });
	expect(items[4]).toMatchObject({ externalUserId: 'caf\u00e9-5', levelName: 'niveau-\u00e9t\u00e9', correlationId: 'req-e2e-5' });
	expect(JSON.stringify(runs)).not.toContain(SECRET);
	expect(server.output()).not.toContain(SECRET);
}, 240_000);
