'use strict';
const crypto = require('node:crypto');

const sandboxes = require('../sandbox/sumsub');
const { testCredential, ourCredentialTypes, requestContext } = require('../harness/engine');
const { withQuery } = require('../../nodes/shared/query');
const { APPLICANT_ROUTES } = require('../../nodes/Sumsub/transport/applicants');

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

	test('App Token and Secret Key pasted with spaces or a line break around them sign as without', async () => {
		const url = 'https://api.sumsub.com/resources/status/api';
		const plain = await sign({ method: 'GET', url });
		const padded = await credential.authenticate(
			{ appToken: ' sbx:app\n', secretKey: `  ${SECRET}\r\n`, baseUrl: 'https://api.sumsub.com' },
			{ method: 'GET', url },
		);
		expect(padded.headers).toEqual(plain.headers);
		expect(plain.headers['X-App-Access-Sig']).toBe(hmac(`${TS}GET/resources/status/api`));
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

	test.each([
		[
			'the audit trail with filters',
			withQuery('https://api.sumsub.com/resources/auditTrailEvents', {
				from: '2026-11-19 09:00:00',
				activity: 'subject:loaded:applicant',
				subjectName: "Zoë O'Brien (x) [1] #2 *!~",
				limit: 20,
			}),
		],
		['an applicant by External User ID', `https://api.sumsub.com${APPLICANT_ROUTES.byExternalUserId("zoë O'Brien (x)!*~;=/?#")}`],
		['an applicant by ID', `https://api.sumsub.com${APPLICANT_ROUTES.one('0123456789abcdef01234567')}`],
		['a level by name', `https://api.sumsub.com${APPLICANT_ROUTES.websdkLinkOld('kyc level ä')}?ttlInSecs=1800`],
	])('%s, as the Sumsub node builds it: signed and sent unchanged, byte for byte', async (_, url) => {
		const signed = await sign({ method: 'GET', url });
		expect(signed.url).toBe(url);
		expect(signed.headers['X-App-Access-Sig']).toBe(hmac(`${TS}GET${url.slice('https://api.sumsub.com'.length)}`));
	});

	test('a URL as written is signed as it goes on the wire (axios percent-encodes it), and sent so', async () => {
		const signed = await sign({ method: 'GET', url: "https://api.sumsub.com/resources/applicants/-;externalUserId=zoë/one?note=a b&name=O'Brien#top" });
		const path = '/resources/applicants/-;externalUserId=zo%C3%AB/one?note=a%20b&name=O%27Brien';
		expect(signed.url).toBe(`https://api.sumsub.com${path}`);
		expect(signed.headers['X-App-Access-Sig']).toBe(hmac(`${TS}GET${path}`));
	});

	test('an array in qs: repeated keys (or as arrayFormat asks), signed as sent', async () => {
		const signed = await sign({ method: 'GET', url: '/resources/status/api', qs: { ids: ['a', 'b c'], none: [] } });
		expect(signed.url).toBe('https://api.sumsub.com/resources/status/api?ids=a&ids=b%20c');
		expect(signed.headers['X-App-Access-Sig']).toBe(hmac(`${TS}GET/resources/status/api?ids=a&ids=b%20c`));
		const brackets = await sign({ method: 'GET', url: '/resources/status/api', qs: { ids: ['a', 'b'] }, arrayFormat: 'brackets' });
		expect(brackets.url).toBe('https://api.sumsub.com/resources/status/api?ids%5B%5D=a&ids%5B%5D=b');
		expect(brackets.arrayFormat).toBeUndefined();
	});

	test.each([
		[{ filter: { a: 1 } }, 'Query parameter "filter" is an object'],
		[{ ids: [{ a: 1 }] }, 'Query parameter "ids" is a list of objects'],
	])('%j in qs is refused, saying what to send instead', async (qs, start) => {
		await expect(sign({ method: 'GET', url: '/resources/status/api', qs })).rejects.toThrow(
			`${start}: a Sumsub request's query string is signed as text, so only text, numbers, booleans and lists of them can be sent. Send it as text (JSON, for example) or as separate parameters.`,
		);
	});
});

describe('Sumsub API credential through n8n’s request helpers: what is signed is what is sent', () => {
	let sandbox;
	let context;
	beforeAll(async () => {
		sandbox = await sandboxes.start({ events: 10 });
		context = requestContext({
			sumsubApi: { appToken: sandbox.appToken, secretKey: sandbox.secretKey, baseUrl: sandbox.url },
		});
	});
	afterAll(async () => sandbox.close());
	beforeEach(() => sandbox.clearRequests());

	/** As a node calls them (the HTTP Request node with Predefined Credential Type: the legacy one). */
	const helpers = {
		httpRequestWithAuthentication: (options) =>
			context.helpers.httpRequestWithAuthentication.call(context, 'sumsubApi', {
				method: 'GET',
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				json: true,
				...options,
			}),
		requestWithAuthentication: ({ url, ...options }) =>
			context.helpers.requestWithAuthentication.call(context, 'sumsubApi', {
				method: 'GET',
				uri: url,
				resolveWithFullResponse: true,
				simple: false,
				json: true,
				...options,
			}),
	};
	const HELPERS = Object.keys(helpers);

	test.each(
		HELPERS.flatMap((helper) => [
			[helper, 'a space in the query', '/resources/status/api?note=a b', '/resources/status/api?note=a%20b', 200],
			[helper, 'a letter outside ASCII in the query', '/resources/status/api?name=Zoë', '/resources/status/api?name=Zo%C3%AB', 200],
			[helper, 'an apostrophe in the query', "/resources/status/api?name=O'Brien", '/resources/status/api?name=O%27Brien', 200],
			[
				helper,
				'a letter outside ASCII in the path',
				'/resources/applicants/-;externalUserId=zoë/one',
				'/resources/applicants/-;externalUserId=zo%C3%AB/one',
				404,
			],
		]),
	)('%s, %s: the signature matches what was sent', async (helper, _, written, sent, status) => {
		const response = await helpers[helper]({ url: `${sandbox.url}${written}` });
		expect(sandbox.requests.map((r) => r.url)).toEqual([sent]);
		expect(response.body.errorCode).toBeUndefined();
		expect(response.statusCode).toBe(status);
	});

	test.each(HELPERS)('%s: an array in qs goes as repeated keys, signed as sent', async (helper) => {
		const response = await helpers[helper]({ url: '/resources/status/api', qs: { ids: ['a', 'b'], note: 'x y' } });
		expect(sandbox.requests.map((r) => r.url)).toEqual(['/resources/status/api?ids=a&ids=b&note=x%20y']);
		expect(response.statusCode).toBe(200);
	});

	test('the legacy helper’s array format (the HTTP Request node’s option) is kept, signed as sent', async () => {
		const response = await helpers.requestWithAuthentication({
			url: `${sandbox.url}/resources/status/api`,
			qs: { ids: ['a', 'b'] },
			qsStringifyOptions: { arrayFormat: 'brackets' },
		});
		expect(sandbox.requests.map((r) => r.url)).toEqual(['/resources/status/api?ids%5B%5D=a&ids%5B%5D=b']);
		expect(response.statusCode).toBe(200);
	});

	test('an object in qs: refused before any request, saying what to send instead', async () => {
		await expect(helpers.httpRequestWithAuthentication({ url: '/resources/status/api', qs: { filter: { a: 1 } } })).rejects.toThrow(
			/^Query parameter "filter" is an object: a Sumsub request's query string is signed as text/,
		);
		expect(sandbox.requests).toEqual([]);
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
