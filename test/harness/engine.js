'use strict';
// Runs our nodes through n8n's real execution engine (n8n-core's WorkflowExecute), the way n8n runs a
// workflow, with a credentials helper that authenticates requests the way n8n's CLI does: generic
// credentials by resolving their expressions against the credential data, function credentials by
// calling the function. Nothing of the code under test is replaced.

const { ExecutionLifecycleHooks, WorkflowExecute } = require('n8n-core');
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

/**
 * Runs one node of ours with the given parameters on the given input items, through WorkflowExecute.
 * Returns the node's output items (json and pairedItem), its error if it failed, and the whole run.
 */
async function runNode({
	type,
	parameters,
	credentials,
	input = [{ json: {} }],
	continueOnFail = false,
	timezone = 'UTC',
}) {
	const testNode = node(type, parameters, { continueOnFail });
	const workflow = new Workflow({
		id: 'test-workflow',
		name: 'test',
		nodes: [testNode],
		connections: {},
		active: false,
		nodeTypes,
		settings: { timezone, executionOrder: 'v1' },
	});
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
	const additionalData = {
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
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: testNode, data: { main: [input] }, source: null }],
		},
	});
	const execution = new WorkflowExecute(additionalData, 'manual', runExecutionData);
	await execution.processRunExecutionData(workflow);
	const run = await done.promise;
	const task = run.data.resultData.runData[testNode.name]?.[0];
	return {
		items: task?.data?.main?.[0] ?? [],
		error: task?.error ?? run.data.resultData.error,
		run,
	};
}

module.exports = { runNode, nodeTypes, TestCredentialsHelper, ourCredentialTypes };
