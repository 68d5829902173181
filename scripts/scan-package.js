#!/usr/bin/env node
// Runs n8n's community-package scanner (@n8n/scan-community-package, the check n8n applies before a
// package can be verified) on the source tree and on the unpacked `npm pack` tarball, exactly as its
// own CLI does for a published package. Exits 1 on any finding. Run after `npm run build`.
'use strict';

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

async function main() {
	const root = path.resolve(__dirname, '..');
	const scanner = await import(
		require.resolve('@n8n/scan-community-package/scanner/scanner.mjs', { paths: [root] })
	);
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-scan-'));
	try {
		const packed = JSON.parse(
			execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
				cwd: root,
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'inherit'],
			}),
		)[0];
		execFileSync('tar', ['-xzf', path.join(work, packed.filename), '-C', work]);
		const unpacked = path.join(work, 'package');

		const legs = [
			['source', root, scanner.SOURCE_FILE_PATTERNS],
			[`tarball ${packed.filename} (${packed.entryCount} files)`, unpacked, ['**/*.js', 'package.json']],
		];
		let failed = false;
		for (const [label, dir, patterns] of legs) {
			const result = await scanner.analyzePackage(dir, patterns);
			if (result.passed) {
				console.log(`scan ok: ${label}`);
			} else {
				failed = true;
				console.error(`scan FAILED: ${label}: ${result.message}`);
				if (result.details) console.error(result.details);
			}
		}
		process.exitCode = failed ? 1 : 0;
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
