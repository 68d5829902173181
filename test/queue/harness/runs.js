'use strict';
// Workflows started by webhooks, and what their executions produced, read through n8n's REST API.
const { randomUUID } = require('node:crypto');
const path = require('node:path');

const { restClient } = require('../../e2e/harness/rest');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * Polls `probe` until `done(value)`; returns the value. On timeout, throws saying what was awaited,
 * the last value seen and where to look (`logs`). No fixed sleeps: every wait in the suite is this.
 */
async function until(probe, done, { what, timeoutMs = 60_000, intervalMs = 500, logs = '', show = (v) => v }) {
	const deadline = Date.now() + timeoutMs;
	let value;
	for (;;) {
		value = await probe();
		if (done(value)) return value;
		if (Date.now() > deadline) {
			throw new Error(`${what}: not within ${timeoutMs / 1000} s. Last seen: ${JSON.stringify(show(value))?.slice(0, 3000)}${logs ? `\nLogs: ${logs}` : ''}`);
		}
		await sleep(intervalMs);
	}
}

/**
 * The workflow with its Manual Trigger replaced by a Webhook node of the same name (POST /webhook/<path>,
 * answering at once), so that an activated copy runs in production (webhook mode) on a worker.
 */
function webhookStarted(workflow, webhookPath) {
	const start = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger');
	if (!start) throw new Error(`${workflow.id} has no Manual Trigger`);
	return {
		...workflow,
		active: false,
		nodes: workflow.nodes.map((n) =>
			n === start
				? {
						id: n.id,
						name: n.name,
						type: 'n8n-nodes-base.webhook',
						typeVersion: 2,
						position: n.position,
						webhookId: randomUUID(),
						parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'onReceived', options: {} },
					}
				: n,
		),
	};
}

const FINISHED = (status) => !['new', 'running', 'waiting', 'unknown'].includes(status);

/**
 * Reading executions through the REST API of a main instance.
 * @param {() => (pathname: string, init?: RequestInit) => Promise<Response>} session
 * @param {string} runtimeDir the n8n runtime (for its `flatted`, which n8n stores run data with)
 */
function executionReader(session, runtimeDir) {
	const { parse } = require(path.join(runtimeDir, 'node_modules', 'flatted'));
	const { call } = restClient(session);
	/** Every execution of a workflow (summaries, oldest first); at most 99 (n8n lists 100 at a time). */
	async function executions(workflowId) {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const { results } = await call(`/rest/executions?filter=${filter}&limit=100`);
		if (results.length >= 100) throw new Error(`workflow ${workflowId} has 100 executions or more: the suite reads at most 99`);
		return results.sort((a, b) => Number(a.id) - Number(b.id));
	}
	/** One execution with its run data parsed: { id, status, mode, finished, runData, error }. */
	async function execution(id) {
		const e = await call(`/rest/executions/${id}`);
		const data = e.data ? parse(e.data) : undefined;
		return { id: String(e.id), status: e.status, mode: e.mode, finished: e.finished, startedAt: e.startedAt, stoppedAt: e.stoppedAt, runData: data?.resultData?.runData ?? {}, error: data?.resultData?.error };
	}
	/** Waits until a workflow has at least `count` executions and all have finished; their summaries. */
	async function finished(workflowId, count, { timeoutMs = 120_000, logs } = {}) {
		return await until(
			() => executions(workflowId),
			(list) => list.length >= count && list.every((e) => FINISHED(e.status)),
			{ what: `${count} finished executions of workflow ${workflowId}`, timeoutMs, logs, show: (list) => list.map((e) => `${e.id}:${e.mode}:${e.status}`) },
		);
	}
	/** Activates a saved or imported workflow (its current version). */
	async function activate(workflowId) {
		const { versionId } = await call(`/rest/workflows/${workflowId}`);
		return await call(`/rest/workflows/${workflowId}/activate`, { method: 'POST', body: JSON.stringify({ versionId }) });
	}
	return { call, executions, execution, finished, activate };
}

/** The output of every node of a run: { node: [{ output: [[json…], …], error }] } (one entry per run of the node). */
function nodeOutputs(runData) {
	return Object.fromEntries(
		Object.entries(runData).map(([node, tasks]) => [
			node,
			tasks.map((task) => ({
				output: (task.data?.main ?? []).map((items) => (items ?? []).map((i) => i.json)),
				error: task.error ? task.error.message : undefined,
			})),
		]),
	);
}

module.exports = { until, sleep, webhookStarted, executionReader, nodeOutputs, FINISHED };
