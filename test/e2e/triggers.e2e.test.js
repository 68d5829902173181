'use strict';
// Issue 19 in a real n8n (`n8n start`): activated trigger workflows (Recruitee New Candidate and
// Candidate Moved to Stage, Sumsub on both endpoints) polling the sandboxes once a minute. Records
// are added before the activation (the sandboxes' own history up to now, and records in the
// seconds the first polls' overlap and lag cover) and after it, over two polls; the executions,
// read through the REST API, emit exactly the records added after the activation, each once,
// oldest first. The polls run on a cron at a second chosen by the test (once a minute, n8n's
// shortest interval), so the test knows when they come and needs no guessing.
const path = require('node:path');

const recruiteeSandbox = require('../sandbox/recruitee');
const sumsubSandbox = require('../sandbox/sumsub');
const { ownerSession, startServer, PACKAGE } = require('../../scripts/lib/n8n');
const { context } = require('./harness/context');
const { restClient } = require('./harness/rest');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
const until = (time) => sleep(time - Date.now());

let server;
let api;
let recruitee;
let sumsub;
const workflowIds = [];

beforeAll(async () => {
	recruitee = await recruiteeSandbox.start({ now: Date.now(), candidates: 100, auditLogEntries: 200 });
	sumsub = await sumsubSandbox.start({ now: Date.now(), events: 2000 });
	server = await startServer(context.runtime, context.userFolder);
	api = await ownerSession(server.url, { email: 'e2e@example.com', password: 'E2e-password-1' });
}, 180_000);

afterAll(async () => {
	// Left active, they would start polling again with the next `n8n start` of this user folder.
	for (const id of workflowIds) await api?.(`/rest/workflows/${id}/deactivate`, { method: 'POST', body: '{}' });
	await server?.stop();
	await Promise.all([recruitee, sumsub].map((s) => s?.close()));
});

const { call, executions: executionsOf, saveCredential: saveNamedCredential } = restClient(() => api);
const saveCredential = (type, data) => saveNamedCredential(`${type} triggers e2e`, type, data);

const TRIGGER = 'Trigger under test';

/** Saves a workflow with the trigger alone, polling once a minute at `second`. */
async function saveWorkflow(name, type, credential, parameters, second) {
	const workflow = await call('/rest/workflows', {
		method: 'POST',
		body: JSON.stringify({
			name,
			nodes: [
				{
					id: 'trigger-under-test',
					name: TRIGGER,
					type: `${PACKAGE.name}.${type}`,
					typeVersion: 1,
					position: [0, 0],
					parameters: { ...parameters, pollTimes: { item: [{ mode: 'custom', cronExpression: `${second} * * * * *` }] } },
					credentials: { [credential.type]: { id: credential.id, name: credential.name } },
				},
			],
			connections: {},
			settings: { executionOrder: 'v1' },
			active: false,
		}),
	});
	workflowIds.push(workflow.id);
	return workflow;
}

/** What the trigger emitted in each finished execution of a workflow, oldest execution first. */
async function emitted(workflowId) {
	const results = await executionsOf(workflowId);
	const { parse } = require(path.join(context.runtime.dir, 'node_modules', 'flatted'));
	const runs = [];
	for (const summary of results.sort((a, b) => Number(a.id) - Number(b.id))) {
		const execution = await call(`/rest/executions/${summary.id}`);
		if (['new', 'running', 'waiting'].includes(execution.status)) return null;
		const task = parse(execution.data).resultData.runData[TRIGGER]?.[0];
		runs.push({ status: execution.status, mode: execution.mode, items: (task?.data?.main?.[0] ?? []).map((i) => i.json) });
	}
	return runs;
}

test('activated triggers emit only what was created after the activation, each record once, oldest first', async () => {
	const recruiteeCredential = await saveCredential('recruiteeApi', { companyId: recruitee.companyId, apiToken: recruitee.token, baseUrl: recruitee.url });
	const sumsubCredential = await saveCredential('sumsubApi', { appToken: sumsub.appToken, secretKey: sumsub.secretKey, baseUrl: sumsub.url });

	const offer = recruitee.data.offers.find((o) => o.kind === 'job' && o.pipeline_template?.stages?.length > 3);
	const stage = offer.pipeline_template.stages[2].name;
	let serial = 0;
	/** One record of each source at `ms`; the ids each trigger would emit for it. */
	const add = (ms) => {
		const placed = recruitee.addCandidate({ created_at: ms - 3_600_000, offerId: offer.id, audit: false }).id;
		const [legacy, list] = sumsub.addEvents(
			['legacy', 'list'].map(() => ({ ts: ms, subjectName: 'bob@example.com', activity: 'subject:loaded:applicant', description: `e2e ${++serial}` })),
		);
		return {
			newCandidate: recruitee.addCandidate({ created_at: ms, name: `Triggers E2e ${++serial}`, audit: false }).id,
			candidateMoved: recruitee.moveCandidate(placed, { offerId: offer.id, stageName: stage, created_at: ms })._id,
			// Both endpoints read the same events: each one emits all of them.
			legacy: [legacy.description, list.description],
			list: [legacy.description, list.description],
		};
	};

	// The first poll after the activation comes at least 40 s after it (saving and activating four
	// workflows takes a few seconds), at a whole second: every minute at that second.
	const firstTick = Math.ceil((Date.now() + 40_000) / 1000) * 1000;
	const second = new Date(firstTick).getUTCSeconds();
	const triggers = {
		newCandidate: await saveWorkflow('New Candidate', 'recruiteeTrigger', recruiteeCredential, { event: 'newCandidate' }, second),
		candidateMoved: await saveWorkflow('Moved to Stage', 'recruiteeTrigger', recruiteeCredential, { event: 'candidateMoved' }, second),
		legacy: await saveWorkflow('Sumsub legacy', 'sumsubTrigger', sumsubCredential, { endpoint: 'legacy' }, second),
		list: await saveWorkflow('Sumsub list', 'sumsubTrigger', sumsubCredential, { endpoint: 'list' }, second),
	};

	// Before the activation: in the overlap the first polls re-read (Recruitee 60 s, Sumsub 10 s)
	// and in their lag (5 s, 2 s), on top of the sandboxes' history up to now.
	for (const ago of [50_000, 20_000, 8_000, 4_000, 1_500, 200]) add(Date.now() - ago);
	const activated = Date.now();
	for (const workflow of Object.values(triggers)) {
		await call(`/rest/workflows/${workflow.id}/activate`, { method: 'POST', body: JSON.stringify({ versionId: workflow.versionId }) });
	}
	const activatedBy = Date.now();
	expect(firstTick - activatedBy).toBeGreaterThan(15_000);

	const batches = [];
	// After the activation, from the next whole second (Recruitee keeps whole seconds).
	await until(Math.floor(activatedBy / 1000) * 1000 + 1_100);
	batches.push(add(Date.now()));
	// Written after the activation with a time before it (indexed late): never emitted.
	add(activated - 2_000);
	// Shortly before the first poll (inside the overlap the second poll re-reads), and in its lag.
	await until(firstTick - 8_000);
	batches.push(add(Date.now()));
	await until(firstTick - 1_000);
	batches.push(add(Date.now()));
	// After the first poll: for the second.
	await until(firstTick + 10_000);
	batches.push(add(Date.now()));

	const expected = Object.fromEntries(Object.keys(triggers).map((k) => [k, batches.flatMap((b) => b[k])]));
	const emittedBy = {};
	const deadline = firstTick + 60_000 + 60_000;
	for (;;) {
		for (const [k, workflow] of Object.entries(triggers)) {
			const runs = await emitted(workflow.id);
			if (runs) emittedBy[k] = runs;
		}
		const ids = (runs, k) => runs.flatMap((r) => r.items.map((i) => (k === 'legacy' || k === 'list' ? i.description : i.id)));
		const done = Object.keys(triggers).every((k) => emittedBy[k] && expected[k].every((id) => ids(emittedBy[k], k).includes(id)));
		// The second poll (a minute after the first) has run and its executions are finished.
		if ((done && Date.now() > firstTick + 60_000 + 5_000) || Date.now() > deadline) {
			for (const k of Object.keys(triggers)) {
				expect({ trigger: k, statuses: (emittedBy[k] ?? []).map((r) => `${r.mode}:${r.status}`) }).toEqual({
					trigger: k,
					statuses: (emittedBy[k] ?? []).map(() => 'trigger:success'),
				});
				expect({ trigger: k, emitted: ids(emittedBy[k] ?? [], k) }).toEqual({ trigger: k, emitted: expected[k] });
			}
			break;
		}
		await sleep(2_000);
	}

	// Each source was polled at least twice after the activation (the second poll re-read what the
	// first emitted, inside its overlap), and no request asked for anything before the activation's
	// second.
	const activationSecond = Math.floor(activated / 1000) * 1000;
	const polls = (requests) => new Set(requests.map((r) => Math.floor((r.receivedAt - firstTick + 30_000) / 60_000))).size;
	const recruiteeRequests = (p) => recruitee.requests.filter((r) => r.path.endsWith(p));
	for (const requests of [recruiteeRequests('/search/new/candidates'), recruiteeRequests('/audit_log')]) {
		expect(polls(requests)).toBeGreaterThanOrEqual(2);
		for (const r of requests) {
			const window = JSON.parse(r.query.filters_json).find((f) => f.field === 'created_at');
			expect(window.gte * 1000).toBeGreaterThanOrEqual(activationSecond);
		}
	}
	const sumsubRequests = sumsub.requests.filter((r) => r.path.startsWith('/resources/auditTrailEvents'));
	expect(polls(sumsubRequests)).toBeGreaterThanOrEqual(2);
	for (const r of sumsubRequests.filter((x) => x.query.from)) {
		expect(Date.parse(`${r.query.from.replace(' ', 'T')}Z`)).toBeGreaterThanOrEqual(activationSecond);
	}
}, 360_000);
