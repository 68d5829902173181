'use strict';
const { z } = require('zod');
const { listOf } = require('../../../nodes/shared/records');

describe('listOf: a list of records checked in one loop, not copied', () => {
	const withId = listOf((r) => typeof r.id === 'number', 'a record without a numeric "id"');
	const page = z.object({ items: withId });

	test('the list comes back as it came: the same array, the same objects', () => {
		const items = [{ id: 1 }, { id: 2, name: 'x' }];
		const parsed = page.parse({ items });
		expect(parsed.items).toBe(items);
		expect(parsed.items[1]).toBe(items[1]);
		expect(page.parse({ items: [] }).items).toEqual([]);
	});

	test.each([
		['a record failing the check', [{ id: 1 }, { id: 'x' }], ['items', 1], 'a record without a numeric "id"'],
		['null', [{ id: 1 }, { id: 2 }, null], ['items', 2], 'a record without a numeric "id"'],
		['an array', [[1]], ['items', 0], 'a record without a numeric "id"'],
		['a string', ['abc'], ['items', 0], 'a record without a numeric "id"'],
	])('%s is named by its index', (_what, items, path, message) => {
		const result = page.safeParse({ items });
		expect(result.success).toBe(false);
		expect(result.error.issues).toEqual([expect.objectContaining({ path, message })]);
	});

	test.each([[undefined, 'undefined'], [{}, 'object'], ['[]', 'string'], [null, 'null']])(
		'no list at all (%p) says what came instead',
		(items, received) => {
			const result = page.safeParse({ items });
			expect(result.success).toBe(false);
			expect(result.error.issues[0]).toMatchObject({ path: ['items'], code: 'invalid_type', expected: 'array', received });
		},
	);
});
