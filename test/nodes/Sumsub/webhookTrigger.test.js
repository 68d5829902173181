'use strict';
// Sumsub Webhook Trigger: webhook() run through n8n-core's WebhookContext (the context n8n gives a
// webhook node) on a request and a response that behave like Express's for what the node uses
// (rawBody, lower-cased headers, status().json()). Signatures are computed here with node:crypto,
// and checked against the RFC 2202 / RFC 4231 published HMAC values, never with the code under test.
const crypto = require('node:crypto');

const { WebhookContext } = require('n8n-core');
const { Workflow } = require('n8n-workflow');

const { nodeTypes } = require('../../harness/engine');
const { packageName } = require('../../harness/package-types');
const { hmacMatches } = require('../../../nodes/shared/webhooks');
const {
	algorithmOf,
	filteredOut,
	flattenWebhookEvent,
	isoOf,
	resendKeyOf,
	WEBHOOK_EVENTS,
} = require('../../../nodes/Sumsub/helpers/webhooks');
const { RESEND_WINDOW_MS } = require('../../../nodes/Sumsub/SumsubWebhookTrigger.node');

const TYPE = `${packageName}.sumsubWebhookTrigger`;
const SECRET = 'whsec-Sumsub-3f9a1c77be0d4e2a';
const ALGS = { sha1: 'HMAC_SHA1_HEX', sha256: 'HMAC_SHA256_HEX', sha512: 'HMAC_SHA512_HEX' };

const hmac = (algorithm, body, secret = SECRET) =>
	crypto.createHmac(algorithm, secret).update(body).digest('hex');

let serial = 0;

/**
 * A trigger node in a workflow, its deliveries answered through WebhookContext. Each trigger is a new
 * node (its own memory of deliveries) unless `nodeId` names an earlier one.
 */
function trigger(parameters = {}, { secret = SECRET, nodeId = `sumsub-webhook-${++serial}` } = {}) {
	const node = {
		id: nodeId,
		name: 'Sumsub Webhook Trigger',
		type: TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId: 'e2c6a0b4-webhook',
		parameters,
		credentials: { sumsubWebhookApi: { id: '1', name: 'Sumsub webhook' } },
	};
	const workflow = new Workflow({
		id: 'webhook-test-workflow',
		name: 'webhook test',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes,
		settings: { executionOrder: 'v1' },
	});
	const nodeType = nodeTypes.getByNameAndVersion(TYPE, 1);
	const requestedCredentials = [];
	return {
		nodeType,
		requestedCredentials,
		/** POSTs `body` (string or Buffer) with `headers`; the node's result and what it answered. */
		async deliver(body, headers = {}, mode = 'webhook') {
			const rawBody = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
			const lowerCased = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
			const req = { method: 'POST', headers: { 'content-type': 'application/json', ...lowerCased }, rawBody, body: {}, query: {}, params: {} };
			const res = {
				statusCode: undefined,
				body: undefined,
				status(code) {
					this.statusCode = code;
					return this;
				},
				json(data) {
					this.body = data;
					return this;
				},
			};
			const additionalData = {
				httpRequest: req,
				httpResponse: res,
				credentialsHelper: {
					getDecrypted: async (_data, _nodeCredentials, type) => {
						requestedCredentials.push(type);
						return { secretKey: secret };
					},
				},
				webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
				webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
				variables: {},
			};
			const webhookData = {
				httpMethod: 'POST',
				node: node.name,
				path: 'sumsub',
				webhookDescription: nodeType.description.webhooks[0],
				workflowId: workflow.id,
			};
			const context = new WebhookContext(workflow, node, additionalData, mode, webhookData, [], null);
			const result = await nodeType.webhook.call(context);
			const items = result.workflowData ? result.workflowData[0].map((i) => i.json) : undefined;
			return { result, items, status: res.statusCode, answer: res.body };
		},
	};
}

/** A delivery as Sumsub signs it: the digest of the bytes under `algorithm`, named in the Alg header. */
const signed = (body, algorithm = 'sha256', secret = SECRET) => ({
	'X-Payload-Digest': hmac(algorithm, body, secret),
	'X-Payload-Digest-Alg': ALGS[algorithm],
});

/** Sumsub's documented example payloads (user verification webhooks). */
const reviewed = (answer, extra = {}) => ({
	applicantId: '5cb56e8e0a975a35f333cb83',
	inspectionId: '5cb56e8e0a975a35f333cb84',
	correlationId: `req-a260b669-4f14-4bb5-a4c5-ac0218acb9a4-${answer}`,
	externalUserId: 'recruitee-47628534',
	levelName: 'basic-kyc-level',
	type: 'applicantReviewed',
	reviewResult:
		answer === 'GREEN'
			? { reviewAnswer: 'GREEN' }
			: {
					reviewAnswer: 'RED',
					rejectLabels: ['UNSATISFACTORY_PHOTOS', 'SCREENSHOTS'],
					reviewRejectType: 'RETRY',
					moderationComment: 'Upload a photo of the whole document.',
				},
	reviewStatus: 'completed',
	createdAtMs: '2020-02-21 13:23:19.321',
	sandboxMode: true,
	...extra,
});
const pending = {
	applicantId: '5cb744200a975a67ed1798a4',
	inspectionId: '5cb744200a975a67ed1798a5',
	correlationId: 'req-fa94263f-0b23-42d7-9393-ab10b28ef42d',
	externalUserId: 'recruitee-47628535',
	levelName: 'basic-kyc-level',
	type: 'applicantPending',
	reviewStatus: 'pending',
	createdAtMs: '2020-02-21 13:23:19.001',
	sandboxMode: false,
};
const created = {
	applicantId: '5cb744200a975a67ed1798a6',
	inspectionId: '5cb744200a975a67ed1798a7',
	correlationId: 'req-63f92830-4d68-4eee-98d5-875d53a12258',
	externalUserId: 'recruitee-47628536',
	levelName: 'basic-kyc-level',
	type: 'applicantCreated',
	reviewStatus: 'init',
	createdAtMs: 1582291399001,
	sandboxMode: true,
};

describe('signature known answers (RFC 2202 / RFC 4231 test case 2: key "Jefe")', () => {
	const data = Buffer.from('what do ya want for nothing?');
	const published = {
		sha1: 'effcdf6ae5eb2fa2d27416d5f184df9c259a7c79',
		sha256: '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
		sha512:
			'164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737',
	};
	test.each(Object.keys(published))('%s: node:crypto gives the published value, the check accepts it in either case', (alg) => {
		expect(hmac(alg, data, 'Jefe')).toBe(published[alg]);
		expect(hmacMatches(data, 'Jefe', alg, published[alg])).toBe(true);
		expect(hmacMatches(data, 'Jefe', alg, published[alg].toUpperCase())).toBe(true);
		expect(hmacMatches(data, 'Jefe', alg, published[alg].replace(/^./, (c) => (c === '0' ? '1' : '0')))).toBe(false);
		expect(hmacMatches(data, 'Jefe ', alg, published[alg])).toBe(false);
	});

	test.each(Object.keys(published))('%s through the trigger: signed right, so the non-JSON body gets 400, not 401', async (alg) => {
		const t = trigger({}, { secret: 'Jefe' });
		const answer = await t.deliver(data, { 'X-Payload-Digest': published[alg], 'X-Payload-Digest-Alg': ALGS[alg] });
		expect(answer).toMatchObject({ status: 400, items: undefined, answer: { error: 'The body is not a JSON object' } });
		const wrong = await t.deliver(data, { 'X-Payload-Digest': published[alg], 'X-Payload-Digest-Alg': ALGS[alg === 'sha1' ? 'sha256' : 'sha1'] });
		expect(wrong.status).toBe(401);
	});
});

describe('X-Payload-Digest over the raw body', () => {
	const body = JSON.stringify(reviewed('GREEN'));

	test.each(['sha1', 'sha256', 'sha512'])('%s, hex in lower and upper case: one item each', async (alg) => {
		for (const hexCase of ['lower', 'upper']) {
			const headers = signed(body, alg);
			if (hexCase === 'upper') headers['X-Payload-Digest'] = headers['X-Payload-Digest'].toUpperCase();
			const { items, status, answer, result } = await trigger().deliver(body, headers);
			expect(status).toBe(200);
			// Answered by the node itself, at once, and the execution started with the item.
			expect(answer).toEqual({ received: true, started: true });
			expect(result.noWebhookResponse).toBe(true);
			expect(items).toHaveLength(1);
			expect(items[0]).toMatchObject({ type: 'applicantReviewed', raw: JSON.parse(body) });
		}
	});

	test('header names in any case, the algorithm name in any case', async () => {
		const headers = { 'x-PAYLOAD-digest': hmac('sha512', body), 'X-PAYLOAD-DIGEST-ALG': 'hmac_sha512_hex' };
		expect((await trigger().deliver(body, headers)).items).toHaveLength(1);
		expect(algorithmOf(' HMAC_SHA1_HEX ')).toBe('sha1');
	});

	test('no X-Payload-Digest-Alg: HMAC_SHA256_HEX (Sumsub’s default); a SHA-1 or SHA-512 digest then fails', async () => {
		expect((await trigger().deliver(body, { 'X-Payload-Digest': hmac('sha256', body) })).items).toHaveLength(1);
		expect((await trigger().deliver(body, { 'X-Payload-Digest': hmac('sha1', body) })).status).toBe(401);
		expect((await trigger().deliver(body, { 'X-Payload-Digest': hmac('sha512', body) })).status).toBe(401);
		expect(algorithmOf(undefined)).toBe('sha256');
		expect(algorithmOf('')).toBe('sha256');
	});

	test.each([
		['wrong secret', (b) => [b, signed(b, 'sha256', `${SECRET}x`)]],
		['the app token’s secret instead of the webhook’s', (b) => [b, signed(b, 'sha256', 'Hej2ch71kG2kTd1iIUDZFNsO5C1lh5Gq')]],
		['tampered body (GREEN for RED)', (b) => [b.replace('"RED"', '"GREEN"'), signed(b)]],
		['tampered body (a space added)', (b) => [`${b} `, signed(b)]],
		['digest missing', (b) => [b, { 'X-Payload-Digest-Alg': 'HMAC_SHA256_HEX' }]],
		['digest empty', (b) => [b, { 'X-Payload-Digest': '', 'X-Payload-Digest-Alg': 'HMAC_SHA256_HEX' }]],
		['digest not hex', (b) => [b, { 'X-Payload-Digest': `${hmac('sha256', b).slice(0, 62)}zz` }]],
		['digest truncated', (b) => [b, { 'X-Payload-Digest': hmac('sha256', b).slice(0, 40) }]],
		['digest as base64', (b) => [b, { 'X-Payload-Digest': crypto.createHmac('sha256', SECRET).update(b).digest('base64') }]],
		['digest of another algorithm than named', (b) => [b, { 'X-Payload-Digest': hmac('sha512', b), 'X-Payload-Digest-Alg': 'HMAC_SHA256_HEX' }]],
	])('%s: 401, nothing started, no secret in the answer', async (_name, make) => {
		const [sent, headers] = make(JSON.stringify(reviewed('RED')));
		const answer = await trigger().deliver(sent, headers);
		expect(answer).toMatchObject({ status: 401, items: undefined, answer: { error: 'Missing or wrong X-Payload-Digest' } });
		expect(answer.result).toEqual({ noWebhookResponse: true });
		expect(JSON.stringify(answer.answer)).not.toContain(SECRET);
		expect(JSON.stringify(answer.answer)).not.toContain(hmac('sha256', sent));
	});

	test.each(['HMAC_MD5_HEX', 'HMAC_SHA384_HEX', 'SHA256', 'sha256'])('algorithm %s: 400 naming the header, nothing started', async (alg) => {
		const answer = await trigger().deliver(body, { 'X-Payload-Digest': hmac('sha256', body), 'X-Payload-Digest-Alg': alg });
		expect(answer).toMatchObject({
			status: 400,
			items: undefined,
			answer: { error: 'Unknown X-Payload-Digest-Alg: expected HMAC_SHA1_HEX, HMAC_SHA256_HEX or HMAC_SHA512_HEX' },
		});
		expect(JSON.stringify(answer.answer)).not.toContain(SECRET);
	});

	test('an unknown algorithm is refused before the digest is looked at (400 even when the digest is missing)', async () => {
		expect((await trigger().deliver(body, { 'X-Payload-Digest-Alg': 'HMAC_MD5_HEX' })).status).toBe(400);
	});

	test('a body whose JSON re-serialisation differs from its bytes (key order, spaces, \\u00e9, newlines): verified over the bytes', async () => {
		const bytes =
			'{\n  "type" : "applicantCreated",\r\n\t"externalUserId": "caf\\u00e9-\\ud83d\\ude00",  "applicantId":"5cb744200a975a67ed1798a6" ,\n' +
			'  "levelName": "niveau-\u00e9t\u00e9", "createdAtMs": "2021-05-14 16:00:25.032", "correlationId": "req-1", "reviewStatus": "init" }\n';
		const reserialised = JSON.stringify(JSON.parse(bytes));
		expect(reserialised).not.toBe(bytes);
		for (const alg of ['sha1', 'sha256', 'sha512']) {
			const { items, status } = await trigger().deliver(bytes, signed(bytes, alg));
			expect(status).toBe(200);
			expect(items[0]).toMatchObject({
				type: 'applicantCreated',
				externalUserId: 'caf\u00e9-\u{1F600}',
				levelName: 'niveau-\u00e9t\u00e9',
				createdAt: '2021-05-14T16:00:25.032Z',
			});
			// What a parse-then-stringify receiver would sign does not match.
			expect((await trigger().deliver(bytes, signed(reserialised, alg))).status).toBe(401);
		}
		// The UTF-8 bytes as sent, not a re-encoding: the same text in Latin-1 bytes is another body.
		const latin1 = Buffer.from(bytes, 'latin1');
		expect((await trigger().deliver(latin1, signed(bytes))).status).toBe(401);
	});

	test.each([
		['an array', '[{"type":"applicantCreated"}]'],
		['a string', '"applicantCreated"'],
		['null', 'null'],
		['not JSON', 'type=applicantCreated'],
		['empty', ''],
		['truncated JSON', '{"type":"applicantCreated"'],
	])('signed, but %s: 400, nothing started', async (_name, body) => {
		const answer = await trigger().deliver(body, signed(body));
		expect(answer).toMatchObject({ status: 400, items: undefined, answer: { error: 'The body is not a JSON object' } });
	});

	test('the credential is read for every delivery; a credential without a secret fails loudly, never verifies', async () => {
		const t = trigger();
		await t.deliver(body, signed(body));
		expect(t.requestedCredentials).toEqual(['sumsubWebhookApi']);
		const empty = trigger({}, { secret: '' });
		await expect(empty.deliver(body, signed(body, 'sha256', ''))).rejects.toThrow('The Sumsub Webhook credential has no Secret Key');
		// Spaces pasted around the key do not count.
		expect((await trigger({}, { secret: `  ${SECRET}\n` }).deliver(body, signed(body))).items).toHaveLength(1);
	});
});

describe('resends', () => {
	test('the same delivery again: 200, nothing started; in any algorithm, for the resend window', async () => {
		const t = trigger();
		const body = JSON.stringify(pending);
		expect((await t.deliver(body, signed(body))).items).toHaveLength(1);
		for (const alg of ['sha256', 'sha1', 'sha512']) {
			const again = await t.deliver(body, signed(body, alg));
			expect(again).toMatchObject({ status: 200, items: undefined, answer: { received: true, started: false, note: 'already received: a resend' } });
		}
		const now = Date.now();
		const clock = jest.spyOn(Date, 'now');
		try {
			clock.mockReturnValue(now + 18 * 3_600_000 + 3_600_000 * 6); // Sumsub's last resend, 24 h after the first
			expect((await t.deliver(body, signed(body))).items).toBeUndefined();
			clock.mockReturnValue(now + RESEND_WINDOW_MS + 1_000);
			expect((await t.deliver(body, signed(body))).items).toHaveLength(1);
		} finally {
			clock.mockRestore();
		}
		expect(RESEND_WINDOW_MS).toBeGreaterThanOrEqual((5 / 60 + 1 + 5 + 18) * 3_600_000);
	});

	test('recognised by the event, not the bytes: the same event re-serialised is a resend', async () => {
		const t = trigger();
		const first = JSON.stringify(reviewed('GREEN'));
		const { type, ...rest } = reviewed('GREEN');
		const reordered = JSON.stringify({ ...rest, type }, null, 2);
		expect((await t.deliver(first, signed(first))).items).toHaveLength(1);
		expect((await t.deliver(reordered, signed(reordered))).items).toBeUndefined();
	});

	test('another event of the same request (same correlationId, another type, time, applicant, action or transaction) starts its own execution', async () => {
		const t = trigger();
		const action = { ...created, type: 'applicantActionPending', applicantActionId: '63e0f8a5b3c8a31d2f0c0a11' };
		const txn = { ...created, type: 'applicantKytTxnApproved', kytTxnId: '64a1c0a5b3c8a31d2f0c0b01', kytDataTxnId: 'txn-1' };
		for (const payload of [
			created,
			{ ...created, type: 'applicantPending' },
			{ ...created, createdAtMs: created.createdAtMs + 1 },
			{ ...created, applicantId: '5cb744200a975a67ed1798ff' },
			action,
			{ ...action, applicantActionId: '63e0f8a5b3c8a31d2f0c0a12' },
			txn,
			{ ...txn, kytTxnId: '64a1c0a5b3c8a31d2f0c0b02', kytDataTxnId: 'txn-2' },
		]) {
			const body = JSON.stringify(payload);
			expect((await t.deliver(body, signed(body))).items).toHaveLength(1);
		}
	});

	test('without a correlationId: the digest of the body bytes', async () => {
		const t = trigger();
		const { correlationId: _c, ...noId } = pending;
		const body = JSON.stringify(noId);
		expect(resendKeyOf(noId, Buffer.from(body))).toBe(`body:${crypto.createHash('sha256').update(body).digest('hex')}`);
		expect(resendKeyOf(pending, Buffer.from(''))).toBe(
			`event:${JSON.stringify([pending.correlationId, 'applicantPending', pending.applicantId, pending.createdAtMs, null, null, null])}`,
		);
		expect((await t.deliver(body, signed(body))).items).toHaveLength(1);
		expect((await t.deliver(body, signed(body))).items).toBeUndefined();
		expect((await t.deliver(`${body}\n`, signed(`${body}\n`))).items).toHaveLength(1);
	});

	test('each trigger node remembers its own deliveries; refused deliveries are not remembered', async () => {
		const body = JSON.stringify(created);
		const a = trigger();
		expect((await a.deliver(body, { 'X-Payload-Digest': '00' })).status).toBe(401);
		expect((await a.deliver(body, signed(body))).items).toHaveLength(1);
		expect((await trigger().deliver(body, signed(body))).items).toHaveLength(1);
	});

	test('"Listen for test event" (manual mode) receives every delivery and leaves the production memory alone', async () => {
		const t = trigger({}, { nodeId: 'shared-node' });
		const body = JSON.stringify(pending);
		expect((await t.deliver(body, signed(body), 'manual')).items).toHaveLength(1);
		expect((await t.deliver(body, signed(body), 'manual')).items).toHaveLength(1);
		expect((await t.deliver(body, signed(body))).items).toHaveLength(1);
		expect((await t.deliver(body, signed(body))).items).toBeUndefined();
	});
});

describe('items: the payload as raw, the fields a workflow branches on flattened', () => {
	const deliverOne = async (payload) => {
		const body = JSON.stringify(payload);
		const { items } = await trigger().deliver(body, signed(body));
		expect(items).toHaveLength(1);
		return items[0];
	};

	test('applicantReviewed GREEN: approved', async () => {
		expect(await deliverOne(reviewed('GREEN'))).toEqual({
			type: 'applicantReviewed',
			applicantId: '5cb56e8e0a975a35f333cb83',
			externalUserId: 'recruitee-47628534',
			levelName: 'basic-kyc-level',
			reviewStatus: 'completed',
			reviewAnswer: 'GREEN',
			approved: true,
			rejected: false,
			rejectLabels: [],
			reviewRejectType: null,
			correlationId: 'req-a260b669-4f14-4bb5-a4c5-ac0218acb9a4-GREEN',
			createdAt: '2020-02-21T13:23:19.321Z',
			sandboxMode: true,
			raw: reviewed('GREEN'),
		});
	});

	test('applicantReviewed RED: rejected, with the labels and the reject type', async () => {
		expect(await deliverOne(reviewed('RED', { reviewResult: { reviewAnswer: 'RED', rejectLabels: ['FORGERY'], reviewRejectType: 'FINAL' } }))).toMatchObject({
			reviewStatus: 'completed',
			reviewAnswer: 'RED',
			approved: false,
			rejected: true,
			rejectLabels: ['FORGERY'],
			reviewRejectType: 'FINAL',
		});
	});

	test('applicantPending: neither approved nor rejected', async () => {
		expect(await deliverOne(pending)).toEqual({
			type: 'applicantPending',
			applicantId: pending.applicantId,
			externalUserId: 'recruitee-47628535',
			levelName: 'basic-kyc-level',
			reviewStatus: 'pending',
			reviewAnswer: null,
			approved: false,
			rejected: false,
			rejectLabels: [],
			reviewRejectType: null,
			correlationId: pending.correlationId,
			createdAt: '2020-02-21T13:23:19.001Z',
			sandboxMode: false,
			raw: pending,
		});
	});

	test('applicantCreated, createdAtMs as epoch milliseconds', async () => {
		expect(await deliverOne(created)).toMatchObject({
			type: 'applicantCreated',
			reviewStatus: 'init',
			approved: false,
			rejected: false,
			createdAt: '2020-02-21T13:23:19.001Z',
			sandboxMode: true,
		});
	});

	test('a payload with almost nothing (a KYT event without an applicant): nulls, never a failure', () => {
		expect(flattenWebhookEvent({ type: 'applicantKytTxnApproved', kytTxnId: 't1' })).toMatchObject({
			type: 'applicantKytTxnApproved',
			applicantId: null,
			externalUserId: null,
			levelName: null,
			reviewStatus: null,
			reviewAnswer: null,
			rejectLabels: [],
			correlationId: null,
			createdAt: null,
			sandboxMode: null,
			raw: { type: 'applicantKytTxnApproved', kytTxnId: 't1' },
		});
	});

	test.each([
		['2021-05-14 16:00:25.032', '2021-05-14T16:00:25.032Z'],
		['2021-05-14 16:00:25', '2021-05-14T16:00:25.000Z'],
		['2021-05-14T16:00:25.5Z', '2021-05-14T16:00:25.500Z'],
		['2021-05-14 16:00:25+0000', '2021-05-14T16:00:25.000Z'],
		[1621008025032, '2021-05-14T16:00:25.032Z'],
		['1621008025032', '2021-05-14T16:00:25.032Z'],
		['yesterday', null],
		['2021-05-14 16:00:25+0200', null],
		[undefined, null],
		[Number.NaN, null],
	])('createdAt of %p: %p', (value, iso) => {
		expect(isoOf(value)).toBe(iso);
	});
});

describe('filters', () => {
	const answered = async (parameters, payload) => {
		const body = JSON.stringify(payload);
		return await trigger(parameters).deliver(body, signed(body));
	};

	test('no event chosen: every event, known or not', async () => {
		for (const payload of [created, pending, reviewed('RED'), { ...created, type: 'someFutureEvent' }]) {
			expect((await answered({}, payload)).items).toHaveLength(1);
		}
	});

	test('events chosen: the others get 200 and start nothing', async () => {
		const parameters = { events: ['applicantReviewed', 'applicantPending'] };
		expect((await answered(parameters, pending)).items).toHaveLength(1);
		expect((await answered(parameters, reviewed('GREEN'))).items).toHaveLength(1);
		expect(await answered(parameters, created)).toMatchObject({
			status: 200,
			items: undefined,
			answer: { received: true, started: false, note: 'event type not chosen in the trigger' },
		});
	});

	test.each([
		['any', ['GREEN', 'RED']],
		['GREEN', ['GREEN']],
		['RED', ['RED']],
	])('Review Answer %s: applicantReviewed with %p start; other events are not filtered', async (reviewAnswer, starting) => {
		for (const answer of ['GREEN', 'RED']) {
			const { items, status, answer: said } = await answered({ reviewAnswer }, reviewed(answer));
			expect(status).toBe(200);
			expect(items ? 'started' : said.note).toBe(starting.includes(answer) ? 'started' : 'review answer filtered out by the trigger');
		}
		expect((await answered({ reviewAnswer }, pending)).items).toHaveLength(1);
		expect(filteredOut(reviewed('GREEN', { reviewResult: undefined }), [], reviewAnswer)).toBe(
			reviewAnswer === 'any' ? undefined : 'review answer filtered out by the trigger',
		);
	});

	test('a delivery filtered out is not remembered: started once the event is chosen (same node)', async () => {
		const node = { nodeId: 'filter-memory' };
		const body = JSON.stringify(created);
		expect((await trigger({ events: ['applicantPending'] }, node).deliver(body, signed(body))).items).toBeUndefined();
		expect((await trigger({ events: ['applicantCreated'] }, node).deliver(body, signed(body))).items).toHaveLength(1);
	});

	test('a parameter no list gives (by expression) fails loudly', async () => {
		const body = JSON.stringify(created);
		await expect(trigger({ events: ['applicantCreatd'] }).deliver(body, signed(body))).rejects.toThrow('Invalid parameter "Events"');
		await expect(trigger({ reviewAnswer: 'YELLOW' }).deliver(body, signed(body))).rejects.toThrow('Invalid parameter "Review Answer"');
	});
});

describe('the node and its credential', () => {
	const type = () => trigger().nodeType;

	test('one POST webhook at <webhookId>/sumsub, answered on receipt; nothing registered at Sumsub', async () => {
		const { description, webhookMethods } = type();
		expect(description.webhooks).toEqual([{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'sumsub' }]);
		expect(description.group).toEqual(['trigger']);
		for (const method of ['checkExists', 'create', 'delete']) expect(await webhookMethods.default[method].call({})).toBe(true);
	});

	test('Events lists every event type Sumsub documents, by its type string', () => {
		const values = WEBHOOK_EVENTS.map((e) => e.value);
		for (const event of [
			'applicantCreated', 'applicantPending', 'applicantReviewed', 'applicantOnHold', 'applicantActionPending',
			'applicantActionReviewed', 'applicantActionOnHold', 'applicantPersonalInfoChanged', 'applicantTagsChanged',
			'applicantActivated', 'applicantDeactivated', 'applicantDeleted', 'applicantReset', 'applicantLevelChanged',
			'applicantWorkflowCompleted', 'applicantPrechecked', 'applicantKytTxnApproved', 'applicantKytTxnRejected',
		]) {
			expect(values).toContain(event);
		}
		expect(new Set(values).size).toBe(values.length);
		const events = type().description.properties.find((p) => p.name === 'events');
		expect(events).toMatchObject({ type: 'multiOptions', default: [] });
	});

	test('the credential test checks what can be checked without a request, and says the rest', async () => {
		const test = type().methods.credentialTest.sumsubWebhookSecret;
		expect(await test.call({}, { data: { secretKey: SECRET } })).toMatchObject({ status: 'OK', message: expect.stringContaining('first signed delivery') });
		expect(await test.call({}, { data: { secretKey: '' } })).toMatchObject({ status: 'Error' });
		expect(await test.call({}, { data: {} })).toMatchObject({ status: 'Error' });
		const spaced = await test.call({}, { data: { secretKey: ` ${SECRET}` } });
		expect(spaced.status).toBe('Error');
		expect(spaced.message).not.toContain(SECRET);
	});
});
