'use strict';
// A real n8n for the bench parts that need one (bench/webhooks.js, bench/real-n8n.js).

const fs = require('node:fs');

const { ensureN8n } = require('../scripts/lib/runtime');
const {
	installPackage,
	ownerSession,
	packPackage,
	startServer,
	tempUserFolder,
} = require('../scripts/lib/n8n');
const { restClient } = require('../test/e2e/harness/rest');

/**
 * Runs `part` against a real n8n: the pinned one the e2e suite uses (`n8n start`), in a temporary
 * user folder, with our packed package installed as the editor installs it (as the e2e global setup
 * does) and its owner account set up. `part` gets { runtime, server, session, call, saveCredential,
 * activate(workflow), log, onStop(fn) } and its result is returned.
 *
 * n8n is a child of ours: it is stopped (and the folder removed, and every `onStop` function run)
 * when the part ends, whatever happens, and also on Ctrl-C or a kill (exit 130) and once
 * `timeLimitMs` has passed, even if n8n hangs (exit 1). When the part fails, the end of n8n's output
 * goes to stderr.
 */
async function withBenchN8n({ label, folderPrefix, timeLimitMs }, part) {
	const started = Date.now();
	const log = (message) =>
		process.stderr.write(`[${label} ${Math.round((Date.now() - started) / 1000)} s] ${message}\n`);
	const runtime = ensureN8n();
	let server;
	let userFolder;
	const onStop = [];
	const stop = async () => {
		await server?.stop();
		server = undefined;
		for (const fn of onStop.splice(0).reverse()) await fn();
		if (userFolder) fs.rmSync(userFolder, { recursive: true, force: true });
		userFolder = undefined;
	};
	const onSignal = (signal) => {
		log(`${signal}: stopping n8n`);
		stop().finally(() => process.exit(130));
	};
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);
	const watchdog = setTimeout(() => {
		log('time limit reached: stopping n8n');
		stop().finally(() => process.exit(1));
	}, timeLimitMs);
	watchdog.unref();

	try {
		userFolder = tempUserFolder(folderPrefix);
		installPackage(userFolder, packPackage());
		server = await startServer(runtime, userFolder);
		log(`n8n ${runtime.version} started at ${server.url}`);
		const session = await ownerSession(server.url, {
			email: 'bench@example.com',
			password: 'Bench-password-1',
		});
		const { call, saveCredential } = restClient(() => session);
		/** Saves a workflow and activates it: the saved workflow (its id, versionId). */
		const activate = async (workflow) => {
			const saved = await call('/rest/workflows', {
				method: 'POST',
				body: JSON.stringify({ ...workflow, active: false }),
			});
			await call(`/rest/workflows/${saved.id}/activate`, {
				method: 'POST',
				body: JSON.stringify({ versionId: saved.versionId }),
			});
			return saved;
		};
		return await part({
			runtime,
			server,
			session,
			call,
			saveCredential,
			activate,
			log,
			onStop: (fn) => onStop.push(fn),
		});
	} catch (error) {
		if (server) log(`n8n's output, its end:\n${server.output().slice(-3000)}`);
		throw error;
	} finally {
		clearTimeout(watchdog);
		await stop();
		process.removeListener('SIGINT', onSignal);
		process.removeListener('SIGTERM', onSignal);
	}
}

module.exports = { withBenchN8n };
