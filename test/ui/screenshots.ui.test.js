'use strict';
// The README's pictures cannot drift from the product silently: the steps that took them (the same
// ones `npm run screenshots` runs) still work, and each panel still shows the parameters recorded in
// docs/screenshots.json when its picture was taken.
const fs = require('node:fs');
const path = require('node:path');

const { ROOT } = require('../../scripts/lib/runtime');
const { useEditor } = require('./harness/context');
const { SHOTS } = require('./harness/shots');

const MANIFEST = JSON.parse(fs.readFileSync(path.join(ROOT, 'docs', 'screenshots.json'), 'utf8'));
const editor = useEditor();

test('docs/screenshots.json lists every picture the steps take, and each file exists', () => {
	expect(MANIFEST.map((m) => m.file)).toEqual(SHOTS.map((s) => `docs/${s.file}`));
	for (const { file } of MANIFEST) expect(fs.existsSync(path.join(ROOT, file))).toBe(true);
});

test.each(SHOTS.map((shot) => [shot.file, shot]))('%s: the editor still shows what the picture shows', async (file, shot) => {
	const e = editor();
	const recorded = MANIFEST.find((m) => m.file === `docs/${file}`);
	const { parameters } = await shot.take(e);
	await e.closePanels();
	if (recorded.parameters || parameters) {
		// When this fails, the panel changed: run `npm run screenshots` and commit the new pictures.
		expect({ file: recorded.file, parameters }).toEqual({ file: recorded.file, parameters: recorded.parameters });
	}
	expect(await e.takeErrorNotices()).toEqual([]);
	expect(e.takeErrors()).toEqual([]);
});
