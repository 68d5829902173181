'use strict';
// A running n8n (`n8n start`): the editor sees our node and credential types, and its credential
// test endpoint gives our messages (valid, wrong token or company id, wrong secret, clock skew).
const path = require('node:path');

const recruiteeSandbox = require('../sandbox/recruitee');
const sumsubSandbox = require('../sandbox/sumsub');
const { ownerSession, startServer, PACKAGE } = require('../../scripts/lib/n8n');
const { context } = require('./harness/context');

let server;
let api;
let recruitee;
let sumsub;
let skewed;

beforeAll(async () => {
	recruitee = await recruiteeSandbox.start({ candidates: 20, auditLogEntries: 10 });
	sumsub = await sumsubSandbox.start({ events: 10 });
	skewed = await sumsubSandbox.start({ events: 10, maxSkewSeconds: -1 });
	server = await startServer(context.runtime, context.userFolder);
	api = await ownerSession(server.url, { email: 'e2e@example.com', password: 'E2e-password-1' });
}, 180_000);

afterAll(async () => {
	await server?.stop();
	await Promise.all([recruitee, sumsub, skewed].map((s) => s?.close()));
});

/** As the editor does: save the credential, then test it. */
async function credentialTest(type, data) {
	const name = `${type} ${Date.now()}`;
	const created = await api('/rest/credentials', { method: 'POST', body: JSON.stringify({ name, type, data }) });
	expect(created.status).toBe(200);
	const { id } = (await created.json()).data;
	const response = await api('/rest/credentials/test', {
		method: 'POST',
		body: JSON.stringify({ credentials: { id, name, type, data } }),
	});
	expect(response.status).toBe(200);
	return (await response.json()).data;
}

test('the editor lists both nodes (and Tool variants), the four triggers and our four credential types', async () => {
	const nodes = await (await api('/types/nodes.json')).json();
	const names = nodes.map((n) => n.name).filter((n) => n.startsWith(PACKAGE.name));
	const expected = ['recruitee', 'recruiteeTool', 'recruiteeTrigger', 'recruiteeWebhookTrigger'];
	expected.push('sumsub', 'sumsubTool', 'sumsubTrigger', 'sumsubWebhookTrigger');
	expect(names.sort()).toEqual(expected.map((n) => `${PACKAGE.name}.${n}`));
	const credentials = await (await api('/types/credentials.json')).json();
	const types = ['recruiteeApi', 'recruiteeWebhookApi', 'sumsubApi', 'sumsubWebhookApi'];
	const ours = credentials.filter((c) => types.includes(c.name));
	expect(ours.map((c) => c.displayName).sort()).toEqual([
		'Recruitee API',
		'Recruitee Webhook API',
		'Sumsub API',
		'Sumsub Webhook API',
	]);
});

describe('Recruitee credential test in n8n', () => {
	const data = (override = {}) => ({
		companyId: recruitee.companyId,
		apiToken: recruitee.token,
		baseUrl: recruitee.url,
		...override,
	});

	test('valid', async () => {
		expect(await credentialTest('recruiteeApi', data())).toEqual({ status: 'OK', message: 'Connection successful!' });
	});

	test('wrong token', async () => {
		const result = await credentialTest('recruiteeApi', data({ apiToken: 'nope' }));
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/^Recruitee rejected the API Token\./) });
	});

	test('wrong company id', async () => {
		const result = await credentialTest('recruiteeApi', data({ companyId: '4242' }));
		expect(result.message).toMatch(/^Recruitee accepted the token but not the Company ID\./);
	});
});

describe('Sumsub credential test in n8n', () => {
	const data = (s, override = {}) => ({ appToken: s.appToken, secretKey: s.secretKey, baseUrl: s.url, ...override });

	test('valid', async () => {
		expect(await credentialTest('sumsubApi', data(sumsub))).toEqual({ status: 'OK', message: 'Connection successful!' });
	});

	test.each([
		[{ appToken: 'sbx:unknown' }, /^Sumsub does not know this App Token \(4001/],
		[{ secretKey: 'wrong-secret' }, /^Sumsub rejected the request signature \(4003/],
	])('%j', async (override, message) => {
		const result = await credentialTest('sumsubApi', data(sumsub, override));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(message);
		expect(result.message).not.toContain('wrong-secret');
	});

	test('clock skew', async () => {
		expect((await credentialTest('sumsubApi', data(skewed))).message).toMatch(/^Sumsub refused the request time \(4004/);
	});
});

describe('triggers in n8n: "Fetch test event" (a manual run of the trigger)', () => {
	let today;
	beforeAll(async () => {
		today = {
			recruitee: await recruiteeSandbox.start({ now: Date.now(), candidates: 100, auditLogEntries: 200 }),
			sumsub: await sumsubSandbox.start({ now: Date.now(), events: 2000 }),
		};
	});
	afterAll(async () => Promise.all(Object.values(today ?? {}).map((s) => s.close())));

	/** As the editor: save the credential and a workflow with the trigger, run the trigger alone. */
	async function fetchTestEvent(type, credentialType, data, parameters) {
		const credential = (
			await (await api('/rest/credentials', { method: 'POST', body: JSON.stringify({ name: `${type} trigger`, type: credentialType, data }) })).json()
		).data;
		const name = 'Trigger under test';
		const workflow = {
			name: `${type} trigger test`,
			nodes: [
				{
					id: 'trigger-under-test',
					name,
					type: `${PACKAGE.name}.${type}`,
					typeVersion: 1,
					position: [0, 0],
					parameters: { ...parameters, pollTimes: { item: [{ mode: 'everyMinute' }] } },
					credentials: { [credentialType]: { id: credential.id, name: credential.name } },
				},
			],
			connections: {},
			settings: {},
			active: false,
		};
		const created = await (await api('/rest/workflows', { method: 'POST', body: JSON.stringify(workflow) })).json();
		if (!created.data) throw new Error(`could not create the workflow: ${JSON.stringify(created).slice(0, 500)}`);
		const saved = created.data;
		const run = await api(`/rest/workflows/${saved.id}/run`, {
			method: 'POST',
			body: JSON.stringify({
				workflowData: saved,
				triggerToStartFrom: { name },
				destinationNode: { nodeName: name, mode: 'inclusive' },
			}),
		});
		const { executionId } = (await run.json()).data;
		const { parse } = require(path.join(context.runtime.dir, 'node_modules', 'flatted'));
		for (let i = 0; i < 60; i++) {
			await new Promise((r) => setTimeout(r, 500));
			const execution = (await (await api(`/rest/executions/${executionId}`)).json()).data;
			if (execution && !['new', 'running'].includes(execution.status)) {
				const data = parse(execution.data);
				const task = data.resultData.runData[name][0];
				return { status: execution.status, items: (task.data?.main?.[0] ?? []).map((i) => i.json), error: task.error };
			}
		}
		throw new Error('the manual run did not finish');
	}

	test('Recruitee Trigger returns recent events without an error', async () => {
		const { recruitee: s } = today;
		const result = await fetchTestEvent(
			'recruiteeTrigger',
			'recruiteeApi',
			{ companyId: s.companyId, apiToken: s.token, baseUrl: s.url },
			{ event: 'auditLogEvent' },
		);
		expect(result.status).toBe('success');
		expect(result.items.length).toBeGreaterThan(0);
		expect(result.items[0]).toEqual(expect.objectContaining({ event_name: expect.any(String), created_at: expect.any(String) }));
	});

	test('Sumsub Audit Trail Trigger returns recent events without an error', async () => {
		const { sumsub: s } = today;
		const result = await fetchTestEvent(
			'sumsubTrigger',
			'sumsubApi',
			{ appToken: s.appToken, secretKey: s.secretKey, baseUrl: s.url },
			{ endpoint: 'legacy' },
		);
		expect(result.status).toBe('success');
		expect(result.items.length).toBeGreaterThan(0);
		expect(result.items[0]).toEqual(expect.objectContaining({ activity: expect.any(String), tsIso: expect.stringMatching(/Z$/) }));
	});
});
