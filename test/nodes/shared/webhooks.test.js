'use strict';
// The shared webhook parts: HMAC checks against answers computed here with node:crypto, the raw
// body and headers of a request, JSON objects, the body digest, the log of deliveries started.
const { createHash, createHmac } = require('node:crypto');

const {
	DeliveryLog,
	bodyDigest,
	deliveryLogOf,
	headerOf,
	hmacMatches,
	jsonObjectOf,
	rawBodyOf,
	refuse,
	acknowledgeOnly,
} = require('../../../nodes/shared/webhooks');

const SECRET = 'shared-secret-Ω-42';
const hmac = (algorithm, body, secret = SECRET) => createHmac(algorithm, secret).update(body).digest('hex');

describe('hmacMatches', () => {
	const body = Buffer.from('{"event_type":"candidate_moved","id":1}');

	test.each(['sha1', 'sha256', 'sha512'])('%s: lower and upper case hex match, surrounding spaces ignored', (algorithm) => {
		const expected = hmac(algorithm, body);
		expect(hmacMatches(body, SECRET, algorithm, expected)).toBe(true);
		expect(hmacMatches(body, SECRET, algorithm, expected.toUpperCase())).toBe(true);
		expect(hmacMatches(body, SECRET, algorithm, ` ${expected}\t`)).toBe(true);
	});

	test('a known answer (RFC 4231 test case 2)', () => {
		const data = Buffer.from('what do ya want for nothing?');
		expect(hmacMatches(data, 'Jefe', 'sha256', '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843')).toBe(true);
	});

	test.each(['sha1', 'sha256', 'sha512'])('%s: wrong secret, tampered body, other algorithm, malformed: no match', (algorithm) => {
		const expected = hmac(algorithm, body);
		expect(hmacMatches(body, 'other secret', algorithm, expected)).toBe(false);
		expect(hmacMatches(Buffer.from(body.toString().replace('1', '2')), SECRET, algorithm, expected)).toBe(false);
		expect(hmacMatches(Buffer.concat([body, Buffer.from(' ')]), SECRET, algorithm, expected)).toBe(false);
		const other = algorithm === 'sha256' ? 'sha512' : 'sha256';
		expect(hmacMatches(body, SECRET, other, expected)).toBe(false);
		for (const given of [undefined, '', '   ', expected.slice(0, -2), `${expected}00`, `sha256=${expected}`, expected.replace(/^./, 'g'), expected.slice(1)]) {
			expect(hmacMatches(body, SECRET, algorithm, given)).toBe(false);
		}
	});

	test('a blank secret matches nothing, not even a signature made with it', () => {
		for (const secret of ['', ' ', '\t']) expect(hmacMatches(body, secret, 'sha256', hmac('sha256', body, secret))).toBe(false);
	});

	test('an extra hex digit after a right signature: no match (not dropped)', () => {
		const expected = hmac('sha256', body);
		expect(hmacMatches(body, SECRET, 'sha256', `${expected}0`)).toBe(false);
		expect(hmacMatches(body, SECRET, 'sha256', `${expected}f`)).toBe(false);
	});

	test('over the bytes: a body whose JSON re-serialisation differs (key order, spaces, \\u escapes)', () => {
		const text = '{"b": 1,  "a":"caf\\u00e9",\n"c":[1, 2]}';
		const raw = Buffer.from(text);
		const reserialised = Buffer.from(JSON.stringify(JSON.parse(text)));
		expect(reserialised.toString()).toBe('{"b":1,"a":"café","c":[1,2]}');
		expect(hmacMatches(raw, SECRET, 'sha256', hmac('sha256', raw))).toBe(true);
		expect(hmacMatches(raw, SECRET, 'sha256', hmac('sha256', reserialised))).toBe(false);
		// The same text as UTF-8 bytes of é rather than the escape: different bytes, different HMAC.
		const literal = Buffer.from('{"b": 1,  "a":"café",\n"c":[1, 2]}');
		expect(hmacMatches(literal, SECRET, 'sha256', hmac('sha256', raw))).toBe(false);
	});

	test('binary bodies (not valid UTF-8) are compared as bytes', () => {
		const raw = Buffer.from([0xff, 0xfe, 0x00, 0x7b]);
		expect(hmacMatches(raw, SECRET, 'sha256', hmac('sha256', raw))).toBe(true);
	});
});

const ctx = ({ rawBody, headers = {}, workflowId = 'w', nodeId = 'n' } = {}) => {
	const response = { statusCode: 0, body: undefined };
	const res = {
		status(code) {
			response.statusCode = code;
			return res;
		},
		json(value) {
			response.body = value;
			return res;
		},
	};
	return {
		response,
		getRequestObject: () => ({ rawBody }),
		getHeaderData: () => headers,
		getResponseObject: () => res,
		getWorkflow: () => ({ id: workflowId }),
		getNode: () => ({ id: nodeId }),
	};
};

describe('request and answers', () => {
	test('rawBodyOf: the Buffer as is, a string as UTF-8, nothing as empty', () => {
		const raw = Buffer.from('{"a":1}');
		expect(rawBodyOf(ctx({ rawBody: raw }))).toBe(raw);
		expect(rawBodyOf(ctx({ rawBody: 'é' })).equals(Buffer.from('é'))).toBe(true);
		expect(rawBodyOf(ctx({})).length).toBe(0);
	});

	test('headerOf: by lower-cased name; a repeated header gives its first; not a string: undefined', () => {
		const c = ctx({ headers: { 'x-sig': 'abc', 'x-many': ['one', 'two'], 'x-odd': [1] } });
		expect(headerOf(c, 'X-Sig')).toBe('abc');
		expect(headerOf(c, 'x-many')).toBe('one');
		expect(headerOf(c, 'x-odd')).toBeUndefined();
		expect(headerOf(c, 'x-none')).toBeUndefined();
	});

	test('refuse and acknowledgeOnly answer and start nothing', () => {
		const a = ctx();
		expect(refuse(a, 401, 'nope')).toEqual({ noWebhookResponse: true });
		expect(a.response).toEqual({ statusCode: 401, body: { error: 'nope' } });
		const b = ctx();
		expect(acknowledgeOnly(b, 'test request')).toEqual({ noWebhookResponse: true });
		expect(b.response).toEqual({ statusCode: 200, body: { received: true, started: false, note: 'test request' } });
	});

	test('jsonObjectOf: objects only', () => {
		expect(jsonObjectOf(Buffer.from('{"a":{"b":[1]}}'))).toEqual({ a: { b: [1] } });
		for (const text of ['', 'null', '[]', '[{"a":1}]', '"x"', '12', 'true', '{', '{"a":1}x']) {
			expect(jsonObjectOf(Buffer.from(text))).toBeUndefined();
		}
	});

	test('bodyDigest: SHA-256 of the bytes, hex', () => {
		const raw = Buffer.from('{"a": 1}');
		expect(bodyDigest(raw)).toBe(createHash('sha256').update(raw).digest('hex'));
		expect(bodyDigest(Buffer.from('{"a":1}'))).not.toBe(bodyDigest(raw));
	});
});

describe('DeliveryLog', () => {
	const TTL = 48 * 3_600_000;

	test('first time, then a resend within the window, then again after it', () => {
		const log = new DeliveryLog(TTL, 100);
		expect(log.firstTime('a', 0)).toBe(true);
		expect(log.firstTime('a', 1)).toBe(false);
		expect(log.firstTime('a', TTL - 1)).toBe(false);
		expect(log.firstTime('b', TTL - 1)).toBe(true);
		// The window runs from the first time, not from the resends.
		expect(log.firstTime('a', TTL)).toBe(true);
		expect(log.firstTime('a', TTL + 1)).toBe(false);
		expect(log.firstTime('b', 2 * TTL)).toBe(true);
	});

	test('expired deliveries are forgotten as new ones come', () => {
		const log = new DeliveryLog(1_000, 100);
		for (let i = 0; i < 50; i++) log.firstTime(`old-${i}`, 0);
		log.firstTime('new', 5_000);
		expect(log.seen.size).toBe(1);
	});

	test('a cap: the oldest forgotten first, the newest remembered', () => {
		const log = new DeliveryLog(TTL, 3);
		for (const k of ['k1', 'k2', 'k3', 'k4', 'k5']) expect(log.firstTime(k, 10)).toBe(true);
		expect(log.firstTime('k5', 11)).toBe(false);
		expect(log.firstTime('k4', 11)).toBe(false);
		expect(log.firstTime('k3', 11)).toBe(false);
		expect(log.firstTime('k1', 11)).toBe(true);
		// Never more than the cap.
		expect(log.seen.size).toBe(3);
	});

	test('deliveryLogOf: one log per workflow and node', () => {
		const a = deliveryLogOf(ctx({ workflowId: 'wa', nodeId: 'n1' }), TTL);
		expect(deliveryLogOf(ctx({ workflowId: 'wa', nodeId: 'n1' }), TTL)).toBe(a);
		expect(deliveryLogOf(ctx({ workflowId: 'wa', nodeId: 'n2' }), TTL)).not.toBe(a);
		expect(deliveryLogOf(ctx({ workflowId: 'wb', nodeId: 'n1' }), TTL)).not.toBe(a);
	});
});
