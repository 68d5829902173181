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
