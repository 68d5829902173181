#!/usr/bin/env node
// `npm run test:compat`: the end-to-end suite against every n8n version in scripts/lib/runtime.js
// (each on the Node.js it needs), one after the other; prints a table of the results, as measured.
// Run `npm run build` first. Each version is installed once into .runtime/ (several minutes).
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const { ensureN8n, ROOT, RUNTIME_DIR, VERSIONS } = require('./lib/runtime');

const only = process.argv.slice(2);
const versions = Object.keys(VERSIONS).filter((v) => only.length === 0 || only.includes(v));
const rows = [];

for (const version of versions) {
	const runtime = ensureN8n(version);
	const nodeVersion = spawnSync(runtime.nodeBin, ['--version'], { encoding: 'utf8' }).stdout.trim();
	const report = path.join(RUNTIME_DIR, `compat-${version}.json`);
	process.stdout.write(`\n=== n8n ${version} on Node.js ${nodeVersion} ===\n`);
	const started = Date.now();
	const run = spawnSync(
		process.execPath,
		[require.resolve('jest/bin/jest'), '-c', 'jest.e2e.config.js', '--json', `--outputFile=${report}`],
		{ cwd: ROOT, stdio: 'inherit', env: { ...process.env, N8N_VERSION: version } },
	);
	const result = fs.existsSync(report) ? JSON.parse(fs.readFileSync(report, 'utf8')) : {};
	const failures = (result.testResults ?? []).flatMap((file) =>
		file.assertionResults.filter((a) => a.status === 'failed').map((a) => a.fullName),
	);
	rows.push({
		version,
		node: nodeVersion,
		passed: result.numPassedTests ?? 0,
		failed: result.numFailedTests ?? 0,
		total: result.numTotalTests ?? 0,
		seconds: Math.round((Date.now() - started) / 1000),
		ok: run.status === 0,
		failures,
	});
}

process.stdout.write('\n| n8n | Node.js | End-to-end tests | Result |\n| --- | --- | --- | --- |\n');
for (const r of rows) {
	process.stdout.write(`| ${r.version} | ${r.node} | ${r.passed} / ${r.total} passed | ${r.ok ? 'works' : `FAILS: ${r.failures.join('; ')}`} |\n`);
}
fs.writeFileSync(path.join(RUNTIME_DIR, 'compat.json'), JSON.stringify(rows, null, 2));
process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
