'use strict';
// The example workflows in examples/ stay true: every node of ours in them has valid parameters and
// runs against the sandboxes (with data around today), as a user importing them would see.
const fs = require('node:fs');
const path = require('node:path');
const { NodeHelpers } = require('n8n-workflow');

const { nodeTypes } = require('./harness/engine');
const { packageName } = require('./harness/package-types');
const { useRecruitee } = require('./harness/recruitee');
const { useSumsub } = require('./harness/sumsub');

const now = Date.now();
const apis = {
	recruitee: useRecruitee({ now }),
	sumsub: useSumsub({ now, events: 20000 }),
};

const dir = path.join(__dirname, '..', 'examples');
const examples = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));

/**
 * A node that runs on its own here: not a trigger, and no parameter reads an earlier node's data
 * (those run in the e2e suite, in the whole workflow: workflows.e2e, form.e2e, joined.e2e) or takes
 * a value from an AI Agent's model with $fromAI() (agent.e2e runs our tools under n8n's agent).
 */
const runsAlone = (node) =>
	!node.type.endsWith('Trigger') && !/\$json|\$\(|\$fromAI\(/.test(JSON.stringify(node.parameters));

/** The node type that holds a node's parameters: a Tool variant (n8n builds it) has those of its node. */
const baseType = (type) => type.replace(/Tool$/, '');

const ourNodes = (workflow) =>
	workflow.nodes.filter((node) => node.type.startsWith(`${packageName}.`));

test('there are examples for both nodes', () => {
	const types = examples.flatMap((f) =>
		ourNodes(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))).map((n) => n.type),
	);
	expect(new Set(types)).toEqual(
		new Set(
			['recruitee', 'sumsub', 'recruiteeTrigger', 'recruiteeWebhookTrigger', 'sumsubWebhookTrigger', 'recruiteeTool', 'sumsubTool'].map(
				(name) => `${packageName}.${name}`,
			),
		),
	);
});

describe.each(examples)('%s', (file) => {
	const workflow = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));

	test('imports: an id n8n accepts, connections between existing nodes', () => {
		// At most 21 letters and digits, with a digit: `n8n execute-batch --ids` drops ids without one.
		expect(workflow.id).toMatch(/^(?=.*\d)[A-Za-z0-9]{1,21}$/);
		const names = new Set(workflow.nodes.map((n) => n.name));
		for (const [from, byType] of Object.entries(workflow.connections)) {
			expect(names.has(from)).toBe(true);
			// main, and an agent's ai_languageModel and ai_tool
			for (const links of Object.values(byType)) for (const link of links.flat()) expect(names.has(link.node)).toBe(true);
		}
	});

	test.each(ourNodes(workflow).map((n) => [n.name, n]))('%s has valid parameters, and runs if it can alone', async (_, node) => {
		const type = nodeTypes.getByNameAndVersion(baseType(node.type), node.typeVersion);
		const withDefaults = NodeHelpers.getNodeParameters(
			type.description.properties,
			node.parameters,
			true,
			false,
			node,
			type.description,
		);
		expect(
			NodeHelpers.getNodeParametersIssues(type.description.properties, { ...node, parameters: withDefaults }, type.description),
		).toBeNull();
		if (!runsAlone(node)) return;
		const api = apis[baseType(node.type.split('.')[1])];
		const { items, error } = await api.run(node.parameters);
		expect(error).toBeUndefined();
		expect(items.length).toBeGreaterThan(0);
	});
});
