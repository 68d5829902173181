'use strict';
// `npm run dev` on its own: builds, installs, starts the sandboxes and n8n, prints a working login,
// has the examples and sandbox credentials in place, and Ctrl-C stops everything it started.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const { freePort, ownerSession, tempUserFolder } = require('../../scripts/lib/n8n');

const ROOT = path.join(__dirname, '..', '..');
let child;
let output = '';
let ports;

beforeAll(async () => {
	ports = { n8n: await freePort(), recruitee: await freePort(), sumsub: await freePort(), model: await freePort() };
	const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('JEST_')));
	child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'dev.js')], {
		cwd: ROOT,
		env: {
			...env,
			N8N_PORT: String(ports.n8n),
			RECRUITEE_SANDBOX_PORT: String(ports.recruitee),
			SUMSUB_SANDBOX_PORT: String(ports.sumsub),
			MODEL_SANDBOX_PORT: String(ports.model),
			DEV_USER_FOLDER: tempUserFolder('n8n-dev-'),
		},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	const deadline = Date.now() + 240_000;
	while (!/Press Ctrl-C/.test(output)) {
		if (child.exitCode !== null || Date.now() > deadline) throw new Error(`npm run dev did not get ready:\n${output}`);
		await new Promise((r) => setTimeout(r, 250));
	}
}, 260_000);

afterAll(() => {
	if (child?.exitCode === null) child.kill('SIGKILL');
});

test('prints the URL and a login that works; the examples and sandbox credentials are there', async () => {
	const url = /n8n is ready: (\S+)/.exec(output)[1];
	expect(url).toBe(`http://127.0.0.1:${ports.n8n}`);
	const [, email, password] = /Log in with\s+(\S+) \/ (\S+)/.exec(output);
	const api = await ownerSession(url, { email, password });
	const workflows = (await (await api('/rest/workflows')).json()).data.map((w) => w.id);
	const examples = fs
		.readdirSync(path.join(ROOT, 'examples'))
		.filter((f) => f.endsWith('.json'))
		.map((f) => JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', f), 'utf8')).id);
	expect(workflows.sort()).toEqual(examples.sort());
	const credentials = (await (await api('/rest/credentials')).json()).data;
	expect(credentials.map((c) => [c.id, c.type]).sort()).toEqual([
		['exOpenAiCred', 'openAiApi'],
		['exRecruiteeCred', 'recruiteeApi'],
		['exRecruiteeWebhookCred', 'recruiteeWebhookApi'],
		['exSumsubCred', 'sumsubApi'],
		['exSumsubWebhookCred', 'sumsubWebhookApi'],
	]);
	for (const { id, name, type } of credentials) {
		// As the editor's "Retry" on a saved credential: its data as n8n shows it (secrets redacted).
		const { data } = (await (await api(`/rest/credentials/${id}?includeData=true`)).json()).data;
		const response = await api('/rest/credentials/test', {
			method: 'POST',
			body: JSON.stringify({ credentials: { id, name, type, data } }),
		});
		// The webhook credentials have nothing to call: their test checks the secret is set.
		const message = type.endsWith('WebhookApi') ? expect.any(String) : 'Connection successful!';
		expect((await response.json()).data).toEqual({ status: 'OK', message });
	}
});

test('Ctrl-C stops n8n and the sandboxes', async () => {
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill('SIGINT');
	expect(await exited).toBe(0);
	for (const port of Object.values(ports)) {
		await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
	}
});
