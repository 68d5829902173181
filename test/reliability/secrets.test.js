'use strict';
// Secret hygiene: every way a run can fail, with distinctive secret values, and everything the run
// produces grepped for them: error messages, descriptions, contexts, the whole run data as n8n
// stores it, output items (Continue On Fail), and every line logged while it ran.
const { useRecruitee, rl } = require('../harness/recruitee');
const { useSumsub } = require('../harness/sumsub');

const recruitee = useRecruitee({ candidates: 30, auditLogEntries: 30, token: 'RECRUITEE-TOKEN-7f3a9c' });
const sumsub = useSumsub({ events: 300, appToken: 'sbx:SUMSUB-APP-TOKEN-4b2e', secretKey: 'SUMSUB-SECRET-KEY-91d0' });

let logged = '';
beforeEach(() => {
	logged = '';
	for (const method of ['log', 'info', 'warn', 'error', 'debug']) {
		jest.spyOn(console, method).mockImplementation((...args) => {
			logged += `${args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}\n`;
		});
	}
	for (const stream of [process.stdout, process.stderr]) {
		const write = stream.write.bind(stream);
		jest.spyOn(stream, 'write').mockImplementation((chunk, ...rest) => {
			logged += String(chunk);
			return write(chunk, ...rest);
		});
	}
});
afterEach(() => jest.restoreAllMocks());

/** Everything a run shows or stores, as text. */
function produced(result) {
	const { error } = result;
	return [
		JSON.stringify(result.run),
		JSON.stringify(result.items),
		error && [error.message, error.description, JSON.stringify(error.context), JSON.stringify(error), error.stack].join('\n'),
		logged,
	].join('\n');
}

const faults = [
	['401', { status: 401, body: { error: 'Unauthorized' } }],
	['403', { status: 403, body: { errors: ['Forbidden'] } }],
	['500', { status: 500, body: { error: 'Internal server error' } }],
	['429 forever', { status: 429, headers: { 'retry-after': '0' }, times: Infinity }],
	['reset', { mode: 'reset', times: Infinity }],
	['cut-off body', { mode: 'truncate', times: Infinity }],
	['HTML', { mode: 'html' }],
	['slow', { delayMs: 2000, times: Infinity }],
];

describe.each([[false], [true]])('Continue On Fail: %s', (continueOnFail) => {
	test.each(faults)('Recruitee, %s: no token anywhere', async (_, fault) => {
		recruitee.sandbox.inject(fault);
		const result = await recruitee.run(
			{
				resource: 'candidate',
				operation: 'get',
				candidateId: rl('47628534'),
				options: { maxRetries: 1, timeoutSeconds: 0.5 },
			},
			{ continueOnFail },
		);
		expect(result.error || result.items[0].json.error).toBeTruthy();
		expect(produced(result)).not.toContain('RECRUITEE-TOKEN-7f3a9c');
	});

	test.each([
		...faults,
		['reset after the write', { method: 'POST', after: true, mode: 'reset', times: Infinity }],
		['422', { method: 'POST', status: 422, body: { errors: { name: ["can't be blank"] } } }],
	])('Recruitee Create (a write), %s: no token anywhere', async (_, fault) => {
		recruitee.sandbox.inject(fault);
		const result = await recruitee.run(
			{
				resource: 'candidate',
				operation: 'create',
				name: 'Secret Test',
				email: `secret.${Math.random().toString(36).slice(2)}@example.com`,
				ifExists: 'create',
				options: { maxRetries: 1, timeoutSeconds: 0.5 },
			},
			{ continueOnFail },
		);
		expect(result.error || result.items[0].json.error).toBeTruthy();
		expect(produced(result)).not.toContain('RECRUITEE-TOKEN-7f3a9c');
	});

	test('Recruitee, a wrong token: neither token anywhere', async () => {
		const result = await recruitee.run(
			{ resource: 'candidate', operation: 'getAll', limit: 1 },
			{ continueOnFail, credentials: { apiToken: 'WRONG-TOKEN-22aa' } },
		);
		const text = produced(result);
		expect(text).toContain('rejected the API token');
		expect(text).not.toContain('WRONG-TOKEN-22aa');
		expect(text).not.toContain('RECRUITEE-TOKEN-7f3a9c');
	});

	test('Recruitee, unreachable: no token anywhere', async () => {
		const result = await recruitee.run(
			{ resource: 'offer', operation: 'getAll', limit: 1, options: { maxRetries: 0 } },
			{ continueOnFail, credentials: { baseUrl: 'http://127.0.0.1:9' } },
		);
		expect(produced(result)).toContain('Could not reach Recruitee');
		expect(produced(result)).not.toContain('RECRUITEE-TOKEN-7f3a9c');
	});

	test.each(faults)('Sumsub, %s: no token, secret or signature anywhere', async (_, fault) => {
		sumsub.sandbox.inject(fault);
		const result = await sumsub.run(
			{ resource: 'auditTrailEvent', operation: 'getAll', limit: 1, options: { maxRetries: 1, timeoutSeconds: 0.5 } },
			{ continueOnFail },
		);
		const text = produced(result);
		expect(text).not.toContain('SUMSUB-SECRET-KEY-91d0');
		expect(text).not.toContain('SUMSUB-APP-TOKEN-4b2e');
		for (const request of sumsub.sandbox.requests) {
			expect(text).not.toContain(request.headers['x-app-access-sig']);
		}
	});

	test.each([
		['wrong secret', { secretKey: 'WRONG-SECRET-77' }],
		['wrong token', { appToken: 'sbx:WRONG-APP-TOKEN-88' }],
	])('Sumsub, %s: no secret, token or signature anywhere', async (_, credentials) => {
		const result = await sumsub.run({ resource: 'auditTrailEvent', operation: 'getAll', limit: 1 }, { continueOnFail, credentials });
		const text = produced(result);
		expect(text).toMatch(/Sumsub (rejected|does not know)/);
		for (const secret of ['WRONG-SECRET-77', 'sbx:WRONG-APP-TOKEN-88', 'SUMSUB-SECRET-KEY-91d0', 'SUMSUB-APP-TOKEN-4b2e']) {
			expect(text).not.toContain(secret);
		}
		for (const request of sumsub.sandbox.requests) {
			expect(text).not.toContain(request.headers['x-app-access-sig']);
		}
	});
});
