'use strict';
const { useSumsub, jsonOf, everythingShown } = require('../../harness/sumsub');

const api = useSumsub();

const getAll = (extra = {}) => ({ resource: 'auditTrailEvent', operation: 'getAll', ...extra });

/** A window of the sandbox's events, as `yyyy-MM-dd HH:mm:ss` bounds. */
const window = (fromHoursAgo, toHoursAgo) => {
	const at = (h) => new Date(api.sandbox.data.now - h * 3600e3).toISOString().slice(0, 19).replace('T', ' ');
	return { from: at(fromHoursAgo), to: at(toHoursAgo) };
};
const asPicker = (sumsubTime) => `${sumsubTime.replace(' ', 'T')}Z`;
const q = (query) =>
	Object.entries(query)
		.map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
		.join('&');

/** Output items lose nothing of what Sumsub sent. */
const asSent = (item) => {
	const { tsIso, id, ...rest } = item;
	return id === '' ? rest : { id, ...rest };
};

describe('Audit Trail Event → Get Many (legacy endpoint, the default)', () => {
	test('Return All pages with limit+offset, newest first, every request signed', async () => {
		const w = window(72, 24);
		const expected = await api.oracle(`/resources/auditTrailEvents?${q({ ...w, limit: 20000 })}`);
		expect(expected.items.length).toBeGreaterThan(2000);
		const { items, error, credentialReads } = await api.run(
			getAll({ returnAll: true, filters: { from: asPicker(w.from), to: asPicker(w.to) }, options: { pageSize: 1000 } }),
		);
		expect(error).toBeUndefined();
		expect(jsonOf(items).map(asSent)).toEqual(expected.items);
		// Read (decrypted) once for the run, and every page signed with it.
		expect(credentialReads).toEqual({ sumsubApi: 1 });
		const calls = api.calls();
		// Every page, then the page after the last: read ahead while the last was on its way (the
		// legacy endpoint gives no total), dropped.
		expect(calls.map(([, query]) => `${query.limit}@${query.offset}`)).toEqual(
			Array.from({ length: Math.ceil(expected.items.length / 1000) + 1 }, (_, i) => `1000@${i * 1000}`),
		);
		for (const request of api.sandbox.requests) {
			expect(request.path).toBe('/resources/auditTrailEvents');
			expect(request.query).toMatchObject({ from: w.from, to: w.to });
			expect(request.rawQuery).toContain(`from=${w.from.replace(' ', '%20').replace(/:/g, '%3A')}`);
			expect(request.headers['x-app-token']).toBe(api.sandbox.appToken);
			expect(request.headers['x-app-access-sig']).toMatch(/^[0-9a-f]{64}$/);
		}
	});

	test('an exactly full last page is followed by one empty page', async () => {
		const w = window(30, 29);
		const { items: all } = await api.oracle(`/resources/auditTrailEvents?${q({ ...w, limit: 20000 })}`);
		const size = [7, 5, 4, 3, 2].find((d) => all.length % d === 0) ?? 1;
		const { items } = await api.run(
			getAll({ returnAll: true, filters: { from: asPicker(w.from), to: asPicker(w.to) }, options: { pageSize: size } }),
		);
		expect(items).toHaveLength(all.length);
		// The full pages, the empty one, and the one after it, read ahead in vain.
		expect(all.length / size).toBeGreaterThanOrEqual(1);
		expect(api.calls()).toHaveLength(all.length / size + 2);
	});

	test('Limit asks for what is missing on the last page', async () => {
		const { items } = await api.run(getAll({ limit: 150, options: { pageSize: 100 } }));
		expect(items).toHaveLength(150);
		expect(api.calls().map(([, query]) => `${query.limit}@${query.offset}`)).toEqual(['100@0', '50@100']);
	});

	test('without To, the window ends at the last whole second before the run (pages cannot shift)', async () => {
		const before = Date.now();
		await api.run(getAll({ limit: 5 }));
		const [[, query]] = api.calls();
		expect(query.from).toBeUndefined();
		const to = Date.parse(`${query.to.replace(' ', 'T')}Z`);
		expect(to).toBeLessThan(before);
		expect(to).toBeGreaterThan(before - 3000);
	});

	test('dates from pickers and expressions are sent in UTC as yyyy-MM-dd HH:mm:ss', async () => {
		await api.run(
			getAll({
				limit: 1,
				filters: { from: '2026-11-19T10:00:00', to: '={{ DateTime.fromISO("2026-11-19T12:30:00", { zone: "UTC" }) }}' },
			}),
			{ timezone: 'Europe/Berlin' },
		);
		const [request] = api.sandbox.requests;
		expect(request.query).toMatchObject({ from: '2026-11-19 09:00:00', to: '2026-11-19 12:30:00' });
		expect(request.rawQuery).toContain('from=2026-11-19%2009%3A00%3A00');
	});

	test('activity and subject filters, including an activity given by expression', async () => {
		const subject = api.sandbox.data.subjects[0];
		const { items } = await api.run(
			getAll({
				returnAll: true,
				filters: { activity: '={{ "subject:loaded:applicant" }}', subjectName: ` ${subject} `, from: '2026-11-15T00:00:00Z' },
			}),
		);
		expect(items.length).toBeGreaterThan(0);
		for (const { json } of items) {
			expect(json).toMatchObject({ activity: 'subject:loaded:applicant', subjectName: subject });
		}
		expect(api.calls()[0][1]).toMatchObject({ activity: 'subject:loaded:applicant', subjectName: subject });
	});

	test('output: every documented field, "" for the absent ones (or null), tsIso in UTC', async () => {
		const { items } = await api.run(getAll({ limit: 50 }));
		const fields = ['id', 'ts', 'clientId', 'activity', 'subjectName', 'ip', 'userAgent', 'xClientId', 'correlationId', 'applicantId', 'externalUserId', 'imageId', 'description', 'tsIso'];
		for (const { json } of items) {
			expect(Object.keys(json).sort()).toEqual([...fields].sort());
			expect(json.id).toBe('');
			expect(json.tsIso).toBe(new Date(`${json.ts.replace(' ', 'T')}Z`).toISOString());
		}
		expect(items.some((i) => i.json.userAgent === '')).toBe(true);
		const nulls = await api.run(getAll({ limit: 50, options: { emptyAsNull: true } }));
		expect(nulls.items.some((i) => i.json.userAgent === null)).toBe(true);
		expect(nulls.items.every((i) => i.json.id === null && i.json.ts !== null)).toBe(true);
	});

	test('50,000 events in three pages of 20,000 (and one read ahead in vain)', async () => {
		const { items, error } = await api.run(
			getAll({ returnAll: true, filters: { from: '2026-10-01T00:00:00Z', to: '2026-11-21T00:00:00Z' } }),
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(api.sandbox.data.events.length);
		// The third page is short: the fourth, read ahead, was in vain.
		expect(api.calls().map(([, query]) => query.offset)).toEqual(['0', '20000', '40000', '60000']);
		const ts = items.map((i) => i.json.tsIso);
		expect([...ts].sort().reverse()).toEqual(ts);
	});
});

describe('Audit Trail Event → Get Many (list endpoint)', () => {
	test('follows forwardMarker, oldest first, same item shape with ids', async () => {
		const w = window(48, 24);
		const { items, error } = await api.run(
			getAll({ endpoint: 'list', returnAll: true, filters: { from: asPicker(w.from), to: asPicker(w.to) } }),
		);
		expect(error).toBeUndefined();
		const calls = api.calls();
		const legacy = await api.oracle(`/resources/auditTrailEvents?${q({ ...w, limit: 20000 })}`);
		expect(items).toHaveLength(legacy.items.length);
		expect(new Set(items.map((i) => i.json.id)).size).toBe(items.length);
		const ids = items.map((i) => i.json.id);
		expect([...ids].sort()).toEqual(ids);
		expect(calls.length).toBe(Math.ceil(items.length / 1000));
		expect(calls[0][1]).toEqual({ from: w.from, to: w.to, limit: '1000' });
		for (const [path, query] of calls.slice(1)) {
			expect(path).toBe('/resources/auditTrailEvents/list');
			// The filters go with every request, the marker's too (filters.test.js: why).
			expect(query).toEqual({ from: w.from, to: w.to, forwardMarker: expect.any(String), limit: '1000' });
		}
		const withoutIds = items.map(({ json: { id, ...rest } }) => rest);
		const legacyItems = (await api.run(getAll({ returnAll: true, filters: { from: asPicker(w.from), to: asPicker(w.to) } }))).items.map(({ json: { id, ...rest } }) => rest);
		const byCorrelation = (a, b) => (a.ts + a.correlationId).localeCompare(b.ts + b.correlationId);
		expect([...withoutIds].sort(byCorrelation)).toEqual([...legacyItems].sort(byCorrelation));
	});

	test('Limit stops early and asks for smaller pages near the end', async () => {
		const { items } = await api.run(getAll({ endpoint: 'list', limit: 1500 }));
		expect(items).toHaveLength(1500);
		expect(api.calls().map(([, query]) => query.limit)).toEqual(['1000', '500']);
	});

	test('no list endpoint on this account (a 404): what to do, not Base URL first', async () => {
		api.sandbox.inject({ path: '/resources/auditTrailEvents/list', status: 404, body: { description: 'Not found', code: 404 } });
		const { error } = await api.run(getAll({ endpoint: 'list', limit: 10 }));
		expect(error.message).toBe('This Sumsub account has no audit trail list endpoint (HTTP 404) [item 0]');
		expect(error.description).toMatch(/^Set Source to Audit Trail Events \(the legacy endpoint\), or ask Sumsub to enable the list endpoint for this account \(an add-on at extra cost\)\. If it is enabled, check Base URL in the "Sumsub API" credential\. Sumsub said: "Not found"/);
	});

	test('a page size above 1000 is refused for this endpoint', async () => {
		const { error } = await api.run(getAll({ endpoint: 'list', options: { pageSize: 5000 } }));
		expect(error.message).toBe('Invalid parameter "Page Size": must be at most 1000 with the list endpoint [item 0]');
		expect(api.calls()).toEqual([]);
	});
});

describe('Sumsub input validation', () => {
	test.each([
		[{ filters: { from: '2026-11-20T00:00:00Z', to: '2026-11-19T00:00:00Z' } }, '"From"', 'is after To'],
		[{ filters: { from: 'last tuesday' } }, '"From"', 'is not a date'],
		[{ limit: 0 }, '"Limit"', 'must be 1 or more'],
		[{ options: { pageSize: 20001 } }, '"Page Size"', ''],
		// Half a character (an emoji cut in two) cannot go in the query string ("URI malformed").
		[{ filters: { subjectName: 'ann\uD83D' } }, '"Subject Name"', 'contains half of a character (a lone UTF-16 surrogate'],
		[{ filters: { activity: '\uDC00' } }, '"Activity"', 'contains half of a character (a lone UTF-16 surrogate'],
	])('%j is refused before any request', async (extra, field, text) => {
		const { error } = await api.run(getAll(extra));
		expect(error.message).toContain(`Invalid parameter ${field}`);
		expect(error.message).toContain(text);
		expect(error.message).toContain('[item 0]');
		expect(api.calls()).toEqual([]);
	});
});

describe('Sumsub errors', () => {
	test('a wrong secret key: signature mismatch, with the correlation id; no secret or signature shown', async () => {
		const result = await api.run(getAll({ limit: 1 }), { credentials: { secretKey: 'not-the-secret-key' } });
		expect(result.error.message).toBe(
			'Sumsub rejected the request signature: the Secret Key is wrong (HTTP 401) [item 0]',
		);
		expect(result.error.description).toMatch(/Correlation ID for Sumsub support: \S+\./);
		expect(result.error.context.correlationId).toMatch(/\S+/);
		const shown = everythingShown(result);
		expect(shown).not.toContain('not-the-secret-key');
		expect(shown).not.toContain(api.sandbox.secretKey);
		for (const request of api.sandbox.requests) {
			expect(shown).not.toContain(request.headers['x-app-access-sig']);
		}
	});

	test('a wrong app token says so', async () => {
		const { error } = await api.run(getAll({ limit: 1 }), { credentials: { appToken: 'sbx:unknown' } });
		expect(error.message).toBe('Sumsub does not know this App Token (HTTP 401) [item 0]');
	});

	test('an expired timestamp (4004) is retried once with a fresh signature', async () => {
		api.sandbox.inject({
			status: 401,
			body: { description: 'Request timestamp is expired', code: 401, correlationId: 'c-1', errorCode: 4004, errorName: 'app-token-request-expired' },
		});
		const { items, error } = await api.run(getAll({ limit: 3 }));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(api.sandbox.requests).toHaveLength(2);
	});

	test('a clock that stays off says to fix the clock', async () => {
		const body = { description: 'Request timestamp is expired', code: 401, correlationId: 'c-2', errorCode: 4004, errorName: 'app-token-request-expired' };
		api.sandbox.inject({ status: 401, body, times: 2 });
		const { error } = await api.run(getAll({ limit: 3 }));
		expect(error.message).toContain('the clock of this n8n server is off by more than a minute');
		expect(error.description).toContain('Correlation ID for Sumsub support: c-2.');
	});

	test('Continue On Fail keeps the correlation id in the error item', async () => {
		api.sandbox.inject({ status: 400, body: { description: 'Bad things', code: 400, correlationId: 'corr-42' } });
		const { items } = await api.run(getAll({ limit: 2 }), {
			continueOnFail: true,
			input: [{ json: {} }, { json: {} }],
		});
		expect(items[0].json).toMatchObject({ correlationId: 'corr-42', httpCode: '400' });
		expect(items[0].json.error).toBe('Sumsub rejected the request (HTTP 400) [item 0]');
		expect(items[0].json.description).toContain('Sumsub said: "Bad things"');
		expect(items.slice(1).map((i) => i.pairedItem.item)).toEqual([1, 1]);
	});

	test('429 is retried, then a clear rate-limit error', async () => {
		api.sandbox.inject({ status: 429, headers: { 'retry-after': '0' }, body: { description: 'Too many requests', code: 429, correlationId: 'x' }, times: 10 });
		const { error } = await api.run(getAll({ limit: 1 }));
		expect(error.message).toBe('Sumsub is rate limiting requests, still after the retries (HTTP 429) [item 0]');
		expect(error.description).toContain('300 GET and 50 POST requests per 5 seconds');
	});
});

describe('Sumsub list endpoint not enabled', () => {
	const disabled = useSumsub({ events: 100, listEnabled: false });
	test('403 says the feature may not be enabled, and what to do', async () => {
		const { error } = await disabled.run(getAll({ endpoint: 'list', limit: 1 }));
		expect(error.message).toBe('Sumsub refused access (HTTP 403) [item 0]');
		expect(error.description).toContain(
			'Both audit trail endpoints are features Sumsub enables per account, at an additional cost: ask Sumsub to enable the one chosen in "Source", or choose the other one.',
		);
	});
});
