'use strict';
// "Execute step" in the editor: a Get Many shows the sandbox's records in the output panel, and a
// bad parameter shows our message there.
const { context, useEditor } = require('./harness/context');

const editor = useEditor();
const { recruitee } = context;

afterEach(async () => {
	expect(await editor().takeErrorNotices()).toEqual([]);
	expect(editor().takeErrors()).toEqual([]);
});

async function addRecruitee(e, action) {
	await e.step('open a new workflow', () => e.newWorkflow());
	await e.step('add a Manual Trigger', () => e.addManualTrigger());
	await e.step(`add Recruitee: ${action}`, () => e.addNode('Recruitee', 'Recruitee', action));
}

test('Candidate → Get Many with Return All shows every sandbox candidate in the output panel', async () => {
	const e = editor();
	await addRecruitee(e, 'Get many candidates');
	await e.step('turn on Return All', () => e.parameter('returnAll').locator('.el-switch').click());
	const result = await e.step('execute the step', () => e.executeStep());
	expect(result).toEqual({ count: `${recruitee.candidates.length} items` });
});

test('Audit Log → Get Many with a Limit shows that many events', async () => {
	const e = editor();
	await addRecruitee(e, 'Get many audit log events');
	await e.step('set Limit to 7', () => e.fill('limit', 7));
	const result = await e.step('execute the step', () => e.executeStep());
	expect(result).toEqual({ count: '7 items' });
});

test('malformed Filters (JSON) shows our message, naming the parameter, in the output panel', async () => {
	const e = editor();
	await addRecruitee(e, 'Get many audit log events');
	await e.step('type malformed Filters (JSON)', () => e.fillJson('filtersJson', '[{"field":"all"'));
	const result = await e.step('execute the step', () => e.executeStep());
	expect(result.error).toMatch(/Invalid parameter "Filters \(JSON\)"/);
	expect(result.error).toMatch(/is not valid JSON/);
	// The editor's error notice carries the same message, naming the node.
	expect(await e.takeErrorNotices()).toEqual([
		{
			error: true,
			title: 'Problem in node ‘Get many audit log events‘',
			content: expect.stringMatching(/^Invalid parameter "Filters \(JSON\)": is not valid JSON \(.*\) \[item 0\]$/),
		},
	]);
});
