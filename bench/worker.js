'use strict';
// One benchmark run in a process of its own (so its memory is its own): a contender reads one
// workload from the sandbox whose URL and credentials it is given, and reports on stdout.
//   node bench/worker.js '<json spec>'
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

process.env.PACKAGE_TYPES_FROM = 'dist';
process.env.N8N_USER_FOLDER ||= fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-bench-'));
process.env.N8N_LOG_LEVEL = 'error';

const { helperNodeType } = require('./helper-node');
const { BODIES } = require('./workloads');

const spec = JSON.parse(process.argv[2]);

let peakRss = 0;
let peakHeap = 0;
const sample = () => {
	const m = process.memoryUsage();
	peakRss = Math.max(peakRss, m.rss);
	peakHeap = Math.max(peakHeap, m.heapUsed);
};
const sampler = setInterval(sample, 5);

/**
 * Requests in flight, seen from the client (node:http for n8n's request helper, undici for the bare
 * loop): from the start of a request to the end of its answer. `area` / the run's time is the mean.
 */
const inFlight = { now: 0, peak: 0, area: 0, at: 0, open: new WeakSet() };
function trackRequests() {
	const dc = require('node:diagnostics_channel');
	const change = (delta) => {
		const t = performance.now();
		inFlight.area += inFlight.now * (t - inFlight.at);
		inFlight.at = t;
		inFlight.now += delta;
		inFlight.peak = Math.max(inFlight.peak, inFlight.now);
	};
	const start = ({ request }) => {
		inFlight.open.add(request);
		change(1);
	};
	const end = ({ request }) => {
		if (inFlight.open.delete(request)) change(-1);
	};
	dc.subscribe('http.client.request.start', start);
	dc.subscribe('http.client.response.finish', end);
	dc.subscribe('http.client.request.error', end);
	dc.subscribe('undici:request:create', start);
	dc.subscribe('undici:request:trailers', end);
	dc.subscribe('undici:request:error', end);
}
trackRequests();

/**
 * The contenders. `run` says what to read or write: the input items (per-item workloads), the page
 * size, and `onePage` for the warm-up (one small page, or one item).
 */
const contenders = {
	async ours(run) {
		const input = run.items ? run.items.map((json) => ({ json })) : [{ json: {} }];
		const parameters =
			run.onePage && !spec.perItem
				? { ...spec.node, returnAll: false, limit: 1 }
				: { ...spec.node };
		if (run.pageSize)
			parameters.options = { ...(parameters.options ?? {}), pageSize: run.pageSize };
		const { items, error } = await runNode({
			type: spec.type,
			parameters,
			credentials: spec.credentials,
			input,
		});
		if (error) throw error;
		return items.map((i) => i.json);
	},

	/**
	 * n8n's HTTP Request node (4.2, from the pinned n8n) with its pagination options set up for the
	 * same API, through the same engine. It outputs one item per page; the records are in them.
	 * Per item: one request an item, `{placeholders}` of the path from the item; writes send the same
	 * JSON body as our node, and its batching (the workload's) paces them.
	 */
	async httpRequest(run) {
		const { TestNodeTypes, runWorkflowNode } = engine;
		const types = new TestNodeTypes({ 'n8n-nodes-base.httpRequest': new HttpRequest() });
		const header = Object.entries(spec.headersFor('')).map(([name, value]) => ({ name, value }));
		const base = {
			method: 'GET',
			sendHeaders: true,
			headerParameters: { parameters: header },
			options: {},
		};
		let parameters;
		let input = [{ json: {} }];
		if (spec.perItem) {
			const { method = 'GET', path: p, body } = spec.perItem;
			parameters = {
				...base,
				method,
				url: `=${spec.url}${spec.prefix}${p.replace(/\{(\w+)\}/g, '{{ $json.$1 }}')}`,
			};
			if (body) {
				Object.assign(parameters, {
					sendBody: true,
					contentType: 'json',
					specifyBody: 'json',
					jsonBody: BODIES[body].expression(spec.fixed),
				});
			}
			// Batching: so many items, then a pause; the node does not wait for the answers.
			if (spec.httpRequestBatching && !run.onePage) {
				parameters.options = { batching: { batch: spec.httpRequestBatching } };
			}
			input = run.items.map((json) => ({ json }));
		} else {
			const { path: p, style, records, query = {} } = spec.paging;
			const next =
				style === 'offset'
					? { type: 'qs', name: 'offset', value: `={{ $pageCount * ${run.pageSize} }}` }
					: { type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' };
			parameters = {
				...base,
				url: `${spec.url}${spec.prefix}${p}`,
				sendQuery: true,
				queryParameters: {
					parameters: Object.entries({ ...query, limit: run.pageSize }).map(([name, value]) => ({
						name,
						value: String(value),
					})),
				},
				options: run.onePage
					? {}
					: {
							pagination: {
								pagination: {
									paginationMode: 'updateAParameterInEachRequest',
									parameters: { parameters: [next] },
									paginationCompleteWhen: 'other',
									completeExpression: `={{ $response.body.${records}.length < ${run.pageSize} }}`,
								},
							},
						},
			};
		}
		const node = {
			id: 'http',
			name: 'HTTP Request',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: [0, 0],
			parameters,
		};
		const { items, error } = await runWorkflowNode({ types, node, input });
		if (error) throw error;
		const key = spec.perItem ? spec.perItem.records : spec.paging.records;
		return items.flatMap((i) => (Array.isArray(i.json[key]) ? i.json[key] : [i.json[key]]));
	},

	/**
	 * n8n's request helper alone (bench/helper-node.js): our node's parameters read, the workload's
	 * request sent through `httpRequestWithAuthentication`, nothing else. Per-item workloads only.
	 */
	async helper(run) {
		const { TestNodeTypes, runWorkflowNode } = engine;
		const { body } = spec.perItem;
		const type = helperNodeType({
			parameters: spec.node,
			perItem: spec.perItem,
			body: body && ((json) => BODIES[body].of(json, spec.fixed)),
		});
		const name = type.description.name;
		const node = {
			id: 'helper',
			name: type.description.defaults.name,
			type: name,
			typeVersion: 1,
			position: [0, 0],
			parameters: { ...spec.node },
			credentials: { recruiteeApi: { id: '1', name: 'recruiteeApi test' } },
		};
		const { items, error } = await runWorkflowNode({
			types: new TestNodeTypes({ [name]: type }),
			node,
			credentials: spec.credentials,
			input: run.items.map((json) => ({ json })),
		});
		if (error) throw error;
		return items.map((i) => i.json);
	},

	async limit(run) {
		const { request, Agent } = undici;
		const dispatcher = new Agent({ keepAliveTimeout: 10_000 });
		const get = async (pathAndQuery, method = 'GET', json = undefined) => {
			const headers = { accept: 'application/json', ...spec.headersFor(pathAndQuery) };
			if (json !== undefined) headers['content-type'] = 'application/json';
			const { statusCode, body } = await request(`${spec.url}${pathAndQuery}`, {
				method,
				headers,
				body: json === undefined ? undefined : JSON.stringify(json),
				dispatcher,
			});
			const text = await body.text();
			if (statusCode !== 200 && statusCode !== 201)
				throw new Error(`HTTP ${statusCode}: ${text.slice(0, 200)}`);
			return JSON.parse(text);
		};
		const out = [];
		if (spec.perItem) {
			// One item after the other: the path's {placeholders} and the body from the item.
			const { method = 'GET', path: p, body, records } = spec.perItem;
			for (const item of run.items) {
				const answer = await get(
					`${spec.prefix}${p.replace(/\{(\w+)\}/g, (_, key) => item[key])}`,
					method,
					body ? BODIES[body].of(item, spec.fixed) : undefined,
				);
				out.push(answer[records]);
			}
			return out;
		}
		const { path: p, style, records, query = {} } = spec.paging;
		const qs = (extra) =>
			new URLSearchParams({ ...query, ...extra }).toString().replace(/\+/g, '%20');
		if (style === 'cursor') {
			let marker;
			do {
				const body = await get(
					`${p}?${qs(marker ? { forwardMarker: marker, limit: run.pageSize } : { limit: run.pageSize })}`,
				);
				out.push(...body[records]);
				marker = body.forwardMarker;
			} while (marker && !run.onePage);
			return out;
		}
		for (let page = 1, offset = 0; ; page++) {
			const paging =
				style === 'offset' ? { limit: run.pageSize, offset } : { limit: run.pageSize, page };
			const body = await get(`${spec.prefix}${p}?${qs(paging)}`);
			const got = body[records];
			out.push(...got);
			offset += got.length;
			if (
				run.onePage ||
				got.length < run.pageSize ||
				(body.total !== undefined && out.length >= body.total)
			)
				return out;
		}
	},
};

/** A V8 CPU profile of the measured part only (not the loading of n8n-core). */
async function startProfiler() {
	const { Session } = require('node:inspector');
	const session = new Session();
	session.connect();
	const post = (method, params) =>
		new Promise((resolve, reject) =>
			session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
		);
	await post('Profiler.enable');
	await post('Profiler.setSamplingInterval', { interval: 200 });
	await post('Profiler.start');
	return { stop: async () => (await post('Profiler.stop')).profile };
}

// Loading n8n-core and the nodes, or undici, is not part of what is measured.
const engine = spec.contender === 'limit' ? {} : require('../test/harness/engine');
const { runNode } = engine;
const undici = spec.contender === 'limit' ? require('undici') : undefined;
const HttpRequest =
	spec.contender === 'httpRequest'
		? require(
				path.join(
					spec.runtimeDir,
					'node_modules/n8n-nodes-base/dist/nodes/HttpRequest/HttpRequest.node.js',
				),
			).HttpRequest
		: undefined;

(async () => {
	if (spec.api === 'sumsub') {
		const { sign } = require('../test/sandbox/sumsub');
		spec.headersFor = (url) => {
			const ts = Math.floor(Date.now() / 1000);
			return {
				'x-app-token': spec.credentials.sumsubApi.appToken,
				'x-app-access-ts': String(ts),
				'x-app-access-sig': sign({
					secretKey: spec.credentials.sumsubApi.secretKey,
					ts,
					method: 'GET',
					url,
				}),
			};
		};
		spec.prefix = '';
	} else {
		spec.headersFor = () => ({ authorization: `Bearer ${spec.credentials.recruiteeApi.apiToken}` });
		spec.prefix = `/c/${spec.credentials.recruiteeApi.companyId}`;
	}
	// A running n8n has run nodes before: one small warm-up call (one page, or one item) first, so
	// first-use costs (lazy modules, locale data, compiling) are not measured, for every contender.
	// Writes have an item of their own for it (the warm-up's write is one more in the sandbox's count).
	await contenders[spec.contender]({
		items: spec.items && [spec.warmup ?? spec.items[0]],
		pageSize: spec.perItem ? undefined : 1,
		onePage: true,
	});
	await new Promise((resolve) => setTimeout(resolve, 20));
	const profiler = spec.cpuProfile ? await startProfiler() : undefined;
	// What the process holds before the run (n8n-core and its modules, loaded, garbage collected):
	// the run's own memory is the peak above it.
	global.gc();
	const base = process.memoryUsage();
	peakRss = base.rss;
	peakHeap = base.heapUsed;
	Object.assign(inFlight, { peak: inFlight.now, area: 0, at: performance.now() });
	// Requests the sandbox receives from now on are the measured run's.
	const startedAt = Date.now();
	const started = process.hrtime.bigint();
	const cpuBefore = process.cpuUsage();
	const records = await contenders[spec.contender]({
		items: spec.items,
		pageSize: spec.pageSize,
		onePage: false,
	});
	const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
	// CPU time of the whole process (all its threads, the garbage collector's included).
	const cpu = process.cpuUsage(cpuBefore);
	const cpuMs = (cpu.user + cpu.system) / 1000;
	const meanInFlight = (inFlight.area + inFlight.now * (performance.now() - inFlight.at)) / wallMs;
	if (profiler) fs.writeFileSync(spec.cpuProfile, JSON.stringify(await profiler.stop()));
	sample();
	clearInterval(sampler);
	// What the records themselves hold once the garbage of reading them is collected.
	global.gc();
	const retained = process.memoryUsage().heapUsed - base.heapUsed;
	const jsonBytes = Buffer.byteLength(JSON.stringify(records));
	const memory = { peakRss, peakHeap, baseRss: base.rss, baseHeap: base.heapUsed, retained };
	const flight = { meanInFlight, clientPeakInFlight: inFlight.peak, cpuMs };
	process.stdout.write(
		`${JSON.stringify({ wallMs, startedAt, records: records.length, jsonBytes, ...memory, ...flight })}\n`,
	);
	process.exit(0);
})().catch((error) => {
	process.stderr.write(`${error.stack ?? error}\n`);
	process.exit(1);
});
