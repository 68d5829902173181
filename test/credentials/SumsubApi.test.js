'use strict';
const crypto = require('node:crypto');

const sandboxes = require('../sandbox/sumsub');
const { testCredential, ourCredentialTypes } = require('../harness/engine');

const credential = ourCredentialTypes.sumsubApi;
const SECRET = 'Hej2ch71kG2kTd1iIUDZFNsO5C1lh5Gq';
const TS = 1607551635;

/** An independent HMAC, the way Sumsub documents it. */
const hmac = (text) => crypto.createHmac('sha256', SECRET).update(text).digest('hex');

describe('Sumsub request signing (known answers)', () => {
	beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(TS * 1000 + 456));
	afterEach(() => jest.restoreAllMocks());

	const sign = (request) =>
		credential.authenticate({ appToken: 'sbx:app', secretKey: SECRET, baseUrl: 'https://api.sumsub.com' }, request);

	test('GET with an encoded query (spaces and colons): the path and query as sent', async () => {
		const url =
			'https://api.sumsub.com/resources/auditTrailEvents?from=2026-11-19%2009%3A00%3A00&activity=subject%3Aloaded%3Aapplicant&limit=20000&offset=0';
		const signed = await sign({ method: 'GET', url });
		expect(signed.url).toBe(url);
		expect(signed.headers).toMatchObject({
			'X-App-Token': 'sbx:app',
			'X-App-Access-Ts': String(TS),
			'X-App-Access-Sig': '37d30c539aed4f7a909f9ad837fe7c33a84f64ab39eecffea437db0995d37144',
		});
		expect(signed.headers['X-App-Access-Sig']).toBe(
			hmac(`${TS}GET${url.slice('https://api.sumsub.com'.length)}`),
		);
	});

	test('POST with a body: the body string as sent, never re-serialised', async () => {
		const body = '{"externalUserId":"ext-1"}';
		const signed = await sign({
			method: 'POST',
			url: 'https://api.sumsub.com/resources/applicants?levelName=basic-kyc-level',
			body,
		});
		expect(signed.body).toBe(body);
		expect(signed.headers['X-App-Access-Sig']).toBe(
			'c7ddab80b3f3e414e1a76e5c6b000031f949a0b04c6af63acc23ee3ca5d2f134',
		);
		expect(signed.headers['Content-Type']).toBe('application/json');
	});

	test('an object body is serialised once, and that string is what is sent and signed', async () => {
		const signed = await sign({ method: 'POST', url: '/resources/applicants', body: { b: 1, a: 'x y' } });
		expect(signed.body).toBe('{"b":1,"a":"x y"}');
		expect(signed.url).toBe('https://api.sumsub.com/resources/applicants');
		expect(signed.headers['X-App-Access-Sig']).toBe(hmac(`${TS}POST/resources/applicants{"b":1,"a":"x y"}`));
	});

	test('qs and a base URL are folded into the URL once, strictly encoded', async () => {
		const signed = await sign({
			method: 'GET',
			baseURL: 'https://proxy.example/sumsub/',
			url: '/resources/status/api',
			qs: { from: "2026-11-19 09:00:00", name: "O'Brien (x)", empty: '' },
		});
		const path = "/sumsub/resources/status/api?from=2026-11-19%2009%3A00%3A00&name=O%27Brien%20%28x%29";
		expect(signed.url).toBe(`https://proxy.example${path}`);
		expect(signed.qs).toBeUndefined();
		expect(signed.headers['X-App-Access-Sig']).toBe(hmac(`${TS}GET${path}`));
	});
});

describe('Sumsub API credential test (as n8n runs it)', () => {
	let sandbox;
	let skewed;
	beforeAll(async () => {
		sandbox = await sandboxes.start({ events: 10 });
		skewed = await sandboxes.start({ events: 10, maxSkewSeconds: -1 });
	});
	afterAll(async () => {
		await sandbox.close();
		await skewed.close();
	});

	const data = (s, override = {}) => ({
		appToken: s.appToken,
		secretKey: s.secretKey,
		baseUrl: s.url,
		...override,
	});

	test('valid credentials connect with one signed request to the health route', async () => {
		sandbox.clearRequests();
		expect(await testCredential('sumsubApi', data(sandbox))).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(sandbox.requests.map((r) => r.url)).toEqual(['/resources/status/api']);
	});

	test.each([
		[{ appToken: 'sbx:nope' }, /^Sumsub does not know this App Token \(4001/],
		[{ secretKey: 'wrong' }, /^Sumsub rejected the request signature \(4003 .*the Secret Key is wrong/],
		[{ appToken: '' }, /^Sumsub could not read the App Token \(4000/],
	])('%j is reported distinctly', async (override, message) => {
		const result = await testCredential('sumsubApi', data(sandbox, override));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(message);
	});

	test('clock skew (4004) is reported as a clock problem', async () => {
		const result = await testCredential('sumsubApi', data(skewed));
		expect(result.message).toMatch(/^Sumsub refused the request time \(4004 .*Synchronise its clock/);
	});

	test('a wrong base URL fails', async () => {
		sandbox.inject({ status: 404, body: { description: 'Not found', code: 404, correlationId: 'x' } });
		const result = await testCredential('sumsubApi', data(sandbox));
		expect(result.message).toMatch(/^Nothing answers at this Base URL/);
	});
});
