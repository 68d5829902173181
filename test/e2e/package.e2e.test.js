'use strict';
// The packed tarball, installed as the editor installs it, registers every node, its Tool variant
// and both credentials in a real n8n, with no runtime dependency of its own.
const fs = require('node:fs');
const path = require('node:path');

const { context, cli } = require('./harness/context');
const { PACKAGE } = require('../../scripts/lib/n8n');

describe(`the package in n8n ${context.runtime.version}`, () => {
	test('installs from the npm pack tarball, not from the source tree', () => {
		expect(fs.lstatSync(context.packageDir).isSymbolicLink()).toBe(false);
		const installed = JSON.parse(fs.readFileSync(path.join(context.packageDir, 'package.json'), 'utf8'));
		expect(installed.version).toBe(PACKAGE.version);
		for (const file of [...installed.n8n.nodes, ...installed.n8n.credentials]) {
			expect(fs.existsSync(path.join(context.packageDir, file))).toBe(true);
		}
	});

	test('brings no dependency: zod, luxon and n8n-workflow come from n8n itself', () => {
		expect(fs.existsSync(path.join(context.packageDir, 'node_modules'))).toBe(false);
		const sources = fs
			.readdirSync(path.join(context.packageDir, 'dist'), { recursive: true })
			.filter((f) => f.endsWith('.js'))
			.map((f) => fs.readFileSync(path.join(context.packageDir, 'dist', f), 'utf8'))
			.join('\n');
		expect(sources).toMatch(/require\("zod"\)/);
	});

	test('n8n export:nodes lists both nodes, their Tool variants and the four triggers, with our credentials', async () => {
		const file = path.join(context.userFolder, 'nodes.json');
		await cli(['export:nodes', `--output=${file}`]);
		const types = JSON.parse(fs.readFileSync(file, 'utf8'));
		const ours = types.filter((t) => t.name.startsWith(`${PACKAGE.name}.`));
		expect(ours.map((t) => t.name).sort()).toEqual(
			['recruitee', 'recruiteeTool', 'recruiteeTrigger', 'recruiteeWebhookTrigger', 'sumsub', 'sumsubTool', 'sumsubTrigger', 'sumsubWebhookTrigger'].map(
				(n) => `${PACKAGE.name}.${n}`,
			),
		);
		const credentialsOf = (name) => ours.find((t) => t.name === `${PACKAGE.name}.${name}`).credentials.map((c) => c.name);
		expect(credentialsOf('recruitee')).toEqual(['recruiteeApi']);
		expect(credentialsOf('sumsubTool')).toEqual(['sumsubApi']);
		expect(credentialsOf('recruiteeWebhookTrigger')).toEqual(['recruiteeWebhookApi']);
		expect(credentialsOf('sumsubWebhookTrigger')).toEqual(['sumsubWebhookApi']);
	});
});
