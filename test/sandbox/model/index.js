'use strict';
/**
 * A scripted, OpenAI-compatible chat-completions server on loopback: no real model. A test lays out
 * what "the model" answers, turn by turn: tool calls first, then a final message built from the
 * tool results it received. Each request takes the next turn of the script of its `model` (so
 * several agents can share one server, each with a model name of its own). Every request is
 * recorded, parsed: the tool schemas the client built, the messages (with the tool results).
 *
 *   const model = await require('./test/sandbox/model').start({
 *     scripts: {
 *       'agent-read': [
 *         { toolCalls: [{ name: 'Candidates', arguments: { offerId: 1209656 } }] },
 *         { final: (messages) => `Found: ${toolResults(messages)[0].content}` },
 *       ],
 *     },
 *   });
 *   // credential: { apiKey: model.apiKey, url: model.baseUrl }   (baseUrl = url + '/v1')
 *   model.completions   // [{ model, stream, tools, messages, body, turn, answered }]
 */
const { createSandbox, reply } = require('../kit');

/**
 * @typedef {{ name: string, arguments: object|string, id?: string }} ScriptedToolCall
 * @typedef {{ toolCalls: ScriptedToolCall[] | ((messages: any[], completion: Completion) => ScriptedToolCall[]) } | { final: string | ((messages: any[], completion: Completion) => string) }} Turn
 *   a turn's tool calls may be built from what the request brought (e.g. one call per record a tool returned)
 * @typedef {object} Completion one parsed chat-completions request
 * @property {string} model
 * @property {boolean} stream
 * @property {any[]} tools the `tools` the client sent (function schemas), [] when none
 * @property {any[]} messages the `messages` the client sent
 * @property {any} body the whole parsed request body
 * @property {number} turn index of the turn that answered it (-1: none, an error was sent)
 * @property {any} [answered] the assistant message sent back
 */

const DEFAULT_API_KEY = 'sandbox-openai-key';
const CREATED = 1767225600; // 2026-01-01T00:00:00Z, fixed: answers are deterministic

/** OpenAI's error body. */
const errorBody = (status, message = statusMessage(status), type = status === 401 ? 'invalid_request_error' : 'server_error') => ({
	error: { message, type, param: null, code: status === 401 ? 'invalid_api_key' : null },
});

function statusMessage(status) {
	return require('node:http').STATUS_CODES[status] || 'Error';
}

/** The tool messages (role "tool") of a request, in order: `{ tool_call_id, content, name? }`. */
function toolResults(messages) {
	const names = new Map();
	for (const m of messages) {
		for (const call of m.tool_calls || []) names.set(call.id, call.function && call.function.name);
	}
	return messages
		.filter((m) => m.role === 'tool')
		.map((m) => ({ ...m, content: textOf(m.content), name: names.get(m.tool_call_id) }));
}

/** Message content as text (a string, or OpenAI's array of parts). */
function textOf(content) {
	if (typeof content === 'string') return content;
	if (Array.isArray(content)) return content.map((p) => (typeof p === 'string' ? p : p.text || '')).join('');
	return content == null ? '' : JSON.stringify(content);
}

/**
 * @param {object} [options]
 * @param {Record<string, Turn[]>} [options.scripts] turns by model name
 * @param {(messages: any[], completion: Completion) => Turn} [options.respond] answers the models that have no
 *   script, every request afresh (a stand-in for `npm run dev`, where nobody scripts the chat)
 * @param {string} [options.apiKey] the Bearer token it accepts
 * @param {number} [options.port]
 * @param {string} [options.host]
 */
async function start({ scripts = {}, respond, apiKey = DEFAULT_API_KEY, port = 0, host = '127.0.0.1' } = {}) {
	/** @type {Map<string, { turns: Turn[], next: number }>} */
	const byModel = new Map();
	/** @type {Completion[]} */
	const completions = [];
	let callCounter = 0;

	/** @param {Record<string, Turn[]>} more */
	function setScripts(more) {
		for (const [model, turns] of Object.entries(more)) byModel.set(model, { turns: [...turns], next: 0 });
	}
	setScripts(scripts);

	/** @param {import('../kit').RecordedRequest} record */
	function handle(record) {
		if (record.headers.authorization !== `Bearer ${apiKey}`) {
			return reply(401, errorBody(401, 'Incorrect API key provided.'));
		}
		const path = record.path.replace(/\/+$/, '');
		if (path === '/v1/models' || path === '/models') {
			if (record.method !== 'GET') return reply(405, errorBody(405), { allow: 'GET' });
			return reply(200, {
				object: 'list',
				data: [...byModel.keys()].map((id) => ({ id, object: 'model', created: CREATED, owned_by: 'sandbox' })),
			});
		}
		if (path !== '/v1/chat/completions' && path !== '/chat/completions') {
			return reply(404, errorBody(404, `Unknown route ${record.method} ${record.path}`, 'invalid_request_error'));
		}
		if (record.method !== 'POST') return reply(405, errorBody(405), { allow: 'POST' });
		let body;
		try {
			body = JSON.parse(record.body);
		} catch {
			return reply(400, errorBody(400, 'Malformed JSON body', 'invalid_request_error'));
		}
		/** @type {Completion} */
		const completion = {
			model: body.model,
			stream: body.stream === true,
			tools: Array.isArray(body.tools) ? body.tools : [],
			messages: Array.isArray(body.messages) ? body.messages : [],
			body,
			turn: -1,
		};
		completions.push(completion);
		const script = byModel.get(body.model);
		if (!script && respond) return answer(completion, body, respond(completion.messages, completion));
		if (!script) {
			return reply(404, errorBody(404, `The model \`${body.model}\` does not exist (no script for it)`, 'invalid_request_error'));
		}
		if (script.next >= script.turns.length) {
			// 400, not 5xx: the client must not retry, and the test sees that its script ran out
			return reply(400, errorBody(400, `The script of model \`${body.model}\` has no turn left (it has ${script.turns.length})`, 'invalid_request_error'));
		}
		completion.turn = script.next;
		return answer(completion, body, script.turns[script.next++]);
	}

	/** @param {Completion} completion @param {any} body @param {Turn} turn */
	function answer(completion, body, turn) {
		/** @type {any} */
		let message;
		if ('toolCalls' in turn) {
			const calls = typeof turn.toolCalls === 'function' ? turn.toolCalls(completion.messages, completion) : turn.toolCalls;
			message = {
				role: 'assistant',
				content: null,
				tool_calls: calls.map((call) => ({
					id: call.id || `call_${++callCounter}`,
					type: 'function',
					function: {
						name: call.name,
						arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments ?? {}),
					},
				})),
			};
		} else {
			const text = typeof turn.final === 'function' ? turn.final(completion.messages, completion) : String(turn.final);
			message = { role: 'assistant', content: text };
		}
		completion.answered = message;
		const finishReason = message.tool_calls ? 'tool_calls' : 'stop';
		const id = `chatcmpl-sandbox-${completions.indexOf(completion) + 1}`;
		const usage = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };
		if (!completion.stream) {
			return reply(200, {
				id,
				object: 'chat.completion',
				created: CREATED,
				model: body.model,
				choices: [{ index: 0, message, logprobs: null, finish_reason: finishReason }],
				usage,
			});
		}
		return {
			status: 200,
			headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' },
			body: sse(id, body, message, finishReason, usage),
		};
	}

	const sandbox = await createSandbox({ handle, errorBody: (status) => errorBody(status), port, host });
	return Object.assign(sandbox, {
		apiKey,
		/** What an `openAiApi` credential's Base URL should be. */
		baseUrl: `${sandbox.url}/v1`,
		completions,
		setScripts,
		/** Turns of a model's script not yet used. */
		remaining: (model) => {
			const s = byModel.get(model);
			return s ? s.turns.length - s.next : 0;
		},
		/** The completions a model answered, in order. */
		completionsOf: (model) => completions.filter((c) => c.model === model),
	});
}

/** The streamed (SSE) form of one answer: role, content or tool-call deltas, finish, usage, [DONE]. */
function sse(id, body, message, finishReason, usage) {
	const chunk = (delta, finish = null, extra = {}) => ({
		id,
		object: 'chat.completion.chunk',
		created: CREATED,
		model: body.model,
		choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
		...extra,
	});
	const chunks = [chunk({ role: 'assistant', content: '' })];
	if (message.tool_calls) {
		message.tool_calls.forEach((call, index) => {
			chunks.push(chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } }] }));
			chunks.push(chunk({ tool_calls: [{ index, function: { arguments: call.function.arguments } }] }));
		});
	} else {
		// two pieces, as a model streams words
		const text = message.content;
		const half = Math.ceil(text.length / 2);
		chunks.push(chunk({ content: text.slice(0, half) }), chunk({ content: text.slice(half) }));
	}
	chunks.push(chunk({}, finishReason));
	if (body.stream_options && body.stream_options.include_usage) {
		chunks.push({ id, object: 'chat.completion.chunk', created: CREATED, model: body.model, choices: [], usage });
	}
	return chunks.map((c) => `data: ${JSON.stringify(c)}\n\n`).join('') + 'data: [DONE]\n\n';
}

/**
 * A stand-in for a real model where nobody scripts the conversation (`npm run dev`): to a question
 * it calls every tool that needs no arguments, then answers with what they returned, saying that it
 * is the sandbox's scripted model.
 * @type {(messages: any[], completion: Completion) => Turn}
 */
function demoResponder(messages, completion) {
	const lastUser = messages.map((m) => m.role).lastIndexOf('user');
	const results = toolResults(messages.slice(lastUser + 1));
	const free = completion.tools.filter((t) => !(t.function.parameters?.required ?? []).length);
	if (!results.length && free.length) return { toolCalls: free.map((t) => ({ name: t.function.name, arguments: {} })) };
	const lines = results.map((t) => {
		let records;
		try {
			records = JSON.parse(t.content);
		} catch {
			records = [];
		}
		const list = Array.isArray(records) ? records : [records];
		const labels = list.slice(0, 10).map((r) => (r && (r.title || r.name || r.id)) ?? '?');
		return `${t.name}: ${list.length} record(s)${labels.length ? `: ${labels.join(', ')}` : ''}`;
	});
	return {
		final: [
			'(The sandbox\'s scripted model, not a real one: point the OpenAI credential at a real model for answers.)',
			...(lines.length ? lines : [`Tools I can use: ${completion.tools.map((t) => t.function.name).join(', ') || 'none'}`]),
		].join('\n'),
	};
}

module.exports = { start, toolResults, textOf, demoResponder, DEFAULT_API_KEY };
