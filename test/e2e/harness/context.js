'use strict';
// What the global setup prepared, and the n8n commands the tests run against it.
const fs = require('node:fs');
const path = require('node:path');

const { runCli } = require('../../../scripts/lib/n8n');

const context = JSON.parse(fs.readFileSync(process.env.E2E_CONTEXT, 'utf8'));

const cli = (args, options) => runCli(context.runtime, context.userFolder, args, options);

/** Imports credentials (plain data, encrypted by n8n on import). */
async function importCredentials(credentials) {
	const file = path.join(context.userFolder, `credentials-${Date.now()}.json`);
	fs.writeFileSync(file, JSON.stringify(credentials, null, 2));
	await cli(['import:credentials', `--input=${file}`]);
}

/** Imports workflow files and runs them with execute-batch; returns each run's snapshot by id. */
async function importAndRun(workflowFiles) {
	const ids = [];
	for (const file of workflowFiles) {
		await cli(['import:workflow', `--input=${file}`]);
		ids.push(JSON.parse(fs.readFileSync(file, 'utf8')).id);
	}
	const snapshots = path.join(context.userFolder, `snapshots-${Date.now()}`);
	fs.mkdirSync(snapshots);
	const summary = path.join(snapshots, 'summary.json');
	const result = await cli(
		['execute-batch', `--ids=${ids.join(',')}`, `--snapshot=${snapshots}`, `--output=${summary}`, '--retries=0'],
		{ allowFailure: true },
	);
	const runs = {};
	for (const id of ids) {
		const snapshot = path.join(snapshots, `${id}-snapshot.json`);
		runs[id] = fs.existsSync(snapshot) ? JSON.parse(fs.readFileSync(snapshot, 'utf8')) : undefined;
	}
	return { exitCode: result.code, runs, summary: fs.existsSync(summary) ? JSON.parse(fs.readFileSync(summary, 'utf8')) : undefined, output: result.stdout + result.stderr };
}

/** The output items (json) of a node in a run snapshot; its error, if it failed. */
function nodeRun(run, nodeName) {
	const task = run.data.resultData.runData[nodeName]?.[0];
	if (!task) throw new Error(`node "${nodeName}" did not run; ran: ${Object.keys(run.data.resultData.runData).join(', ')}`);
	return { items: (task.data?.main?.[0] ?? []).map((i) => i.json), error: task.error, task };
}

module.exports = { context, cli, importCredentials, importAndRun, nodeRun };
