'use strict';
// n8n's AI Agent with our Tool nodes, in the real n8n (execute-batch): its OpenAI Chat Model points
// at our scripted chat-completions server (test/sandbox/model), which answers with the tool calls
// each test lays out and then with a final message built from the tool results it received. We
// check what n8n sent the model (the tool schemas it built from our nodes and $fromAI, the
// arguments, the results), what reached the sandboxes, and what the agent answered.
const path = require('node:path');

const recruiteeSandbox = require('../sandbox/recruitee');
const sumsubSandbox = require('../sandbox/sumsub');
const modelSandbox = require('../sandbox/model');
const { toolResults } = require('../sandbox/model');
const { context, importCredentials, importAndRun, nodeRun } = require('./harness/context');

const JOB = 1209656;
const JASPRIT = 47628534;
/** The stages of JOB in the sandbox, in pipeline order. */
const STAGES = { Applied: 8176678, Offer: 8176681 };

let recruitee;
let sumsub;
let model;
let result;
/** Candidates of JOB with an applicant in Sumsub: approved (GREEN) and still pending. */
const applicants = {};

/** The JSON a tool returned, parsed. */
const parsed = (toolMessage) => JSON.parse(toolMessage.content);
/** The last request of a model's conversation: it carries every tool result. */
const lastOf = (name) => model.completionsOf(name).at(-1);
const agentOutput = (id) => {
	const run = result.runs[id];
	if (!run) throw new Error(`no run of ${id}: ${JSON.stringify(result.summary)?.slice(0, 1500)} ${result.output.slice(-1500)}`);
	const { items, error } = nodeRun(run, 'AI Agent');
	expect(error).toBeUndefined();
	expect(items).toHaveLength(1);
	return items[0].output;
};

const finalFromResults = (messages) =>
	toolResults(messages)
		.map((t) => `${t.name}: ${t.content}`)
		.join('\n');

/** "Who is not yet verified": the candidates whose review status is not approved (or who have no applicant). */
function notVerified(messages) {
	const results = toolResults(messages);
	const candidates = parsed(results.find((t) => t.name === 'Candidates_of_a_job'));
	const approved = new Set(
		results
			.filter((t) => t.name === 'Review_status')
			.map(parsed)
			.filter(([status]) => status.approved === true)
			.map(([status]) => status.externalUserId),
	);
	const names = candidates.filter((c) => !approved.has(`recruitee-${c.id}`)).map((c) => c.name);
	return `Not yet verified: ${names.join(', ')}`;
}

const SCRIPTS = {
	'agent-read': [
		{
			toolCalls: [
				{ name: 'Candidates_of_a_job', arguments: { offerId: JOB } },
				{ name: 'Search_candidates', arguments: { text: 'Jasprit' } },
				{ name: 'Audit_trail_events', arguments: { activity: 'subject:loaded:applicant', from: '2026-11-19T00:00:00Z' } },
			],
		},
		{ final: finalFromResults },
	],
	'agent-write': [
		{ toolCalls: [{ name: 'Leave_a_note', arguments: { candidateId: String(JASPRIT), text: 'Reference check passed <ok> & on file' } }] },
		{ toolCalls: [{ name: 'Tag_a_candidate', arguments: { candidateId: String(JASPRIT), tags: 'reference-ok, agent' } }] },
		{ final: (messages) => `Done: ${toolResults(messages).length} changes` },
	],
	'agent-bad': [
		// an unknown stage, then a malformed candidate ID; then the stage the error message offered
		{ toolCalls: [{ name: 'Move_to_stage', arguments: { candidateId: String(JASPRIT), offerId: JOB, stage: 'Negotiation' } }] },
		{ toolCalls: [{ name: 'Move_to_stage', arguments: { candidateId: 'abc', offerId: JOB, stage: 'Offer' } }] },
		{
			toolCalls: (messages) => {
				const [{ description }] = parsed(toolResults(messages)[0]);
				const stage = /\b(Offer) \(\d+\)/.exec(description)[1];
				return [{ name: 'Move_to_stage', arguments: { candidateId: String(JASPRIT), offerId: JOB, stage } }];
			},
		},
		{ final: (messages) => `Moved after ${toolResults(messages).length - 1} corrections` },
	],
	'agent-both': [
		{ toolCalls: [{ name: 'Candidates_of_a_job', arguments: { offerId: JOB } }] },
		// one review status per candidate returned, in one turn (parallel tool calls)
		{
			toolCalls: (messages) =>
				parsed(toolResults(messages)[0]).map((c) => ({ name: 'Review_status', arguments: { externalUserId: `recruitee-${c.id}` } })),
		},
		{ final: notVerified },
	],
};

beforeAll(async () => {
	recruitee = await recruiteeSandbox.start({ candidates: 100 });
	sumsub = await sumsubSandbox.start({ events: 2000 });
	model = await modelSandbox.start({ scripts: SCRIPTS });
	// Two candidates of the job have a Sumsub applicant: one approved, one still pending.
	const oracle = await recruiteeGet(`/candidates?offer_id=${JOB}&limit=10&offset=0`);
	const [first, second] = oracle.candidates;
	expect(oracle.candidates.length).toBeGreaterThan(3);
	applicants.approved = first;
	applicants.pending = second;
	sumsub.setReview(sumsub.addApplicant({ externalUserId: `recruitee-${first.id}` }).id, { reviewStatus: 'completed', reviewAnswer: 'GREEN' });
	sumsub.setReview(sumsub.addApplicant({ externalUserId: `recruitee-${second.id}` }).id, { reviewStatus: 'pending' });
	await importCredentials([
		{ id: 'e2eOpenAiCred1', name: 'Scripted model (sandbox)', type: 'openAiApi', data: { apiKey: model.apiKey, url: model.baseUrl } },
		{
			id: 'e2eAgentRecruiteeCred1',
			name: 'Recruitee e2e, agent',
			type: 'recruiteeApi',
			data: { companyId: recruitee.companyId, apiToken: recruitee.token, baseUrl: recruitee.url },
		},
		{
			id: 'e2eAgentSumsubCred1',
			name: 'Sumsub e2e, agent',
			type: 'sumsubApi',
			data: { appToken: sumsub.appToken, secretKey: sumsub.secretKey, baseUrl: sumsub.url },
		},
	]);
	result = await importAndRun(
		['agent-read', 'agent-write', 'agent-bad-arguments', 'agent-both-vendors'].map((f) => path.join(__dirname, 'workflows', `${f}.json`)),
	);
}, 300_000);

afterAll(async () => {
	await Promise.all([recruitee, sumsub, model].map((s) => s?.close()));
});

async function recruiteeGet(pathAndQuery) {
	const response = await fetch(`${recruitee.url}/c/${recruitee.companyId}${pathAndQuery}`, {
		headers: { authorization: `Bearer ${recruitee.token}` },
	});
	return await response.json();
}

test(`n8n ${context.runtime.version} ran every agent workflow to success, each script to its end`, () => {
	for (const id of ['e2eAgentRead1', 'e2eAgentWrite1', 'e2eAgentBadArgs1', 'e2eAgentBoth1']) {
		expect({ id, error: result.runs[id]?.data.resultData.error }).toEqual({ id, error: undefined });
	}
	expect(result.exitCode).toBe(0);
	for (const name of Object.keys(SCRIPTS)) expect({ name, left: model.remaining(name) }).toEqual({ name, left: 0 });
	// n8n's OpenAI Chat Model (1.3, Responses API off) asks for chat completions, not streamed, when run by execute-batch
	expect(model.completions.every((c) => c.stream === false)).toBe(true);
	expect(model.requests.every((r) => r.headers.authorization === `Bearer ${model.apiKey}` && r.path === '/v1/chat/completions')).toBe(true);
});

describe('the tools n8n built from our nodes', () => {
	const toolsOf = (name) =>
		Object.fromEntries(model.completionsOf(name)[0].tools.map((t) => [t.function.name, t.function]));

	test('read tools: names from the node names, descriptions from the operations, parameters from $fromAI()', () => {
		const tools = toolsOf('agent-read');
		expect(Object.keys(tools).sort()).toEqual(['Audit_trail_events', 'Candidates_of_a_job', 'Search_candidates']);
		expect(tools.Candidates_of_a_job).toMatchObject({
			description: 'Get many candidates in Recruitee',
			parameters: {
				type: 'object',
				properties: { offerId: { type: 'number', description: 'The numeric ID of the job (offer) whose candidates to list' } },
				required: ['offerId'],
				additionalProperties: false,
			},
		});
		expect(tools.Search_candidates).toMatchObject({
			description: 'Search candidates in Recruitee',
			parameters: { properties: { text: { type: 'string', description: 'Text to look for in names, emails and tags' } }, required: ['text'] },
		});
		expect(tools.Audit_trail_events).toMatchObject({
			description: 'Get many audit trail events in Sumsub',
			parameters: {
				properties: {
					activity: { type: 'string', description: 'The Sumsub audit trail activity type, e.g. subject:loaded:applicant' },
					from: { type: 'string', description: 'Start of the window, ISO 8601 date and time' },
				},
				required: ['activity', 'from'],
			},
		});
	});

	test('write tools and both vendors in one agent', () => {
		const write = toolsOf('agent-write');
		expect(write.Leave_a_note.description).toBe('Create a note in Recruitee');
		expect(write.Tag_a_candidate.description).toBe('Add tags to a candidate in Recruitee');
		expect(write.Tag_a_candidate.parameters.required.sort()).toEqual(['candidateId', 'tags']);
		const both = toolsOf('agent-both');
		expect(Object.keys(both).sort()).toEqual(['Candidates_of_a_job', 'Review_status']);
		expect(both.Review_status).toMatchObject({
			description: 'Get the review status of an applicant in Sumsub',
			parameters: { properties: { externalUserId: { type: 'string' } }, required: ['externalUserId'] },
		});
		expect(toolsOf('agent-bad').Move_to_stage.parameters.properties).toEqual({
			candidateId: { type: 'string', description: 'The numeric ID of the candidate' },
			offerId: { type: 'number', description: 'The numeric ID of the job' },
			stage: { type: 'string', description: 'The name of the stage to move the candidate to' },
		});
	});
});

describe('a read agent: candidates of a job, a search, Sumsub audit trail events', () => {
	test('the model got the records, limited by each tool node (10, 5, 3)', async () => {
		const results = Object.fromEntries(toolResults(lastOf('agent-read').messages).map((t) => [t.name, parsed(t)]));
		const oracle = await recruiteeGet(`/candidates?offer_id=${JOB}&limit=10&offset=0`);
		expect(results.Candidates_of_a_job.map((c) => c.id)).toEqual(oracle.candidates.map((c) => c.id));
		for (const c of results.Candidates_of_a_job) expect(c.placements.map((p) => p.offer_id)).toContain(JOB);
		// Simplify (on by default): the listed fields only
		expect(Object.keys(results.Candidates_of_a_job[0]).sort()).toEqual(
			expect.arrayContaining(['id', 'name', 'emails', 'placements', 'adminapp_url']),
		);
		expect(results.Candidates_of_a_job[0]).not.toHaveProperty('references');
		expect(results.Search_candidates[0]).toMatchObject({ id: JASPRIT, name: 'Jasprit Bumrah' });
		expect(results.Search_candidates.length).toBeLessThanOrEqual(5);
		expect(results.Audit_trail_events).toHaveLength(3);
		for (const e of results.Audit_trail_events) {
			expect(e.activity).toBe('subject:loaded:applicant');
			expect(Date.parse(e.tsIso)).toBeGreaterThanOrEqual(Date.parse('2026-11-19T00:00:00Z'));
		}
	});

	test('the arguments became the requests', () => {
		// n8n's requests (the test's own oracle reads come from Node's fetch): the read agent's and the other agent's
		const lists = recruitee.requests.filter((r) => r.path === `/c/${recruitee.companyId}/candidates` && r.headers['user-agent'] !== 'node');
		expect(lists.map((r) => r.query)).toEqual([
			{ offer_id: String(JOB), limit: '10', offset: '0' },
			{ offer_id: String(JOB), limit: '10', offset: '0' },
		]);
		const search = recruitee.requests.find((r) => r.path.endsWith('/search/new/candidates'));
		expect(JSON.parse(search.query.filters_json)).toEqual([{ field: 'all', query: 'Jasprit' }]);
		const audit = sumsub.requests.find((r) => r.path === '/resources/auditTrailEvents');
		expect(audit.query).toMatchObject({ activity: 'subject:loaded:applicant', from: '2026-11-19 00:00:00' });
	});

	test('the final message, built from the tool results, is the agent output', () => {
		const output = agentOutput('e2eAgentRead1');
		expect(output).toBe(lastOf('agent-read').answered.content);
		expect(output).toMatch(/^Candidates_of_a_job: \[\{"id":\d+/m);
		expect(output).toContain('Search_candidates: [{"id":47628534,"name":"Jasprit Bumrah"');
	});
});

describe('a write agent: a note and tags', () => {
	test('the note and the tags are on the candidate in the sandbox', () => {
		expect(recruitee.notesOf(JASPRIT).map((n) => n.body)).toEqual(['Reference check passed &lt;ok&gt; &amp; on file']);
		expect(recruitee.candidateById(JASPRIT).tags).toEqual(expect.arrayContaining(['reference-ok', 'agent']));
	});

	test('the model got the note and the tagged candidate back', () => {
		const [note, tagged] = toolResults(lastOf('agent-write').messages);
		expect(note.name).toBe('Leave_a_note');
		expect(parsed(note)).toEqual([expect.objectContaining({ candidate_id: JASPRIT, visibility: { level: 'public' } })]);
		expect(tagged.name).toBe('Tag_a_candidate');
		expect(parsed(tagged)).toEqual([expect.objectContaining({ id: JASPRIT, tags: expect.arrayContaining(['reference-ok', 'agent']) })]);
		expect(agentOutput('e2eAgentWrite1')).toBe('Done: 2 changes');
	});
});

describe('bad arguments: our validation message is the tool result, and the agent goes on', () => {
	test('an unknown stage: the error names it and lists the stages; nothing was written', () => {
		const [unknownStage] = toolResults(lastOf('agent-bad').messages);
		expect(parsed(unknownStage)).toEqual([
			{
				error: `Invalid parameter "Stage": "Negotiation" is not a stage of offer ${JOB} [item 0]`,
				description: expect.stringContaining('Applied (8176678), Phone interview (8176679), Evaluation (8176680), Offer (8176681), Hired (8176682)'),
			},
		]);
	});

	test('a malformed candidate ID: the error says what it takes', () => {
		const [, malformed] = toolResults(lastOf('agent-bad').messages);
		expect(parsed(malformed)).toEqual([
			expect.objectContaining({ error: 'Invalid parameter "Candidate": "abc" is not a candidate ID or candidate URL [item 0]' }),
		]);
		expect(recruitee.requests.some((r) => r.path.includes('/candidates/abc'))).toBe(false);
	});

	test('the model picked the stage from the message; the one move that was sent is the right one', () => {
		const [, , moved] = toolResults(lastOf('agent-bad').messages);
		expect(parsed(moved)[0].placements).toEqual(expect.arrayContaining([expect.objectContaining({ offer_id: JOB, stage_id: STAGES.Offer })]));
		const moves = recruitee.requests.filter((r) => r.method === 'PATCH' && r.path.endsWith('/change_stage'));
		expect(moves.map((r) => JSON.parse(r.body))).toEqual([{ stage_id: STAGES.Offer }]);
		expect(agentOutput('e2eAgentBadArgs1')).toBe('Moved after 2 corrections');
	});
});

describe('both vendors in one agent: "who applied to the job and is not yet verified?"', () => {
	test('one review status call per candidate the Recruitee tool returned, in one turn', () => {
		const results = toolResults(lastOf('agent-both').messages);
		const candidates = parsed(results[0]);
		const reviews = results.filter((t) => t.name === 'Review_status');
		expect(reviews).toHaveLength(candidates.length);
		const byId = Object.fromEntries(reviews.map((t) => [parsed(t)[0].externalUserId ?? t.tool_call_id, parsed(t)[0]]));
		expect(byId[`recruitee-${applicants.approved.id}`]).toMatchObject({ approved: true, reviewAnswer: 'GREEN' });
		expect(byId[`recruitee-${applicants.pending.id}`]).toMatchObject({ approved: false, reviewStatus: 'pending' });
		// no applicant: Sumsub's 404, as the tool result (the node continues on error)
		const missing = reviews.map(parsed).filter(([r]) => r.error);
		expect(missing).toHaveLength(candidates.length - 2);
		for (const [r] of missing) expect(r.error).toMatch(/^No Sumsub applicant with External User ID "recruitee-\d+" \(HTTP 404\) \[item 0\]$/);
	});

	test('the answer names every candidate but the approved one', async () => {
		const oracle = (await recruiteeGet(`/candidates?offer_id=${JOB}&limit=10&offset=0`)).candidates;
		const expected = oracle.filter((c) => c.id !== applicants.approved.id).map((c) => c.name);
		expect(agentOutput('e2eAgentBoth1')).toBe(`Not yet verified: ${expected.join(', ')}`);
	});
});
