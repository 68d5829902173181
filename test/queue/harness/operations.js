'use strict';
// The e2e workflows of every operation (test/e2e/workflows), started by a webhook instead of their
// Manual Trigger, each against sandboxes of its own (a fresh set per n8n, so the writes of one run
// cannot change another's results), and how to save them into an n8n through its REST API.
const fs = require('node:fs');
const path = require('node:path');

const recruiteeSandbox = require('../../sandbox/recruitee');
const sumsubSandbox = require('../../sandbox/sumsub');
const { webhookStarted } = require('./runs');

const WORKFLOWS_DIR = path.join(__dirname, '..', '..', 'e2e', 'workflows');

/** The workflows of every operation (the agent ones need a model and are not operations of ours). */
const OPERATION_WORKFLOWS = ['recruitee.json', 'sumsub.json', 'recruitee-writes.json', 'sumsub-applicants.json'].map((file) => {
	const workflow = JSON.parse(fs.readFileSync(path.join(WORKFLOWS_DIR, file), 'utf8'));
	return webhookStarted(workflow, `queue-${workflow.id}`);
});

/** A clock for the sandboxes' writes: a second per write from a fixed instant, the same in every run. */
const writeClock = () => {
	let t = Date.parse('2026-11-20T12:00:00Z');
	return () => (t += 1000);
};

/**
 * The sandboxes those workflows' credentials point at (as in workflows.e2e), and the credentials.
 * The write sandboxes keep a clock of their own, so that what the writes return (times, Sumsub's
 * time-based applicant ids) is the same in every run.
 */
async function operationSandboxes() {
	const s = {
		recruitee: await recruiteeSandbox.start(),
		recruiteeWrites: await recruiteeSandbox.start({ candidates: 100, clock: writeClock() }),
		sumsub: await sumsubSandbox.start(),
		markerIgnores: await sumsubSandbox.start({ markerFilters: 'ignored' }),
		markerRefuses: await sumsubSandbox.start({ markerFilters: 'rejected' }),
		sumsubApplicants: await sumsubSandbox.start({ events: 100, clock: writeClock() }),
	};
	const recruitee = (id, name, sandbox) => ({ id, name, type: 'recruiteeApi', data: { companyId: sandbox.companyId, apiToken: sandbox.token, baseUrl: sandbox.url } });
	const sumsub = (id, name, sandbox, secretKey = sandbox.secretKey) => ({ id, name, type: 'sumsubApi', data: { appToken: sandbox.appToken, secretKey, baseUrl: sandbox.url } });
	return {
		sandboxes: s,
		credentials: [
			recruitee('e2eRecruiteeCred', 'Recruitee e2e', s.recruitee),
			recruitee('e2eRecruiteeWritesCred', 'Recruitee e2e, writes', s.recruiteeWrites),
			sumsub('e2eSumsubCred', 'Sumsub e2e', s.sumsub),
			sumsub('e2eSumsubMarkerIgnores', 'Sumsub e2e, marker ignores filters', s.markerIgnores),
			sumsub('e2eSumsubMarkerRefuses', 'Sumsub e2e, filters refused next to a marker', s.markerRefuses),
			sumsub('e2eSumsubApplicantsCred', 'Sumsub e2e, applicants', s.sumsubApplicants),
			sumsub('e2eSumsubBadSecret', 'Sumsub e2e, wrong secret', s.sumsub, 'not-the-secret'),
		],
		close: () => Promise.all(Object.values(s).map((x) => x.close())),
	};
}

/**
 * Saves credentials and workflows through the REST API (n8n gives them new ids: the workflows'
 * credential references are mapped to them) and activates the workflows. Returns the new workflow
 * id of each original id.
 */
async function saveAndActivate(reader, credentials, workflows) {
	const ids = {};
	for (const c of credentials) {
		const saved = await reader.call('/rest/credentials', { method: 'POST', body: JSON.stringify({ name: c.name, type: c.type, data: c.data }) });
		ids[c.id] = { id: saved.id, name: saved.name };
	}
	const workflowIds = {};
	for (const w of workflows) {
		const nodes = w.nodes.map((n) =>
			n.credentials
				? { ...n, credentials: Object.fromEntries(Object.entries(n.credentials).map(([type, ref]) => [type, ids[ref.id] ?? ref])) }
				: n,
		);
		const saved = await reader.call('/rest/workflows', {
			method: 'POST',
			body: JSON.stringify({ name: w.name, nodes, connections: w.connections, settings: w.settings ?? { executionOrder: 'v1' }, active: false }),
		});
		await reader.activate(saved.id);
		workflowIds[w.id] = saved.id;
	}
	return workflowIds;
}

/**
 * A node's output items made comparable between two n8n instances. Only these differ by nature, and
 * each is checked for its form before it is set aside:
 * - the Webhook node that starts the run (n8n's, not ours) reports the URL and Host it was called
 *   on: each n8n listens on a port of its own;
 * - `expiresAt` of a Sumsub link or token is the node's "now" plus the validity;
 * - `correlationId` of a refused Sumsub request (also quoted in its `description`) is the sandbox's
 *   next request id: the queue runs several executions against one sandbox at once, so which id an
 *   execution gets varies.
 */
function comparable(node, items) {
	return items.map((json) => {
		const copy = structuredClone(json);
		if (node === 'Start') {
			if (!/^127\.0\.0\.1:\d+$/.test(copy.headers?.host) || !/^http:\/\/127\.0\.0\.1:\d+\/webhook\//.test(copy.webhookUrl)) {
				throw new Error(`unexpected Webhook node output: ${JSON.stringify(copy).slice(0, 500)}`);
			}
			copy.headers.host = '<host>';
			copy.webhookUrl = copy.webhookUrl.replace(/:\d+\//, ':<port>/');
		}
		if ('expiresAt' in copy) {
			if (!(Date.parse(copy.expiresAt) > Date.now())) throw new Error(`expiresAt is not a time to come: ${copy.expiresAt}`);
			copy.expiresAt = '<now + validity>';
		}
		if ('correlationId' in copy && copy.error) {
			if (!/^req-[0-9a-f-]{36}$/.test(copy.correlationId)) throw new Error(`not a Sumsub request id: ${copy.correlationId}`);
			// The description quotes it for Sumsub's support.
			if (typeof copy.description === 'string') copy.description = copy.description.split(copy.correlationId).join('<request id>');
			copy.correlationId = '<request id>';
		}
		return copy;
	});
}

/** Every node's output of a run, made comparable: { node: [ per run of the node: { output, error } ] }. */
function comparableOutputs(outputs) {
	return Object.fromEntries(
		Object.entries(outputs).map(([node, runs]) => [node, runs.map((r) => ({ ...r, output: r.output.map((items) => comparable(node, items)) }))]),
	);
}

module.exports = { OPERATION_WORKFLOWS, operationSandboxes, saveAndActivate, comparableOutputs };
