'use strict';
// Once per end-to-end run: the pinned n8n (installed once, then reused), our package packed with
// `npm pack` and installed from that tarball into a fresh n8n user folder, as the editor would.
const fs = require('node:fs');
const path = require('node:path');

const { ensureN8n } = require('../../../scripts/lib/runtime');
const { installPackage, packPackage, tempUserFolder } = require('../../../scripts/lib/n8n');

module.exports = async () => {
	const runtime = ensureN8n();
	const tarball = packPackage();
	const userFolder = tempUserFolder();
	const packageDir = installPackage(userFolder, tarball);
	const context = { runtime, tarball, userFolder, packageDir };
	const file = path.join(userFolder, 'e2e-context.json');
	fs.writeFileSync(file, JSON.stringify(context, null, 2));
	process.env.E2E_CONTEXT = file;
	process.stderr.write(`\n[e2e] n8n ${runtime.version} on ${runtime.nodeBin}, user folder ${userFolder}\n`);
};
