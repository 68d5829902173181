#!/usr/bin/env node
// `npm run release:check`: the checks n8n's verification of a community node package applies that
// can run here, on the tarball that would be published. Part of `npm test`; publish.yml runs it
// before it publishes. Every failure says what is wrong and how to fix it; the exit code is 1 then.
//
//   package.json  name and keyword n8n looks for, semver version, MIT licence (and LICENSE.md),
//                 no runtime dependencies, the n8n section in strict mode, publishConfig (public,
//                 provenance), and one repository: `repository.url` is the one place the GitHub
//                 owner and name are set; homepage, bugs, author.url (and a GitHub noreply
//                 author.email) and the links in the docs must agree with it.
//   README.md     the sections the verification guidelines ask for (install, credentials, example
//                 workflows, compatibility, licence saying MIT), relative links that resolve.
//   lint          `n8n-node lint` (strict: the stock eslint.config.mjs) and n8n's community-package
//                 scanner on the source and on the unpacked tarball.
//   tarball       `npm pack` into .tmp/release/ (reused while nothing in it changed): only dist/ and
//                 the metadata files, every node and credential n8n loads, its file list and size,
//                 then `npm publish --dry-run` of that file (offline, see dryRunPublish).
//
// Options:
//   --after-lint         `npm run lint` has just run (n8n-node lint, and the scanner on the source
//                        and on a fresh tarball): skip those two here. `npm test` passes it.
//   --metadata-only      package.json, LICENSE.md, README.md, CHANGELOG.md only: no build, no
//                        node_modules needed (publish.yml runs it first, before installing).
//   --tag <vX.Y.Z>       a release: the tag must be v<version> and CHANGELOG.md must have its section.
//   --repository <o/n>   the GitHub repository the release runs in: package.json must name it.
//   --tarball <file>     check this tarball instead of packing one.
//   --list               print every file of the tarball (otherwise a summary per folder).
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const RELEASE_DIR = path.join(ROOT, '.tmp', 'release');
const KEYWORD = 'n8n-community-node-package';
/** Files the tarball may hold outside dist/ (npm adds package.json, README and LICENSE itself). */
const METADATA_FILES = ['package.json', 'README.md', 'LICENSE.md', 'CHANGELOG.md'];
/** A tarball over this is not what this package should be (it is ~160 kB). */
const MAX_PACKED_BYTES = 5 * 1024 * 1024;
/** README sections n8n's verification guidelines ask for: how to install, authenticate, use it. */
const README_SECTIONS = [
	{ what: 'installation', pattern: /^##\s+Install/im, example: '## Install' },
	{
		what: 'credentials (authentication)',
		pattern: /^##\s+.*credential/im,
		example: '## Recruitee credential',
	},
	{
		what: 'example workflows (usage)',
		pattern: /^##\s+Example workflows/im,
		example: '## Example workflows',
	},
	{
		what: 'compatibility (n8n versions)',
		pattern: /^##\s+Compatibility/im,
		example: '## Compatibility',
	},
	{ what: 'licence', pattern: /^##\s+Licen[cs]e/im, example: '## Licence' },
];
const PLACEHOLDER_OWNER =
	/^(your[-_]?(org|name|user(name)?|github|account)?|example|user(name)?|owner|org(anization)?|todo|tbd|changeme|placeholder|me|foo|bar|acme)$/i;
const PLACEHOLDER_PERSON =
	/\b(contributors?|your[ -]?name|example|placeholder|todo|tbd|changeme|john doe|jane doe|author name)\b/i;
const RESERVED_EMAIL_DOMAIN = /@(.+\.)?(example\.(com|org|net)|example|invalid|test|localhost)$/i;
const SEMVER =
	/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;
const GITHUB_REPOSITORY_URL =
	/^git\+https:\/\/github\.com\/([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+?)\.git$/;

function readText(file) {
	return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
}

/** Check results: `ok(label)` or `fail(label, problem, fix)`. */
function createReport() {
	const results = [];
	return {
		results,
		ok(label, detail) {
			results.push({ ok: true, label, detail });
		},
		fail(label, problem, fix) {
			results.push({ ok: false, label, problem, fix });
		},
		get failed() {
			return results.filter((r) => !r.ok);
		},
	};
}

/**
 * The owner and name of the repository in package.json's `repository.url`, and the homepage, bugs
 * and author URLs that follow from it. null when `repository.url` is missing or not a GitHub URL.
 */
function repositoryOf(pkg) {
	const url = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
	const match = GITHUB_REPOSITORY_URL.exec(url ?? '');
	if (!match) return null;
	const [, owner, name] = match;
	const web = `https://github.com/${owner}/${name}`;
	return {
		owner,
		name,
		url,
		web,
		homepage: `${web}#readme`,
		bugs: `${web}/issues`,
		ownerUrl: `https://github.com/${owner}`,
	};
}

function checkPackageJson(pkg, report, { repository: expectedRepository } = {}) {
	const label = (what) => `package.json ${what}`;

	if (/^(@[a-z0-9][a-z0-9._~-]*\/)?n8n-nodes-[a-z0-9._~-]+$/.test(pkg.name ?? '')) {
		report.ok(label('name'), pkg.name);
	} else {
		report.fail(
			label('name'),
			`"${pkg.name}" is not a community node package name`,
			'n8n installs packages named n8n-nodes-<name> or @<scope>/n8n-nodes-<name>: rename the package.',
		);
	}

	if (Array.isArray(pkg.keywords) && pkg.keywords.includes(KEYWORD)) {
		report.ok(label('keywords'), KEYWORD);
	} else {
		report.fail(
			label('keywords'),
			`the keyword "${KEYWORD}" is missing`,
			`Add "${KEYWORD}" to "keywords": n8n finds community node packages by it.`,
		);
	}

	if (SEMVER.test(pkg.version ?? '')) {
		report.ok(label('version'), pkg.version);
	} else {
		report.fail(
			label('version'),
			`"${pkg.version}" is not a semantic version`,
			'Set "version" to MAJOR.MINOR.PATCH (optionally -prerelease), e.g. "0.2.0".',
		);
	}

	if (pkg.license === 'MIT') {
		report.ok(label('license'), 'MIT');
	} else {
		report.fail(
			label('license'),
			`"license" is ${JSON.stringify(pkg.license)}`,
			'n8n verifies MIT-licensed packages only: set "license": "MIT" (and keep LICENSE.md the MIT text).',
		);
	}

	const runtime = [
		'dependencies',
		'optionalDependencies',
		'bundleDependencies',
		'bundledDependencies',
	].flatMap((field) => {
		const value = pkg[field];
		const names = Array.isArray(value) ? value : Object.keys(value ?? {});
		return names.map((name) => `${field}.${name}`);
	});
	if (runtime.length === 0) {
		report.ok(label('dependencies'), 'none at run time');
	} else {
		report.fail(
			label('dependencies'),
			`runtime dependencies: ${runtime.join(', ')}`,
			'Verified packages may not have runtime dependencies: use what n8n ships (n8n-workflow as a ' +
				'peer dependency) or move build-only packages to "devDependencies".',
		);
	}
	const peers = Object.keys(pkg.peerDependencies ?? {}).filter((name) => name !== 'n8n-workflow');
	if (peers.length === 0) {
		report.ok(label('peerDependencies'), 'n8n-workflow only');
	} else {
		report.fail(
			label('peerDependencies'),
			`peer dependencies other than n8n-workflow: ${peers.join(', ')}`,
			'Keep only "n8n-workflow" in "peerDependencies".',
		);
	}

	const n8n = pkg.n8n ?? {};
	const n8nProblems = [];
	if (n8n.n8nNodesApiVersion !== 1) n8nProblems.push('"n8nNodesApiVersion" must be 1');
	if (n8n.strict !== true)
		n8nProblems.push(
			'"strict" must be true (n8n-node lint then insists on the stock eslint.config.mjs)',
		);
	if (!Array.isArray(n8n.nodes) || n8n.nodes.length === 0)
		n8nProblems.push('"nodes" lists no node');
	for (const file of [...(n8n.nodes ?? []), ...(n8n.credentials ?? [])]) {
		if (!/^dist\/.+\.js$/.test(file)) n8nProblems.push(`"${file}" is not a built file under dist/`);
	}
	if (n8nProblems.length === 0) {
		report.ok(
			label('n8n'),
			`strict, ${n8n.nodes.length} nodes, ${(n8n.credentials ?? []).length} credentials`,
		);
	} else {
		report.fail(label('n8n'), n8nProblems.join('; '), 'Fix the "n8n" section of package.json.');
	}

	if (pkg.engines?.node) {
		report.ok(label('engines'), `node ${pkg.engines.node}`);
	} else {
		report.fail(
			label('engines'),
			'"engines.node" is missing',
			'Set "engines": { "node": ">=20.19" }.',
		);
	}

	const publishConfig = pkg.publishConfig ?? {};
	if (
		publishConfig.access === 'public' &&
		publishConfig.provenance === true &&
		!publishConfig.registry
	) {
		report.ok(label('publishConfig'), 'public, with provenance');
	} else {
		report.fail(
			label('publishConfig'),
			`publishConfig is ${JSON.stringify(pkg.publishConfig ?? null)}`,
			'Set "publishConfig": { "access": "public", "provenance": true } (and no "registry"): n8n ' +
				'requires a provenance statement.',
		);
	}

	const repo = repositoryOf(pkg);
	if (!repo) {
		report.fail(
			label('repository'),
			`repository is ${JSON.stringify(pkg.repository ?? null)}`,
			'Set "repository": { "type": "git", "url": "git+https://github.com/<owner>/<name>.git" }: the ' +
				'public GitHub repository the package is built from (n8n and npm provenance compare them).',
		);
		return null;
	}
	if (PLACEHOLDER_OWNER.test(repo.owner) || PLACEHOLDER_OWNER.test(repo.name)) {
		report.fail(
			label('repository'),
			`"${repo.url}" names a placeholder repository`,
			'Set repository.url to the real public GitHub repository.',
		);
	} else if (
		expectedRepository &&
		expectedRepository.toLowerCase() !== `${repo.owner}/${repo.name}`.toLowerCase()
	) {
		report.fail(
			label('repository'),
			`package.json names github.com/${repo.owner}/${repo.name}, but this release runs in github.com/${expectedRepository}`,
			`Set repository.url to "git+https://github.com/${expectedRepository}.git" (then homepage, bugs and ` +
				'author.url as this check says): npm refuses a provenance statement from another repository.',
		);
	} else {
		report.ok(label('repository'), `github.com/${repo.owner}/${repo.name}`);
	}

	const derived = (field, actual, expected) => {
		if (actual === expected) {
			report.ok(label(field), expected);
		} else {
			report.fail(
				label(field),
				`is ${JSON.stringify(actual ?? null)}, but repository.url says ${expected}`,
				`Set ${field} to "${expected}". repository.url is the one place the repository is set; ` +
					'if it is the one that is wrong, fix it and run this check again.',
			);
		}
	};
	derived('homepage', pkg.homepage, repo.homepage);
	derived('bugs.url', typeof pkg.bugs === 'string' ? pkg.bugs : pkg.bugs?.url, repo.bugs);

	const author = typeof pkg.author === 'string' ? parsePerson(pkg.author) : (pkg.author ?? {});
	const authorProblems = [];
	if (!author.name?.trim()) authorProblems.push('no author name');
	else if (PLACEHOLDER_PERSON.test(author.name))
		authorProblems.push(`"${author.name}" is a placeholder`);
	if (!author.email?.trim()) authorProblems.push('no author email (n8n-node lint requires one)');
	else if (RESERVED_EMAIL_DOMAIN.test(author.email))
		authorProblems.push(`"${author.email}" is not a real address`);
	const noreply = /^(?:\d+\+)?([A-Za-z0-9-]+)@users\.noreply\.github\.com$/i.exec(
		author.email ?? '',
	);
	if (noreply && noreply[1].toLowerCase() !== repo.owner.toLowerCase())
		authorProblems.push(
			`"${author.email}" is the GitHub address of ${noreply[1]}, not of the owner ${repo.owner}`,
		);
	const authorGithub = /^https:\/\/github\.com\/([A-Za-z0-9-]+)\/?$/.exec(author.url ?? '');
	if (
		author.url &&
		/github\.com/.test(author.url) &&
		authorGithub?.[1].toLowerCase() !== repo.owner.toLowerCase()
	)
		authorProblems.push(`author.url "${author.url}" is not the repository owner ${repo.ownerUrl}`);
	if (authorProblems.length === 0) {
		report.ok(label('author'), author.url ? `${author.name} (${author.url})` : author.name);
	} else {
		report.fail(
			label('author'),
			authorProblems.join('; '),
			'n8n checks that the author matches the repository owner: set "author" to { "name": "<the ' +
				`owner's name>", "email": "<an address the maintainers read>", "url": "${repo.ownerUrl}" }.`,
		);
	}
	return repo;
}

/** npm's "Name <email> (url)" author string. */
function parsePerson(text) {
	const match = /^([^<(]*?)\s*(?:<([^>]*)>)?\s*(?:\(([^)]*)\))?$/.exec(text.trim());
	return { name: match?.[1], email: match?.[2], url: match?.[3] };
}

function checkLicence(report) {
	const text = readText(path.join(ROOT, 'LICENSE.md'));
	if (
		text &&
		/^MIT License/m.test(text) &&
		/Permission is hereby granted, free of charge/.test(text)
	) {
		report.ok('LICENSE.md', 'MIT');
	} else {
		report.fail(
			'LICENSE.md',
			text ? 'is not the MIT licence text' : 'is missing',
			'Keep the MIT licence text in LICENSE.md (npm ships it in the tarball).',
		);
	}
}

/**
 * Links in the docs that name this repository (github.com/<owner>/<repo name>, or any repository
 * of the owner) must be the one in package.json; links to the package's npm page must name it.
 */
function checkDocLinks(file, text, pkg, repo, report) {
	const problems = [];
	for (const match of text.matchAll(/github\.com\/([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)/g)) {
		const owner = match[1];
		const name = match[2].replace(/\.git$/, '');
		const ours =
			name.toLowerCase() === repo.name.toLowerCase() ||
			owner.toLowerCase() === repo.owner.toLowerCase();
		if (ours && `${owner}/${name}`.toLowerCase() !== `${repo.owner}/${repo.name}`.toLowerCase()) {
			problems.push(`github.com/${owner}/${name}`);
		}
	}
	for (const match of text.matchAll(
		/npmjs\.com\/package\/((?:@[A-Za-z0-9._-]+\/)?[A-Za-z0-9._-]+)/g,
	)) {
		if (match[1] !== pkg.name && match[1].startsWith('n8n-nodes-'))
			problems.push(`npmjs.com/package/${match[1]}`);
	}
	if (problems.length === 0) {
		report.ok(`${file} links`, `agree with ${repo.web}`);
	} else {
		report.fail(
			`${file} links`,
			`${[...new Set(problems)].join(', ')} disagree with package.json (${repo.web}, ${pkg.name})`,
			`Point them at ${repo.web} (package.json repository.url is the one place it is set).`,
		);
	}
}

function checkReadme(pkg, repo, report, root = ROOT) {
	const text = readText(path.join(root, 'README.md'));
	if (!text) {
		report.fail(
			'README.md',
			'is missing',
			'Write a README: n8n verifies documented packages only.',
		);
		return;
	}
	const missing = README_SECTIONS.filter((section) => !section.pattern.test(text));
	if (missing.length === 0) {
		report.ok('README.md sections', README_SECTIONS.map((s) => s.what).join(', '));
	} else {
		report.fail(
			'README.md sections',
			`no section on ${missing.map((s) => `${s.what} (e.g. "${s.example}")`).join(', ')}`,
			"n8n's verification asks for installation, authentication and usage docs: add the sections.",
		);
	}
	const licence = /^##\s+Licen[cs]e\s*\n([\s\S]*?)(?=^##\s|(?![\s\S]))/im.exec(text);
	if (licence && !/\bMIT\b/.test(licence[1])) {
		report.fail('README.md licence', 'the Licence section does not say MIT', 'Say "MIT" in it.');
	}
	const broken = [];
	for (const match of text.matchAll(/\]\(([^)\s#]+)(?:#[^)\s]*)?\)/g)) {
		const target = match[1];
		if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
		if (!fs.existsSync(path.join(root, decodeURI(target)))) broken.push(target);
	}
	if (broken.length === 0) {
		report.ok('README.md relative links', 'resolve');
	} else {
		report.fail(
			'README.md relative links',
			`${broken.join(', ')} do not exist in the repository`,
			'Fix the links (npm shows them as links into the repository named in package.json).',
		);
	}
	if (repo) {
		for (const file of ['README.md', 'CHANGELOG.md', 'RELEASING.md']) {
			const doc = file === 'README.md' ? text : readText(path.join(root, file));
			if (doc !== null) checkDocLinks(file, doc, pkg, repo, report);
		}
	}
}

/** The tag is v<version> and CHANGELOG.md has a "## [<version>]" section (Keep a Changelog). */
function checkTag(pkg, tag, changelog, report) {
	if (tag === `v${pkg.version}`) {
		report.ok('tag', `${tag} is package.json's version`);
	} else {
		report.fail(
			'tag',
			`the tag is "${tag}" but package.json's version is ${pkg.version}`,
			`Tag the commit that sets the version: set "version": "${String(tag).replace(/^v/, '')}" or tag v${pkg.version}.`,
		);
	}
	const escaped = String(pkg.version).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const heading = new RegExp(`^## \\[${escaped}\\](?: - \\d{4}-\\d{2}-\\d{2})?\\s*$`, 'm');
	if (heading.test(changelog ?? '')) {
		report.ok('CHANGELOG.md', `has a section for ${pkg.version}`);
	} else {
		report.fail(
			'CHANGELOG.md',
			`no "## [${pkg.version}]" section`,
			`Rename "## [Unreleased]" to "## [${pkg.version}] - YYYY-MM-DD" (the release date) and open a new ` +
				'empty "## [Unreleased]" above it, in the commit you tag.',
		);
	}
}

function run(command, args, options = {}) {
	return spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', ...options });
}

function lint(report) {
	const bin = path.join(ROOT, 'node_modules', '.bin', 'n8n-node');
	const result = run(bin, ['lint'], { stdio: ['ignore', 'pipe', 'pipe'] });
	if (result.status === 0) {
		report.ok('n8n-node lint', 'strict mode, no findings');
	} else {
		process.stdout.write(result.stdout ?? '');
		process.stderr.write(result.stderr ?? '');
		report.fail(
			'n8n-node lint',
			`exited ${result.status ?? result.signal}${result.error ? ` (${result.error.message})` : ''}: its findings are above`,
			'Fix them in the source (do not run `n8n-node lint --fix` blindly, and keep eslint.config.mjs stock).',
		);
	}
}

/** Every file and folder under `dir`, as paths relative to it (folders end with "/"). */
function walk(dir, base = dir) {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		const rel = path.relative(base, full);
		return entry.isDirectory() ? [`${rel}/`, ...walk(full, base)] : [rel];
	});
}

/**
 * `.tmp/release/<name>-<version>.tgz`, packed unless one exists that is newer than everything that
 * goes into it (package.json, README.md, LICENSE.md, the main file, every file and folder of dist/).
 */
function packTarball(pkg) {
	const filename = `${pkg.name.replace(/^@/, '').replace('/', '-')}-${pkg.version}.tgz`;
	const tarball = path.join(RELEASE_DIR, filename);
	const inputs = [...METADATA_FILES, pkg.main ?? 'index.js']
		.map((f) => path.join(ROOT, f))
		.filter((f) => fs.existsSync(f))
		.concat(
			path.join(ROOT, 'dist'),
			...walk(path.join(ROOT, 'dist')).map((f) => path.join(ROOT, 'dist', f)),
		);
	if (fs.existsSync(tarball)) {
		const packedAt = fs.statSync(tarball).mtimeMs;
		if (inputs.every((f) => fs.statSync(f).mtimeMs < packedAt)) return { tarball, reused: true };
	}
	fs.rmSync(RELEASE_DIR, { recursive: true, force: true });
	fs.mkdirSync(RELEASE_DIR, { recursive: true });
	const result = run('npm', ['pack', '--json', '--pack-destination', RELEASE_DIR], {
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	if (result.status !== 0) throw new Error(`npm pack exited ${result.status}`);
	const packed = JSON.parse(result.stdout)[0];
	return { tarball: path.join(RELEASE_DIR, packed.filename), reused: false };
}

function kB(bytes) {
	return `${(bytes / 1024).toFixed(1)} kB`;
}

function checkTarballFiles(pkg, unpacked, tarball, report, { list }) {
	const files = walk(unpacked)
		.filter((f) => !f.endsWith('/'))
		.map((f) => f.split(path.sep).join('/'))
		.sort();
	const sizes = new Map(files.map((f) => [f, fs.statSync(path.join(unpacked, f)).size]));
	const unpackedSize = [...sizes.values()].reduce((a, b) => a + b, 0);
	const packedSize = fs.statSync(tarball).size;

	process.stdout.write(
		`\n${path.relative(ROOT, tarball)}: ${files.length} files, ${kB(packedSize)} packed, ${kB(unpackedSize)} unpacked\n`,
	);
	if (list) {
		for (const f of files) process.stdout.write(`  ${String(sizes.get(f)).padStart(8)}  ${f}\n`);
	} else {
		const folders = new Map();
		for (const f of files) {
			const folder = f.includes('/')
				? f
						.split('/')
						.slice(0, 3)
						.join('/')
						.replace(/\/[^/]*\.[^/]*$/, '')
				: f;
			const entry = folders.get(folder) ?? { count: 0, size: 0 };
			entry.count += 1;
			entry.size += sizes.get(f);
			folders.set(folder, entry);
		}
		for (const [folder, { count, size }] of folders) {
			process.stdout.write(
				`  ${kB(size).padStart(10)}  ${folder}${count > 1 ? `  (${count} files)` : ''}\n`,
			);
		}
		process.stdout.write('  (--list prints every file)\n');
	}
	process.stdout.write('\n');

	const allowed = new Set([...METADATA_FILES, pkg.main ?? 'index.js']);
	const stray = files.filter((f) => !f.startsWith('dist/') && !allowed.has(f));
	const sources = files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
	if (stray.length === 0 && sources.length === 0) {
		report.ok(
			'tarball contents',
			`dist/ and ${files.filter((f) => !f.startsWith('dist/')).join(', ')}`,
		);
	} else {
		report.fail(
			'tarball contents',
			`files that do not belong in the package: ${[...stray, ...sources].join(', ')}`,
			'Only dist/ and the metadata files are published: keep "files": ["dist"] in package.json and ' +
				'TypeScript sources out of dist/.',
		);
	}

	const n8n = pkg.n8n ?? {};
	const missing = [...(n8n.nodes ?? []), ...(n8n.credentials ?? [])].filter((f) => !sizes.has(f));
	if (missing.length === 0) {
		report.ok('tarball n8n files', 'every node and credential of package.json is in it');
	} else {
		report.fail(
			'tarball n8n files',
			`missing: ${missing.join(', ')}`,
			'Run `npm run build` (and check the paths in the "n8n" section of package.json).',
		);
	}

	const shipped = JSON.parse(fs.readFileSync(path.join(unpacked, 'package.json'), 'utf8'));
	const differs = [
		'name',
		'version',
		'license',
		'repository',
		'homepage',
		'bugs',
		'author',
		'publishConfig',
		'n8n',
	].filter((field) => JSON.stringify(shipped[field]) !== JSON.stringify(pkg[field]));
	if (differs.length === 0) {
		report.ok('tarball package.json', `${shipped.name}@${shipped.version}, as in the repository`);
	} else {
		report.fail(
			'tarball package.json',
			`differs from package.json in: ${differs.join(', ')}`,
			'The tarball was packed from another package.json: pack it again from this commit ' +
				'(without --tarball, release:check repacks whenever anything that goes into it changed).',
		);
	}

	if (packedSize <= MAX_PACKED_BYTES) {
		report.ok('tarball size', kB(packedSize));
	} else {
		report.fail(
			'tarball size',
			`${kB(packedSize)} packed, over ${kB(MAX_PACKED_BYTES)}`,
			'Something large got into dist/: look at the file list above.',
		);
	}
}

async function scan(unpacked, report) {
	const scanner = await import(
		require.resolve('@n8n/scan-community-package/scanner/scanner.mjs', { paths: [ROOT] })
	);
	const legs = [
		['scanner: source', ROOT, scanner.SOURCE_FILE_PATTERNS],
		['scanner: tarball', unpacked, ['**/*.js', 'package.json']],
	];
	for (const [label, dir, patterns] of legs) {
		const result = await scanner.analyzePackage(dir, patterns);
		if (result.passed) {
			report.ok(label, "n8n's community-package scanner finds nothing");
		} else {
			if (result.details) process.stdout.write(`${result.details}\n`);
			report.fail(
				label,
				result.message,
				'Fix the findings above: n8n runs this scanner before verifying.',
			);
		}
	}
}

/**
 * `npm publish --dry-run` of the tarball. `--offline` with an empty cache: no request to the registry
 * (so a version already published, or no network, does not fail it). `--provenance=false`: the
 * statement is made by the real publish in GitHub Actions; a dry run makes none anyway, and outside
 * CI npm could not. The OIDC variables of a job with `id-token: write` are not passed on, so a dry
 * run never exchanges them for a publishing token.
 */
function dryRunPublish(pkg, tarball, report) {
	const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'release-check-npm-cache-'));
	try {
		const env = { ...process.env };
		for (const name of [
			'ACTIONS_ID_TOKEN_REQUEST_URL',
			'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
			'NPM_ID_TOKEN',
			'NODE_AUTH_TOKEN',
			'NPM_TOKEN',
		]) {
			delete env[name];
		}
		const distTag = SEMVER.exec(pkg.version)?.[4] ? 'next' : 'latest';
		const result = run(
			'npm',
			[
				'publish',
				tarball,
				'--dry-run',
				'--offline',
				`--cache=${cache}`,
				'--provenance=false',
				'--access=public',
				`--tag=${distTag}`,
				'--json',
			],
			{ env, stdio: ['ignore', 'pipe', 'pipe'] },
		);
		if (result.status === 0) {
			report.ok('npm publish --dry-run', `${pkg.name}@${pkg.version}, tag ${distTag}, public`);
		} else {
			process.stderr.write(result.stderr ?? '');
			report.fail(
				'npm publish --dry-run',
				`exited ${result.status}: npm's message is above`,
				'Fix what npm says (package.json fields, the tarball) before tagging a release.',
			);
		}
	} finally {
		fs.rmSync(cache, { recursive: true, force: true });
	}
}

function parseArgs(argv) {
	const options = { afterLint: false, metadataOnly: false, list: false };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const value = () => {
			const next = argv[++i];
			if (next === undefined || next.startsWith('--')) throw new Error(`${arg} needs a value`);
			return next;
		};
		if (arg === '--after-lint') options.afterLint = true;
		else if (arg === '--metadata-only') options.metadataOnly = true;
		else if (arg === '--list') options.list = true;
		else if (arg === '--tag') options.tag = value();
		else if (arg === '--repository') options.repository = value();
		else if (arg === '--tarball') options.tarball = path.resolve(value());
		else throw new Error(`unknown option ${arg} (see the top of scripts/release-check.js)`);
	}
	return options;
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	const report = createReport();
	const started = Date.now();
	process.stdout.write(`release:check ${pkg.name}@${pkg.version}\n`);

	const repo = checkPackageJson(pkg, report, options);
	checkLicence(report);
	checkReadme(pkg, repo, report);
	if (options.tag !== undefined) {
		checkTag(pkg, options.tag, readText(path.join(ROOT, 'CHANGELOG.md')), report);
	}

	if (!options.metadataOnly) {
		if (!options.afterLint) lint(report);
		let tarball = options.tarball;
		if (!tarball) {
			const packed = packTarball(pkg);
			tarball = packed.tarball;
			process.stdout.write(
				`${packed.reused ? 'reusing' : 'packed'} ${path.relative(ROOT, tarball)}\n`,
			);
		}
		const work = fs.mkdtempSync(path.join(os.tmpdir(), 'release-check-'));
		try {
			const untar = run('tar', ['-xzf', tarball, '-C', work]);
			if (untar.status !== 0) throw new Error(`cannot unpack ${tarball}: ${untar.stderr}`);
			const unpacked = path.join(work, 'package');
			checkTarballFiles(pkg, unpacked, tarball, report, options);
			if (!options.afterLint) await scan(unpacked, report);
		} finally {
			fs.rmSync(work, { recursive: true, force: true });
		}
		dryRunPublish(pkg, tarball, report);
	}

	for (const r of report.results) {
		if (r.ok) process.stdout.write(`  ok    ${r.label}${r.detail ? `: ${r.detail}` : ''}\n`);
		else process.stdout.write(`  FAIL  ${r.label}: ${r.problem}\n        fix: ${r.fix}\n`);
	}
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	const skipped = [
		options.metadataOnly && 'lint, scanner, tarball and dry run (--metadata-only)',
		!options.metadataOnly &&
			options.afterLint &&
			'n8n-node lint and the scanner (--after-lint: npm run lint ran them)',
	].filter(Boolean);
	if (skipped.length) process.stdout.write(`  skipped: ${skipped.join('; ')}\n`);
	if (report.failed.length === 0) {
		process.stdout.write(`release:check ok: all ${report.results.length} checks (${seconds} s)\n`);
	} else {
		process.stdout.write(
			`release:check FAILED: ${report.failed.length} of ${report.results.length} checks (${seconds} s)\n`,
		);
		process.exitCode = 1;
	}
}

if (require.main === module) {
	main().catch((error) => {
		process.stderr.write(`release:check: ${error.message}\n`);
		process.exitCode = 1;
	});
}

module.exports = { checkPackageJson, checkReadme, checkTag, createReport, repositoryOf, parseArgs };
