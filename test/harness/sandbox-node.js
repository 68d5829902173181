'use strict';
// One sandbox API per test file, and a runner for one of our nodes against it.
const { runNode, loadOptions } = require('./engine');
const { packageName } = require('./package-types');

/**
 * @param {object} spec
 * @param {{ start(options: object): Promise<object> }} spec.sandbox  a sandbox module
 * @param {string} spec.node  the node's name (`recruitee`, `sumsub`)
 * @param {(sandbox: object) => object} spec.credentials  credentials that reach the sandbox
 * @param {object} [options]  sandbox options
 */
function useSandboxNode(spec, options = {}) {
	const type = `${packageName}.${spec.node}`;
	const ctx = { type };
	beforeAll(async () => {
		ctx.sandbox = await spec.sandbox.start(options);
	});
	afterAll(async () => {
		await ctx.sandbox?.close();
	});
	beforeEach(() => {
		ctx.sandbox.clearRequests();
		ctx.sandbox.clearFaults();
	});
	ctx.credentials = (override = {}) => spec.credentials(ctx.sandbox, override);
	/** Runs the node; `opts`: input, continueOnFail, timezone, credentials (overrides). */
	ctx.run = (parameters, opts = {}) =>
		runNode({ type, parameters, ...opts, credentials: ctx.credentials(opts.credentials) });
	ctx.load = (kind, method, args = [], parameters = {}) =>
		loadOptions({ type, kind, method, args, parameters, credentials: ctx.credentials() });
	return ctx;
}

const rl = (value, mode = 'id') => ({ __rl: true, mode, value });

const jsonOf = (items) => items.map((item) => item.json);

/** Everything a run shows a user: error message, description and context, and the output items. */
const everythingShown = (result) =>
	JSON.stringify({
		error: result.error && {
			message: result.error.message,
			description: result.error.description,
			context: result.error.context,
			messages: result.error.messages,
		},
		items: result.items,
	});

module.exports = { useSandboxNode, rl, jsonOf, everythingShown };
