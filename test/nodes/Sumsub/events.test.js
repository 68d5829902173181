'use strict';
const { EVENT_FIELDS, normalizeEvent, tsToIso } = require('../../../nodes/Sumsub/helpers/events');

/** What tsToIso gave before its fast path: through Date, for any input. */
function throughDate(ts) {
	if (typeof ts !== 'string' || ts.trim() === '') return null;
	const text = ts.trim().replace(' ', 'T');
	const withZone = /(?:Z|[+-]\d\d:?\d\d)$/i.test(text) ? text : `${text}Z`;
	const millis = Date.parse(withZone);
	return Number.isNaN(millis) ? null : new Date(millis).toISOString();
}

describe('tsToIso', () => {
	test('Sumsub times become ISO 8601 UTC', () => {
		expect(tsToIso('2022-10-06 08:23:28.715')).toBe('2022-10-06T08:23:28.715Z');
		expect(tsToIso('2024-02-29 23:59:59.999')).toBe('2024-02-29T23:59:59.999Z');
		expect(tsToIso('2022-10-06 08:23:28')).toBe('2022-10-06T08:23:28.000Z');
		expect(tsToIso(' 2022-10-06 08:23:28.7 ')).toBe('2022-10-06T08:23:28.700Z');
		expect(tsToIso('2022-10-06T08:23:28.715+02:00')).toBe('2022-10-06T06:23:28.715Z');
	});

	test.each([undefined, null, 42, '', '   ', 'yesterday', '2022-13-06 00:00:00.000', '2022-10-06 23:59:60.000'])(
		'%p is unreadable: null',
		(ts) => expect(tsToIso(ts)).toBeNull(),
	);

	test('the fast path gives what Date gives, on every edge of every field', () => {
		const values = (n, width) => Array.from({ length: n }, (_, i) => String(i).padStart(width, '0'));
		const cases = [];
		for (const year of ['1900', '2000', '2023', '2024', '2100']) {
			for (const month of values(14, 2)) {
				for (const day of ['00', '01', '28', '29', '30', '31', '32']) {
					for (const time of ['00:00:00', '23:59:59', '24:00:00', '23:60:00', '23:59:60', '99:99:99']) {
						cases.push(`${year}-${month}-${day} ${time}.123`);
					}
				}
			}
		}
		const differing = cases.filter((ts) => tsToIso(ts) !== throughDate(ts));
		expect(differing).toEqual([]);
		expect(cases.length).toBeGreaterThan(2000);
	});
});

describe('normalizeEvent', () => {
	test('Sumsub’s fields as it sent them, then the documented ones it left out, id and tsIso', () => {
		const out = normalizeEvent({ extra: 1, ts: '2022-10-06 08:23:28.715', activity: 'a', ip: null }, false);
		const missing = EVENT_FIELDS.filter((f) => !['ts', 'activity', 'ip'].includes(f));
		expect(Object.keys(out)).toEqual(['extra', 'ts', 'activity', 'ip', ...missing, 'id', 'tsIso']);
		expect(out).toMatchObject({ id: '', ip: '', activity: 'a', extra: 1, tsIso: '2022-10-06T08:23:28.715Z' });
		expect(normalizeEvent({}, false).tsIso).toBeNull();
	});

	test('an event from the list endpoint, every field given in Sumsub’s order, keeps that order', () => {
		const event = Object.fromEntries(['id', ...EVENT_FIELDS].map((f) => [f, f === 'ts' ? '2022-10-06 08:23:28.715' : `v-${f}`]));
		expect(Object.keys(normalizeEvent(event, false))).toEqual(['id', ...EVENT_FIELDS, 'tsIso']);
	});

	test('the event itself is completed (it is the caller’s own, freshly parsed), with nothing lost', () => {
		const text = '{"ts":"2022-10-06 08:23:28.715","clientId":null,"activity":"subject:loaded:applicant","n":0,"nested":{"a":null}}';
		const event = JSON.parse(text);
		const out = normalizeEvent(event, false);
		expect(out).toBe(event);
		// Values are unchanged but for null → "" at the top level; nested objects are kept as they are.
		expect(out).toEqual({
			...Object.fromEntries(EVENT_FIELDS.map((f) => [f, ''])),
			...JSON.parse(text),
			clientId: '',
			id: '',
			tsIso: '2022-10-06T08:23:28.715Z',
		});
		expect(out.nested).toEqual({ a: null });
	});

	test('a tsIso Sumsub might send is replaced by the one worked out from ts', () => {
		const out = normalizeEvent({ ts: '2022-10-06 08:23:28.715', tsIso: 'bogus' }, false);
		expect(out.tsIso).toBe('2022-10-06T08:23:28.715Z');
	});

	test('Empty Fields as Null turns every empty field into null, extra ones too', () => {
		const out = normalizeEvent({ id: 'e1', ts: '2022-10-06 08:23:28.715', extra: '', n: 0 }, true);
		expect(out).toMatchObject({ id: 'e1', clientId: null, description: null, extra: null, n: 0 });
	});

	test('a "__proto__" key in the JSON stays data and never becomes the prototype', () => {
		const event = JSON.parse('{"id":"e1","__proto__":{"polluted":true}}');
		const out = normalizeEvent(event, false);
		expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
		expect(out.polluted).toBeUndefined();
		expect(Object.keys(out)).toContain('__proto__');
		expect(JSON.parse(JSON.stringify(out)).id).toBe('e1');
	});

	test.each([false, true])('a "__proto__" key that is null or empty stays data (Empty Fields as Null: %p)', (emptyAsNull) => {
		for (const text of ['{"id":"e1","__proto__":null}', '{"id":"e1","__proto__":""}']) {
			const out = normalizeEvent(JSON.parse(text), emptyAsNull);
			expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
			expect(Object.getOwnPropertyDescriptor(out, '__proto__')).toMatchObject({
				value: emptyAsNull ? null : '',
				enumerable: true,
			});
		}
	});
});

describe('internTable', () => {
	const { internTable } = require('../../../nodes/Sumsub/helpers/events');

	test('interned events are the events as they were', () => {
		const intern = internTable();
		const event = (i) => ({
			ts: '2022-10-06 08:23:28.715',
			clientId: 'a-client-of-some-length',
			activity: 'subject:loaded:applicant',
			subjectName: i % 2 ? 'alice@example.com' : null,
			ip: 42,
			userAgent: { not: 'a string' },
			applicantId: `applicant-number-${i}`,
			description: '',
			extra: 'kept as it came',
		});
		for (const emptyAsNull of [false, true]) {
			for (let i = 0; i < 5; i++) {
				expect(normalizeEvent(event(i), emptyAsNull, undefined, intern)).toEqual(
					normalizeEvent(event(i), emptyAsNull),
				);
			}
		}
	});

	test('a text is given back as it is, also past the most values a reading keeps', () => {
		const intern = internTable();
		for (let i = 0; i < 70_000; i++) expect(intern(`value number ${i}`)).toBe(`value number ${i}`);
		expect(intern('value number 5')).toBe('value number 5');
		expect(intern('value number 69999')).toBe('value number 69999');
		expect(intern('short')).toBe('short');
		expect(intern(null)).toBeNull();
	});
});
