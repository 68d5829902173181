'use strict';
// scripts/release-check.js (`npm run release:check`): its metadata checks pass on this repository
// and fail, saying what to fix, on the faults n8n's verification would find. The packing, lint,
// scanner and dry-run legs run for real in `npm test` (`npm run release:check -- --after-lint`).

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const {
	checkPackageJson,
	checkReadme,
	checkTag,
	createReport,
	parseArgs,
	repositoryOf,
} = require('../../scripts/release-check');

const ROOT = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const clone = () => JSON.parse(JSON.stringify(pkg));

function failuresOf(check) {
	const report = createReport();
	check(report);
	return report.failed;
}

describe('package.json', () => {
	test("this repository's passes", () => {
		expect(failuresOf((report) => checkPackageJson(pkg, report))).toEqual([]);
	});

	test('repository.url is the one place: homepage, bugs and author.url follow from it', () => {
		const repo = repositoryOf(pkg);
		expect(pkg.repository.url).toBe(`git+https://github.com/${repo.owner}/${repo.name}.git`);
		expect(pkg.homepage).toBe(`https://github.com/${repo.owner}/${repo.name}#readme`);
		expect(pkg.bugs.url).toBe(`https://github.com/${repo.owner}/${repo.name}/issues`);
		expect(pkg.author.url).toBe(`https://github.com/${repo.owner}`);
	});

	test('a repository moved in repository.url alone: homepage, bugs and author fail, naming the values to set', () => {
		const moved = clone();
		moved.repository.url = 'git+https://github.com/acme-hr/n8n-nodes-recruitee-sumsub.git';
		const failed = failuresOf((report) => checkPackageJson(moved, report));
		expect(failed.map((f) => f.label)).toEqual([
			'package.json homepage',
			'package.json bugs.url',
			'package.json author',
		]);
		expect(failed[0].fix).toContain(
			'Set homepage to "https://github.com/acme-hr/n8n-nodes-recruitee-sumsub#readme"',
		);
		expect(failed[1].fix).toContain(
			'"https://github.com/acme-hr/n8n-nodes-recruitee-sumsub/issues"',
		);
		expect(failed[2].problem).toContain('is not the repository owner https://github.com/acme-hr');
	});

	test('the release must run in the repository package.json names (npm provenance requires it)', () => {
		const failed = failuresOf((report) =>
			checkPackageJson(pkg, report, { repository: 'someone-else/fork' }),
		);
		expect(failed).toEqual([
			expect.objectContaining({
				label: 'package.json repository',
				fix: expect.stringContaining('"git+https://github.com/someone-else/fork.git"'),
			}),
		]);
		const repo = repositoryOf(pkg);
		expect(
			failuresOf((report) =>
				checkPackageJson(pkg, report, { repository: `${repo.owner}/${repo.name}`.toUpperCase() }),
			),
		).toEqual([]);
	});

	test.each([
		[
			'the old placeholder author',
			{ name: 'n8n-nodes-recruitee-sumsub contributors', email: 'a@b.dev' },
			/placeholder/,
		],
		['no email (n8n-node lint requires one)', { name: 'Jane Smith' }, /no author email/],
		[
			'an example.com email',
			{ name: 'Jane Smith', email: 'jane@example.com' },
			/not a real address/,
		],
		[
			"someone else's GitHub noreply address",
			{ name: 'Jane Smith', email: 'jsmith@users.noreply.github.com' },
			/GitHub address of jsmith/,
		],
		['an author string without email', 'Jane Smith (https://github.com/x)', /no author email/],
	])('author: %s fails', (_, author, problem) => {
		const bad = { ...clone(), author };
		const failed = failuresOf((report) => checkPackageJson(bad, report));
		expect(failed).toEqual([
			expect.objectContaining({
				label: 'package.json author',
				problem: expect.stringMatching(problem),
			}),
		]);
	});

	test.each([
		[
			'a runtime dependency',
			(p) => (p.dependencies = { axios: '^1.0.0' }),
			'package.json dependencies',
		],
		[
			'another peer dependency',
			(p) => (p.peerDependencies['n8n-core'] = '*'),
			'package.json peerDependencies',
		],
		['a licence other than MIT', (p) => (p.license = 'Apache-2.0'), 'package.json license'],
		['no provenance', (p) => delete p.publishConfig.provenance, 'package.json publishConfig'],
		['strict mode off', (p) => (p.n8n.strict = false), 'package.json n8n'],
		['the keyword missing', (p) => (p.keywords = ['n8n']), 'package.json keywords'],
		['a name n8n does not load', (p) => (p.name = 'recruitee-sumsub'), 'package.json name'],
		[
			'a placeholder repository',
			(p) => (p.repository.url = 'git+https://github.com/your-org/n8n-nodes-x.git'),
			'package.json repository',
		],
		[
			'a repository that is not a GitHub git URL',
			(p) => (p.repository = 'recruitee/sumsub'),
			'package.json repository',
		],
	])('%s fails', (_, breakIt, label) => {
		const bad = clone();
		breakIt(bad);
		const failed = failuresOf((report) => checkPackageJson(bad, report));
		expect(failed.map((f) => f.label)).toContain(label);
		for (const f of failed) {
			expect(f.problem).toEqual(expect.any(String));
			expect(f.fix).toEqual(expect.any(String));
		}
	});
});

describe('README and the docs', () => {
	let dir;
	beforeEach(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-check-readme-'));
		fs.mkdirSync(path.join(dir, 'examples'));
	});
	afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

	const sections = [
		'# n8n-nodes-recruitee-sumsub',
		'## Install',
		'## Recruitee credential',
		'## Example workflows',
		'In [`examples/`](examples).',
		'## Compatibility',
		'## Licence',
		'MIT',
	];
	const check = (readme, extra = {}) => {
		fs.writeFileSync(path.join(dir, 'README.md'), readme);
		for (const [file, text] of Object.entries(extra)) fs.writeFileSync(path.join(dir, file), text);
		return failuresOf((report) => checkReadme(pkg, repositoryOf(pkg), report, dir));
	};

	test("this repository's README passes", () => {
		expect(failuresOf((report) => checkReadme(pkg, repositoryOf(pkg), report))).toEqual([]);
	});

	test('the sections the verification asks for, with relative links that resolve', () => {
		expect(check(sections.join('\n\n'))).toEqual([]);
		const failed = check(
			sections.filter((s) => s !== '## Compatibility').join('\n\n') + '\n[x](docs/missing.md)',
		);
		expect(failed.map((f) => f.label)).toEqual(['README.md sections', 'README.md relative links']);
		expect(failed[0].problem).toContain('compatibility');
		expect(failed[1].problem).toContain('docs/missing.md');
	});

	test('a link to this repository under another owner fails, in README.md and RELEASING.md', () => {
		const { owner, name } = repositoryOf(pkg);
		const ok = `${sections.join('\n\n')}\n\nSource: https://github.com/${owner}/${name}, [n8n](https://github.com/n8n-io/n8n).`;
		expect(check(ok)).toEqual([]);
		const failed = check(ok.replace(`github.com/${owner}/`, 'github.com/old-owner/'), {
			'RELEASING.md': `Issues: https://github.com/${owner}/other-repo/issues`,
		});
		expect(failed.map((f) => f.label)).toEqual(['README.md links', 'RELEASING.md links']);
		expect(failed[0].problem).toContain(`github.com/old-owner/${name}`);
		expect(failed[0].fix).toContain(`https://github.com/${owner}/${name}`);
	});
});

describe('a release tag', () => {
	const changelog = '# Changelog\n\n## [Unreleased]\n\n## [0.2.0] - 2026-12-10\n\n### Added\n- x\n';
	const at = (version) => ({ ...pkg, version });

	test('v<version> with a "## [<version>] - <date>" CHANGELOG section passes', () => {
		expect(failuresOf((report) => checkTag(at('0.2.0'), 'v0.2.0', changelog, report))).toEqual([]);
	});

	test('a tag that is not the version fails', () => {
		const failed = failuresOf((report) => checkTag(at('0.2.0'), 'v0.2.1', changelog, report));
		expect(failed).toEqual([expect.objectContaining({ label: 'tag' })]);
		expect(failed[0].problem).toBe('the tag is "v0.2.1" but package.json\'s version is 0.2.0');
	});

	test('a version without its CHANGELOG section fails, saying how to add it', () => {
		const failed = failuresOf((report) => checkTag(at('0.3.0'), 'v0.3.0', changelog, report));
		expect(failed).toEqual([
			expect.objectContaining({
				label: 'CHANGELOG.md',
				problem: 'no "## [0.3.0]" section',
				fix: expect.stringContaining('Rename "## [Unreleased]" to "## [0.3.0] - YYYY-MM-DD"'),
			}),
		]);
		// "0.2.0" must not match a section of "0.2.0-rc.1" or "10.2.0".
		const similar = '## [0.2.0-rc.1] - 2026-12-01\n## [10.2.0] - 2026-12-01\n';
		expect(failuresOf((report) => checkTag(at('0.2.0'), 'v0.2.0', similar, report))).toHaveLength(
			1,
		);
	});

	test("this repository's CHANGELOG heading format is the one checked", () => {
		const text = fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');
		expect(text).toMatch(/^## \[Unreleased\]$/m);
		expect(text).toMatch(/Keep a Changelog/);
	});
});

describe('the command', () => {
	test('options', () => {
		expect(parseArgs(['--after-lint', '--tag', 'v1.2.3', '--repository', 'o/n', '--list'])).toEqual(
			{
				afterLint: true,
				metadataOnly: false,
				list: true,
				tag: 'v1.2.3',
				repository: 'o/n',
			},
		);
		expect(() => parseArgs(['--tag'])).toThrow('--tag needs a value');
		expect(() => parseArgs(['--nope'])).toThrow('unknown option --nope');
	});

	test('--metadata-only runs with Node.js alone and passes here', () => {
		const run = spawnSync(process.execPath, ['scripts/release-check.js', '--metadata-only'], {
			cwd: ROOT,
			encoding: 'utf8',
		});
		expect(run.stdout).toMatch(/^release:check ok: all \d+ checks/m);
		expect(run.status).toBe(0);
	});

	test('a failing check exits 1 and prints what to fix', () => {
		const run = spawnSync(
			process.execPath,
			['scripts/release-check.js', '--metadata-only', '--tag', 'v99.0.0'],
			{ cwd: ROOT, encoding: 'utf8' },
		);
		expect(run.status).toBe(1);
		expect(run.stdout).toContain(
			`FAIL  tag: the tag is "v99.0.0" but package.json's version is ${pkg.version}`,
		);
		expect(run.stdout).toMatch(/^ {8}fix: /m);
		expect(run.stdout).toMatch(/^release:check FAILED: \d+ of \d+ checks/m);
	});
});
