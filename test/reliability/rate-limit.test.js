'use strict';
// Sumsub allows 300 GET requests per 5 seconds: many input items, each making requests, stay under
// it (the sandbox enforces the limit and counts what it refuses).
const { useSumsub } = require('../harness/sumsub');

const api = useSumsub({ events: 2000, rateLimit: { max: 300, windowMs: 5000 } });

test('350 items, one request each: none refused by the rate limit', async () => {
	const input = Array.from({ length: 350 }, (_, i) => ({ json: { i } }));
	const { items, error } = await api.run(
		{ resource: 'auditTrailEvent', operation: 'getAll', limit: 1, filters: {} },
		{ input },
	);
	expect(error).toBeUndefined();
	expect(items).toHaveLength(350);
	expect(api.sandbox.rateLimited()).toBe(0);
	expect(api.sandbox.requests).toHaveLength(350);
	const first = api.sandbox.requests[0].receivedAt;
	const last = api.sandbox.requests.at(-1).receivedAt;
	expect(last - first).toBeGreaterThanOrEqual(4900);
}, 60_000);

describe('requests that reach Sumsub late', () => {
	// A sandbox of its own: fresh connections, and a limiter no other test has used.
	const late = useSumsub({ events: 10, rateLimit: { max: 300, windowMs: 5000 } });

	test('Get, 50 items in parallel, the first 290 requests 400 ms late at Sumsub: none refused', async () => {
		// We count a request when it starts, Sumsub when it arrives. Requests that arrive late (new
		// connections, say) still fall into Sumsub's window when the next window's worth starts.
		let seen = 0;
		late.sandbox.inject({ method: 'GET', match: () => ++seen <= 290, delayMs: 400, times: 290 });
		const input = Array.from({ length: 400 }, (_, i) => ({
			json: { id: (0x100000 + i).toString(16).padStart(24, '0') },
		}));
		const { items } = await late.run(
			{
				resource: 'applicant',
				operation: 'get',
				applicant: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				options: { concurrency: 50 },
			},
			{ input, continueOnFail: true },
		);
		expect(items).toHaveLength(400);
		expect(late.sandbox.rateLimited()).toBe(0);
		// Every item asked once: nothing was refused and retried.
		expect(late.sandbox.requests).toHaveLength(400);
	}, 60_000);
});
