#!/usr/bin/env node
// `npm run bench [-- --quick]`: paging throughput and memory of our nodes (through n8n-core's real
// engine) against the limit (a bare undici loop fetching and parsing the same pages), on the same
// sandbox data and page sizes. Each run is a process of its own; medians of several runs, every ratio
// with its spread (the least and the most of the run-by-run ratios). Prints a table, then one JSON
// line. Run `npm run build` first.
//
// Third contender: n8n's HTTP Request node with its pagination options, through the same engine (not
// for Sumsub: it cannot sign requests).
//
// Fourth, on the per-item workloads: n8n's request helper alone (bench/helper-node.js), a node that
// reads our node's parameters and sends the request through `httpRequestWithAuthentication`, and
// nothing else: what every node like ours pays. Ours against it is what our own code costs.
//
// Per-item workloads: each contender gets the same input items. Write workloads prepare fresh data
// before every run (one item more, for the warm-up), and the sandbox's count of the writes that took
// effect must match.
//
// Webhook load (bench/webhooks.js, a process of its own, after the others; `--only webhook` runs it
// alone): signed deliveries to our webhook triggers and to n8n's Webhook node in a real n8n. It prints
// a table and a JSON line of its own.
//
// Per item in a real n8n (bench/real-n8n.js, a process of its own, last; `--only "real n8n"` runs it
// alone): Create Anyway through ours and the HTTP Request node in `n8n start`, where a credential is
// read from n8n's database on every read. It prints a table and a JSON line of its own.
'use strict';

const { spawn } = require('node:child_process');
const os = require('node:os');
const path = require('node:path');

const { ensureN8n } = require('../scripts/lib/runtime');
const { WORKLOAD_NAMES: REAL_N8N_WORKLOADS } = require('./real-n8n');
const { WORKLOAD_NAMES: WEBHOOK_WORKLOADS } = require('./webhooks');
const { median, ratio, showRatio } = require('./stats');
const { workloads, TYPE_PREFIX } = require('./workloads');

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
// `--only <text>`: just the workloads whose name contains it. `--cpu-prof <dir>`: a V8 CPU profile of
// the measured part of each run, written there (Chrome DevTools or speedscope open it;
// `node bench/profile.js <file>` sums it up).
const optionValue = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const only = optionValue('--only');
// `--runs <file>`: every run's own measures (time, memory, requests in flight), one JSON line a workload.
const runsFile = optionValue('--runs');
const cpuProfDir = optionValue('--cpu-prof');
if (cpuProfDir) require('node:fs').mkdirSync(cpuProfDir, { recursive: true });
// `--finish-first`: the sandboxes handle a request only once the answers already begun are sent in
// full (see `finishSendingFirst` in test/sandbox/kit.js): a large page is not held up while the next
// one is built, as with an API whose servers build pages side by side.
const finishFirst = argv.includes('--finish-first');
// `--latency <ms>`: every answer of the paging workloads waits this long before the sandbox builds
// it, as an API that takes a while to answer (a database, a network between). Per-item workloads
// keep their own latency.
const latencyMs = argv.includes('--latency') ? Number(optionValue('--latency')) : 0;
if (!(Number.isFinite(latencyMs) && latencyMs >= 0)) {
	console.error('--latency takes a number of milliseconds (0 or more)');
	process.exit(2);
}
const RUNS = quick ? 1 : 5;
const CONTENDERS = ['ours', 'limit', 'httpRequest', 'helper'];

function runWorker(spec) {
	return new Promise((resolve, reject) => {
		const child = spawn(
			process.execPath,
			[
				'--max-old-space-size=8192',
				'--expose-gc',
				path.join(__dirname, 'worker.js'),
				JSON.stringify(spec),
			],
			{
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		let out = '';
		let err = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (err += d));
		child.on('close', (code) => {
			const line = out.trim().split('\n').pop();
			if (code === 0 && line) resolve(JSON.parse(line));
			else reject(new Error(`${spec.contender} failed (${code}): ${err.slice(-2000)}`));
		});
	});
}

/** A part in a process of its own (the webhook load, per item in a real n8n); its output is ours. */
function runPart(file, what) {
	return new Promise((resolve, reject) => {
		const args = [path.join(__dirname, file)];
		if (quick) args.push('--quick');
		if (only) args.push('--only', only);
		const child = spawn(process.execPath, args, { stdio: 'inherit' });
		child.on('close', (code, signal) =>
			code === 0 ? resolve() : reject(new Error(`${what} failed (${signal ?? code})`)),
		);
	});
}

/** The parts in processes of their own that `--only` selects, one after the other. */
async function runParts(webhooks, realN8n) {
	if (webhooks) await runPart('webhooks.js', 'webhook load');
	if (realN8n) await runPart('real-n8n.js', 'per item in a real n8n');
}

async function startSandbox(workload) {
	const sandbox = await require(`../test/sandbox/${workload.api}`).start(workload.sandbox);
	sandbox.finishSendingFirst = finishFirst;
	return sandbox;
}

function credentialsOf(api, sandbox) {
	return api === 'recruitee'
		? {
				recruiteeApi: {
					companyId: sandbox.companyId,
					apiToken: sandbox.token,
					baseUrl: sandbox.url,
				},
			}
		: {
				sumsubApi: {
					appToken: sandbox.appToken,
					secretKey: sandbox.secretKey,
					baseUrl: sandbox.url,
				},
			};
}

async function main() {
	// n8n's HTTP Request node comes from the pinned n8n the e2e suite uses (installed once).
	const runtimeDir = ensureN8n().dir;
	const rows = [];
	const selected = workloads(quick ? 0.1 : 1).filter((w) => !only || w.name.includes(only));
	const webhooks = WEBHOOK_WORKLOADS.some((name) => !only || name.includes(only));
	const realN8n = REAL_N8N_WORKLOADS.some((name) => !only || name.includes(only));
	for (const workload of selected) {
		const sandbox = await startSandbox(workload);
		const spec = {
			api: workload.api,
			type: `${TYPE_PREFIX}.${workload.api}`,
			url: sandbox.url,
			credentials: credentialsOf(workload.api, sandbox),
			node: workload.node,
			pageSize: workload.pageSize,
			paging: workload.paging,
			perItem: workload.perItem,
			httpRequestBatching: workload.httpRequestBatching,
			// Reads: the same items every run (the warm-up reads the first).
			items:
				workload.items && !workload.prepare
					? sandbox.data.candidates.slice(0, workload.items).map((c) => ({ id: c.id }))
					: undefined,
			runtimeDir,
		};
		// Sumsub signs every request: the HTTP Request node cannot, without code of its own. The
		// request helper alone sends one request an item.
		const contenders = CONTENDERS.filter(
			(c) =>
				(c !== 'httpRequest' || workload.api !== 'sumsub') && (c !== 'helper' || workload.perItem),
		);
		const results = Object.fromEntries(contenders.map((c) => [c, []]));
		// Runs take turns (ours, limit, HTTP Request, ours...), so a change in the machine's load
		// touches every contender alike.
		const runs = quick ? 1 : (workload.runs ?? RUNS);
		for (let i = 0; i < runs; i++) {
			for (const contender of contenders) {
				// Writes: data of this run's own, and the sandbox's count of writes before it.
				const prepared = workload.prepare?.({
					sandbox,
					items: workload.items + 1,
					tag: `${contender}${i + 1}-${Date.now().toString(36)}`,
				});
				const runSpec = prepared
					? {
							...spec,
							node: { ...spec.node, ...prepared.node },
							fixed: prepared.fixed,
							items: prepared.items.slice(0, workload.items),
							warmup: prepared.items[workload.items],
						}
					: spec;
				const writesBefore = workload.counter ? sandbox.writes[workload.counter] : 0;
				sandbox.clearRequests();
				sandbox.clearFaults();
				const latency = workload.latencyMs ?? latencyMs;
				if (latency) sandbox.inject({ delayMs: latency, times: Infinity });
				const cpuProfile = cpuProfDir
					? path.resolve(
							cpuProfDir,
							`${workload.name.replace(/[^a-z0-9]+/gi, '-')}-${contender}-${i + 1}.cpuprofile`,
						)
					: undefined;
				const result = await runWorker({ ...runSpec, contender, cpuProfile });
				if (result.records !== workload.expected) {
					throw new Error(
						`${workload.name}, ${contender}: ${result.records} records, expected ${workload.expected}`,
					);
				}
				if (workload.counter) {
					// Every item's write took effect once (the warm-up's too), and on the right record.
					const written = sandbox.writes[workload.counter] - writesBefore;
					const wrong = workload.check?.(sandbox, prepared.items);
					if (written !== workload.expected + 1 || wrong !== undefined) {
						throw new Error(
							`${workload.name}, ${contender}: ${written} ${workload.counter}, expected ${workload.expected + 1} with the warm-up${wrong === undefined ? '' : `; wrong: ${wrong}`}`,
						);
					}
				}
				result.requests = sandbox.requests.filter((r) => r.receivedAt >= result.startedAt).length;
				result.peakInFlight = sandbox.peakInFlight;
				results[contender].push(result);
			}
		}
		await sandbox.close();
		if (runsFile) {
			require('node:fs').appendFileSync(
				runsFile,
				`${JSON.stringify({ name: workload.name, results })}\n`,
			);
		}
		const m = (contender, key) => median(results[contender].map((r) => r[key]));
		// Each run's value of `key` (a function of the run's result, or its field).
		const each = (contender, key) =>
			results[contender].map((r) => (typeof key === 'function' ? key(r) : r[key]));
		const runRss = (r) => r.peakRss - r.baseRss;
		const wallMs = m('ours', 'wallMs');
		const limitMs = m('limit', 'wallMs');
		// Ours against another contender on `key`, run by run (none where it did not run).
		const against = (contender, key) =>
			results[contender]
				? ratio(each('ours', key), each(contender, key))
				: { value: null, spread: null };
		const vsLimit = against('limit', 'wallMs');
		const vsHttpRequest = against('httpRequest', 'wallMs');
		const cpuVsHttpRequest = against('httpRequest', 'cpuMs');
		const vsHelper = against('helper', 'wallMs');
		const cpuVsHelper = against('helper', 'cpuMs');
		const runRssVsLimit = against('limit', runRss);
		// Against the output JSON (at least 0.1 MB), run by run.
		const output = (contender) => each(contender, (r) => Math.max(r.jsonBytes, 0.1 * 2 ** 20));
		const vsOutput = (contender, key) => ratio(each(contender, key), output(contender));
		const rssVsOutput = vsOutput('ours', 'peakRss');
		const runRssVsOutput = vsOutput('ours', runRss);
		const limitRunRssVsOutput = vsOutput('limit', runRss);
		const retainedVsOutput = vsOutput('ours', 'retained');
		const row = {
			name: workload.name,
			runs,
			records: workload.expected,
			requests: m('ours', 'requests'),
			limitRequests: m('limit', 'requests'),
			httpRequestRequests: results.httpRequest ? m('httpRequest', 'requests') : null,
			// Requests in flight: the most the sandbox answered at once, and the mean over the run as
			// the client saw them (per-item workloads: the parallelism each contender really had).
			peakInFlight: m('ours', 'peakInFlight'),
			meanInFlight: Number(m('ours', 'meanInFlight').toFixed(1)),
			httpRequestPeakInFlight: results.httpRequest ? m('httpRequest', 'peakInFlight') : null,
			httpRequestMeanInFlight: results.httpRequest
				? Number(m('httpRequest', 'meanInFlight').toFixed(1))
				: null,
			wallMs: Math.round(wallMs),
			limitWallMs: Math.round(limitMs),
			// Every ratio `x` comes with `xSpread`: [least, most] of the run-by-run ratios.
			vsLimit: vsLimit.value,
			vsLimitSpread: vsLimit.spread,
			httpRequestWallMs: results.httpRequest ? Math.round(m('httpRequest', 'wallMs')) : null,
			vsHttpRequest: vsHttpRequest.value,
			vsHttpRequestSpread: vsHttpRequest.spread,
			recordsPerSecond: Math.round(workload.expected / (wallMs / 1000)),
			// CPU time of the run per record (per item, on the per-item workloads).
			cpuMsPerRecord: Number((m('ours', 'cpuMs') / workload.expected).toFixed(3)),
			httpRequestCpuMsPerRecord: results.httpRequest
				? Number((m('httpRequest', 'cpuMs') / workload.expected).toFixed(3))
				: null,
			cpuVsHttpRequest: cpuVsHttpRequest.value,
			cpuVsHttpRequestSpread: cpuVsHttpRequest.spread,
			// n8n's request helper alone (per-item workloads): its time, CPU and requests in flight.
			helperWallMs: results.helper ? Math.round(m('helper', 'wallMs')) : null,
			helperMeanInFlight: results.helper ? Number(m('helper', 'meanInFlight').toFixed(1)) : null,
			helperCpuMsPerRecord: results.helper
				? Number((m('helper', 'cpuMs') / workload.expected).toFixed(3))
				: null,
			vsHelper: vsHelper.value,
			vsHelperSpread: vsHelper.spread,
			cpuVsHelper: cpuVsHelper.value,
			cpuVsHelperSpread: cpuVsHelper.spread,
			peakRssMb: Math.round(m('ours', 'peakRss') / 2 ** 20),
			peakHeapMb: Math.round(m('ours', 'peakHeap') / 2 ** 20),
			baseRssMb: Math.round(m('ours', 'baseRss') / 2 ** 20),
			runRssMb: Math.round(median(each('ours', runRss)) / 2 ** 20),
			runHeapMb: Math.round(median(results.ours.map((r) => r.peakHeap - r.baseHeap)) / 2 ** 20),
			outputJsonMb: Number((m('ours', 'jsonBytes') / 2 ** 20).toFixed(1)),
			limitPeakRssMb: Math.round(m('limit', 'peakRss') / 2 ** 20),
			limitRunRssMb: Math.round(median(each('limit', runRss)) / 2 ** 20),
			runRssVsLimit: runRssVsLimit.value,
			runRssVsLimitSpread: runRssVsLimit.spread,
			retainedMb: Math.round(m('ours', 'retained') / 2 ** 20),
			rssVsOutput: rssVsOutput.value,
			rssVsOutputSpread: rssVsOutput.spread,
			runRssVsOutput: runRssVsOutput.value,
			runRssVsOutputSpread: runRssVsOutput.spread,
			limitRunRssVsOutput: limitRunRssVsOutput.value,
			limitRunRssVsOutputSpread: limitRunRssVsOutput.spread,
			retainedVsOutput: retainedVsOutput.value,
			retainedVsOutputSpread: retainedVsOutput.spread,
		};
		rows.push(row);
		process.stderr.write(`done: ${workload.name}\n`);
	}
	const columns = [
		['workload', (r) => r.name],
		['records', (r) => r.records],
		[
			'requests (limit, HTTP Request)',
			(r) => `${r.requests} (${r.limitRequests}, ${r.httpRequestRequests ?? 'n/a'})`,
		],
		[
			'in flight mean/peak (HTTP Request)',
			(r) =>
				`${r.meanInFlight}/${r.peakInFlight} (${r.httpRequestMeanInFlight ?? 'n/a'}/${r.httpRequestPeakInFlight ?? 'n/a'})`,
		],
		['ours ms', (r) => r.wallMs],
		['limit ms', (r) => r.limitWallMs],
		['HTTP Request ms', (r) => r.httpRequestWallMs],
		['ours/limit', (r) => showRatio(r.vsLimit, r.vsLimitSpread)],
		['ours/HTTP Request', (r) => showRatio(r.vsHttpRequest, r.vsHttpRequestSpread)],
		['records/s', (r) => r.recordsPerSecond],
		[
			'CPU ms/record (HTTP Request)',
			(r) => `${r.cpuMsPerRecord} (${r.httpRequestCpuMsPerRecord ?? 'n/a'})`,
		],
		['CPU ours/HTTP Request', (r) => showRatio(r.cpuVsHttpRequest, r.cpuVsHttpRequestSpread)],
		[
			'helper alone ms, in flight, CPU ms/item',
			(r) =>
				r.helperWallMs === null
					? 'n/a'
					: `${r.helperWallMs}, ${r.helperMeanInFlight}, ${r.helperCpuMsPerRecord}`,
		],
		['ours/helper', (r) => showRatio(r.vsHelper, r.vsHelperSpread)],
		['CPU ours/helper', (r) => showRatio(r.cpuVsHelper, r.cpuVsHelperSpread)],
		['peak RSS MB', (r) => r.peakRssMb],
		['peak heap MB', (r) => r.peakHeapMb],
		['run RSS MB (limit)', (r) => `${r.runRssMb} (${r.limitRunRssMb})`],
		['run RSS ours/limit', (r) => showRatio(r.runRssVsLimit, r.runRssVsLimitSpread)],
		['run RSS/output', (r) => showRatio(r.runRssVsOutput, r.runRssVsOutputSpread)],
		['retained MB', (r) => r.retainedMb],
		['output JSON MB', (r) => r.outputJsonMb],
	];
	if (selected.length === 0) {
		await runParts(webhooks, realN8n);
		return;
	}
	console.log(
		`\nBenchmark (${quick ? 'quick' : 'full'}; median of ${RUNS} run(s); ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}; Node.js ${process.version}${finishFirst ? '; sandboxes finish sending first' : ''}${latencyMs ? `; paging answers wait ${latencyMs} ms` : ''})`,
	);
	console.log(
		'ratios: median over median, then (least–most) of the run-by-run ratios; run RSS: peak RSS above the process before the run (n8n-core loaded); retained: heap the records hold after a full GC\n',
	);
	console.log(
		`| ${columns.map(([name]) => name).join(' | ')} |\n|${columns.map(() => ' --- ').join('|')}|`,
	);
	for (const r of rows)
		console.log(`| ${columns.map(([, value]) => value(r) ?? 'n/a').join(' | ')} |`);
	console.log(
		JSON.stringify({
			...(finishFirst && { sandboxFinishesSendingFirst: true }),
			...(latencyMs && { pagingLatencyMs: latencyMs }),
			workloads: rows,
		}),
	);
	await runParts(webhooks, realN8n);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
