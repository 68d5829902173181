'use strict';
const { reliabilityOptions, httpSettingsOf } = require('../../../nodes/shared/reliability');
const { DEFAULT_RETRY_POLICY, DEFAULT_TIMEOUT_MS } = require('../../../nodes/shared/http');

describe('reliability options', () => {
	test('the defaults shown in the node are the transport’s defaults', () => {
		const defaults = Object.fromEntries(reliabilityOptions.map((o) => [o.name, o.default]));
		expect(httpSettingsOf(defaults)).toEqual({ retry: DEFAULT_RETRY_POLICY, timeoutMs: DEFAULT_TIMEOUT_MS });
		expect(httpSettingsOf({})).toEqual(httpSettingsOf(defaults));
	});
});
