'use strict';
// The REST API of a running n8n (`n8n start`), through an owner session from scripts/lib/n8n.js.

/**
 * @param {() => (pathname: string, init?: RequestInit) => Promise<Response>} session  the session,
 *   read when called (it is made in a beforeAll)
 */
function restClient(session) {
	/** A REST call that must answer 200 with `data`: its data. */
	async function call(pathname, init) {
		const response = await session()(pathname, init);
		const body = await response.json();
		if (response.status !== 200 || !body.data) {
			throw new Error(`${init?.method ?? 'GET'} ${pathname}: HTTP ${response.status} ${JSON.stringify(body).slice(0, 500)}`);
		}
		return body.data;
	}
	/** The executions of a workflow (summaries, newest first as n8n lists them; at most 100 a call: n8n 2.41 refuses more). */
	async function executions(workflowId, limit = 100) {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		return (await call(`/rest/executions?filter=${filter}&limit=${limit}`)).results;
	}
	/** Saves a credential; its id and name, for a workflow's nodes. */
	async function saveCredential(name, type, data) {
		return await call('/rest/credentials', { method: 'POST', body: JSON.stringify({ name, type, data }) });
	}
	return { call, executions, saveCredential };
}

module.exports = { restClient };
