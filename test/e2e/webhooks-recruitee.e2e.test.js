'use strict';
// Recruitee Webhook Trigger in a real n8n (`n8n start`): a workflow with the trigger, its secret in a
// `recruiteeWebhookApi` credential, activated; signed deliveries POSTed to its production URL
// (`/webhook/<webhookId>/recruitee`), executions read through the REST API. Valid deliveries start
// exactly one execution each, with the payload; a wrong or missing signature, a body that is not
// JSON, the test ping, a resend and an event not chosen start none. No answer and no log line
// carries the secret. Then the editor's "Listen for test event" (`/rest/workflows/:id/run`) receives
// one delivery on the test URL (`/webhook-test/<webhookId>/recruitee`).
const { createHmac, randomUUID } = require('node:crypto');
const path = require('node:path');

const { ownerSession, startServer, PACKAGE } = require('../../scripts/lib/n8n');
const { context } = require('./harness/context');
const { restClient, untilServed } = require('./harness/rest');

const SECRET = `recruitee-e2e-${randomUUID()}`;
const WEBHOOK_ID = randomUUID();
const TRIGGER = 'Recruitee Webhook Trigger';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const sign = (body, secret = SECRET) => createHmac('sha256', secret).update(body).digest('hex');

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

const url = () => `${server.url}/webhook/${WEBHOOK_ID}/recruitee`;
const answers = [];
async function post(body, headers = {}) {
	const response = await fetch(url(), {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'user-agent': 'Recruitee-Webhooks', ...headers },
		body,
	});
	const answer = { status: response.status, text: await response.text() };
	answers.push(answer);
	return answer;
}
const signed = (body, secret) => post(body, { 'X-Recruitee-Signature': sign(body, secret) });

function moved(id, to = 'Phone interview') {
	return Buffer.from(
		JSON.stringify({
			id,
			attempt_count: 0,
			event_type: 'candidate_moved',
			event_subtype: 'stage_changed',
			created_at: new Date().toISOString(),
			payload: {
				candidate: { id: 5001, name: 'Grace Hopper', emails: ['grace@example.com'] },
				offer: { id: 1209656, title: 'Compiler Engineer' },
				details: { from_stage: { name: 'Applied' }, to_stage: { name: to } },
			},
		}),
	);
}

/** The trigger's output of every execution of the workflow, oldest first, once all have finished. */
async function started() {
	const { parse } = require(path.join(context.runtime.dir, 'node_modules', 'flatted'));
	for (let attempt = 0; attempt < 60; attempt++) {
		const summaries = await executionsOf(workflowId);
		if (summaries.every((s) => !['new', 'running', 'waiting'].includes(s.status))) {
			const runs = [];
			for (const summary of summaries.sort((a, b) => Number(a.id) - Number(b.id))) {
				const execution = await call(`/rest/executions/${summary.id}`);
				const task = parse(execution.data).resultData.runData[TRIGGER]?.[0];
				runs.push({ status: execution.status, mode: execution.mode, items: (task?.data?.main?.[0] ?? []).map((i) => i.json) });
			}
			return runs;
		}
		await sleep(500);
	}
	throw new Error('executions did not finish');
}

/** Waits until the executions stop changing (onReceived starts them after answering). */
async function settled(expected) {
	let runs = [];
	for (let attempt = 0; attempt < 40; attempt++) {
		runs = await started();
		if (runs.length >= expected) {
			await sleep(1_000);
			return await started();
		}
		await sleep(250);
	}
	return runs;
}

test('activated: valid deliveries start one execution each; invalid ones, the ping, resends and events not chosen start none', async () => {
	const credential = await saveCredential('Recruitee webhook (e2e)', 'recruiteeWebhookApi', { webhookSecret: SECRET });
	const saved = await call('/rest/workflows', {
		method: 'POST',
		body: JSON.stringify({
			name: 'Recruitee webhook e2e',
			nodes: [
				{
					id: 'recruitee-webhook-trigger',
					name: TRIGGER,
					type: `${PACKAGE.name}.recruiteeWebhookTrigger`,
					typeVersion: 1,
					position: [0, 0],
					webhookId: WEBHOOK_ID,
					parameters: { events: ['candidateMoved'], stageName: 'phone interview' },
					credentials: { recruiteeWebhookApi: { id: credential.id, name: credential.name } },
				},
			],
			connections: {},
			settings: { executionOrder: 'v1' },
			active: false,
		}),
	});
	workflowId = saved.id;
	await call(`/rest/workflows/${saved.id}/activate`, { method: 'POST', body: JSON.stringify({ versionId: saved.versionId }) });
	await untilServed(url());

	// Recruitee's test request, unsigned (before the secret is in the credential) and signed.
	const ping = Buffer.from('{"test":true}');
	expect((await post(ping)).status).toBe(200);
	expect((await signed(ping)).status).toBe(200);

	const first = moved('e2e-delivery-1');
	const accepted = await signed(first);
	expect(accepted.status).toBe(200);

	// Refused: 401 without or with a wrong signature, a tampered body; 400 for a signed body that is
	// not a JSON object (sent as text/plain: a body sent as application/json that is not JSON is
	// refused by n8n itself, 422, before the node runs).
	const wrong = await signed(moved('e2e-forged'), 'not-the-secret');
	const missing = await post(moved('e2e-unsigned'));
	const tampered = await post(moved('e2e-delivery-1', 'Offer'), { 'X-Recruitee-Signature': sign(first) });
	expect([wrong.status, missing.status, tampered.status]).toEqual([401, 401, 401]);
	const notJson = Buffer.from('candidate moved');
	const notJsonAnswer = await post(notJson, { 'content-type': 'text/plain', 'X-Recruitee-Signature': sign(notJson) });
	expect(notJsonAnswer.status).toBe(400);
	const array = Buffer.from('[1,2]');
	expect((await signed(array)).status).toBe(400);
	const brokenJson = Buffer.from('{"id": 1,');
	const broken = await signed(brokenJson);
	// n8n parses an application/json body itself before the node runs: it answers 422 (its own text).
	expect([broken.status, JSON.parse(broken.text).message]).toEqual([422, 'Failed to parse request body']);

	// A resend (Recruitee counts the attempt), an event not chosen, a move to another stage.
	const resend = Buffer.from(first.toString().replace('"attempt_count":0', '"attempt_count":1'));
	expect(JSON.parse((await signed(resend)).text)).toMatchObject({ started: false, note: 'already received' });
	const created = Buffer.from(JSON.stringify({ id: 'e2e-created', event_type: 'candidate_created', payload: { candidate: { id: 9 } } }));
	expect(JSON.parse((await signed(created)).text)).toMatchObject({ started: false, note: 'event not chosen' });
	expect(JSON.parse((await signed(moved('e2e-other-stage', 'Offer'))).text)).toMatchObject({ started: false, note: 'filtered out' });

	const second = moved('e2e-delivery-2', 'PHONE INTERVIEW');
	expect((await signed(second)).status).toBe(200);

	const runs = await settled(2);
	expect(runs.map((r) => `${r.mode}:${r.status}`)).toEqual(['webhook:success', 'webhook:success']);
	expect(runs.map((r) => r.items.map((i) => i.delivery_id))).toEqual([['e2e-delivery-1'], ['e2e-delivery-2']]);
	expect(runs[0].items[0]).toMatchObject({
		event: 'candidateMoved',
		candidate_id: 5001,
		candidate_emails: ['grace@example.com'],
		offer_id: 1209656,
		from_stage: 'Applied',
		to_stage: 'Phone interview',
		raw: JSON.parse(first.toString()),
	});

	for (const answer of answers) {
		expect(answer.text).not.toContain(SECRET);
	}
	expect(server.output()).not.toContain(SECRET);
}, 240_000);

test('the editor\'s "Listen for test event": the test URL receives one delivery, even one already started in production', async () => {
	expect(workflowId).toBeDefined();
	const workflow = await call(`/rest/workflows/${workflowId}`);
	const listening = await call(`/rest/workflows/${workflowId}/run`, {
		method: 'POST',
		body: JSON.stringify({ workflowData: workflow, triggerToStartFrom: { name: TRIGGER } }),
	});
	expect(listening).toMatchObject({ waitingForWebhook: true });
	const before = (await started()).length;
	// The first production delivery again: the test listening does not consult the resend log.
	const body = moved('e2e-delivery-1');
	const response = await fetch(`${server.url}/webhook-test/${WEBHOOK_ID}/recruitee`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'X-Recruitee-Signature': sign(body) },
		body,
	});
	expect(response.status).toBe(200);
	expect(await response.text()).not.toContain(SECRET);
	const runs = await settled(before + 1);
	expect(runs.slice(before).map((r) => `${r.mode}:${r.status}`)).toEqual(['manual:success']);
	expect(runs[before].items.map((i) => i.delivery_id)).toEqual(['e2e-delivery-1']);
	// Listening ends with the one delivery: the test URL is gone.
	const again = await fetch(`${server.url}/webhook-test/${WEBHOOK_ID}/recruitee`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'X-Recruitee-Signature': sign(body) },
		body,
	});
	expect(again.status).toBe(404);
}, 120_000);
