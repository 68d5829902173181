'use strict';
// A Recruitee sandbox per test file, and a runner for the Recruitee node against it.
const sandboxes = require('../sandbox/recruitee');
const { runNode, loadOptions } = require('./engine');
const { packageName } = require('./package-types');

const TYPE = `${packageName}.recruitee`;

function useRecruitee(options = {}) {
	const ctx = {};
	beforeAll(async () => {
		ctx.sandbox = await sandboxes.start(options);
	});
	afterAll(async () => {
		await ctx.sandbox?.close();
	});
	beforeEach(() => {
		ctx.sandbox.clearRequests();
		ctx.sandbox.clearFaults();
	});
	ctx.credentials = (override = {}) => ({
		recruiteeApi: {
			companyId: ctx.sandbox.companyId,
			apiToken: ctx.sandbox.token,
			baseUrl: ctx.sandbox.url,
			...override,
		},
	});
	/** Runs the node; `opts`: input, continueOnFail, timezone, credentials (overrides). */
	ctx.run = (parameters, opts = {}) =>
		runNode({ type: TYPE, parameters, ...opts, credentials: ctx.credentials(opts.credentials) });
	ctx.load = (kind, method, args = [], parameters = {}) =>
		loadOptions({ type: TYPE, kind, method, args, parameters, credentials: ctx.credentials() });
	/** Requests the node made, as [path, query object] pairs. */
	ctx.calls = () => ctx.sandbox.requests.map((r) => [r.path.replace(/^\/c\/[^/]+/, ''), r.query]);
	/** The sandbox's own answer to a request, as the oracle for what the node must return. */
	ctx.oracle = async (pathAndQuery) => {
		const response = await fetch(`${ctx.sandbox.url}/c/${ctx.sandbox.companyId}${pathAndQuery}`, {
			headers: { authorization: `Bearer ${ctx.sandbox.token}` },
		});
		const body = await response.json();
		ctx.sandbox.clearRequests();
		return body;
	};
	return ctx;
}

const rl = (value, mode = 'id') => ({ __rl: true, mode, value });

const jsonOf = (items) => items.map((item) => item.json);

module.exports = { useRecruitee, rl, jsonOf, TYPE };
