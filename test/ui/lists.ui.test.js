'use strict';
// Every list of the package opens in the editor and shows the sandbox's records; choosing one fills
// the parameter (read back from the saved workflow).
const { context, useEditor } = require('./harness/context');

const editor = useEditor();
const { recruitee, sumsub } = context;

/** How the Offer lists label an offer: its title, kind and status. */
const offerLabel = (o) => `${o.title} (${o.kind === 'talent_pool' ? 'talent pool' : 'job'}, ${o.status})`;
const offerLabels = new Set(recruitee.offers.map(offerLabel));

/** Opens a new workflow with the node added from the nodes panel for `action`. */
async function nodeFor(e, { trigger = false, node, action }) {
	await e.step('open a new workflow', () => e.newWorkflow());
	if (!trigger) await e.step('add a Manual Trigger', () => e.addManualTrigger());
	await e.step(`add ${node}: ${action}`, () => e.addNode(node, node, action));
}

/** The parameters of the one node of the package in the saved workflow. */
async function savedParameters(e, until) {
	const workflow = await e.step('save the workflow', () =>
		e.saveAndRead((w) => until(w.nodes.find((n) => n.type.startsWith('n8n-nodes-recruitee-sumsub.'))?.parameters ?? {})),
	);
	return workflow.nodes.find((n) => n.type.startsWith('n8n-nodes-recruitee-sumsub.')).parameters;
}

afterEach(async () => {
	expect(await editor().takeErrorNotices()).toEqual([]);
	expect(editor().takeErrors()).toEqual([]);
});

test('Candidate: the list shows sandbox candidates, its search narrows them, and a choice fills the ID', async () => {
	const e = editor();
	await nodeFor(e, { node: 'Recruitee', action: 'Get a candidate' });
	const names = new Set(recruitee.candidates.map((c) => c.name));
	const items = await e.step('open the Candidate list', () => e.openList('candidateId'));
	expect(items.length).toBeGreaterThan(5);
	for (const item of items) expect(names).toContain(item.replace(/\s*<[^>]*>$/, ''));

	// Someone the first page does not show, found by the search.
	const wanted = recruitee.candidates.find(
		(c) => /^[A-Za-z]+ [A-Za-z]+$/.test(c.name) && !items.some((i) => i.startsWith(c.name)),
	);
	const surname = wanted.name.split(' ').pop();
	const found = await e.step(`search the list for "${surname}"`, () => e.searchList(surname, new RegExp(surname)));
	const item = found.find((i) => i.startsWith(`${wanted.name} `) || i === wanted.name);
	expect(item).toBeDefined();
	await e.step(`choose ${item}`, () => e.chooseListItem(item));
	// Which candidate of that name: the one whose id the saved parameter holds.
	const parameters = await savedParameters(e, (p) => p.candidateId?.value);
	expect(parameters.candidateId).toMatchObject({ __rl: true, mode: 'list' });
	const chosen = recruitee.candidates.find((c) => String(c.id) === String(parameters.candidateId.value));
	expect(chosen?.name).toBe(wanted.name);
});

test('Offer and Stage: the offer list shows sandbox offers; the stages are the chosen offer\'s', async () => {
	const e = editor();
	await nodeFor(e, { node: 'Recruitee', action: 'Move a candidate to a stage' });
	const items = await e.step('open the Offer list', () => e.openList('offerId'));
	expect(items.length).toBeGreaterThan(0);
	for (const item of items) expect(offerLabels).toContain(item);

	// A job (talent pools have no pipeline of their own here) whose label is unique.
	const offer = recruitee.offers.find(
		(o) => o.kind === 'job' && items.includes(offerLabel(o)) && recruitee.offers.filter((x) => offerLabel(x) === offerLabel(o)).length === 1,
	);
	await e.step(`choose the offer "${offerLabel(offer)}"`, () => e.chooseListItem(offerLabel(offer)));
	// Each stage labelled with its category, in pipeline order.
	const stages = recruitee.stages.filter((s) => s.offerId === offer.id);
	const options = await e.step('open the Stage list', () => e.optionsOf('stageId'));
	expect(options).toEqual(stages.map((s) => `${s.name} (${s.category})`));
	await e.step(`choose the stage "${options[1]}"`, () => e.selectOption('stageId', options[1]));

	const parameters = await savedParameters(e, (p) => p.stageId);
	expect(String(parameters.offerId.value)).toBe(String(offer.id));
	expect(String(parameters.stageId)).toBe(String(stages[1].id));
});

test('Disqualify reason: the list shows the sandbox\'s reasons, and a choice fills the ID', async () => {
	const e = editor();
	await nodeFor(e, { node: 'Recruitee', action: 'Disqualify a candidate' });
	const options = await e.step('open the Reason list', () => e.optionsOf('reasonId'));
	expect(options).toEqual(recruitee.disqualifyReasons.map((r) => r.name));
	const reason = recruitee.disqualifyReasons[1];
	await e.step(`choose "${reason.name}"`, () => e.selectOption('reasonId', reason.name));
	const parameters = await savedParameters(e, (p) => p.reasonId);
	expect(String(parameters.reasonId)).toBe(String(reason.id));
});

test('Search → Offer Names or IDs (a filter): the list shows sandbox offers, and choices fill the IDs', async () => {
	const e = editor();
	await nodeFor(e, { node: 'Recruitee', action: 'Search candidates' });
	await e.step('add the filter "Offer Names or IDs"', () => e.addToCollection('Offer Names or IDs'));
	const options = await e.step('open the Offer list', () => e.optionsOf('offerIds'));
	expect(options.length).toBe(recruitee.offers.length);
	for (const option of options) expect(offerLabels).toContain(option);
	const chosen = recruitee.offers.filter((o) => recruitee.offers.filter((x) => offerLabel(x) === offerLabel(o)).length === 1).slice(0, 2);
	await e.step('choose two offers', () => e.selectOptions('offerIds', chosen.map(offerLabel)));
	const parameters = await savedParameters(e, (p) => p.filters?.offerIds?.length === 2);
	expect(parameters.filters.offerIds.map(String).sort()).toEqual(chosen.map((o) => String(o.id)).sort());
});

test('Recruitee Trigger: its Offer list shows sandbox offers, and a choice fills the ID', async () => {
	const e = editor();
	await nodeFor(e, { trigger: true, node: 'Recruitee', action: 'On new candidate' });
	const items = await e.step('open the Offer list', () => e.openList('offerId'));
	for (const item of items) expect(offerLabels).toContain(item);
	const offer = recruitee.offers.find(
		(o) => items.includes(offerLabel(o)) && recruitee.offers.filter((x) => offerLabel(x) === offerLabel(o)).length === 1,
	);
	await e.step(`choose the offer "${offerLabel(offer)}"`, () => e.chooseListItem(offerLabel(offer)));
	const parameters = await savedParameters(e, (p) => p.offerId?.value);
	expect(String(parameters.offerId.value)).toBe(String(offer.id));
});

test('Sumsub level: the list shows the sandbox\'s levels, and a choice fills the name', async () => {
	const e = editor();
	await nodeFor(e, { node: 'Sumsub', action: 'Create an applicant' });
	const options = await e.step('open the Level list', () => e.optionsOf('levelName'));
	expect(options).toEqual(sumsub.levels);
	await e.step(`choose "${sumsub.levels[1]}"`, () => e.selectOption('levelName', sumsub.levels[1]));
	const parameters = await savedParameters(e, (p) => p.levelName);
	expect(parameters.levelName).toBe(sumsub.levels[1]);
});
