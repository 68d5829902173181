'use strict';
const { encodeQuery, withQuery } = require('../../../nodes/shared/query');

describe('query strings are built once, strictly encoded', () => {
	test('RFC 3986: spaces, colons, quotes and brackets are encoded; empty values are left out', () => {
		expect(
			encodeQuery({
				from: '2026-11-19 09:00:00',
				filters_json: '[{"field":"all","query":"O\'Brien (x)!*"}]',
				empty: '',
				none: undefined,
				nothing: null,
				n: 0,
				yes: true,
			}),
		).toBe(
			'from=2026-11-19%2009%3A00%3A00&filters_json=%5B%7B%22field%22%3A%22all%22%2C%22query%22%3A%22O%27Brien%20%28x%29%21%2A%22%7D%5D&n=0&yes=true',
		);
	});

	test('what a URL parser sees is what we built', () => {
		const url = withQuery('https://api.sumsub.com/resources/x', { q: "a b:c'()" });
		expect(new URL(url).search).toBe("?q=a%20b%3Ac%27%28%29");
		expect(withQuery('https://x/y', {})).toBe('https://x/y');
	});
});
