'use strict';
// A local n8n with the sandbox APIs, as `npm run dev`, the UI test and the screenshots use it: the
// packed package installed into a user folder the way "Community nodes → Install" does, the Recruitee
// and Sumsub sandboxes (and a scripted stand-in for the agent example's model), credentials that
// point at them, the example workflows, n8n started and its owner account set up.

const fs = require('node:fs');
const path = require('node:path');

const { ensureN8n } = require('./runtime');
const { exampleCredentials, installPackage, ownerSession, packPackage, runCli, startServer } = require('./n8n');
const recruiteeSandbox = require('../../test/sandbox/recruitee');
const sumsubSandbox = require('../../test/sandbox/sumsub');
const modelSandbox = require('../../test/sandbox/model');

/** The owner account of a local n8n (of that n8n only). */
const LOGIN = { email: 'owner@example.com', password: 'Sandbox-Owner-1' };

/**
 * Starts it all; `stop()` stops what was started, in reverse order. Ports 0 = any free port. Call
 * `npm run build` first. The sandboxes' data is generated around `now`.
 */
async function startLocalN8n({
	userFolder,
	port,
	recruiteePort = 0,
	sumsubPort = 0,
	modelPort = 0,
	now = Date.now(),
	tarball = packPackage(),
	log = () => {},
} = {}) {
	const started = [];
	const stop = async () => {
		for (const item of started.splice(0).reverse()) await item.stop().catch(() => {});
	};
	try {
		const runtime = ensureN8n();
		fs.mkdirSync(userFolder, { recursive: true });
		installPackage(userFolder, tarball);
		log(`Installed the package into ${userFolder}/.n8n/nodes (n8n ${runtime.version}).`);

		const recruitee = await recruiteeSandbox.start({ port: recruiteePort, now });
		started.push({ stop: () => recruitee.close() });
		const sumsub = await sumsubSandbox.start({ port: sumsubPort, now });
		started.push({ stop: () => sumsub.close() });
		const model = await modelSandbox.start({ port: modelPort, respond: modelSandbox.demoResponder });
		started.push({ stop: () => model.close() });

		const credentials = exampleCredentials(recruitee, sumsub, model);
		const credentialsFile = path.join(userFolder, 'sandbox-credentials.json');
		fs.writeFileSync(credentialsFile, JSON.stringify(credentials, null, 2));
		await runCli(runtime, userFolder, ['import:credentials', `--input=${credentialsFile}`]);
		await runCli(runtime, userFolder, ['import:workflow', '--separate', `--input=${path.join(__dirname, '..', '..', 'examples')}`]);
		log('Imported the sandbox credentials and the example workflows.');

		const server = await startServer(runtime, userFolder, { port });
		started.push(server);
		const session = await ownerSession(server.url, LOGIN);
		return { runtime, server, session, recruitee, sumsub, model, credentials, login: LOGIN, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}

module.exports = { startLocalN8n, LOGIN };
