#!/usr/bin/env node
// `npm run dev`: the package in a local n8n, with the sandbox APIs, ready to click through.
//
// Builds the package, installs the pinned n8n once (reused afterwards), installs the packed package
// into a local n8n user folder the way "Community nodes → Install" does, starts the Recruitee and
// Sumsub sandboxes (and a scripted stand-in for the agent example's model), imports credentials that
// point at them and the example workflows, starts n8n and prints the URL and the login. Ctrl-C stops
// everything it started.
'use strict';

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const { ensureN8n, ROOT, RUNTIME_DIR } = require('./lib/runtime');
const {
	exampleCredentials,
	installPackage,
	ownerSession,
	packPackage,
	runCli,
	startServer,
} = require('./lib/n8n');
const recruiteeSandbox = require('../test/sandbox/recruitee');
const sumsubSandbox = require('../test/sandbox/sumsub');
const modelSandbox = require('../test/sandbox/model');

const PORT = Number(process.env.N8N_PORT || 5678);
const RECRUITEE_PORT = Number(process.env.RECRUITEE_SANDBOX_PORT || 5701);
const SUMSUB_PORT = Number(process.env.SUMSUB_SANDBOX_PORT || 5702);
const MODEL_PORT = Number(process.env.MODEL_SANDBOX_PORT || 5703);
const USER_FOLDER = process.env.DEV_USER_FOLDER || path.join(RUNTIME_DIR, 'dev');
const LOGIN = { email: 'owner@example.com', password: 'Sandbox-Owner-1' };

const say = (message) => process.stdout.write(`${message}\n`);

async function main() {
	const started = [];
	let stopping = false;
	const stop = async (code) => {
		if (stopping) return;
		stopping = true;
		say('\nStopping n8n and the sandboxes…');
		for (const item of started.reverse()) await item.stop().catch(() => {});
		process.exit(code);
	};
	process.on('SIGINT', () => stop(0));
	process.on('SIGTERM', () => stop(0));

	say('Building the package…');
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
	const runtime = ensureN8n();
	fs.mkdirSync(USER_FOLDER, { recursive: true });
	installPackage(USER_FOLDER, packPackage());
	say(`Installed the package into ${path.relative(ROOT, USER_FOLDER)}/.n8n/nodes (n8n ${runtime.version}).`);

	const now = Date.now();
	const recruitee = await recruiteeSandbox.start({ port: RECRUITEE_PORT, now });
	started.push({ stop: () => recruitee.close() });
	const sumsub = await sumsubSandbox.start({ port: SUMSUB_PORT, now });
	started.push({ stop: () => sumsub.close() });
	// The chat agent example's model: a scripted stand-in that calls the tools needing no arguments.
	const model = await modelSandbox.start({ port: MODEL_PORT, respond: modelSandbox.demoResponder });
	started.push({ stop: () => model.close() });

	const credentials = exampleCredentials(recruitee, sumsub, model);
	const credentialsFile = path.join(USER_FOLDER, 'sandbox-credentials.json');
	fs.writeFileSync(credentialsFile, JSON.stringify(credentials, null, 2));
	await runCli(runtime, USER_FOLDER, ['import:credentials', `--input=${credentialsFile}`]);
	await runCli(runtime, USER_FOLDER, [
		'import:workflow',
		'--separate',
		`--input=${path.join(ROOT, 'examples')}`,
	]);
	say('Imported the sandbox credentials and the example workflows.');

	say(`Starting n8n on http://127.0.0.1:${PORT} …`);
	const server = await startServer(runtime, USER_FOLDER, { port: PORT });
	started.push(server);
	await ownerSession(server.url, LOGIN);

	say(`
n8n is ready: ${server.url}
  Log in with   ${LOGIN.email} / ${LOGIN.password}   (a local account of this n8n only)
  Workflows     the examples from examples/, ready to run ("Execute workflow")
  Credentials   "Recruitee sandbox" → ${recruitee.url} (company ${recruitee.companyId}, token ${recruitee.token})
                "Sumsub sandbox"    → ${sumsub.url} (app token ${sumsub.appToken}, secret key ${sumsub.secretKey})
                "OpenAI (sandbox scripted model)" → ${model.baseUrl} (a stand-in, not a model: see the README to use a real one)
  Data          ${recruitee.data.candidates.length} candidates, ${recruitee.data.offers.length} offers, ${recruitee.data.auditLog.length} audit log entries; ${sumsub.data.events.length} Sumsub events, all around today
Press Ctrl-C to stop n8n and the sandboxes.`);
}

main().catch((error) => {
	process.stderr.write(`${error.stack ?? error}\n`);
	process.exit(1);
});
