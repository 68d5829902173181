'use strict';
// Issue 17: the package in n8n's queue mode, end to end (run with `npm run test:queue`, see run.js).
// One cluster for the whole file: Postgres, Redis, a main, two workers and a webhook processor, the
// package installed on each the README's way (harness/global-setup.js). In order:
//  1. every operation: the e2e workflows, started in production by webhooks, run on the workers;
//     both workers run some; every node's output equals a single n8n's (`n8n start`, sqlite).
//  2. the webhook triggers: one execution per delivery; resends to the process that took the
//     delivery are refused; what a resend reaching another process does.
//  3. the polling triggers: every record emitted exactly once over 30+ polls, across a restart of
//     main (their state is workflow static data, in Postgres).
//  4. a worker SIGKILLed in the middle of a long Return All: what n8n does with that execution.
const crypto = require('node:crypto');

const recruiteeSandbox = require('../sandbox/recruitee');
const sumsubSandbox = require('../sandbox/sumsub');
const { ownerSession, startN8n, PACKAGE } = require('../../scripts/lib/n8n');
const { untilServed } = require('../e2e/harness/rest');
const { context, createCluster, logFile, sql } = require('./harness/cluster');
const { OPERATION_WORKFLOWS, operationSandboxes, saveAndActivate, comparableOutputs } = require('./harness/operations');
const { executionReader, nodeOutputs, until, sleep } = require('./harness/runs');

const OWNER = { email: 'queue@example.com', password: 'Queue-password-1' };

const cluster = createCluster();
let api;
const queue = executionReader(() => api, context.runtime.dir);
/** The webhook trigger workflows' ids, by vendor (checked again at the end). */
const webhookWorkflows = {};
/** What the run measured, printed at the end as one JSON line (`[queue] measured: {...}`). */
const measured = { seconds: {} };
const timed = async (name, fn) => {
	const started = Date.now();
	try {
		return await fn();
	} finally {
		measured.seconds[name] = Math.round((Date.now() - started) / 100) / 10;
	}
};
const json = (body) => ({ method: 'POST', body: JSON.stringify(body) });

/**
 * Calls a Webhook node's production URL (POST {}): its answer. A 404 (not served yet) starts
 * nothing, so it is asked again, for at most 15 s.
 */
async function callWebhook(url) {
	const answer = await until(
		async () => {
			const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
			return `${response.status} ${await response.text()}`;
		},
		(a) => !a.startsWith('404 '),
		{ what: `n8n to serve ${url}`, timeoutMs: 15_000, intervalMs: 250 },
	);
	return answer;
}
const STARTED = '200 {"message":"Workflow was started"}';

beforeAll(async () => {
	await timed('cluster start', () => cluster.start());
	api = await ownerSession(cluster.main.url, OWNER);
}, 240_000);

afterAll(async () => {
	measured.executionsByWorker = Object.fromEntries(Object.entries(cluster.executionsByWorker()).map(([w, ids]) => [w, ids.length]));
	await cluster.stop();
	process.stderr.write(`[queue] measured: ${JSON.stringify(measured)}\n[queue] logs: ${context.logDir}\n`);
}, 60_000);

/** Saves a workflow of one trigger node (its credential saved first) and activates it; its id. */
async function saveTriggerWorkflow(name, node, credential) {
	const saved = await queue.call('/rest/credentials', json(credential));
	const workflow = await queue.call(
		'/rest/workflows',
		json({
			name,
			nodes: [{ id: crypto.randomUUID(), position: [0, 0], typeVersion: 1, ...node, credentials: { [credential.type]: { id: saved.id, name: saved.name } } }],
			connections: {},
			settings: { executionOrder: 'v1' },
			active: false,
		}),
	);
	await queue.activate(workflow.id);
	return workflow.id;
}

const finishedRuns = new Map();
/** What each execution of a workflow did, oldest first: its status and the items the trigger `node` emitted. */
async function emittedBy(workflowId, node) {
	const runs = [];
	for (const summary of await queue.executions(workflowId)) {
		let run = finishedRuns.get(summary.id);
		if (!run) {
			const e = await queue.execution(summary.id);
			run = { id: e.id, status: `${e.mode}:${e.status}`, items: (e.runData[node]?.[0]?.data?.main?.[0] ?? []).map((i) => i.json) };
			if (!['new', 'running', 'waiting', 'unknown'].includes(e.status)) finishedRuns.set(summary.id, run);
		}
		runs.push(run);
	}
	return runs;
}

/** Each execution id in exactly one worker's log; the ids no worker names. */
function workersOf(executionIds) {
	const byWorker = cluster.executionsByWorker();
	const where = (id) => Object.entries(byWorker).filter(([, ids]) => ids.includes(String(id))).map(([w]) => w);
	return {
		byWorker: Object.fromEntries(Object.keys(byWorker).map((w) => [w, executionIds.filter((id) => where(id).includes(w)).length])),
		notOnExactlyOne: executionIds.filter((id) => where(id).length !== 1).map((id) => `${id}: ${where(id).join(', ') || 'no worker'}`),
	};
}

// ------------------------------------------------------------------------------------------------
describe('every operation, in production on the workers', () => {
	/** Each read workflow several times (so both workers get some at once), each write workflow once. */
	const RUNS = { e2eRecruiteeReads: 4, e2eSumsubReads: 4, e2eRecruiteeWrites: 1, e2eSumsubApplicants: 1 };
	let single;
	let queued;

	/** Runs the operation workflows on an n8n: `runs[id]` webhook calls each, all at once; their executions. */
	async function runOperations(reader, webhookBase, runs, logs) {
		const ops = await operationSandboxes();
		try {
			const ids = await saveAndActivate(reader, ops.credentials, OPERATION_WORKFLOWS);
			const calls = OPERATION_WORKFLOWS.flatMap((w) =>
				Array.from({ length: runs[w.id] ?? 1 }, () => `${webhookBase}/webhook/queue-${w.id}`),
			);
			const answers = await Promise.all(calls.map(callWebhook));
			expect(answers).toEqual(calls.map(() => STARTED));
			const result = {};
			for (const w of OPERATION_WORKFLOWS) {
				const summaries = await reader.finished(ids[w.id], runs[w.id] ?? 1, { logs });
				result[w.id] = [];
				for (const s of summaries) result[w.id].push(await reader.execution(s.id));
			}
			return result;
		} finally {
			await ops.close();
		}
	}

	beforeAll(async () => {
		// The single instance first: `n8n start` (regular mode, sqlite), the same workflows.
		const server = await timed('single instance start', () => startN8n(context.runtime, context.folders.single, { logFile: logFile('single') }));
		try {
			const singleApi = await ownerSession(server.url, OWNER);
			const reader = executionReader(() => singleApi, context.runtime.dir);
			single = await timed('operations, single instance', () => runOperations(reader, server.url, {}, logFile('single')));
		} finally {
			await server.stop();
		}
		queued = await timed('operations, queue', () => runOperations(queue, cluster.webhook.url, RUNS, cluster.logs()));
	}, 300_000);

	test('every execution succeeded, in webhook mode, on either instance', () => {
		const statuses = (runs) => Object.fromEntries(Object.entries(runs).map(([id, list]) => [id, list.map((e) => `${e.mode}:${e.status}`)]));
		expect(statuses(single)).toEqual(Object.fromEntries(Object.keys(RUNS).map((id) => [id, ['webhook:success']])));
		expect(statuses(queued)).toEqual(Object.fromEntries(Object.entries(RUNS).map(([id, n]) => [id, Array(n).fill('webhook:success')])));
	});

	test('the workers ran them: each execution on exactly one worker, both workers some', () => {
		const ids = Object.values(queued).flatMap((list) => list.map((e) => e.id));
		const { byWorker, notOnExactlyOne } = workersOf(ids);
		measured.operations = { executions: ids.length, byWorker };
		expect({ notOnExactlyOne, logs: cluster.logs() }).toEqual({ notOnExactlyOne: [], logs: cluster.logs() });
		expect({ byWorker, bothRanSome: Object.values(byWorker).every((n) => n > 0) }).toEqual({ byWorker, bothRanSome: true });
	});

	test.each(OPERATION_WORKFLOWS.map((w) => [w.id, w]))('%s: every node ran, and our nodes returned something', (id, workflow) => {
		const outputs = nodeOutputs(single[id][0].runData);
		expect(Object.keys(outputs).sort()).toEqual(workflow.nodes.map((n) => n.name).sort());
		const ours = workflow.nodes.filter((n) => n.type.startsWith(`${PACKAGE.name}.`)).map((n) => n.name);
		const empty = ours.filter((name) => outputs[name][0].output.flat().length === 0 || outputs[name][0].error);
		expect({ id, empty }).toEqual({ id, empty: [] });
	});

	test.each(OPERATION_WORKFLOWS.map((w) => [w.id]))('%s: every node of every queue run output what the single instance output', (id) => {
		const expected = comparableOutputs(nodeOutputs(single[id][0].runData));
		for (const execution of queued[id]) {
			expect({ execution: execution.id, outputs: comparableOutputs(nodeOutputs(execution.runData)) }).toEqual({ execution: execution.id, outputs: expected });
		}
	});
});

// ------------------------------------------------------------------------------------------------
describe('webhook triggers: one execution per delivery', () => {
	const RECRUITEE_SECRET = `recruitee-queue-${crypto.randomUUID()}`;
	const SUMSUB_SECRET = crypto.randomBytes(24).toString('base64url');
	const DELIVERIES = 10;
	const RESENT_TO_MAIN = 3;
	const vendors = {
		recruitee: {
			node: 'Recruitee Webhook Trigger',
			type: 'recruiteeWebhookTrigger',
			credential: { name: 'Recruitee webhook (queue)', type: 'recruiteeWebhookApi', data: { webhookSecret: RECRUITEE_SECRET } },
			parameters: { events: ['candidateMoved'] },
			// Recruitee counts a resend's attempts; the delivery id stays.
			delivery: (n, attempt = 0) =>
				JSON.stringify({
					id: `queue-delivery-${n}`,
					attempt_count: attempt,
					event_type: 'candidate_moved',
					event_subtype: 'stage_changed',
					created_at: '2026-11-20T12:00:00.000Z',
					payload: { candidate: { id: 5000 + n, name: `Queue ${n}` }, offer: { id: 1209656 }, details: { from_stage: { name: 'Applied' }, to_stage: { name: 'Offer' } } },
				}),
			headers: (body) => ({ 'X-Recruitee-Signature': crypto.createHmac('sha256', RECRUITEE_SECRET).update(body).digest('hex') }),
			identity: (item) => item.delivery_id,
			id: (n) => `queue-delivery-${n}`,
			refused: '200 {"received":true,"started":false,"note":"already received"}',
		},
		sumsub: {
			node: 'Sumsub Webhook Trigger',
			type: 'sumsubWebhookTrigger',
			credential: { name: 'Sumsub webhook (queue)', type: 'sumsubWebhookApi', data: { secretKey: SUMSUB_SECRET } },
			parameters: { events: ['applicantReviewed'], reviewAnswer: 'any' },
			// Sumsub resends the same bytes.
			delivery: (n) =>
				JSON.stringify({
					applicantId: `5cb56e8e0a975a35f333c${String(n).padStart(3, '0')}`,
					correlationId: `req-queue-${n}`,
					externalUserId: `recruitee-${47628500 + n}`,
					levelName: 'basic-kyc-level',
					type: 'applicantReviewed',
					reviewStatus: 'completed',
					reviewResult: { reviewAnswer: 'GREEN' },
					createdAtMs: `2026-11-20 12:00:${String(n).padStart(2, '0')}.123`,
				}),
			headers: (body) => ({ 'X-Payload-Digest': crypto.createHmac('sha256', SUMSUB_SECRET).update(body).digest('hex'), 'X-Payload-Digest-Alg': 'HMAC_SHA256_HEX' }),
			identity: (item) => item.correlationId,
			id: (n) => `req-queue-${n}`,
			refused: '200 {"received":true,"started":false,"note":"already received: a resend"}',
		},
	};

	beforeAll(async () => {
		for (const [key, v] of Object.entries(vendors)) {
			v.webhookId = crypto.randomUUID();
			v.workflowId = await saveTriggerWorkflow(`${v.node} (queue)`, { name: v.node, type: `${PACKAGE.name}.${v.type}`, webhookId: v.webhookId, parameters: v.parameters }, v.credential);
			webhookWorkflows[key] = v.workflowId;
			v.url = (base) => `${base}/webhook/${v.webhookId}/${key}`;
			// Both serve production webhooks: the webhook processor, and main (n8n's default).
			await untilServed(v.url(cluster.webhook.url));
			await untilServed(v.url(cluster.main.url));
		}
	}, 60_000);

	const send = async (v, base, body) => {
		const response = await fetch(v.url(base), { method: 'POST', headers: { 'content-type': 'application/json', ...v.headers(body) }, body });
		return `${response.status} ${await response.text()}`;
	};

	test.each(Object.keys(vendors))('%s: deliveries to the webhook processor start one execution each, on the workers; resends to it are refused', async (key) => {
		const v = vendors[key];
		const to = cluster.webhook.url;
		const first = [];
		const resend = [];
		for (let n = 1; n <= DELIVERIES; n++) first.push(await send(v, to, v.delivery(n)));
		for (let n = 1; n <= DELIVERIES; n++) resend.push(await send(v, to, v.delivery(n, 1)));
		expect(first).toEqual(Array(DELIVERIES).fill('200 {"received":true,"started":true}'));
		expect(resend).toEqual(Array(DELIVERIES).fill(v.refused));
		await queue.finished(v.workflowId, DELIVERIES, { logs: cluster.logs() });
		const runs = await emittedBy(v.workflowId, v.node);
		// One item each; in any order (the trigger answers first: the executions are created after).
		expect(runs.map((r) => `${r.status} ${r.items.map(v.identity).join(',')}`).sort()).toEqual(
			Array.from({ length: DELIVERIES }, (_, i) => `webhook:success ${v.id(i + 1)}`).sort(),
		);
		const { notOnExactlyOne } = workersOf(runs.map((r) => r.id));
		expect({ notOnExactlyOne, logs: cluster.logs() }).toEqual({ notOnExactlyOne: [], logs: cluster.logs() });
	});

	// The trigger remembers deliveries in the memory of the process that took them (README, "Instant
	// triggers"): a resend that another process receives (here main, which serves production webhooks
	// too unless N8N_DISABLE_PRODUCTION_MAIN_PROCESS=true; or a second webhook processor behind a load
	// balancer) is not known there, and starts the workflow again. This records that.
	test.each(Object.keys(vendors))('%s: a resend reaching another process (main) starts a second execution (known limitation)', async (key) => {
		const v = vendors[key];
		const resent = [];
		for (let n = 1; n <= RESENT_TO_MAIN; n++) resent.push(await send(v, cluster.main.url, v.delivery(n, 2)));
		// The same delivery once more to main: main now knows it.
		const again = await send(v, cluster.main.url, v.delivery(1, 3));
		measured[`${key}ResendsToAnotherProcess`] = { resent: resent.length, started: resent.filter((a) => a.includes('"started":true')).length };
		expect(resent).toEqual(Array(RESENT_TO_MAIN).fill('200 {"received":true,"started":true}'));
		expect(again).toBe(v.refused);
		await queue.finished(v.workflowId, DELIVERIES + RESENT_TO_MAIN, { logs: cluster.logs() });
		const runs = await emittedBy(v.workflowId, v.node);
		const started = (id) => runs.filter((r) => r.items.some((i) => v.identity(i) === id)).length;
		// Twice: the deliveries resent to main. Once: the others.
		expect(Array.from({ length: DELIVERIES }, (_, i) => started(v.id(i + 1)))).toEqual(Array.from({ length: DELIVERIES }, (_, i) => (i < RESENT_TO_MAIN ? 2 : 1)));
		expect([...new Set(runs.map((r) => r.status))]).toEqual(['webhook:success']);
	});
});

// ------------------------------------------------------------------------------------------------
describe('polling triggers: every record exactly once over 30+ polls, across a restart of main', () => {
	// Every 2 seconds: a list of seconds (n8n refuses a `*` in the seconds field of a poll time).
	const EVERY_2_S = `${Array.from({ length: 30 }, (_, i) => i * 2).join(',')} * * * * *`;
	const POLLS = 30;
	const TRIGGER = 'Trigger under test';
	let recruitee;
	let sumsub;

	afterAll(async () => {
		await Promise.all([recruitee, sumsub].map((s) => s?.close()));
	});

	test('four triggers (Recruitee New Candidate and Moved to Stage, Sumsub on both endpoints)', async () => {
		recruitee = await recruiteeSandbox.start({ now: Date.now(), candidates: 100, auditLogEntries: 200 });
		sumsub = await sumsubSandbox.start({ now: Date.now(), events: 2000 });
		const recruiteeCredential = { name: 'Recruitee (queue triggers)', type: 'recruiteeApi', data: { companyId: recruitee.companyId, apiToken: recruitee.token, baseUrl: recruitee.url } };
		const sumsubCredential = { name: 'Sumsub (queue triggers)', type: 'sumsubApi', data: { appToken: sumsub.appToken, secretKey: sumsub.secretKey, baseUrl: sumsub.url } };
		const node = (type, parameters) => ({ name: TRIGGER, type: `${PACKAGE.name}.${type}`, parameters: { ...parameters, pollTimes: { item: [{ mode: 'custom', cronExpression: EVERY_2_S }] } } });
		const triggers = {
			newCandidate: { path: '/search/new/candidates', sandbox: () => recruitee },
			candidateMoved: { path: '/audit_log', sandbox: () => recruitee },
			legacy: { path: '/resources/auditTrailEvents', sandbox: () => sumsub },
			list: { path: '/resources/auditTrailEvents/list', sandbox: () => sumsub },
		};
		triggers.newCandidate.id = await saveTriggerWorkflow('New Candidate (queue)', node('recruiteeTrigger', { event: 'newCandidate' }), recruiteeCredential);
		triggers.candidateMoved.id = await saveTriggerWorkflow('Moved to Stage (queue)', node('recruiteeTrigger', { event: 'candidateMoved' }), recruiteeCredential);
		triggers.legacy.id = await saveTriggerWorkflow('Sumsub legacy (queue)', node('sumsubTrigger', { endpoint: 'legacy' }), sumsubCredential);
		triggers.list.id = await saveTriggerWorkflow('Sumsub list (queue)', node('sumsubTrigger', { endpoint: 'list' }), sumsubCredential);
		const activatedBy = Date.now();

		// Polls seen by each source: its requests, a new poll after a pause of more than a second (a
		// poll's pages follow each other at once; polls come 2 s apart).
		const polls = (t) =>
			t
				.sandbox()
				.requests.filter((r) => r.path.endsWith(t.path) && r.receivedAt > activatedBy)
				.map((r) => r.receivedAt)
				.filter((at, i, all) => i === 0 || at - all[i - 1] > 1_000).length;
		const pollCounts = () => Object.fromEntries(Object.entries(triggers).map(([k, t]) => [k, polls(t)]));

		// Records from the next whole second after the activation (Recruitee keeps whole seconds),
		// one of each kind a second, until told to stop: through the restart too.
		const offer = recruitee.data.offers.find((o) => o.kind === 'job' && o.pipeline_template?.stages?.length > 3);
		const stage = offer.pipeline_template.stages[2].name;
		const added = { newCandidate: [], candidateMoved: [], legacy: [], list: [] };
		let producing = true;
		let serial = 0;
		const producer = (async () => {
			await sleep(Math.floor(activatedBy / 1000) * 1000 + 1_100 - Date.now());
			while (producing) {
				const ms = Date.now();
				const placed = recruitee.addCandidate({ created_at: ms - 3_600_000, offerId: offer.id, audit: false }).id;
				added.newCandidate.push(recruitee.addCandidate({ created_at: ms, name: `Queue Poll ${++serial}`, audit: false }).id);
				added.candidateMoved.push(recruitee.moveCandidate(placed, { offerId: offer.id, stageName: stage, created_at: ms })._id);
				const [event] = sumsub.addEvents([{ ts: ms, subjectName: 'bob@example.com', activity: 'subject:loaded:applicant', description: `queue ${serial}` }]);
				added.legacy.push(event.description);
				added.list.push(event.description);
				await sleep(1_000);
			}
		})();

		try {
			// Half the polls, then main restarts (SIGTERM, start again): records keep coming meanwhile.
			await until(pollCounts, (c) => Object.values(c).every((n) => n >= POLLS / 2), { what: `${POLLS / 2} polls of every trigger`, timeoutMs: 90_000, logs: cluster.logs() });
			measured.pollsBeforeRestart = pollCounts();
			await timed('main restart', () => cluster.restartMain());
			api = await ownerSession(cluster.main.url, OWNER);
			await until(pollCounts, (c) => Object.values(c).every((n) => n >= POLLS + 2), { what: `${POLLS + 2} polls of every trigger`, timeoutMs: 120_000, logs: cluster.logs() });
		} finally {
			producing = false;
			await producer;
		}

		// Everything added was emitted once the polls caught up (Recruitee polls 5 s behind now);
		// then two more polls of every trigger, which must emit nothing new.
		const ids = (k, runs) => runs.flatMap((r) => r.items.map((i) => (k === 'legacy' || k === 'list' ? i.description : i.id)));
		const emitted = {};
		await until(
			async () => {
				for (const [k, t] of Object.entries(triggers)) emitted[k] = await emittedBy(t.id, TRIGGER);
				return emitted;
			},
			(e) => Object.keys(triggers).every((k) => added[k].every((id) => ids(k, e[k]).includes(id)) && e[k].every((r) => r.status !== 'trigger:running' && r.status !== 'trigger:new')),
			{ what: 'every record added emitted', timeoutMs: 60_000, intervalMs: 2_000, logs: cluster.logs(), show: (e) => Object.fromEntries(Object.entries(e).map(([k, runs]) => [k, { added: added[k].length, emitted: ids(k, runs).length }])) },
		);
		const settled = pollCounts();
		await until(pollCounts, (c) => Object.keys(c).every((k) => c[k] >= settled[k] + 2), { what: 'two more polls of every trigger', timeoutMs: 30_000, logs: cluster.logs() });
		await until(
			async () => {
				for (const [k, t] of Object.entries(triggers)) emitted[k] = await emittedBy(t.id, TRIGGER);
				return emitted;
			},
			(e) => Object.values(e).every((runs) => runs.every((r) => r.status !== 'trigger:running' && r.status !== 'trigger:new')),
			{ what: 'every execution finished', timeoutMs: 60_000, intervalMs: 2_000, logs: cluster.logs() },
		);

		measured.polls = pollCounts();
		measured.recordsPerTrigger = added.newCandidate.length;
		measured.triggerExecutions = Object.fromEntries(Object.entries(emitted).map(([k, runs]) => [k, runs.length]));
		for (const k of Object.keys(triggers)) {
			// Each record once, oldest first; nothing else; every execution a success on a worker.
			expect({ trigger: k, emitted: ids(k, emitted[k]) }).toEqual({ trigger: k, emitted: added[k] });
			expect({ trigger: k, statuses: [...new Set(emitted[k].map((r) => r.status))] }).toEqual({ trigger: k, statuses: ['trigger:success'] });
			expect({ trigger: k, polls: measured.polls[k] >= POLLS }).toEqual({ trigger: k, polls: true });
		}
		const { byWorker, notOnExactlyOne } = workersOf(Object.values(emitted).flatMap((runs) => runs.map((r) => r.id)));
		measured.triggerExecutionsByWorker = byWorker;
		expect({ notOnExactlyOne, logs: cluster.logs() }).toEqual({ notOnExactlyOne: [], logs: cluster.logs() });
		// Their state is the workflow's static data, in Postgres: the cursor of each.
		for (const t of Object.values(triggers)) {
			const stored = JSON.parse(sql(`select "staticData" from workflow_entity where id = '${t.id}'`));
			expect(stored[`node:${TRIGGER}`].poll.cursor).toBeGreaterThan(activatedBy);
		}
	}, 400_000);
});

// ------------------------------------------------------------------------------------------------
describe('a worker killed (SIGKILL) in the middle of a long Return All', () => {
	const NODE = 'All candidates';
	let recruitee;

	afterAll(async () => {
		await recruitee?.close();
	});

	test('no partial output is marked successful; what n8n does with the execution', async () => {
		recruitee = await recruiteeSandbox.start({ candidates: 3000 });
		// Slow pages: 60 pages of 50, each answered after 300 ms.
		recruitee.inject({ method: 'GET', path: `/c/${recruitee.companyId}/candidates`, delayMs: 300, times: Infinity });
		const credential = await queue.call('/rest/credentials', json({ name: 'Recruitee (queue, slow)', type: 'recruiteeApi', data: { companyId: recruitee.companyId, apiToken: recruitee.token, baseUrl: recruitee.url } }));
		const workflow = await queue.call(
			'/rest/workflows',
			json({
				name: 'Long Return All (queue)',
				nodes: [
					{ id: crypto.randomUUID(), name: 'Start', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: crypto.randomUUID(), parameters: { httpMethod: 'POST', path: 'queue-long-return-all', responseMode: 'onReceived', options: {} } },
					{
						id: crypto.randomUUID(),
						name: NODE,
						type: `${PACKAGE.name}.recruitee`,
						typeVersion: 1,
						position: [240, 0],
						parameters: { resource: 'candidate', operation: 'getAll', returnAll: true, filters: {}, options: { pageSize: 50 }, simplify: true },
						credentials: { recruiteeApi: { id: credential.id, name: credential.name } },
					},
				],
				connections: { Start: { main: [[{ node: NODE, type: 'main', index: 0 }]] } },
				settings: { executionOrder: 'v1' },
				active: false,
			}),
		);
		await queue.activate(workflow.id);
		const url = `${cluster.webhook.url}/webhook/queue-long-return-all`;
		const pages = (after = 0) => recruitee.requests.filter((r) => r.path.endsWith('/candidates') && r.receivedAt > after).length;

		expect(await callWebhook(url)).toBe(STARTED);
		const [{ id }] = await until(() => queue.executions(workflow.id), (list) => list.length === 1, { what: 'the execution', logs: cluster.logs() });
		const worker = await until(
			() => cluster.workers.find((w) => w.output().includes(`Worker started execution ${id} `)),
			(w) => w && pages() >= 5,
			{ what: `a worker running execution ${id}, 5 pages read`, logs: cluster.logs(), show: (w) => ({ worker: w?.name, pages: pages() }) },
		);
		const survivor = cluster.workers.find((w) => w !== worker);
		const pagesBeforeKill = pages();
		const killedAt = Date.now();
		await cluster.killWorker(worker);
		const goneAt = Date.now();

		// n8n runs Bull with maxStalledCount 0: once the dead worker's lock expires, the surviving
		// worker's stalled-job check fails the job (it is not given to another worker), and main
		// records the execution as failed.
		const execution = await until(
			() => queue.execution(id),
			(e) => !['new', 'running', 'waiting', 'unknown'].includes(e.status),
			{ what: `execution ${id} to end after its worker was killed`, timeoutMs: 120_000, logs: cluster.logs(), show: (e) => ({ status: e.status }) },
		);
		measured.killedWorker = {
			worker: worker.name,
			pagesBeforeKill,
			pagesOfSixty: 60,
			status: execution.status,
			secondsToStatus: Math.round((Date.parse(execution.stoppedAt) - killedAt) / 100) / 10,
			error: execution.error?.message,
			retriedBySurvivor: survivor.output().includes(`Worker started execution ${id} `),
			pagesRequestedAfterKill: pages(goneAt),
			nodeRan: Boolean(execution.runData[NODE]),
		};
		expect({ status: execution.status, finished: execution.finished }).toEqual({ status: 'error', finished: false });
		expect(execution.error?.message).toMatch(/failed to be processed too many times/);
		// Nothing of the partial reading is in the execution, let alone as a success.
		expect(execution.runData[NODE]).toBeUndefined();
		// No other worker took it over, and nothing read on after the kill.
		expect({ retriedBySurvivor: measured.killedWorker.retriedBySurvivor, pagesRequestedAfterKill: measured.killedWorker.pagesRequestedAfterKill }).toEqual({ retriedBySurvivor: false, pagesRequestedAfterKill: 0 });

		// The surviving worker runs the same workflow again, to the end: every candidate, once.
		recruitee.clearFaults();
		expect(await callWebhook(url)).toBe(STARTED);
		const [, again] = await queue.finished(workflow.id, 2, { logs: cluster.logs() });
		const rerun = await queue.execution(again.id);
		expect(rerun.status).toBe('success');
		expect(survivor.output()).toContain(`Worker started execution ${again.id} `);
		const items = rerun.runData[NODE][0].data.main[0].map((i) => i.json.id);
		expect({ items: items.length, distinct: new Set(items).size }).toEqual({ items: 3000, distinct: 3000 });
	}, 240_000);
});

// ------------------------------------------------------------------------------------------------
describe('at the end', () => {
	test('no webhook execution started late: still exactly one per delivery plus the cross-process resends', async () => {
		// (Checked here, long after the deliveries, so that nothing started after the counts was missed.)
		const counts = {};
		for (const [key, id] of Object.entries(webhookWorkflows)) counts[key] = (await queue.executions(id)).length;
		expect(counts).toEqual({ recruitee: 13, sumsub: 13 });
	});
});
