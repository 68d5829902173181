#!/usr/bin/env node
// `npm run bench -- --only "real n8n"` (and every full `npm run bench`): per item in a real n8n.
// `node bench/real-n8n.js [--quick] [--only <text>]` runs this part alone (`npm run build` first).
//
// The other per-item workloads run the nodes through n8n-core's engine, whose credentials come from
// memory. In n8n itself, every read of a credential is a database query, a decryption and its
// expressions resolved, and n8n's request helper reads it for every request it is not handed one.
// This part measures that: a real n8n (the pinned one the e2e suite uses, `n8n start`) in a
// temporary user folder, our packed package installed as the editor installs it, and the Recruitee
// sandbox answering after 20 ms, as an API a network away would.
//
// One activated workflow per contender: Webhook (answering when the last node ends) → Split Out (the
// posted items) → the contender, creating one candidate an item (Create Anyway):
//   - ours, at its default of 10 items in parallel and at 13 (about as many requests on the wire as
//     the HTTP Request node's batching, see the README);
//   - n8n's HTTP Request node (4.2), the same JSON body, batching 10 items every 20 ms: with the
//     token in a header parameter (no credential, as the engine workloads set it up), and with our
//     Recruitee credential (Authentication: Predefined Credential Type), as a user who keeps the
//     token in a credential would.
// Each contender gets two warm-up runs (n8n compiles its code as it runs), then runs of 1,000 items
// (100 with --quick) in turns, the first of a round moving on by one each round, 5 rounds (1 with
// --quick); a warm-up run is as large as a measured one. Measured: the time from the
// post to the answer, and the CPU time the n8n process used meanwhile (Linux: /proc), per item;
// after each run the sandbox must have had exactly one create per item, each email on exactly one
// candidate. Prints a table, then one JSON line (with every run's own time and CPU, `each`). n8n is
// stopped at the end, whatever happens.
'use strict';

const fs = require('node:fs');

const { Agent, request } = require('undici');

const { untilServed } = require('../test/e2e/harness/rest');
const recruiteeSandbox = require('../test/sandbox/recruitee');
const { withBenchN8n } = require('./bench-n8n');
const { median, ratio, showRatio } = require('./stats');
const { BODIES, IN_FLIGHT, MATCHED_IN_FLIGHT, TYPE_PREFIX } = require('./workloads');

const LATENCY_MS = 20;
/**
 * Warm-up runs of each contender, of as many items as a measured run: n8n's code (and ours) keeps
 * getting faster over the first few thousand items, in n8n's process as in any Node.js process.
 */
const WARMUPS = 2;
/** The whole part must end within this (n8n is stopped either way). */
const TIME_LIMIT_MS = 10 * 60_000;

const create = 'real n8n: recruitee create candidate, create anyway';
/** Each contender's last node, given the sandbox and the saved credential. */
const CONTENDERS = [
	{
		key: 'ours',
		name: `${create}, ours, ${IN_FLIGHT} in parallel (default)`,
		node: ours(IN_FLIGHT),
	},
	{
		key: 'oursMatched',
		name: `${create}, ours, ${MATCHED_IN_FLIGHT} in parallel`,
		node: ours(MATCHED_IN_FLIGHT),
	},
	{
		key: 'httpHeader',
		name: `${create}, HTTP Request node, token in a header parameter`,
		node: (sandbox) =>
			httpRequest(sandbox, {
				sendHeaders: true,
				headerParameters: {
					parameters: [{ name: 'authorization', value: `Bearer ${sandbox.token}` }],
				},
			}),
	},
	{
		key: 'httpCredential',
		name: `${create}, HTTP Request node, our Recruitee credential`,
		node: (sandbox, credential) => ({
			...httpRequest(sandbox, {
				authentication: 'predefinedCredentialType',
				nodeCredentialType: 'recruiteeApi',
			}),
			credentials: { recruiteeApi: credential },
		}),
	},
];
const BASELINE = 'httpHeader';

const WORKLOAD_NAMES = CONTENDERS.map((c) => c.name);

function ours(concurrency) {
	return (_sandbox, credential) => ({
		name: 'Contender',
		type: `${TYPE_PREFIX}.recruitee`,
		typeVersion: 1,
		credentials: { recruiteeApi: credential },
		parameters: {
			resource: 'candidate',
			operation: 'create',
			name: '={{ $json.name }}',
			email: '={{ $json.email }}',
			ifExists: 'create',
			simplify: false,
			options: { concurrency },
		},
	});
}

function httpRequest(sandbox, auth) {
	return {
		name: 'Contender',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url: `${sandbox.url}/c/${sandbox.companyId}/candidates`,
			...auth,
			sendBody: true,
			contentType: 'json',
			specifyBody: 'json',
			jsonBody: BODIES.newCandidate.expression(),
			options: { batching: { batch: { batchSize: IN_FLIGHT, batchInterval: LATENCY_MS } } },
		},
	};
}

/** CPU time (user + system) of a process so far, in ms; undefined where /proc is not there. */
function cpuMsOf(pid) {
	try {
		const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
	} catch {
		return undefined;
	}
}

const round2 = (value) => Math.round(value * 100) / 100;

async function main() {
	const argv = process.argv.slice(2);
	const quick = argv.includes('--quick');
	const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
	const items = quick ? 100 : 1000;
	const rounds = quick ? 1 : 5;
	const contenders = CONTENDERS.filter((c) => !only || c.name.includes(only));
	if (contenders.length === 0) return;

	await withBenchN8n(
		{ label: 'real n8n', folderPrefix: 'n8n-bench-real-', timeLimitMs: TIME_LIMIT_MS },
		async ({ runtime, server, saveCredential, activate, log, onStop }) => {
			const sandbox = await recruiteeSandbox.start({ candidates: 2000, auditLogEntries: 10 });
			onStop(() => sandbox.close());
			sandbox.inject({ delayMs: LATENCY_MS, times: Infinity });
			const saved = await saveCredential('Recruitee (bench)', 'recruiteeApi', {
				companyId: sandbox.companyId,
				apiToken: sandbox.token,
				baseUrl: sandbox.url,
			});
			const credential = { id: saved.id, name: saved.name };

			for (const contender of contenders) {
				const node = contender.node(sandbox, credential);
				const path = `bench-${contender.key}`;
				await activate({
					name: contender.name,
					nodes: [
						{
							id: `${path}-webhook`,
							name: 'Webhook',
							type: 'n8n-nodes-base.webhook',
							typeVersion: 2,
							position: [0, 0],
							webhookId: path,
							parameters: {
								httpMethod: 'POST',
								path,
								responseMode: 'lastNode',
								responseData: 'firstEntryJson',
							},
						},
						{
							id: `${path}-split`,
							name: 'Split Out',
							type: 'n8n-nodes-base.splitOut',
							typeVersion: 1,
							position: [200, 0],
							parameters: { fieldToSplitOut: 'body.items' },
						},
						{ id: `${path}-contender`, position: [400, 0], ...node },
					],
					connections: {
						Webhook: { main: [[{ node: 'Split Out', type: 'main', index: 0 }]] },
						'Split Out': { main: [[{ node: 'Contender', type: 'main', index: 0 }]] },
					},
					// Executions are not saved: their data would be written to the database, for all alike.
					settings: { executionOrder: 'v1', saveDataSuccessExecution: 'none' },
				});
				contender.url = `${server.url}/webhook/${path}`;
				await untilServed(contender.url, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ items: [] }),
				});
			}

			let tag = 0;
			/** One run: `count` new candidates through the contender's workflow; its time and CPU. */
			const run = async (contender, count) => {
				const runTag = `${tag++}-${contender.key}`;
				const posted = Array.from({ length: count }, (_, i) => ({
					name: `Bench ${runTag} ${i}`,
					email: `bench-${runTag}-${i}@example.com`,
				}));
				sandbox.clearRequests();
				const cpuBefore = cpuMsOf(server.pid);
				const t0 = performance.now();
				// A connection of its own: a kept-alive one may be closed by n8n as the next post goes out.
				const dispatcher = new Agent();
				const response = await request(contender.url, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ items: posted }),
					dispatcher,
				});
				const answer = await response.body.text();
				const wallMs = performance.now() - t0;
				const cpuAfter = cpuMsOf(server.pid);
				await dispatcher.close();
				const creates = sandbox.requests.filter((r) => r.method === 'POST').length;
				if (response.statusCode !== 200 || creates !== count) {
					throw new Error(
						`${contender.name}: HTTP ${response.statusCode}, ${creates} creates for ${count} items: ${answer.slice(0, 500)}`,
					);
				}
				// Each email on exactly one candidate.
				const wrong = [...sandbox.candidateCountsByEmail(posted.map((p) => p.email))].find(
					([, count]) => count !== 1,
				);
				if (wrong) throw new Error(`${contender.name}: ${wrong[0]} is on ${wrong[1]} candidates`);
				return {
					wallMs,
					cpuMsPerItem: cpuBefore === undefined ? undefined : (cpuAfter - cpuBefore) / count,
					peakInFlight: sandbox.peakInFlight,
				};
			};

			for (let i = 0; i < WARMUPS; i++) for (const c of contenders) await run(c, items);
			log(`warmed up (${WARMUPS} × ${items} items each)`);
			const runs = new Map(contenders.map((c) => [c, []]));
			for (let round = 0; round < rounds; round++) {
				// Taking turns, the first of a round moving on by one each round: what changes over the
				// rounds (n8n still warming up, the sandbox's growing data) touches every contender alike.
				for (let i = 0; i < contenders.length; i++) {
					const c = contenders[(round + i) % contenders.length];
					runs.get(c).push(await run(c, items));
				}
				log(`round ${round + 1} of ${rounds}`);
			}

			const baseline = contenders.find((c) => c.key === BASELINE);
			/** Of one measure, the contender's runs against the baseline's (run i of each). */
			const against = (mine, theirs, of) =>
				ratio(
					mine.map((r) => r[of]),
					theirs.map((r) => r[of]),
				);
			const rows = contenders.map((c) => {
				const mine = runs.get(c);
				const cpu = mine[0].cpuMsPerItem !== undefined;
				const time = baseline && against(mine, runs.get(baseline), 'wallMs');
				const cpuRatio = baseline && cpu && against(mine, runs.get(baseline), 'cpuMsPerItem');
				return {
					name: c.name,
					runs: mine.length,
					items,
					wallMs: Math.round(median(mine.map((r) => r.wallMs))),
					cpuMsPerItem: cpu ? round2(median(mine.map((r) => r.cpuMsPerItem))) : null,
					peakInFlight: Math.max(...mine.map((r) => r.peakInFlight)),
					vsHttpRequestHeader: time ? time.value : null,
					vsHttpRequestHeaderSpread: time ? time.spread : null,
					cpuVsHttpRequestHeader: cpuRatio ? cpuRatio.value : null,
					cpuVsHttpRequestHeaderSpread: cpuRatio ? cpuRatio.spread : null,
					each: mine.map((r) => ({
						wallMs: Math.round(r.wallMs),
						cpuMsPerItem: r.cpuMsPerItem === undefined ? null : round2(r.cpuMsPerItem),
					})),
				};
			});
			console.log(
				`\nPer item in a real n8n ${runtime.version} (median of ${rounds} run(s) of ${items} items; sandbox answers after ${LATENCY_MS} ms; ratios against the HTTP Request node with the token in a header)\n`,
			);
			console.log(
				'| contender | ms | CPU ms/item (n8n process) | most answered at once | time / HTTP Request (header) | CPU / HTTP Request (header) |\n| --- | --- | --- | --- | --- | --- |',
			);
			for (const r of rows) {
				console.log(
					`| ${r.name} | ${r.wallMs} | ${r.cpuMsPerItem ?? 'n/a'} | ${r.peakInFlight} | ${showRatio(r.vsHttpRequestHeader, r.vsHttpRequestHeaderSpread)} | ${showRatio(r.cpuVsHttpRequestHeader, r.cpuVsHttpRequestHeaderSpread)} |`,
				);
			}
			console.log(JSON.stringify({ realN8n: { n8n: runtime.version, items, rounds, rows } }));
		},
	);
}

if (require.main === module) {
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}

module.exports = { WORKLOAD_NAMES };
