'use strict';
// The Sumsub node against a Sumsub sandbox that verifies every signature.
const sandbox = require('../sandbox/sumsub');
const { useSandboxNode, jsonOf, everythingShown } = require('./sandbox-node');

function useSumsub(options = {}) {
	const ctx = useSandboxNode(
		{
			sandbox,
			node: 'sumsub',
			credentials: (s, override) => ({
				sumsubApi: {
					appToken: s.appToken,
					secretKey: s.secretKey,
					baseUrl: s.url,
					...override,
				},
			}),
		},
		options,
	);
	/** Requests the node made, as [path, query object] pairs. */
	ctx.calls = () => ctx.sandbox.requests.map((r) => [r.path, r.query]);
	/** The sandbox's own answer (signed like any client would), the oracle for the node's output. */
	ctx.oracle = async (pathAndQuery) => {
		const response = await fetch(`${ctx.sandbox.url}${pathAndQuery}`, {
			headers: ctx.sandbox.signedHeaders(pathAndQuery),
		});
		const body = await response.json();
		ctx.sandbox.clearRequests();
		return body;
	};
	return ctx;
}

module.exports = { useSumsub, jsonOf, everythingShown, DEFAULTS: sandbox.DEFAULTS };
