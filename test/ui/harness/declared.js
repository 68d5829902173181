'use strict';
// What the panel should show, computed from the built node descriptions with n8n-workflow's own
// display rules: for a node and a choice of resource and operation, the top-level parameters it
// declares, in order.

const path = require('node:path');
const { NodeHelpers } = require('n8n-workflow');

const { ROOT } = require('../../../scripts/lib/runtime');
const PACKAGE = require(path.join(ROOT, 'package.json'));

/** Every node of the package: its class's description and its full type name. */
function packageNodes() {
	return PACKAGE.n8n.nodes.map((file) => {
		const module = require(path.join(ROOT, file));
		const NodeClass = Object.values(module).find((v) => typeof v === 'function');
		const description = new NodeClass().description;
		return { description, type: `${PACKAGE.name}.${description.name}` };
	});
}

/** The options of a top-level parameter (resource, operation), as { name, value }. */
function optionsOf(description, name, values = {}) {
	const node = { parameters: values, typeVersion: latest(description) };
	const parameter = description.properties.find(
		(p) => p.name === name && NodeHelpers.displayParameter(values, p, node, description),
	);
	return parameter?.options ?? [];
}

const latest = (description) =>
	Array.isArray(description.version) ? Math.max(...description.version) : description.version;

/**
 * The display names of the top-level parameters shown for `choice` ({ resource, operation }), with
 * every other parameter at its default. Notices are left out (the panel shows them without a label).
 */
function declaredParameters(description, choice = {}) {
	const typeVersion = latest(description);
	const node = { parameters: {}, typeVersion, name: description.defaults?.name ?? description.displayName };
	const values = NodeHelpers.getNodeParameters(description.properties, { ...choice }, true, false, node, description);
	node.parameters = values;
	return description.properties
		.filter((p) => p.type !== 'notice' && p.type !== 'hidden' && p.type !== 'callout')
		.filter((p) => NodeHelpers.displayParameter(values, p, node, description))
		.map((p) => p.displayName);
}

/** Every (resource, operation) the node offers; [{}] for a node without resources. */
function choicesOf(description) {
	const resources = optionsOf(description, 'resource');
	if (!resources.length) {
		const operations = optionsOf(description, 'operation');
		return operations.length ? operations.map((o) => ({ operation: o.value, labels: { operation: o.name } })) : [{ labels: {} }];
	}
	return resources.flatMap((resource) =>
		optionsOf(description, 'operation', { resource: resource.value }).map((operation) => ({
			resource: resource.value,
			operation: operation.value,
			labels: { resource: resource.name, operation: operation.name },
		})),
	);
}

/**
 * The name the nodes panel lists a node under. n8n lists a trigger named `<x>Trigger` under the
 * regular node `<x>` when the package has one (its events then appear as that node's triggers);
 * other triggers are listed without the word "Trigger".
 */
function panelName(node, nodes) {
	const { description } = node;
	if (!description.group.includes('trigger')) return description.displayName;
	const regular = nodes.find((n) => `${n.description.name}Trigger` === description.name);
	return regular ? regular.description.displayName : description.displayName.replace(/ Trigger$/, '');
}

module.exports = { packageNodes, declaredParameters, choicesOf, panelName, PACKAGE };
