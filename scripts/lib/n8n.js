'use strict';
// Driving a real n8n: install our packed package the way the editor's "Community nodes → Install"
// does, run its CLI, start its server and log in.

const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const { ROOT, RUNTIME_DIR } = require('./runtime');

const PACKAGE = require(path.join(ROOT, 'package.json'));

/** `npm pack` of the built package (run `npm run build` first); returns the tarball's path. */
function packPackage() {
	const dest = path.join(RUNTIME_DIR, 'packs');
	fs.mkdirSync(dest, { recursive: true });
	const [packed] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', dest], {
			cwd: ROOT,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit'],
		}),
	);
	return path.join(dest, packed.filename);
}

/**
 * Installs a package tarball into `<userFolder>/.n8n/nodes` exactly as n8n's community packages
 * service does: unpack into node_modules/<name>, drop dev, peer and optional dependencies, then
 * `npm install` there with n8n's flags (no scripts, no lockfile), and record it in nodes/package.json.
 */
function installPackage(userFolder, tarball) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const packageDir = path.join(nodesDir, 'node_modules', PACKAGE.name);
	fs.rmSync(packageDir, { recursive: true, force: true });
	fs.mkdirSync(packageDir, { recursive: true });
	const nodesJson = path.join(nodesDir, 'package.json');
	if (!fs.existsSync(nodesJson)) {
		fs.writeFileSync(nodesJson, JSON.stringify({ name: 'installed-nodes', private: true }, null, 2));
	}
	execFileSync('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);
	const manifestPath = path.join(packageDir, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...manifest } = JSON.parse(
		fs.readFileSync(manifestPath, 'utf8'),
	);
	fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	execFileSync(
		'npm',
		[
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
		],
		{ cwd: packageDir, stdio: ['ignore', 'ignore', 'inherit'] },
	);
	const nodes = JSON.parse(fs.readFileSync(nodesJson, 'utf8'));
	nodes.dependencies = { ...nodes.dependencies, [PACKAGE.name]: manifest.version };
	fs.writeFileSync(nodesJson, JSON.stringify(nodes, null, 2));
	return packageDir;
}

/**
 * Installs the package the way the README's "With npm" section tells users to (queue mode, Docker
 * images): in `<userFolder>/.n8n/nodes` (given a package.json by `npm init -y` when missing),
 * `npm install --legacy-peer-deps <spec>`. `spec` is what a user gives (the package's name), or here
 * the packed tarball. `--legacy-peer-deps`: without it npm also installs the peer dependency
 * `n8n-workflow` (its newest version, a second copy beside n8n's own, whose native dependency
 * `isolated-vm` must then build), which is not wanted and fails where it cannot build.
 */
function installPackageWithNpm(userFolder, spec) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	const npm = (args) => execFileSync('npm', args, { cwd: nodesDir, stdio: ['ignore', 'ignore', 'inherit'] });
	if (!fs.existsSync(path.join(nodesDir, 'package.json'))) npm(['init', '-y']);
	npm(['install', '--legacy-peer-deps', '--no-audit', '--no-fund', spec]);
	return path.join(nodesDir, 'node_modules', PACKAGE.name);
}

function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/** The environment n8n runs in here: its own user folder, sqlite, nothing phoning home. */
async function n8nEnv(userFolder, extra = {}) {
	// Not the test runner's NODE_ENV=test (n8n skips work under it), nor its JEST_* variables.
	const inherited = Object.fromEntries(
		Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('JEST_')),
	);
	return {
		...inherited,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: 'n8n-nodes-recruitee-sumsub-local-key',
		DB_TYPE: 'sqlite',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_RUNNERS_MODE: 'external',
		N8N_RUNNERS_AUTH_TOKEN: 'local-runner-token',
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		N8N_SECURE_COOKIE: 'false',
		N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL || 'warn',
		N8N_HOST: '127.0.0.1',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		...extra,
	};
}

/** Runs an n8n CLI command to its end; rejects with its output if it fails. */
async function runCli(runtime, userFolder, args, { timeoutMs = 180_000, allowFailure = false } = {}) {
	const env = await n8nEnv(userFolder, runtime.env);
	return await new Promise((resolve, reject) => {
		const child = spawn(runtime.nodeBin, [runtime.n8nMain, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			const result = { code, signal, stdout, stderr };
			if ((code === 0 || allowFailure) && !signal) resolve(result);
			else reject(Object.assign(new Error(`n8n ${args[0]} failed (${signal ?? code}):\n${stderr}\n${stdout}`), result));
		});
	});
}

/** Starts `n8n start`; resolves once its REST API answers. Returns { url, stop(), output() }. */
async function startServer(runtime, userFolder, { port, host = '127.0.0.1', inherit = false } = {}) {
	return await startN8n(runtime, userFolder, { command: 'start', port, host, inherit });
}

/** What "ready" means for each n8n command: the URL to poll and the answer to wait for. */
const READINESS = {
	// While starting, every route answers 200 "n8n is starting up": wait for real JSON.
	start: { path: '/rest/settings', ok: async (response) => response.status === 200 && Boolean((await response.json()).data) },
	// The webhook processor's and the worker's health server: 200 once the database (and for a
	// worker Redis) is connected and migrated.
	webhook: { path: '/healthz/readiness', ok: async (response) => response.status === 200 },
	worker: { path: '/healthz/readiness', ok: async (response) => response.status === 200 },
};

/**
 * Starts an n8n process and resolves once it is ready: `start` (editor, REST API, triggers,
 * webhooks; ready when its REST API answers), `worker` (queue mode: runs executions; ready when its
 * health server, switched on here, says so) or `webhook` (queue mode: production webhooks; ready when
 * its health endpoint says so). `env` is added to n8nEnv's; `args` follow the command
 * (`--concurrency=5`); `logFile` gets the process's output (appended) besides `output()`.
 * Returns { url, port, pid, command, output(), stop(), kill(signal), exited }: `stop()` sends SIGTERM
 * (SIGKILL after `stopTimeoutMs`) and waits; `exited` resolves with { code, signal } when it ends.
 */
async function startN8n(
	runtime,
	userFolder,
	{ command = 'start', args = [], env: extraEnv = {}, port, host = '127.0.0.1', inherit = false, logFile, readyTimeoutMs = 120_000, stopTimeoutMs = 15_000 } = {},
) {
	const readiness = READINESS[command];
	if (!readiness) throw new Error(`startN8n: unknown command ${command} (start, worker or webhook)`);
	const serverPort = port ?? (await freePort());
	const portEnv =
		command === 'worker'
			? { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(serverPort), N8N_WORKER_SERVER_ADDRESS: host }
			: { N8N_PORT: String(serverPort), N8N_LISTEN_ADDRESS: host };
	const env = await n8nEnv(userFolder, { ...runtime.env, ...portEnv, ...extraEnv });
	const child = spawn(runtime.nodeBin, [runtime.n8nMain, command, ...args], {
		env,
		stdio: ['ignore', inherit ? 'inherit' : 'pipe', inherit ? 'inherit' : 'pipe'],
	});
	let output = '';
	if (!inherit) {
		const file = logFile ? fs.createWriteStream(logFile, { flags: 'a' }) : null;
		const take = (d) => {
			output += d;
			file?.write(d);
		};
		child.stdout.on('data', take);
		child.stderr.on('data', take);
		child.once('close', () => file?.end());
	}
	const where = logFile ? ` (log: ${logFile})` : '';
	const url = `http://${host}:${serverPort}`;
	const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
	const deadline = Date.now() + readyTimeoutMs;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`n8n ${command} exited (${child.exitCode})${where}:\n${output}`);
		try {
			if (await readiness.ok(await fetch(`${url}${readiness.path}`))) break;
		} catch {
			// not listening yet, or still starting up
		}
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`n8n ${command} was not ready within ${readyTimeoutMs / 1000} s${where}:\n${output}`);
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	return {
		url,
		port: serverPort,
		pid: child.pid,
		command,
		output: () => output,
		exited,
		kill: (signal) => child.kill(signal),
		stop: async () => {
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
			await exited;
			clearTimeout(timer);
		},
	};
}

/** Sets up the owner account (first run) or logs in; returns a fetch that sends the session. */
async function ownerSession(url, { email, password, firstName = 'Local', lastName = 'Owner' }) {
	let response = await fetch(`${url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email, password, firstName, lastName }),
	});
	if (response.status !== 200) {
		response = await fetch(`${url}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: email, email, password }),
		});
	}
	if (response.status !== 200) {
		throw new Error(`could not set up or log in as ${email}: HTTP ${response.status} ${await response.text()}`);
	}
	const cookie = (response.headers.getSetCookie?.() ?? [response.headers.get('set-cookie')])
		.filter(Boolean)
		.map((c) => c.split(';')[0])
		.join('; ');
	return (pathname, init = {}) =>
		fetch(`${url}${pathname}`, {
			...init,
			headers: { 'content-type': 'application/json', ...(init.headers ?? {}), cookie },
		});
}

/**
 * The credentials the example workflows refer to (by id), pointing at the given sandboxes; with a
 * scripted model sandbox (test/sandbox/model), the agent example's OpenAI credential too.
 */
function exampleCredentials(recruitee, sumsub, model) {
	return [
		{
			id: 'exRecruiteeCred',
			name: 'Recruitee sandbox',
			type: 'recruiteeApi',
			data: { companyId: recruitee.companyId, apiToken: recruitee.token, baseUrl: recruitee.url },
		},
		{
			id: 'exSumsubCred',
			name: 'Sumsub sandbox',
			type: 'sumsubApi',
			data: { appToken: sumsub.appToken, secretKey: sumsub.secretKey, baseUrl: sumsub.url },
		},
		// The webhook examples' secrets: deliveries signed with them (see the README) start them.
		{
			id: 'exRecruiteeWebhookCred',
			name: 'Recruitee webhook (sandbox)',
			type: 'recruiteeWebhookApi',
			data: { webhookSecret: EXAMPLE_WEBHOOK_SECRETS.recruitee },
		},
		{
			id: 'exSumsubWebhookCred',
			name: 'Sumsub webhook (sandbox)',
			type: 'sumsubWebhookApi',
			data: { secretKey: EXAMPLE_WEBHOOK_SECRETS.sumsub },
		},
		// The chat agent example's model: the sandbox's scripted stand-in (README: point it at a real model).
		...(model
			? [
					{
						id: 'exOpenAiCred',
						name: 'OpenAI (sandbox scripted model)',
						type: 'openAiApi',
						data: { apiKey: model.apiKey, url: model.baseUrl },
					},
				]
			: []),
	];
}

/** The webhook secrets of the example credentials (a local n8n and its sandboxes only). */
const EXAMPLE_WEBHOOK_SECRETS = { recruitee: 'sandbox-recruitee-webhook-secret', sumsub: 'sandbox-sumsub-webhook-secret' };

function tempUserFolder(prefix = 'n8n-e2e-') {
	return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

module.exports = {
	PACKAGE,
	packPackage,
	installPackage,
	installPackageWithNpm,
	n8nEnv,
	runCli,
	startServer,
	startN8n,
	ownerSession,
	tempUserFolder,
	freePort,
	exampleCredentials,
	EXAMPLE_WEBHOOK_SECRETS,
};
