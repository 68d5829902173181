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

/**
 * Waits until n8n serves `url` (anything but 404): newer n8n versions register an activated
 * workflow's webhooks a moment after the activation call returns. For a webhook trigger of ours an
 * unsigned probe gets 401 and starts nothing.
 */
async function untilServed(url, init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }) {
	for (let i = 0; i < 60; i++) {
		const response = await fetch(url, init);
		await response.arrayBuffer();
		if (response.status !== 404) return;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`n8n does not serve ${url} 15 s after the activation`);
}

module.exports = { restClient, untilServed };
