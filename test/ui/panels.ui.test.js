'use strict';
// The nodes panel finds every node of the package by its name and adds it; for every node, resource
// and operation, its panel shows the parameters the operation declares (as n8n-workflow's display
// rules compute them from the built description), with no error notice and no console error.
const { useEditor } = require('./harness/context');
const { packageNodes, declaredParameters, choicesOf, panelName } = require('./harness/declared');

const nodes = packageNodes();
const editor = useEditor();

/** Parameters n8n adds to a node's panel itself: a polling trigger's schedule. */
const addedByN8n = (description) => (description.polling ? ['Poll Times'] : []);

describe.each(nodes.map((n) => [n.description.displayName, n]))('%s', (displayName, node) => {
	const { description } = node;
	const isTrigger = description.group.includes('trigger');

	test('the nodes panel finds it by name, adds it, and its panel shows what each operation declares', async () => {
		const e = editor();
		await e.step('open a new workflow', () => e.newWorkflow());
		// A regular node is added after a trigger, as a person does; a trigger on the empty canvas.
		if (!isTrigger) await e.step('add a Manual Trigger', () => e.addManualTrigger());
		await e.step(`add "${displayName}" from the nodes panel`, () => e.addNode(displayName, panelName(node, nodes)));

		const seen = [];
		for (const choice of choicesOf(description)) {
			const what = Object.values(choice.labels).join(' → ') || displayName;
			const shown = await e.step(`show ${displayName}: ${what}`, async () => {
				if (choice.resource) await e.selectOption('resource', choice.labels.resource);
				if (choice.operation) await e.selectOption('operation', choice.labels.operation);
				return e.shownParameters();
			});
			const declared = [...addedByN8n(description), ...declaredParameters(description, choice)];
			seen.push({ what, shown, declared });
		}
		// One assertion over every operation, so a failure lists them all.
		expect(seen.filter((s) => JSON.stringify(s.shown) !== JSON.stringify(s.declared))).toEqual([]);
		expect(await e.takeErrorNotices()).toEqual([]);
		expect(e.takeErrors()).toEqual([]);
	});
});
