#!/usr/bin/env node
// `npm run bench -- --only webhook` (and every full `npm run bench`): webhook load in a real n8n.
// `node bench/webhooks.js [--quick] [--only <text>]` runs this part alone (`npm run build` first).
//
// A real n8n (the pinned one the e2e suite uses, `n8n start`) in a temporary user folder, with our
// packed package installed as the editor installs it. One activated workflow per contender, its
// secret in a credential saved through the REST API:
//   - our Recruitee Webhook Trigger (X-Recruitee-Signature, HMAC-SHA256 of the body);
//   - our Sumsub Webhook Trigger (X-Payload-Digest, HMAC-SHA256, with X-Payload-Digest-Alg);
//   - n8n's own Webhook node (POST, Header Auth credential checking a header), the baseline. It is
//     sent the same bodies as the Recruitee trigger.
// Each gets 1,000 deliveries (100 with --quick), every one a distinct payload and none sent twice,
// 20 at a time (undici, 20 connections), after a warm-up of 20 to a workflow of its own with the same
// node. The deliveries go in 5 rounds of a fifth, the contenders taking turns; a contender's round
// starts once the previous one's executions have all finished. Measured from the client: deliveries
// per second (over the time spent sending), the acknowledgement time of each (sent to the answer's
// last byte: p50, p95, p99, max), and executions per second (over the time from a round's first
// delivery to all its executions finished, as the REST API lists them). Then the REST API must list
// exactly as many executions as deliveries, all `success` in webhook mode, and each delivery's id
// must be in exactly one of them (none lost, none twice). Prints a table, then one JSON line.
// n8n is stopped at the end, whatever happens.
'use strict';

const crypto = require('node:crypto');
const os = require('node:os');
const path = require('node:path');

const { Pool } = require('undici');

const { PACKAGE } = require('../scripts/lib/n8n');
const { withBenchN8n } = require('./bench-n8n');

const IN_FLIGHT = 20;
const WARMUP = 20;
/** The deliveries of a contender are sent in this many rounds (contenders take turns). */
const ROUNDS = 5;
/** The whole part must end within this (n8n is stopped either way). */
const TIME_LIMIT_MS = 10 * 60_000;
const FINISHED = ['success', 'error', 'crashed', 'canceled', 'unknown'];
const UNFINISHED = ['new', 'running', 'waiting'];

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const hmacHex = (algorithm, secret, body) =>
	crypto.createHmac(algorithm, secret).update(body).digest('hex');

/** A Recruitee "candidate moved" delivery, `id` its delivery id (the shape Recruitee sends). */
function recruiteeBody(id, n) {
	return JSON.stringify({
		id,
		attempt_count: 0,
		event_type: 'candidate_moved',
		event_subtype: 'stage_changed',
		created_at: new Date(Date.UTC(2026, 2, 1) + n * 1000).toISOString(),
		payload: {
			candidate: {
				id: 500_000 + n,
				name: `Candidate ${n}`,
				emails: [`candidate-${n}@example.com`],
				phones: ['+31 20 555 0100'],
				photo_thumb_url: null,
			},
			company: { id: 1234, name: 'Acme' },
			offer: { id: 1_209_656, title: 'Compiler Engineer', kind: 'job' },
			details: {
				from_stage: { id: 1, name: 'Applied', category: 'apply' },
				to_stage: { id: 2, name: 'Phone interview', category: 'phone_screen' },
			},
		},
	});
}

/**
 * The contenders. `node(webhookId, credential)`: the workflow's one node; `deliver(body)`: its path
 * and headers; `idOf(item)`: the delivery id in the node's output item.
 */
const CONTENDERS = [
	{
		key: 'recruitee',
		name: 'webhook: Recruitee Webhook Trigger (ours)',
		short: 'Recruitee Webhook Trigger',
		credential: (secret) => ({ type: 'recruiteeWebhookApi', data: { webhookSecret: secret } }),
		node: (webhookId) => ({
			name: 'Recruitee Webhook Trigger',
			type: `${PACKAGE.name}.recruiteeWebhookTrigger`,
			typeVersion: 1,
			webhookId,
			parameters: { events: ['candidateMoved'] },
		}),
		body: (id, n) => recruiteeBody(id, n),
		deliver: (webhookId, body, secret) => ({
			path: `/webhook/${webhookId}/recruitee`,
			headers: { 'x-recruitee-signature': hmacHex('sha256', secret, body) },
		}),
		idOf: (item) => item.delivery_id,
	},
	{
		key: 'sumsub',
		name: 'webhook: Sumsub Webhook Trigger (ours)',
		short: 'Sumsub Webhook Trigger',
		credential: (secret) => ({ type: 'sumsubWebhookApi', data: { secretKey: secret } }),
		node: (webhookId) => ({
			name: 'Sumsub Webhook Trigger',
			type: `${PACKAGE.name}.sumsubWebhookTrigger`,
			typeVersion: 1,
			webhookId,
			parameters: { events: ['applicantReviewed'], reviewAnswer: 'any' },
		}),
		// An applicantReviewed event as Sumsub sends it; its correlation id is the delivery's id.
		body: (id, n) =>
			JSON.stringify({
				applicantId: `65f0c0ffee${String(n).padStart(14, '0')}`,
				inspectionId: `65f0beef00${String(n).padStart(14, '0')}`,
				correlationId: id,
				externalUserId: `recruitee-${47_628_500 + n}`,
				levelName: 'basic-kyc-level',
				type: 'applicantReviewed',
				reviewResult: { reviewAnswer: n % 4 ? 'GREEN' : 'RED' },
				reviewStatus: 'completed',
				createdAtMs: new Date(Date.UTC(2026, 2, 1) + n * 1000)
					.toISOString()
					.replace('T', ' ')
					.replace('Z', ''),
				sandboxMode: false,
			}),
		deliver: (webhookId, body, secret) => ({
			path: `/webhook/${webhookId}/sumsub`,
			headers: {
				'x-payload-digest': hmacHex('sha256', secret, body),
				'x-payload-digest-alg': 'HMAC_SHA256_HEX',
			},
		}),
		idOf: (item) => item.correlationId,
	},
	{
		key: 'n8nWebhook',
		name: "webhook: n8n's Webhook node, Header Auth (baseline)",
		short: "n8n's Webhook node (Header Auth)",
		credential: (secret) => ({
			type: 'httpHeaderAuth',
			data: { name: 'X-Bench-Auth', value: secret },
		}),
		node: (webhookId) => ({
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2.1,
			webhookId,
			parameters: {
				httpMethod: 'POST',
				path: webhookId,
				authentication: 'headerAuth',
				responseMode: 'onReceived',
				options: {},
			},
		}),
		// The Recruitee trigger's bodies, signed the same way (the Webhook node checks only its header).
		body: (id, n) => recruiteeBody(id, n),
		deliver: (webhookId, body, secret) => ({
			path: `/webhook/${webhookId}`,
			headers: {
				'x-bench-auth': secret,
				'x-recruitee-signature': hmacHex('sha256', secret, body),
			},
		}),
		idOf: (item) => item.body?.id,
	},
];

const WORKLOAD_NAMES = CONTENDERS.map((c) => c.name);

/** Nearest rank. */
function percentile(sorted, p) {
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function main() {
	const argv = process.argv.slice(2);
	const quick = argv.includes('--quick');
	const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
	const deliveries = quick ? 100 : 1000;
	const contenders = CONTENDERS.filter((c) => !only || c.name.includes(only));
	if (contenders.length === 0) return;

	const started = Date.now();
	const deadline = started + TIME_LIMIT_MS;
	const beforeDeadline = (what) => {
		if (Date.now() > deadline) {
			throw new Error(`webhook bench: over ${TIME_LIMIT_MS / 60_000} min (${what})`);
		}
	};
	await withBenchN8n(
		{ label: 'webhooks', folderPrefix: 'n8n-bench-webhooks-', timeLimitMs: TIME_LIMIT_MS + 60_000 },
		async ({ runtime, server, session, call, saveCredential, activate, log }) => {
			/** A workflow with the contender's node, activated; its id and the node's webhook id. */
			async function activatedWorkflow(contender, name) {
				const secret = crypto.randomBytes(24).toString('base64url');
				const { type, data } = contender.credential(secret);
				const credential = await saveCredential(`${name} (${type})`, type, data);
				const webhookId = crypto.randomUUID();
				const node = contender.node(webhookId);
				const saved = await activate({
					name,
					nodes: [
						{
							id: crypto.randomUUID(),
							position: [0, 0],
							...node,
							credentials: { [type]: { id: credential.id, name: credential.name } },
						},
					],
					connections: {},
					settings: { executionOrder: 'v1' },
				});
				return { id: saved.id, webhookId, secret, nodeName: node.name };
			}

			/** Counts of the workflow's executions: all, unfinished, and by status. */
			async function counts(workflowId) {
				const count = async (status) => {
					const filter = encodeURIComponent(JSON.stringify({ workflowId, status }));
					const response = await session(`/rest/executions?filter=${filter}&limit=1`);
					const body = await response.json();
					if (response.status !== 200 || !body.data) {
						throw new Error(`executions of ${workflowId}: HTTP ${response.status}`);
					}
					return body.data.count;
				};
				const [all, unfinished, success] = await Promise.all([
					count([...FINISHED, ...UNFINISHED]),
					count(UNFINISHED),
					count(['success']),
				]);
				return { all, unfinished, success };
			}

			/** Waits until `expected` executions (or more) exist and none is unfinished, then 1 s more. */
			async function settled(workflowId, expected) {
				for (;;) {
					beforeDeadline(`waiting for the executions of workflow ${workflowId}`);
					const now = await counts(workflowId);
					if (now.all >= expected && now.unfinished === 0) {
						const finishedAt = Date.now();
						// Anything late (a delivery started twice) would show up here.
						await sleep(1000);
						return { ...(await counts(workflowId)), finishedAt };
					}
					await sleep(100);
				}
			}

			/** Every execution of the workflow (summaries), 100 a page, newest first. */
			async function allExecutions(workflowId) {
				const summaries = [];
				let lastId;
				for (;;) {
					const filter = encodeURIComponent(
						JSON.stringify({ workflowId, status: [...FINISHED, ...UNFINISHED] }),
					);
					const page = await call(
						`/rest/executions?filter=${filter}&limit=100${lastId ? `&lastId=${lastId}` : ''}`,
					);
					summaries.push(...page.results);
					if (page.results.length < 100) return summaries;
					lastId = page.results[page.results.length - 1].id;
				}
			}

			/** The delivery ids the node output in each execution (read one by one, 10 at a time). */
			async function deliveryIdsOf(summaries, contender, nodeName) {
				const { parse } = require(path.join(runtime.dir, 'node_modules', 'flatted'));
				const ids = new Array(summaries.length);
				let next = 0;
				await Promise.all(
					Array.from({ length: 10 }, async () => {
						while (next < summaries.length) {
							const i = next++;
							beforeDeadline('reading executions');
							const execution = await call(`/rest/executions/${summaries[i].id}`);
							const task = parse(execution.data).resultData.runData[nodeName]?.[0];
							const items = task?.data?.main?.[0] ?? [];
							ids[i] = items.length === 1 ? contender.idOf(items[0].json) : undefined;
						}
					}),
				);
				return ids;
			}

			/** Sends the bodies, IN_FLIGHT at a time; every answer must be 200. Client-side timings. */
			async function send(workflow, contender, bodies) {
				const pool = new Pool(server.url, {
					connections: IN_FLIGHT,
					headersTimeout: 30_000,
					bodyTimeout: 30_000,
				});
				const latencies = new Array(bodies.length);
				const failures = [];
				let answer;
				let next = 0;
				const t0 = performance.now();
				try {
					await Promise.all(
						Array.from({ length: IN_FLIGHT }, async () => {
							while (next < bodies.length) {
								const i = next++;
								const body = bodies[i];
								const { path: pathname, headers } = contender.deliver(
									workflow.webhookId,
									body,
									workflow.secret,
								);
								const sentAt = performance.now();
								const response = await pool.request({
									method: 'POST',
									path: pathname,
									headers: { 'content-type': 'application/json', ...headers },
									body,
								});
								const text = await response.body.text();
								latencies[i] = performance.now() - sentAt;
								answer ??= `${response.statusCode} ${text.slice(0, 100)}`;
								if (response.statusCode !== 200) {
									failures.push(`${response.statusCode} ${text.slice(0, 200)}`);
								}
							}
						}),
					);
				} finally {
					await pool.close();
				}
				const wallMs = performance.now() - t0;
				if (failures.length) {
					throw new Error(
						`${contender.short}: ${failures.length} of ${bodies.length} deliveries not answered 200; first: ${failures[0]}`,
					);
				}
				return { wallMs, latencies, answer };
			}

			const tag = Date.now().toString(36);
			const idsOf = (contender, prefix, count) =>
				Array.from({ length: count }, (_, n) => `bench-${contender.key}-${prefix}-${tag}-${n}`);
			const bodiesOf = (contender, ids) => ids.map((id, n) => contender.body(id, n));

			// The workflows first (all active while measuring, as on a real instance).
			const workflows = {};
			for (const contender of contenders) {
				workflows[contender.key] = {
					warmup: await activatedWorkflow(contender, `Bench warm-up: ${contender.short}`),
					measured: await activatedWorkflow(contender, `Bench: ${contender.short}`),
				};
			}
			log(`${contenders.length * 2} workflows activated`);

			// Warm-up: the same node, a workflow of its own, so the measured one's history is its run.
			for (const contender of contenders) {
				const { warmup } = workflows[contender.key];
				await send(warmup, contender, bodiesOf(contender, idsOf(contender, 'warmup', WARMUP)));
				await settled(warmup.id, WARMUP);
			}
			log('warmed up');

			// Rounds, taking turns (the first contender of a round moves on by one each round), so a change
			// in the machine's load or in n8n's database touches every contender alike. A contender's next
			// delivery waits for the previous contender's executions to finish.
			const perRound = deliveries / ROUNDS;
			const runs = Object.fromEntries(
				contenders.map((contender) => {
					const ids = idsOf(contender, 'run', deliveries);
					return [
						contender.key,
						{ ids, bodies: bodiesOf(contender, ids), wallMs: 0, executedMs: 0, latencies: [] },
					];
				}),
			);
			for (let round = 0; round < ROUNDS; round++) {
				for (let k = 0; k < contenders.length; k++) {
					const contender = contenders[(round + k) % contenders.length];
					const { measured } = workflows[contender.key];
					const run = runs[contender.key];
					const sentAt = Date.now();
					const sent = await send(
						measured,
						contender,
						run.bodies.slice(round * perRound, (round + 1) * perRound),
					);
					const after = await settled(measured.id, (round + 1) * perRound);
					run.wallMs += sent.wallMs;
					run.executedMs += after.finishedAt - sentAt;
					run.latencies.push(...sent.latencies);
					run.answer ??= sent.answer;
					run.after = after;
				}
				log(`round ${round + 1} of ${ROUNDS} done`);
			}
			const rows = contenders.map((contender) => {
				const run = runs[contender.key];
				const sorted = [...run.latencies].sort((a, b) => a - b);
				return {
					name: contender.name,
					contender: contender.key,
					deliveries,
					inFlight: IN_FLIGHT,
					rounds: ROUNDS,
					wallMs: Math.round(run.wallMs),
					deliveriesPerSecond: Math.round(deliveries / (run.wallMs / 1000)),
					p50Ms: Number(percentile(sorted, 50).toFixed(1)),
					p95Ms: Number(percentile(sorted, 95).toFixed(1)),
					p99Ms: Number(percentile(sorted, 99).toFixed(1)),
					maxMs: Number(sorted[sorted.length - 1].toFixed(1)),
					// From a round's first delivery sent to all its executions finished (polled every
					// 100 ms), summed over the rounds.
					executedMs: run.executedMs,
					executionsPerSecond: Math.round(deliveries / (run.executedMs / 1000)),
					executions: run.after.all,
					successful: run.after.success,
					// What a started delivery was answered (the first one).
					answer: run.answer,
					measured: workflows[contender.key].measured,
					ids: run.ids,
				};
			});

			// Exactly one successful execution per delivery: every id once, nothing else.
			for (const row of rows) {
				const contender = CONTENDERS.find((c) => c.key === row.contender);
				const summaries = await allExecutions(row.measured.id);
				const ids = await deliveryIdsOf(summaries, contender, row.measured.nodeName);
				const expected = new Set(row.ids);
				const seen = new Map();
				for (const id of ids) seen.set(id, (seen.get(id) ?? 0) + 1);
				const lost = [...expected].filter((id) => !seen.has(id));
				const twice = [...seen].filter(([, count]) => count > 1).map(([id]) => id);
				const foreign = [...seen.keys()].filter((id) => !expected.has(id));
				const notSuccess = summaries.filter((s) => s.status !== 'success' || s.mode !== 'webhook');
				row.executions = summaries.length;
				row.successful = summaries.length - notSuccess.length;
				row.distinctDeliveries = [...seen.keys()].filter((id) => expected.has(id)).length;
				row.lost = lost.length;
				row.twice = twice.length;
				delete row.measured;
				delete row.ids;
				if (
					summaries.length !== row.deliveries ||
					notSuccess.length ||
					lost.length ||
					twice.length ||
					foreign.length
				) {
					throw new Error(
						`${contender.short}: ${summaries.length} executions for ${row.deliveries} deliveries; not successful: ${notSuccess.length} (${[...new Set(notSuccess.map((s) => `${s.mode}:${s.status}`))].join(', ')}); lost: ${lost.length} (${lost.slice(0, 3).join(', ')}); twice: ${twice.length} (${twice.slice(0, 3).join(', ')}); not ours: ${foreign.length}`,
					);
				}
				log(`${contender.short}: ${summaries.length} executions checked, one per delivery`);
			}

			const baseline = rows.find((r) => r.contender === 'n8nWebhook');
			for (const row of rows) {
				row.vsN8nWebhookThroughput = baseline
					? Number((row.deliveriesPerSecond / baseline.deliveriesPerSecond).toFixed(2))
					: null;
				row.vsN8nWebhookP95 = baseline ? Number((row.p95Ms / baseline.p95Ms).toFixed(2)) : null;
				row.vsN8nWebhookExecuted = baseline
					? Number((row.executionsPerSecond / baseline.executionsPerSecond).toFixed(2))
					: null;
			}

			const columns = [
				['contender', (r) => r.name],
				['deliveries', (r) => r.deliveries],
				['in flight', (r) => r.inFlight],
				['wall ms', (r) => r.wallMs],
				['deliveries/s', (r) => r.deliveriesPerSecond],
				['ack p50 ms', (r) => r.p50Ms],
				['ack p95 ms', (r) => r.p95Ms],
				['ack p99 ms', (r) => r.p99Ms],
				['ack max ms', (r) => r.maxMs],
				['executed/s', (r) => r.executionsPerSecond],
				['executions (success)', (r) => `${r.executions} (${r.successful})`],
				['lost / twice', (r) => `${r.lost} / ${r.twice}`],
				['/s vs Webhook node', (r) => r.vsN8nWebhookThroughput ?? 'n/a'],
				['p95 vs Webhook node', (r) => r.vsN8nWebhookP95 ?? 'n/a'],
				['executed/s vs Webhook node', (r) => r.vsN8nWebhookExecuted ?? 'n/a'],
			];
			console.log(
				`\nWebhook load (${quick ? 'quick' : 'full'}; n8n ${runtime.version}, n8n start, sqlite; ${deliveries} signed deliveries a contender in ${ROUNDS} rounds taking turns, ${IN_FLIGHT} at a time, after ${WARMUP} to a warm-up workflow; ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}; Node.js ${process.version})`,
			);
			console.log(
				"ack: from sending a delivery to the last byte of its answer, seen from the client; deliveries/s: deliveries over the time sending them; executed/s: deliveries over the time from a round's first delivery sent until the REST API lists all its executions finished\n",
			);
			console.log(
				`| ${columns.map(([name]) => name).join(' | ')} |\n|${columns.map(() => ' --- ').join('|')}|`,
			);
			for (const r of rows) console.log(`| ${columns.map(([, value]) => value(r)).join(' | ')} |`);
			console.log(JSON.stringify({ webhooks: rows }));
		},
	);
}

module.exports = { WORKLOAD_NAMES };

if (require.main === module) {
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
