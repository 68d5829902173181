'use strict';
// The scripted chat-completions server: one turn per request, in order, per model; tool calls and a
// final message built from the tool results; the streamed form; models; auth; a script that ran out.
const model = require('./model');

/** @type {Awaited<ReturnType<typeof model.start>>} */
let m;
const post = (body, { path = '/v1/chat/completions', key = model.DEFAULT_API_KEY } = {}) =>
	fetch(m.url + path, {
		method: 'POST',
		headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});

const TOOLS = [{ type: 'function', function: { name: 'lookup', description: 'Look up', parameters: { type: 'object', properties: { q: { type: 'string' } } } } }];

beforeEach(async () => {
	m = await model.start({
		scripts: {
			a: [
				{ toolCalls: [{ name: 'lookup', arguments: { q: 'x' } }, { name: 'lookup', arguments: '{"q":"y"}', id: 'call_own' }] },
				{ final: (messages) => `got ${model.toolResults(messages).map((t) => `${t.name}=${t.content}`).join(',')}` },
			],
			b: [{ toolCalls: (messages) => [{ name: 'lookup', arguments: { q: messages[0].content } }] }, { final: 'done' }],
		},
	});
});
afterEach(() => m.close());

test('tool calls, then a final message from the tool results; every request recorded', async () => {
	const first = await (await post({ model: 'a', messages: [{ role: 'user', content: 'hi' }], tools: TOOLS })).json();
	expect(first.choices[0]).toMatchObject({ finish_reason: 'tool_calls', message: { role: 'assistant', content: null } });
	const calls = first.choices[0].message.tool_calls;
	expect(calls).toEqual([
		{ id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{"q":"x"}' } },
		{ id: 'call_own', type: 'function', function: { name: 'lookup', arguments: '{"q":"y"}' } },
	]);
	const messages = [
		{ role: 'user', content: 'hi' },
		{ role: 'assistant', content: null, tool_calls: calls },
		{ role: 'tool', tool_call_id: 'call_1', content: '[1]' },
		{ role: 'tool', tool_call_id: 'call_own', content: [{ type: 'text', text: '[2]' }] },
	];
	const second = await (await post({ model: 'a', messages, tools: TOOLS }, { path: '/chat/completions' })).json();
	expect(second.choices[0]).toMatchObject({ finish_reason: 'stop', message: { role: 'assistant', content: 'got lookup=[1],lookup=[2]' } });
	expect(m.completions.map((c) => [c.model, c.turn, c.stream, c.tools.length])).toEqual([
		['a', 0, false, 1],
		['a', 1, false, 1],
	]);
	expect(m.completionsOf('a')[1].messages).toEqual(messages);
	expect(m.remaining('a')).toBe(0);
	expect(m.requests).toHaveLength(2);
});

test('turns built from the request; the script of each model runs on its own', async () => {
	const answer = await (await post({ model: 'b', messages: [{ role: 'user', content: 'find me' }] })).json();
	expect(JSON.parse(answer.choices[0].message.tool_calls[0].function.arguments)).toEqual({ q: 'find me' });
	expect(m.remaining('a')).toBe(2);
	expect(m.remaining('b')).toBe(1);
});

test('streamed (SSE): tool-call deltas, then content in pieces, finish reasons, usage, [DONE]', async () => {
	const read = async (response) => {
		expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
		const text = await response.text();
		expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
		return text
			.split('\n\n')
			.filter((l) => l.startsWith('data: {'))
			.map((l) => JSON.parse(l.slice(6)));
	};
	const body = { model: 'a', stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'hi' }] };
	const chunks = await read(await post(body));
	const deltas = chunks.flatMap((c) => c.choices.map((x) => x.delta.tool_calls?.[0]).filter(Boolean));
	expect(deltas[0]).toMatchObject({ index: 0, id: 'call_1', function: { name: 'lookup', arguments: '' } });
	expect(deltas.filter((d) => d.index === 1).map((d) => d.function.arguments).join('')).toBe('{"q":"y"}');
	expect(chunks.at(-2).choices[0].finish_reason).toBe('tool_calls');
	expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { total_tokens: 15 } });
	const final = await read(await post({ ...body, stream_options: undefined }));
	expect(final.map((c) => c.choices[0].delta.content ?? '').join('')).toBe('got ');
	expect(final.at(-1).choices[0].finish_reason).toBe('stop');
	expect(m.completions.map((c) => c.stream)).toEqual([true, true]);
});

test('models, a wrong key, an unknown model, a script that ran out', async () => {
	const models = await (await fetch(`${m.baseUrl}/models`, { headers: { authorization: `Bearer ${model.DEFAULT_API_KEY}` } })).json();
	expect(models.data.map((x) => x.id)).toEqual(['a', 'b']);
	const denied = await post({ model: 'a', messages: [] }, { key: 'wrong' });
	expect(denied.status).toBe(401);
	expect((await denied.json()).error.code).toBe('invalid_api_key');
	const unknown = await post({ model: 'c', messages: [] });
	expect(unknown.status).toBe(404);
	await post({ model: 'b', messages: [{ role: 'user', content: 'q' }] });
	await post({ model: 'b', messages: [] });
	const over = await post({ model: 'b', messages: [] });
	expect(over.status).toBe(400);
	expect((await over.json()).error.message).toBe('The script of model `b` has no turn left (it has 2)');
	expect(m.completionsOf('b').map((c) => c.turn)).toEqual([0, 1, -1]);
});

test('with no script for the model, `respond` answers: the demo calls the tools that need no arguments, then lists what they returned', async () => {
	const demo = await model.start({ respond: model.demoResponder });
	try {
		const tools = [
			{ type: 'function', function: { name: 'Jobs', parameters: { type: 'object', properties: {}, required: [] } } },
			{ type: 'function', function: { name: 'Note', parameters: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] } } },
		];
		const ask = async (messages) =>
			(
				await (
					await fetch(`${demo.baseUrl}/chat/completions`, {
						method: 'POST',
						headers: { authorization: `Bearer ${demo.apiKey}`, 'content-type': 'application/json' },
						body: JSON.stringify({ model: 'gpt-4o-mini', messages, tools }),
					})
				).json()
			).choices[0].message;
		const call = await ask([{ role: 'user', content: 'Which jobs?' }]);
		expect(call.tool_calls.map((c) => [c.function.name, c.function.arguments])).toEqual([['Jobs', '{}']]);
		const final = await ask([
			{ role: 'user', content: 'Which jobs?' },
			call,
			{ role: 'tool', tool_call_id: call.tool_calls[0].id, content: '[{"id":1,"title":"Backend, Berlin"},{"id":2,"title":"QA"}]' },
		]);
		expect(final.content).toBe(
			"(The sandbox's scripted model, not a real one: point the OpenAI credential at a real model for answers.)\nJobs: 2 record(s): Backend, Berlin, QA",
		);
	} finally {
		await demo.close();
	}
});
