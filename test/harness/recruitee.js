'use strict';
// The Recruitee node against a Recruitee sandbox.
const sandbox = require('../sandbox/recruitee');
const { useSandboxNode, rl, jsonOf, everythingShown } = require('./sandbox-node');

function useRecruitee(options = {}) {
	const ctx = useSandboxNode(
		{
			sandbox,
			node: 'recruitee',
			credentials: (s, override) => ({
				recruiteeApi: { companyId: s.companyId, apiToken: s.token, baseUrl: s.url, ...override },
			}),
		},
		options,
	);
	/** Requests the node made, as [path below /c/{company}, query object] pairs. */
	ctx.calls = () => ctx.sandbox.requests.map((r) => [r.path.replace(/^\/c\/[^/]+/, ''), r.query]);
	/** The sandbox's own answer to a request, the oracle for what the node must return. */
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

module.exports = { useRecruitee, rl, jsonOf, everythingShown };
