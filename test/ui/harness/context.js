'use strict';
// What the global setup started (test/ui/harness/global-setup.js), and an editor opened on it.
const fs = require('node:fs');

const { Editor } = require('./editor');

const context = JSON.parse(fs.readFileSync(process.env.UI_CONTEXT, 'utf8'));

/** A logged-in editor for the tests of one file: opened before them, closed after them. */
function useEditor() {
	const holder = {};
	beforeAll(async () => {
		holder.editor = await Editor.open({ url: context.url, login: context.login });
	});
	afterAll(async () => {
		await holder.editor?.close();
	});
	return () => holder.editor;
}

module.exports = { context, useEditor };
