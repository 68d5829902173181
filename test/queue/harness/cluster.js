'use strict';
// n8n in queue mode against the run's Postgres and Redis: a main (`n8n start`: editor, REST API,
// triggers, webhooks), workers (`n8n worker`: they run every execution) and a webhook processor
// (`n8n webhook`: production webhooks), each with the user folder global-setup prepared for it. Each
// process's output goes to a log file of the run (named in failures); workers log at info level, which
// names every execution they start ("Worker started execution 12 (job 3)"): that is how we know which
// worker ran what (n8n 2.8 does not record it with the execution).
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const { startN8n } = require('../../../scripts/lib/n8n');

const context = JSON.parse(fs.readFileSync(process.env.QUEUE_CONTEXT, 'utf8'));
const { postgres, redis } = context.services;

/**
 * The environment every process of the cluster shares (the README's "Scaling out" lists these).
 * N8N_ENCRYPTION_KEY is n8nEnv's, the same for all. The worker lock settings are shortened so that a
 * killed worker's execution is noticed in seconds (n8n's defaults: 60 s lock, checked every 30 s).
 */
const QUEUE_ENV = {
	EXECUTIONS_MODE: 'queue',
	QUEUE_BULL_REDIS_HOST: redis.host,
	QUEUE_BULL_REDIS_PORT: String(redis.port),
	DB_TYPE: 'postgresdb',
	DB_POSTGRESDB_HOST: postgres.host,
	DB_POSTGRESDB_PORT: String(postgres.port),
	DB_POSTGRESDB_DATABASE: postgres.database,
	DB_POSTGRESDB_USER: postgres.user,
	DB_POSTGRESDB_PASSWORD: postgres.password,
	N8N_LOG_LEVEL: 'info',
	QUEUE_WORKER_LOCK_DURATION: '15000',
	QUEUE_WORKER_LOCK_RENEW_TIME: '5000',
	QUEUE_WORKER_STALLED_INTERVAL: '5000',
};

const WORKER_CONCURRENCY = 5;

const logFile = (name) => path.join(context.logDir, `${name}.log`);

/** A line in a process's log file (restarts, kills), so the log reads as what happened. */
const mark = (name, text) => fs.appendFileSync(logFile(name), `\n===== [queue suite] ${new Date().toISOString()} ${text} =====\n`);

/** `psql -At -c <sql>` against the cluster's database: its output, trimmed. */
function sql(query) {
	return execFileSync(
		path.join(postgres.bin, 'psql'),
		['-h', postgres.host, '-p', String(postgres.port), '-U', postgres.user, '-d', postgres.database, '-At', '-c', query],
		{ env: { ...process.env, PGPASSWORD: postgres.password }, encoding: 'utf8' },
	).trim();
}

/** Execution ids named in a worker's output ("Worker started execution <id> (job <job>)"). */
const startedIn = (output) => [...output.matchAll(/Worker started execution (\d+) \(job (\d+)\)/g)].map((m) => m[1]);

function createCluster() {
	const processes = { main: null, webhook: null, workers: [] };

	const startMain = async () => {
		mark('main', 'starting n8n start (main)');
		processes.main = await startN8n(context.runtime, context.folders.main, { env: QUEUE_ENV, logFile: logFile('main') });
		return processes.main;
	};
	const startWorker = async (i) => {
		const name = `worker-${i + 1}`;
		mark(name, `starting n8n worker --concurrency=${WORKER_CONCURRENCY}`);
		processes.workers[i] = await startN8n(context.runtime, context.folders[name], {
			command: 'worker',
			args: [`--concurrency=${WORKER_CONCURRENCY}`],
			env: QUEUE_ENV,
			logFile: logFile(name),
		});
		processes.workers[i].name = name;
		return processes.workers[i];
	};

	return {
		processes,
		get main() {
			return processes.main;
		},
		get webhook() {
			return processes.webhook;
		},
		get workers() {
			return processes.workers;
		},
		/** Main first (it migrates the database), then both workers and the webhook processor at once. */
		async start() {
			await startMain();
			mark('webhook', 'starting n8n webhook');
			const [webhook] = await Promise.all([
				startN8n(context.runtime, context.folders.webhook, { command: 'webhook', env: QUEUE_ENV, logFile: logFile('webhook') }),
				startWorker(0),
				startWorker(1),
			]);
			processes.webhook = webhook;
		},
		/** Stops main (SIGTERM, as a deployment does) and starts it again on the same port. */
		async restartMain() {
			const { port } = processes.main;
			mark('main', 'stopping main (SIGTERM) for a restart');
			await processes.main.stop();
			processes.main = null;
			mark('main', 'starting main again');
			processes.main = await startN8n(context.runtime, context.folders.main, { env: QUEUE_ENV, logFile: logFile('main'), port });
			return processes.main;
		},
		/** SIGKILLs a worker (no shutdown of any kind); resolves once it is gone. */
		async killWorker(worker) {
			mark(worker.name, 'SIGKILL');
			worker.kill('SIGKILL');
			return await worker.exited;
		},
		/** Which worker started which execution: { 'worker-1': ['3', …], 'worker-2': […] }. */
		executionsByWorker() {
			return Object.fromEntries(processes.workers.map((w) => [w.name, startedIn(w.output())]));
		},
		/** The log files, for failure messages. */
		logs() {
			return ['main', 'worker-1', 'worker-2', 'webhook'].map(logFile).join(', ');
		},
		async stop() {
			await Promise.allSettled([processes.webhook?.stop(), ...processes.workers.map((w) => w?.stop())]);
			await processes.main?.stop();
		},
	};
}

module.exports = { context, createCluster, sql, logFile, mark, QUEUE_ENV, WORKER_CONCURRENCY };
