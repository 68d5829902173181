#!/usr/bin/env node
'use strict';
// `npm run test:queue`: the package in n8n's queue mode, end to end. Starts Postgres and Redis
// (harness/services.js: the machine's packages, installed with apt-get when missing), then runs the
// suite (jest.queue.config.js) in a process group of its own; the suite starts n8n (main, two
// workers, a webhook processor, and a single instance to compare with) as children. At the end,
// whatever happened (failure, Ctrl-C, SIGTERM), every process of that group and both servers are
// stopped and their data removed. If this runner itself is killed outright (SIGKILL), a small
// watchdog it leaves behind does the same. Logs stay in .tmp/queue/<run>/ (git-ignored).
//
//   npm run test:queue [-- <jest arguments, e.g. -t "webhook">]
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const { ROOT } = require('../../scripts/lib/runtime');

const KEEP_RUNS = 5;
const log = (message) => process.stderr.write(`[queue] ${message}\n`);

/** What must go when this run ends: process ids, process groups, folders. Kept in a file for the watchdog. */
function registry(file) {
	const state = { pids: [], groups: [], dirs: [] };
	const save = () => fs.writeFileSync(file, JSON.stringify(state));
	save();
	return {
		state,
		add(kind, value) {
			state[kind].push(value);
			save();
		},
	};
}

const alive = (pid) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
};

/** SIGKILLs what is left and removes the folders (used by the watchdog; synchronous). */
function killAll(state) {
	for (const group of state.groups) {
		try {
			process.kill(-group, 'SIGKILL');
		} catch {
			// gone already
		}
	}
	for (const pid of state.pids) {
		try {
			process.kill(pid, 'SIGKILL');
		} catch {
			// gone already
		}
	}
	for (const dir of state.dirs) fs.rmSync(dir, { recursive: true, force: true });
}

/** The n8n user folders the suite made (temporary; named in the run's context.json). */
function removeUserFolders(logDir) {
	try {
		const context = JSON.parse(fs.readFileSync(path.join(logDir, 'context.json'), 'utf8'));
		for (const folder of Object.values(context.folders ?? {})) fs.rmSync(folder, { recursive: true, force: true });
	} catch {
		// the suite did not get that far
	}
}

/** `run.js --watchdog <pid> <file>`: waits for the runner to disappear, then cleans up after it. */
function watchdog(pid, file) {
	const timer = setInterval(() => {
		if (alive(pid)) return;
		clearInterval(timer);
		try {
			killAll(JSON.parse(fs.readFileSync(file, 'utf8')));
		} catch {
			// nothing recorded
		}
		removeUserFolders(path.dirname(file));
	}, 1_000);
}

/** The run's log folder; the oldest runs' folders beyond KEEP_RUNS go. */
function logFolder() {
	const base = path.join(ROOT, '.tmp', 'queue');
	fs.mkdirSync(base, { recursive: true });
	const runs = fs.readdirSync(base).filter((d) => /^\d{8}T\d{6}/.test(d)).sort();
	for (const old of runs.slice(0, Math.max(0, runs.length - KEEP_RUNS + 1))) fs.rmSync(path.join(base, old), { recursive: true, force: true });
	const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
	const dir = path.join(base, `${stamp}-${process.pid}`);
	fs.mkdirSync(dir);
	return dir;
}

async function main() {
	const { ensureServers, startPostgres, startRedis } = require('./harness/services');
	const logDir = logFolder();
	const reg = registry(path.join(logDir, 'processes.json'));
	const guard = spawn(process.execPath, [__filename, '--watchdog', String(process.pid), path.join(logDir, 'processes.json')], {
		detached: true,
		stdio: 'ignore',
	});
	guard.unref();

	let postgres;
	let redis;
	let jest;
	let cleaning;
	const cleanup = () =>
		(cleaning ??= (async () => {
			if (jest && jest.exitCode === null && jest.signalCode === null) {
				try {
					process.kill(-jest.pid, 'SIGTERM');
				} catch {
					// gone
				}
			}
			if (jest) {
				// The suite's n8n processes are in jest's group: whatever is still there goes, after a grace period.
				const deadline = Date.now() + 15_000;
				while (Date.now() < deadline && groupAlive(jest.pid)) await new Promise((r) => setTimeout(r, 250));
				try {
					process.kill(-jest.pid, 'SIGKILL');
				} catch {
					// gone
				}
			}
			await Promise.allSettled([postgres?.stop(), redis?.stop()]);
			removeUserFolders(logDir);
			killAll({ ...reg.state, groups: [] });
			try {
				process.kill(guard.pid, 'SIGKILL');
			} catch {
				// gone
			}
		})());
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		process.on(signal, () => {
			log(`${signal}: stopping everything…`);
			void cleanup().then(() => process.exit(130));
		});
	}

	let code = 1;
	try {
		const { postgresBin, redisServer } = ensureServers();
		[postgres, redis] = await Promise.all([
			startPostgres({ bin: postgresBin, logFile: path.join(logDir, 'postgres.log') }),
			startRedis({ bin: redisServer, logFile: path.join(logDir, 'redis.log') }),
		]);
		reg.add('pids', postgres.pid);
		reg.add('pids', redis.pid);
		reg.add('dirs', postgres.dataDir);
		reg.add('dirs', redis.dataDir);
		log(`Postgres on 127.0.0.1:${postgres.port}, Redis on 127.0.0.1:${redis.port}; logs in ${path.relative(ROOT, logDir)}`);
		const services = {
			postgres: { host: postgres.host, port: postgres.port, user: postgres.user, password: postgres.password, database: postgres.database, bin: postgresBin },
			redis: { host: redis.host, port: redis.port },
		};
		jest = spawn(process.execPath, [require.resolve('jest/bin/jest'), '-c', path.join(ROOT, 'jest.queue.config.js'), ...process.argv.slice(2)], {
			cwd: ROOT,
			detached: true,
			stdio: 'inherit',
			env: { ...process.env, QUEUE_SERVICES: JSON.stringify(services), QUEUE_LOG_DIR: logDir },
		});
		reg.add('groups', jest.pid);
		code = await new Promise((resolve) => jest.once('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
	} catch (error) {
		log(error.stack ?? String(error));
		code = 1;
	} finally {
		await cleanup();
	}
	log(`logs: ${path.relative(ROOT, logDir)}`);
	process.exit(code);
}

function groupAlive(pgid) {
	try {
		process.kill(-pgid, 0);
		return true;
	} catch {
		return false;
	}
}

if (process.argv[2] === '--watchdog') watchdog(Number(process.argv[3]), process.argv[4]);
else void main();
