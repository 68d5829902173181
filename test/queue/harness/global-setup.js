'use strict';
// Once per queue-mode run (inside `npm run test:queue`, which has started Postgres and Redis): the
// pinned n8n, our package packed with `npm pack`, and one n8n user folder per process, as if each ran
// on a machine of its own. Main, both workers and the webhook processor get the package the way the
// README's "With npm" tells users to (npm install in ~/.n8n/nodes); the single instance the results are
// compared with gets it the way the editor's "Community nodes → Install" does, as in the e2e suite.
const fs = require('node:fs');
const path = require('node:path');

const { ensureN8n } = require('../../../scripts/lib/runtime');
const { installPackage, installPackageWithNpm, packPackage, tempUserFolder } = require('../../../scripts/lib/n8n');

/** The processes of the cluster, each with its own user folder. */
const QUEUE_PROCESSES = ['main', 'worker-1', 'worker-2', 'webhook'];

module.exports = async () => {
	if (!process.env.QUEUE_SERVICES || !process.env.QUEUE_LOG_DIR) {
		throw new Error('the queue-mode suite needs its Postgres and Redis: run it with `npm run test:queue`');
	}
	if (!fs.existsSync(path.join(__dirname, '..', '..', '..', 'dist', 'nodes'))) {
		throw new Error('the queue-mode suite installs the built package: run `npm run build` first');
	}
	const runtime = ensureN8n();
	const tarball = packPackage();
	const folders = {};
	for (const name of QUEUE_PROCESSES) {
		folders[name] = tempUserFolder(`n8n-queue-${name}-`);
		installPackageWithNpm(folders[name], tarball);
	}
	folders.single = tempUserFolder('n8n-queue-single-');
	installPackage(folders.single, tarball);
	const context = {
		runtime,
		tarball,
		folders,
		logDir: process.env.QUEUE_LOG_DIR,
		services: JSON.parse(process.env.QUEUE_SERVICES),
	};
	const file = path.join(context.logDir, 'context.json');
	fs.writeFileSync(file, JSON.stringify(context, null, 2));
	process.env.QUEUE_CONTEXT = file;
	process.stderr.write(`\n[queue] n8n ${runtime.version}; logs in ${context.logDir}\n`);
};
