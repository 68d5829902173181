'use strict';
const sandboxes = require('../sandbox/recruitee');
const { testCredential } = require('../harness/engine');

let sandbox;
beforeAll(async () => {
	sandbox = await sandboxes.start({ candidates: 20, auditLogEntries: 10 });
});
afterAll(async () => sandbox.close());

const data = (override = {}) => ({
	companyId: sandbox.companyId,
	apiToken: sandbox.token,
	baseUrl: sandbox.url,
	...override,
});

describe('Recruitee API credential test (as n8n runs it)', () => {
	test('valid credentials connect, with a cheap Bearer request', async () => {
		sandbox.clearRequests();
		expect(await testCredential('recruiteeApi', data())).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		const [request] = sandbox.requests;
		expect(request.url).toBe(`/c/${sandbox.companyId}/candidates?limit=1&offset=0`);
		expect(request.headers.authorization).toBe(`Bearer ${sandbox.token}`);
	});

	test('a token pasted with spaces or a line break around it connects, sent without them', async () => {
		sandbox.clearRequests();
		expect((await testCredential('recruiteeApi', data({ apiToken: ` ${sandbox.token}\r\n` }))).status).toBe('OK');
		expect(sandbox.requests[0].headers.authorization).toBe(`Bearer ${sandbox.token}`);
	});

	test('a base URL with a trailing slash works', async () => {
		expect((await testCredential('recruiteeApi', data({ baseUrl: `${sandbox.url}/` }))).status).toBe('OK');
	});

	test('a wrong token names the API Token', async () => {
		const result = await testCredential('recruiteeApi', data({ apiToken: 'nope' }));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Recruitee rejected the API Token\. Copy it again/);
	});

	test('a wrong company id names the Company ID', async () => {
		const result = await testCredential('recruiteeApi', data({ companyId: '4242' }));
		expect(result.message).toMatch(/^Recruitee accepted the token but not the Company ID\./);
	});

	test('any other failure (403, 5xx, HTML) fails too, pointing at the fields in order', async () => {
		for (const fault of [
			{ status: 403, body: { errors: ['Forbidden'] } },
			{ status: 500, body: { error: 'Internal server error' } },
			{ mode: 'html' },
			{ status: 401, body: { message: 'token expired' } },
		]) {
			sandbox.inject(fault);
			const result = await testCredential('recruiteeApi', data());
			expect(result).toEqual({
				status: 'Error',
				message: expect.stringMatching(/^Recruitee did not return candidates for these credentials\. Check, in this order: API Token/),
			});
		}
	});

	test('an unreachable base URL fails', async () => {
		const result = await testCredential('recruiteeApi', data({ baseUrl: 'http://127.0.0.1:9' }));
		expect(result.status).toBe('Error');
	});
});
