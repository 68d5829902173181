'use strict';
// Postgres and Redis for the queue-mode suite, from the machine's own packages: Debian's
// `postgresql` and `redis-server` (installed here with apt-get when missing, which needs root, as
// CI runs), started as our own processes on free loopback ports with their data in a temporary
// folder, and stopped by whoever started them. No containers, no system services.
const { execFileSync, spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const { freePort } = require('../../../scripts/lib/n8n');
const { aptInstall } = require('../../../scripts/lib/apt');

const log = (message) => process.stderr.write(`[queue] ${message}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The newest PostgreSQL server's bin folder (Debian keeps each version in /usr/lib/postgresql/<v>/bin). */
function postgresBin() {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return null;
	const versions = fs
		.readdirSync(root)
		.filter((v) => fs.existsSync(path.join(root, v, 'bin', 'postgres')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? path.join(root, versions[0], 'bin') : null;
}

function redisServerBin() {
	for (const dir of (process.env.PATH ?? '').split(path.delimiter).concat(['/usr/bin', '/usr/sbin'])) {
		const file = path.join(dir, 'redis-server');
		if (dir && fs.existsSync(file)) return file;
	}
	return null;
}

/**
 * The binaries of both servers; installs the Debian packages that are missing (apt-get, as root).
 * Installing them does not start anything we use: our servers run on ports of their own.
 */
function ensureServers() {
	const missing = [];
	if (!postgresBin()) missing.push('postgresql');
	if (!redisServerBin()) missing.push('redis-server');
	if (missing.length) {
		aptInstall(missing, { why: 'the queue-mode suite', log });
	}
	return { postgresBin: postgresBin(), redisServer: redisServerBin() };
}

/** Appends a child's output to a log file. */
function logTo(child, file) {
	const out = fs.createWriteStream(file, { flags: 'a' });
	child.stdout?.pipe(out);
	child.stderr?.pipe(out);
	return out;
}

/** Stops a child: `signal`, then SIGKILL after `graceMs`; resolves when it has exited. */
async function stopChild(child, signal = 'SIGTERM', graceMs = 10_000) {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill(signal);
	const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
	await exited;
	clearTimeout(timer);
}

/**
 * The user Postgres runs as: postgres refuses to run as root, so as root we use the `postgres`
 * account the Debian package creates; otherwise the current user.
 */
function postgresUser() {
	if (process.getuid?.() !== 0) return {};
	const id = (flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
	try {
		return { uid: id('-u'), gid: id('-g') };
	} catch {
		throw new Error('running as root, Postgres needs an unprivileged account: the user "postgres" (from the postgresql package) is missing');
	}
}

/**
 * A fresh Postgres cluster on a free loopback port: `initdb` into a temporary folder, the server
 * started in the foreground (our child), a database for n8n. Resolves to the connection settings
 * and `stop()`, which also removes the data.
 */
async function startPostgres({ bin, logFile, database = 'n8n', user = 'n8n', password = 'n8n-queue-test' }) {
	const account = postgresUser();
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-pg-'));
	const pwfile = path.join(dataDir, '..', `${path.basename(dataDir)}.pw`);
	fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
	if (account.uid !== undefined) {
		fs.chownSync(dataDir, account.uid, account.gid);
		fs.chownSync(pwfile, account.uid, account.gid);
	}
	const asAccount = { ...account, env: { ...process.env, LC_ALL: 'C.UTF-8', HOME: dataDir } };
	const init = spawnSync(
		path.join(bin, 'initdb'),
		['-D', dataDir, '-U', user, `--pwfile=${pwfile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--no-sync'],
		{ ...asAccount, encoding: 'utf8' },
	);
	fs.rmSync(pwfile, { force: true });
	if (init.status !== 0) throw new Error(`initdb failed (${init.status}): ${init.stderr}${init.stdout}`);

	const port = await freePort();
	// Only TCP on 127.0.0.1 (the socket in the data folder); durability off: a test database.
	const child = spawn(
		path.join(bin, 'postgres'),
		['-D', dataDir, '-p', String(port), '-h', '127.0.0.1', '-k', dataDir, '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'],
		{ ...asAccount, stdio: ['ignore', 'pipe', 'pipe'] },
	);
	logTo(child, logFile);
	const env = { ...process.env, PGPASSWORD: password };
	const deadline = Date.now() + 60_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`postgres exited (${child.exitCode}); see ${logFile}`);
		const ready = spawnSync(path.join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-U', user, '-d', 'postgres'], { env });
		if (ready.status === 0) break;
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`postgres did not accept connections within 60 s; see ${logFile}`);
		}
		await sleep(200);
	}
	execFileSync(path.join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', user, database], { env });
	return {
		host: '127.0.0.1',
		port,
		user,
		password,
		database,
		pid: child.pid,
		dataDir,
		/** `psql -At -c <sql>` against the n8n database: its output. */
		query: (sql) =>
			execFileSync(path.join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', user, '-d', database, '-At', '-c', sql], { env, encoding: 'utf8' }),
		stop: async () => {
			// SIGINT: Postgres's fast shutdown (ends the sessions, no waiting for clients).
			await stopChild(child, 'SIGINT');
			fs.rmSync(dataDir, { recursive: true, force: true });
		},
	};
}

/** Sends PING to a Redis; true on +PONG. */
function redisPing(port) {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		let answer = '';
		socket.setTimeout(1_000, () => socket.destroy());
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (d) => {
			answer += d;
			if (answer.includes('\r\n')) socket.end();
		});
		socket.on('close', () => resolve(answer.startsWith('+PONG')));
		socket.on('error', () => resolve(false));
	});
}

/** A Redis on a free loopback port, in the foreground (our child), persisting nothing. */
async function startRedis({ bin, logFile }) {
	const port = await freePort();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-redis-'));
	const child = spawn(
		bin,
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--dir', dir, '--loglevel', 'notice'],
		{ stdio: ['ignore', 'pipe', 'pipe'] },
	);
	logTo(child, logFile);
	const deadline = Date.now() + 30_000;
	while (!(await redisPing(port))) {
		if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode}); see ${logFile}`);
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`redis-server did not answer PING within 30 s; see ${logFile}`);
		}
		await sleep(100);
	}
	return {
		host: '127.0.0.1',
		port,
		pid: child.pid,
		dataDir: dir,
		stop: async () => {
			await stopChild(child, 'SIGTERM');
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}

module.exports = { ensureServers, startPostgres, startRedis, stopChild };
