'use strict';
const { useRecruitee, rl, everythingShown } = require('../../harness/recruitee');

const api = useRecruitee();

const getCandidate = (id = '47628534') => ({
	resource: 'candidate',
	operation: 'get',
	candidateId: rl(id),
});
const listCandidates = { resource: 'candidate', operation: 'getAll', limit: 5 };

describe('Recruitee HTTP errors become clear NodeApiErrors', () => {
	test('401: the token is named as the problem, and never shown', async () => {
		const result = await api.run(getCandidate(), { credentials: { apiToken: 'wrong-token-123' } });
		expect(result.error.message).toBe('Recruitee rejected the API token (HTTP 401) [item 0]');
		expect(result.error.description).toContain('Check API Token in the "Recruitee API" credential');
		expect(result.error.httpCode).toBe('401');
		expect(everythingShown(result)).not.toContain('wrong-token-123');
		expect(everythingShown(result)).not.toContain(api.sandbox.token);
	});

	test('422 "Company id is invalid": the company id is named', async () => {
		const { error } = await api.run(listCandidates, { credentials: { companyId: '11111' } });
		expect(error.message).toBe('Recruitee does not accept this Company ID (HTTP 422) [item 0]');
		expect(error.description).toContain('Recruitee said: "Company id is invalid"');
	});

	test('403 on another route: company id or rights', async () => {
		const { error } = await api.run(
			{ resource: 'offer', operation: 'getAll', limit: 1 },
			{ credentials: { companyId: '11111' } },
		);
		expect(error.message).toBe('Recruitee refused access (HTTP 403) [item 0]');
		expect(error.description).toContain('Check Company ID');
	});

	test('an empty company id is refused before any request', async () => {
		const { error } = await api.run(listCandidates, { credentials: { companyId: ' ' } });
		expect(error.message).toBe('The Recruitee credential has no Company ID');
		expect(api.calls()).toEqual([]);
	});

	test('429 is retried (Retry-After honoured), then succeeds', async () => {
		api.sandbox.inject({ status: 429, headers: { 'retry-after': '0' }, body: { error: 'Too many' }, times: 2 });
		const { items, error } = await api.run(getCandidate());
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(api.sandbox.requests).toHaveLength(3);
	});

	test('429 that never ends says so after the retries', async () => {
		api.sandbox.inject({ status: 429, headers: { 'retry-after': '0' }, body: { error: 'Too many' }, times: 10 });
		const { error } = await api.run(getCandidate());
		expect(error.message).toBe(
			'Recruitee is rate limiting requests, still after the retries (HTTP 429) [item 0]',
		);
		expect(api.sandbox.requests).toHaveLength(5);
	});

	test('500 is not retried and says it is on Recruitee’s side', async () => {
		api.sandbox.inject({ status: 500, body: { error: 'Internal server error' } });
		const { error } = await api.run(getCandidate());
		expect(error.message).toBe('Recruitee failed to process the request (HTTP 500) [item 0]');
		expect(api.sandbox.requests).toHaveLength(1);
	});

	test('another 4xx shows what Recruitee said, in both error shapes', async () => {
		api.sandbox.inject({ status: 400, body: { errors: ['limit is invalid', { message: 'page too' }] } });
		const { error } = await api.run(getCandidate());
		expect(error.message).toBe('Recruitee rejected the request (HTTP 400) [item 0]');
		expect(error.description).toContain('Recruitee said: "limit is invalid; page too"');
	});

	test.each([
		[{ mode: 'html' }, 'an HTML page instead of JSON'],
		[{ mode: 'empty' }, 'an empty body instead of JSON'],
		[{ status: 200, body: '{"candidate": {"id": 1, "na' }, 'a body that is not valid JSON'],
	])('a 200 with %j is an error naming the response', async (fault, text) => {
		api.sandbox.inject(fault);
		const { error } = await api.run(getCandidate());
		expect(error.message).toMatch(
			new RegExp(`^Recruitee answered GET /candidates/47628534 with ${text}.* \\[item 0\\]$`),
		);
	});

	test('a 200 whose envelope is not the documented one is an error, not an empty result', async () => {
		api.sandbox.inject({ status: 200, body: { data: [] } });
		const { error, items } = await api.run(listCandidates);
		expect(items).toEqual([]);
		expect(error.message).toBe(
			'Recruitee answered GET /candidates with a response this node does not understand [item 0]',
		);
		expect(error.description).toContain('at "candidates"');
	});

	test('a record without a numeric id is caught at the boundary', async () => {
		api.sandbox.inject({ status: 200, body: { candidates: [{ id: 1 }, { name: 'no id' }] } });
		const { error } = await api.run(listCandidates);
		expect(error.description).toContain('a record without a numeric "id" at "candidates.1"');
	});

	test('an unreachable API says so, with the code', async () => {
		const { error } = await api.run(getCandidate(), { credentials: { baseUrl: 'http://127.0.0.1:9' } });
		expect(error.message).toBe('Could not reach Recruitee (ECONNREFUSED) after 1 attempt(s) [item 0]');
		expect(error.description).toContain('Check Base URL');
	});

	test.each([['reset'], ['truncate']])('a connection %s (before or mid-body) is retried', async (mode) => {
		api.sandbox.inject({ mode, times: 2 });
		const { items, error } = await api.run(getCandidate());
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
	});
});

describe('Continue On Fail', () => {
	test('a failing item becomes an error item; the others go on, all paired', async () => {
		const result = await api.run(getCandidate('={{ $json.id }}'), {
			continueOnFail: true,
			input: [{ json: { id: 47628534 } }, { json: { id: 'abc' } }, { json: { id: 999 } }, { json: { id: 47318282 } }],
		});
		expect(result.error).toBeUndefined();
		const { items } = result;
		expect(items).toHaveLength(4);
		expect(items.map((i) => i.pairedItem.item)).toEqual([0, 1, 2, 3]);
		expect(items[0].json.id).toBe(47628534);
		expect(items[1].json.error).toBe('Invalid parameter "Candidate": "abc" is not a candidate ID or candidate URL [item 1]');
		expect(items[2].json).toMatchObject({ error: 'No candidate with ID 999 in this company (HTTP 404) [item 2]', httpCode: '404' });
		expect(items[3].json.id).toBe(47318282);
	});

	test('without it, the first failure stops the node and names the item', async () => {
		const { error, items } = await api.run(getCandidate('={{ $json.id }}'), {
			input: [{ json: { id: 47628534 } }, { json: { id: 999 } }],
		});
		expect(items).toEqual([]);
		expect(error.message).toBe('No candidate with ID 999 in this company (HTTP 404) [item 1]');
		expect(error.context.itemIndex).toBe(1);
	});
	describe('a read shared by the items of a run fails: each error item names its own item', () => {
		const twoCandidates = () => api.sandbox.data.candidates.slice(0, 2).map((c) => ({ json: { id: String(c.id) } }));
		const job = () => api.sandbox.data.offers.find((o) => o.kind === 'job');
		const moveTo = (offerId) => ({ resource: 'candidate', operation: 'moveToStage', candidateId: rl('={{ $json.id }}'), offerId, stageId: 'Applied' });
		const cases = [
			['an unknown offer (its stages, 404)', () => [moveTo(rl('999999')), null, 'No offer with ID 999999 in this company (HTTP 404)', '404', '(GET /offers/999999)']],
			['a server error on the offer’s stages', () => [moveTo(rl(String(job().id))), `/offers/${job().id}`, 'Recruitee failed to process the request (HTTP 500)', '500', `(GET /offers/${job().id})`]],
			['a server error on the disqualify reasons', () => [{ resource: 'candidate', operation: 'disqualify', candidateId: rl('={{ $json.id }}'), offerId: rl(String(job().id)), reasonId: 'Not a fit' }, '/disqualify_reasons', 'Recruitee failed to process the request (HTTP 500)', '500', '(GET /disqualify_reasons)']],
			['a server error on the offer list (an offer by URL)', () => [moveTo(rl(`https://app.recruitee.com/#/offers/${job().slug}`, 'url')), '/offers', 'Recruitee failed to process the request (HTTP 500)', '500', '(GET /offers)']],
		];
		test.each(cases)('%s', async (_, setUp) => {
			const [parameters, failing, message, httpCode, request] = setUp();
			const path = failing && `/c/${api.sandbox.companyId}${failing}`;
			if (path) api.sandbox.inject({ method: 'GET', path, status: 500 });
			const { items, error } = await api.run(parameters, { input: twoCandidates(), continueOnFail: true });
			expect(error).toBeUndefined();
			expect(items.map((i) => i.pairedItem.item)).toEqual([0, 1]);
			expect(items.map((i) => i.json.error)).toEqual([`${message} [item 0]`, `${message} [item 1]`]);
			for (const { json } of items) {
				expect(json.httpCode).toBe(httpCode);
				expect(json.description).toContain(request);
			}
			// Read once for both items (a failure is not kept: the next run reads again).
			if (path) expect(api.sandbox.requests.filter((r) => r.path === path)).toHaveLength(1);
		});

		test('without Continue On Fail the node stops naming the first item', async () => {
			const { error } = await api.run(moveTo(rl('999999')), { input: twoCandidates() });
			expect(error.message).toBe('No offer with ID 999999 in this company (HTTP 404) [item 0]');
			expect(error.context.itemIndex).toBe(0);
		});
	});
});
