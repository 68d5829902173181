'use strict';
// A webhook trigger of ours behind a real HTTP server: each request is read as n8n reads it (the
// raw body kept as `req.rawBody`, headers lower-cased by Node), the node's webhook() runs in
// n8n-core's WebhookContext with that request and response, and the answer goes back as n8n's
// `onReceived` mode sends it (the node's own answer, or 200 "Workflow was started" when it returns
// workflow data). What would have started is recorded, in order.
const http = require('node:http');

const { WebhookContext } = require('n8n-core');
const { Workflow } = require('n8n-workflow');

const { nodeTypes, ourCredentialTypes } = require('./engine');
const { credentialTypes } = require('./package-types');

let serial = 0;

/** express's res.status().json(), on a plain Node response. */
function expressLike(res) {
	res.status = (code) => {
		res.statusCode = code;
		return res;
	};
	res.json = (value) => {
		res.setHeader('content-type', 'application/json; charset=utf-8');
		res.end(JSON.stringify(value));
		return res;
	};
	return res;
}

/**
 * @param {{ type: string, parameters: object, credentials: object, mode?: 'trigger'|'manual',
 *   nodeId?: string, workflowId?: string }} options
 */
async function startWebhookReceiver({ type, parameters, credentials, mode = 'trigger', nodeId, workflowId }) {
	const nodeType = nodeTypes.getByName(type);
	const { description } = nodeType;
	const node = {
		id: nodeId ?? `webhook-node-${++serial}`,
		name: description.defaults.name,
		type,
		typeVersion: description.version,
		position: [0, 0],
		parameters,
		webhookId: `hook-${serial}`,
		credentials: Object.fromEntries(
			(description.credentials ?? []).map(({ name }) => [name, { id: '1', name: `${name} test` }]),
		),
	};
	const workflow = new Workflow({
		id: workflowId ?? `webhook-workflow-${serial}`,
		name: 'webhook test',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes,
		settings: { timezone: 'UTC', executionOrder: 'v1' },
	});
	const started = [];
	const answers = [];
	const credentialsHelper = {
		getDecrypted: async (_data, _nodeCredentials, credentialType) => {
			if (!(credentialType in credentials)) throw new Error(`No test credentials of type ${credentialType}`);
			return { ...credentials[credentialType] };
		},
		getCredentialsProperties: (credentialType) => (credentialTypes[credentialType] ?? ourCredentialTypes[credentialType]).properties,
	};

	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', async () => {
			req.rawBody = Buffer.concat(chunks);
			expressLike(res);
			const additionalData = {
				credentialsHelper,
				httpRequest: req,
				httpResponse: res,
				executionId: undefined,
				webhookBaseUrl: 'http://127.0.0.1/webhook',
				webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
				variables: {},
			};
			const webhookData = { webhookDescription: description.webhooks[0], node: node.name, workflowId: workflow.id };
			const context = new WebhookContext(workflow, node, additionalData, mode, webhookData, [], null);
			try {
				const result = await nodeType.webhook.call(context);
				if (result.workflowData) started.push(result.workflowData[0].map((i) => i.json));
				if (!result.noWebhookResponse) res.status(200).json({ message: 'Workflow was started' });
			} catch (error) {
				res.status(500).json({ message: 'Error in workflow', error: String(error?.message ?? error) });
			}
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${server.address().port}/`;

	/** POSTs bytes (a Buffer or string, sent as is) with headers; the status, headers and text. */
	async function post(body, headers = {}) {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body,
		});
		const answer = { status: response.status, headers: Object.fromEntries(response.headers), text: await response.text() };
		answers.push(answer);
		return answer;
	}

	return {
		node,
		post,
		started,
		answers,
		close: () => new Promise((resolve) => server.close(resolve)),
	};
}

module.exports = { startWebhookReceiver };
