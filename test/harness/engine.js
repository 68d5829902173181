'use strict';
// Runs our nodes through n8n's real execution engine (n8n-core's WorkflowExecute), the way n8n runs a
// workflow, with a credentials helper that authenticates requests the way n8n's CLI does: generic
// credentials by resolving their expressions against the credential data, function credentials by
// calling the function. Nothing of the code under test is replaced.

const {
	ExecuteContext,
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	PollContext,
	RoutingNode,
	WorkflowExecute,
} = require('n8n-core');
const {
	createDeferredPromise,
	createRunExecutionData,
	ICredentialsHelper,
	isExpression,
	NodeHelpers,
	Workflow,
} = require('n8n-workflow');

const { nodeTypes: ourNodeTypes, credentialTypes: ourCredentialTypes } = require('./package-types');

class TestNodeTypes {
	constructor(types) {
		this.types = types;
	}
	getByName(name) {
		const type = this.types[name];
		if (!type) throw new Error(`Unknown node type ${name}`);
		return type;
	}
	getByNameAndVersion(name, version) {
		return NodeHelpers.getVersionedNodeType(this.getByName(name), version);
	}
	getKnownTypes() {
		return {};
	}
}

/** n8n's CLI credentials helper, reduced to what does not need a database. */
class TestCredentialsHelper extends ICredentialsHelper {
	constructor(credentialTypes, data) {
		super();
		this.credentialTypes = credentialTypes;
		this.data = data;
		/** How often each credential type was read (decrypted, in n8n), to show what reads it once. */
		this.reads = {};
	}

	getType(name) {
		const type = this.credentialTypes[name];
		if (!type) throw new Error(`Unknown credential type ${name}`);
		return type;
	}

	async authenticate(credentials, typeName, requestOptions, workflow, node) {
		const { authenticate } = this.getType(typeName);
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (authenticate && authenticate.type === 'generic') {
			requestOptions.headers = requestOptions.headers || {};
			for (const [outerKey, values] of Object.entries(authenticate.properties)) {
				requestOptions[outerKey] = requestOptions[outerKey] || {};
				for (const [key, value] of Object.entries(values)) {
					const resolve = (v) =>
						isExpression(v)
							? String(
									workflow.expression.getSimpleParameterValue(
										node,
										v,
										'internal',
										{ $credentials: credentials },
										undefined,
										'',
									) ?? '',
								)
							: v;
					requestOptions[outerKey][resolve(key)] = resolve(value);
				}
			}
		}
		return requestOptions;
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	getParentTypes() {
		return [];
	}

	getOAuth2Options() {
		return undefined;
	}

	async getDecrypted(_additionalData, _nodeCredentials, type) {
		if (!(type in this.data)) throw new Error(`No test credentials of type ${type}`);
		this.reads[type] = (this.reads[type] ?? 0) + 1;
		return { ...this.data[type] };
	}

	async getCredentials() {
		throw new Error('not used by these tests');
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties(type) {
		return this.getType(type).properties;
	}

	isCredentialUsableByNode() {
		return true;
	}
}

const nodeTypes = new TestNodeTypes(ourNodeTypes);

function node(type, parameters, options = {}) {
	const description = ourNodeTypes[type].description;
	const credentials = {};
	for (const { name } of description.credentials ?? []) credentials[name] = { id: '1', name: `${name} test` };
	return {
		id: 'node-under-test',
		name: options.name ?? description.defaults.name,
		type,
		typeVersion: options.typeVersion ?? description.version,
		position: [0, 0],
		parameters,
		credentials,
		...(options.continueOnFail ? { onError: 'continueRegularOutput' } : {}),
	};
}

function workflowOf(nodes, timezone = 'UTC', types = nodeTypes, staticData = undefined) {
	return new Workflow({
		staticData,
		id: 'test-workflow',
		name: 'test',
		nodes,
		connections: {},
		active: false,
		nodeTypes: types,
		settings: { timezone, executionOrder: 'v1' },
	});
}

function additionalDataFor(credentials, hooks) {
	return {
		hooks,
		credentialsHelper: new TestCredentialsHelper(ourCredentialTypes, credentials),
		executionId: 'test-execution',
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		currentNodeParameters: undefined,
		variables: {},
		executeWorkflow: async () => {
			throw new Error('not used');
		},
		logAiEvent: () => {},
		setExecutionStatus: () => {},
		sendDataToUI: () => {},
		getRunExecutionData: async () => undefined,
	};
}

/**
 * Runs one node of ours with the given parameters on the given input items, through WorkflowExecute.
 * Returns the node's output items (json and pairedItem), its error if it failed, the whole run, and
 * how often each credential was read.
 */
async function runNode({
	type,
	parameters,
	credentials,
	input = [{ json: {} }],
	continueOnFail = false,
	timezone = 'UTC',
}) {
	return await runWorkflowNode({
		types: nodeTypes,
		node: node(type, parameters, { continueOnFail }),
		credentials,
		input,
		timezone,
	});
}

/** Runs any node (of `types`) on the input items through WorkflowExecute. */
async function runWorkflowNode({ types, node: testNode, credentials = {}, input = [{ json: {} }], timezone = 'UTC' }) {
	const workflow = workflowOf([testNode], timezone, types);
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', {
		id: 'test-workflow',
		name: 'test',
		nodes: [testNode],
		connections: {},
		active: false,
		settings: {},
		createdAt: new Date(),
		updatedAt: new Date(),
		isArchived: false,
		activeVersionId: null,
	});
	const done = createDeferredPromise();
	hooks.addHandler('workflowExecuteAfter', (run) => done.resolve(run));
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: testNode, data: { main: [input] }, source: null }],
		},
	});
	const additionalData = additionalDataFor(credentials, hooks);
	const execution = new WorkflowExecute(additionalData, 'manual', runExecutionData);
	await execution.processRunExecutionData(workflow);
	const run = await done.promise;
	const task = run.data.resultData.runData[testNode.name]?.[0];
	return {
		items: task?.data?.main?.[0] ?? [],
		error: task?.error ?? run.data.resultData.error,
		run,
		credentialReads: additionalData.credentialsHelper.reads,
	};
}

/**
 * Calls a node's listSearch or loadOptions method the way the editor does, through n8n-core's
 * LoadOptionsContext, with the node's current parameters.
 */
async function loadOptions({ type, kind, method, parameters = {}, credentials, args = [] }) {
	const testNode = node(type, parameters);
	const workflow = workflowOf([testNode]);
	// As n8n's editor does: the node's current parameters go with the request.
	const additionalData = { ...additionalDataFor(credentials), currentNodeParameters: testNode.parameters };
	const context = new LoadOptionsContext(workflow, testNode, additionalData, '');
	const nodeType = nodeTypes.getByNameAndVersion(type, testNode.typeVersion);
	return await nodeType.methods[kind][method].call(context, ...args);
}

/**
 * A polling trigger of ours, polled the way n8n's ActiveWorkflows does: n8n-core's PollContext on a
 * Workflow whose static data persists from poll to poll. `staticData` restores what a previous
 * instance saved (a restart); `saved()` gives it as n8n would store it.
 */
function createPoller({ type, parameters, credentials, staticData, timezone = 'UTC' }) {
	const triggerNode = node(type, parameters);
	const workflow = workflowOf(
		[triggerNode],
		timezone,
		nodeTypes,
		staticData && JSON.parse(JSON.stringify(staticData)),
	);
	const nodeType = nodeTypes.getByNameAndVersion(type, triggerNode.typeVersion);
	const additionalData = additionalDataFor(credentials);
	return {
		/** One poll; `mode` 'manual' is the editor's "Fetch test event". Returns the items or null. */
		async poll(mode = 'trigger') {
			const context = new PollContext(workflow, triggerNode, additionalData, mode, 'activate');
			const result = await nodeType.poll.call(context);
			return result ? result[0] : null;
		},
		saved: () => JSON.parse(JSON.stringify(workflow.staticData)),
	};
}

const noOpType = {
	description: {
		displayName: 'No Operation',
		name: 'n8n-nodes-base.noOp',
		group: ['organization'],
		version: 1,
		description: '',
		defaults: { name: 'No Operation' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	},
};

/**
 * Runs a credential's declarative test (its `test` request and rules) the way n8n's credentials
 * tester does: through RoutingNode on a temporary node, then the rules on the failing status.
 */
async function testCredential(credentialType, data) {
	const { test } = ourCredentialTypes[credentialType];
	const tempType = {
		description: {
			...noOpType.description,
			credentials: [{ name: credentialType, required: true }],
			properties: [
				{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: test.request }, default: '' },
			],
		},
	};
	const context = tempNodeContext(tempType, { [credentialType]: data });
	const credentialsDecrypted = { id: '1', name: 'test', type: credentialType, data };
	let response;
	try {
		response = await new RoutingNode(context, tempType, credentialsDecrypted).runNode();
	} catch (error) {
		const response = error.cause?.response;
		if (response) {
			const rule = (test.rules ?? []).find(
				(r) => r.type === 'responseCode' && r.properties.value === response.status,
			);
			if (rule) return { status: 'Error', message: rule.properties.message };
			return { status: 'Error', message: response.statusText || `Received HTTP status code: ${response.status}` };
		}
		return { status: 'Error', message: error.cause?.code ?? error.message };
	}
	const body = response[0][0].json;
	const get = (object, path) =>
		path.split('.').reduce((value, key) => (value == null ? undefined : value[key]), object);
	for (const rule of test.rules ?? []) {
		if (rule.type === 'responseSuccessBody' && get(body, rule.properties.key) === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

/**
 * The context a node's code runs in (n8n-core's ExecuteContext), for a node that has these
 * credentials: its request helpers (`httpRequestWithAuthentication`, and `requestWithAuthentication`,
 * the legacy one the HTTP Request node uses) authenticate through the credential type, as in n8n.
 * Call them as a node does: `context.helpers.httpRequestWithAuthentication.call(context, ...)`.
 */
function requestContext(credentials) {
	const names = Object.keys(credentials);
	const tempType = {
		description: { ...noOpType.description, credentials: names.map((name) => ({ name, required: true })) },
	};
	return tempNodeContext(tempType, credentials);
}

/** n8n-core's ExecuteContext of a one-node workflow of `tempType`, with these credentials' data. */
function tempNodeContext(tempType, credentials) {
	const types = new TestNodeTypes({ [noOpType.description.name]: tempType });
	const tempNode = {
		id: 'temp',
		name: 'Temp-Node',
		type: noOpType.description.name,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: Object.fromEntries(Object.keys(credentials).map((name) => [name, { id: '1', name: 'test' }])),
	};
	const workflow = workflowOf([tempNode], 'UTC', types);
	return new ExecuteContext(
		workflow,
		tempNode,
		additionalDataFor(credentials),
		'internal',
		createRunExecutionData({ resultData: { runData: {} } }),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node: tempNode, data: {}, source: null },
		[],
	);
}

module.exports = {
	runNode,
	requestContext,
	runWorkflowNode,
	TestNodeTypes,
	loadOptions,
	testCredential,
	createPoller,
	nodeTypes,
	ourCredentialTypes,
};
