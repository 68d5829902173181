#!/usr/bin/env node
// `npm run screenshots`: the README's pictures, taken in headless Chromium from a local n8n with the
// sandboxes (the UI test's driver and steps, test/ui/harness/shots.js), into docs/. It also writes
// docs/screenshots.json: for each picture of a panel, the parameters the panel showed, which the UI
// test holds the editor to.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const { ROOT } = require('./lib/runtime');
const { startLocalN8n } = require('./lib/local-n8n');
const { tempUserFolder } = require('./lib/n8n');
const { Editor } = require('../test/ui/harness/editor');
const { SHOTS } = require('../test/ui/harness/shots');

const DOCS = path.join(ROOT, 'docs');
const MANIFEST = path.join(DOCS, 'screenshots.json');

const say = (message) => process.stdout.write(`${message}\n`);

async function main() {
	const userFolder = tempUserFolder('n8n-screenshots-');
	const local = await startLocalN8n({ userFolder, log: say });
	let editor;
	try {
		editor = await Editor.open({ url: local.server.url, login: local.login });
		fs.mkdirSync(DOCS, { recursive: true });
		const manifest = [];
		for (const shot of SHOTS) {
			const { parameters, target } = await shot.take(editor);
			const file = path.join(DOCS, shot.file);
			await editor.dismissNotices();
			await editor.step(`take ${shot.file}`, () => target().screenshot({ path: file, animations: 'disabled' }));
			manifest.push({ file: `docs/${shot.file}`, title: shot.title, kind: shot.kind, ...(parameters ? { parameters } : {}) });
			await editor.closePanels();
			say(`  ${path.relative(ROOT, file)}  ${shot.title}`);
		}
		const errors = [...editor.takeErrors(), ...(await editor.takeErrorNotices()).map((n) => `${n.title}: ${n.content}`)];
		if (errors.length) throw new Error(`the editor reported errors while taking the pictures:\n  ${errors.join('\n  ')}`);
		fs.writeFileSync(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
		say(`Wrote ${manifest.length} pictures and ${path.relative(ROOT, MANIFEST)}.`);
	} finally {
		await editor?.close();
		await local.stop();
		fs.rmSync(userFolder, { recursive: true, force: true });
	}
}

main().catch((error) => {
	process.stderr.write(`${error.stack ?? error}\n`);
	process.exit(1);
});
