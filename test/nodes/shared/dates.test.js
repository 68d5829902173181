'use strict';
const { toInstant } = require('../../../nodes/shared/dates');
const { DateTime } = require('luxon');

const iso = (value, tz = 'UTC') => toInstant(value, tz)?.toISO() ?? toInstant(value, tz);

describe('toInstant: every way a user gives a date', () => {
	test.each([
		['2024-05-01', 'Europe/Paris', '2024-04-30T22:00:00.000Z'],
		['2024-05-01T10:00:00', 'America/New_York', '2024-05-01T14:00:00.000Z'],
		['2024-05-01T10:00:00+02:00', 'America/New_York', '2024-05-01T08:00:00.000Z'],
		['2024-05-01 10:00:00', 'UTC', '2024-05-01T10:00:00.000Z'],
		['Wed, 01 May 2024 10:00:00 GMT', 'Asia/Tokyo', '2024-05-01T10:00:00.000Z'],
		['1714557600', 'UTC', '2024-05-01T10:00:00.000Z'],
		[1714557600, 'UTC', '2024-05-01T10:00:00.000Z'],
		[1714557600000, 'UTC', '2024-05-01T10:00:00.000Z'],
		[new Date('2024-05-01T10:00:00Z'), 'UTC', '2024-05-01T10:00:00.000Z'],
		[DateTime.fromISO('2024-05-01T12:00:00', { zone: 'Europe/Berlin' }), 'UTC', '2024-05-01T10:00:00.000Z'],
		[{ toMillis: () => 1714557600000 }, 'UTC', '2024-05-01T10:00:00.000Z'],
	])('%p in %s', (value, tz, expected) => {
		expect(iso(value, tz)).toBe(expected);
	});

	test.each([[''], [null], [undefined]])('%p is "not set"', (value) => {
		expect(toInstant(value, 'UTC')).toBeUndefined();
	});

	test.each([['yesterday'], ['2024-13-01'], [Number.NaN], [{}], [true]])('%p is not a date', (value) => {
		expect(toInstant(value, 'UTC')).toBeNull();
	});
});
