'use strict';
// The sandbox kit's switch for how a one-process sandbox serves a request that comes while a large
// answer is still being sent: at once (default), or once that answer is out (`finishSendingFirst`).
const http = require('node:http');
const { createSandbox, reply } = require('./kit');

/** 16 MB: more than the kernel's socket buffers take, so it is sent over many turns. */
const BIG = 'x'.repeat(16 * 2 ** 20);

let sandbox;
beforeEach(async () => {
	sandbox = await createSandbox({
		handle: (record) => reply(200, record.path === '/big' ? { big: BIG } : { small: true }),
		errorBody: () => ({}),
	});
});
afterEach(() => sandbox.close());

/** A request on its own connection; `paused`: its answer's body is not read until `resume()`. */
function get(path, { paused = false } = {}) {
	return new Promise((resolve, reject) => {
		const req = http.get(`${sandbox.url}${path}`, { agent: new http.Agent() }, (res) => {
			let length = 0;
			const done = new Promise((end) => res.on('end', () => end(length)));
			res.on('data', (chunk) => (length += chunk.length));
			if (paused) res.pause();
			resolve({ res, done, resume: () => res.resume() });
		});
		req.on('error', reject);
	});
}

const turns = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

test('by default a request is answered while a large answer is still being sent', async () => {
	expect(sandbox.finishSendingFirst).toBe(false);
	const big = await get('/big', { paused: true });
	const small = await get('/small');
	expect(await small.done).toBe(JSON.stringify({ small: true }).length);
	big.resume();
	expect(await big.done).toBeGreaterThan(BIG.length);
});

test('finishSendingFirst: a request waits until the large answer before it is sent in full', async () => {
	sandbox.finishSendingFirst = true;
	const big = await get('/big', { paused: true });
	const smallAnswer = get('/small');
	// The small request has arrived; its answer waits while the big one cannot be sent on.
	while (sandbox.requests.length < 2) await turns(5);
	await turns(200);
	expect(sandbox.requests[1]).toMatchObject({ path: '/small' });
	expect(sandbox.requests[1].status).toBeUndefined();
	big.resume();
	expect(await big.done).toBeGreaterThan(BIG.length);
	const small = await smallAnswer;
	expect(await small.done).toBe(JSON.stringify({ small: true }).length);
	expect(sandbox.requests[1].status).toBe(200);
});

test("a 'stall' fault sends the status, the headers and half the body, then nothing while the connection stays open", async () => {
	sandbox.inject({ mode: 'stall' });
	const { res, resume } = await get('/small', { paused: true });
	const full = JSON.stringify({ small: true });
	expect(res.statusCode).toBe(200);
	expect(res.headers['content-length']).toBe(String(full.length));
	let received = '';
	let ended = false;
	res.on('data', (chunk) => (received += chunk));
	res.on('end', () => (ended = true));
	resume();
	await turns(300);
	expect(received).toBe(full.slice(0, Math.floor(full.length / 2)));
	expect(ended).toBe(false);
	expect(res.socket.destroyed).toBe(false);
	expect(sandbox.requests[0]).toMatchObject({ injected: true, fault: 'stall', status: 200 });
	// Closing the sandbox ends the connection it holds open.
	const closed = new Promise((resolve) => res.on('close', resolve));
	await sandbox.close();
	await closed;
	expect(ended).toBe(false);
});

test("with gzip: true a 'stall' fault sends the answer compressed: content-encoding gzip, half of the compressed bytes", async () => {
	const zlib = require('node:zlib');
	sandbox.inject({ mode: 'stall', gzip: true });
	const { res, resume } = await get('/big', { paused: true });
	const compressed = zlib.gzipSync(Buffer.from(JSON.stringify({ big: BIG })));
	expect(res.headers['content-encoding']).toBe('gzip');
	expect(res.headers['content-length']).toBe(String(compressed.length));
	const chunks = [];
	res.on('data', (chunk) => chunks.push(chunk));
	resume();
	await turns(300);
	expect(Buffer.concat(chunks)).toEqual(compressed.subarray(0, Math.floor(compressed.length / 2)));
	expect(res.socket.destroyed).toBe(false);
	expect(sandbox.requests[0]).toMatchObject({ injected: true, fault: 'stall', status: 200 });
});
