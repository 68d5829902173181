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
const path = require('node:path');

const { ROOT, RUNTIME_DIR } = require('./lib/runtime');
const { startLocalN8n } = require('./lib/local-n8n');

const PORT = Number(process.env.N8N_PORT || 5678);
const USER_FOLDER = process.env.DEV_USER_FOLDER || path.join(RUNTIME_DIR, 'dev');

const say = (message) => process.stdout.write(`${message}\n`);

async function main() {
	let local;
	let stopping = false;
	const stop = async (code) => {
		if (stopping) return;
		stopping = true;
		say('\nStopping n8n and the sandboxes…');
		await local?.stop();
		process.exit(code);
	};
	process.on('SIGINT', () => stop(0));
	process.on('SIGTERM', () => stop(0));

	say('Building the package…');
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
	say(`Starting the sandboxes and n8n on http://127.0.0.1:${PORT} …`);
	local = await startLocalN8n({
		userFolder: USER_FOLDER,
		port: PORT,
		recruiteePort: Number(process.env.RECRUITEE_SANDBOX_PORT || 5701),
		sumsubPort: Number(process.env.SUMSUB_SANDBOX_PORT || 5702),
		modelPort: Number(process.env.MODEL_SANDBOX_PORT || 5703),
		log: (message) => say(message.replace(`${ROOT}/`, '')),
	});
	const { server, recruitee, sumsub, model, login } = local;

	say(`
n8n is ready: ${server.url}
  Log in with   ${login.email} / ${login.password}   (a local account of this n8n only)
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
