'use strict';
// Once per UI run: a local n8n with the sandboxes (scripts/lib/local-n8n.js), the same one
// `npm run dev` starts, in a fresh user folder. The tests read where it is from UI_CONTEXT.
const fs = require('node:fs');
const path = require('node:path');

const { startLocalN8n } = require('../../../scripts/lib/local-n8n');
const { ensureChromium } = require('../../../scripts/lib/browser');
const { tempUserFolder } = require('../../../scripts/lib/n8n');
const { describeSandboxes } = require('./sandboxes');

module.exports = async () => {
	ensureChromium();
	const userFolder = tempUserFolder('n8n-ui-');
	const local = await startLocalN8n({ userFolder });
	globalThis.__UI_LOCAL__ = local;
	const context = {
		url: local.server.url,
		login: local.login,
		userFolder,
		credentials: local.credentials,
		...describeSandboxes(local),
	};
	const file = path.join(userFolder, 'ui-context.json');
	fs.writeFileSync(file, JSON.stringify(context, null, 2));
	process.env.UI_CONTEXT = file;
	process.stderr.write(`\n[ui] n8n ${local.runtime.version} at ${local.server.url}, user folder ${userFolder}\n`);
};
