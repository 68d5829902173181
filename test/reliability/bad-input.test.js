'use strict';
// The bad-input matrix: for every parameter of every operation, a bad value from an expression on
// one item gives a clear error naming the field and that item, before any request for it; with
// Continue On Fail the other items still run. Bad responses (HTML, cut-off JSON, an empty 200) name
// the request, for every operation.
const { useRecruitee, rl } = require('../harness/recruitee');
const { useSumsub } = require('../harness/sumsub');

const recruitee = useRecruitee({ candidates: 60, auditLogEntries: 60 });
const sumsub = useSumsub({ events: 500 });

// Good values for every parameter a case makes bad on item 1 (items 0 and 2 keep them).
const R = {
	candidateGet: {
		resource: 'candidate',
		operation: 'get',
		candidateId: rl('47628534'),
		includeReferences: false,
		simplify: true,
		options: { timeoutSeconds: 30 },
	},
	candidateGetAll: {
		resource: 'candidate',
		operation: 'getAll',
		returnAll: false,
		limit: 2,
		filters: { ids: '', createdAfter: '', status: 'qualified', query: '', offerId: rl('') },
		options: { pageSize: 10, sort: 'by_date', maxRetries: 2, maxRetrySeconds: 60, withMessages: false, withMyMessages: false },
	},
	offerGet: { resource: 'offer', operation: 'get', offerId: rl('1209656'), simplify: true, options: { maxRetries: 2 } },
	offerGetAll: {
		resource: 'offer',
		operation: 'getAll',
		kind: 'both',
		limit: 2,
		filters: { scope: 'active' },
		options: { viewMode: 'brief' },
		simplify: true,
	},
	search: {
		resource: 'search',
		operation: 'candidates',
		returnAll: false,
		limit: 2,
		filters: {
			status: [],
			offerIds: [],
			tagIds: '',
			assignedAdminIds: '',
			assignedAdminsMatch: 'has_any',
			minAverageScore: 0,
			maxAverageScore: 100,
			stageNames: '',
			query: '',
			from: '',
			to: '',
		},
		filtersJson: '',
		options: { sortBy: 'created_at_desc', pageSize: 10 },
	},
	auditLog: {
		resource: 'auditLog',
		operation: 'getAll',
		limit: 2,
		filters: { to: '', from: '', actorIn: [], actorNotIn: [], query: '' },
		filtersJson: '[]',
		options: { pageSize: 10 },
		simplify: true,
	},
	create: {
		resource: 'candidate',
		operation: 'create',
		name: 'Matrix Person',
		email: 'matrix.person@example.com',
		offerId: rl('1209656'),
		stageId: '',
		ifExists: 'returnExisting',
		additionalFields: { phones: '+1 555 0100', tags: 'matrix', emails: '', cvUrl: '' },
		simplify: true,
	},
	update: { resource: 'candidate', operation: 'update', candidateId: rl('47628534'), updateFields: { phones: '+1 555 0101' } },
	moveToStage: { resource: 'candidate', operation: 'moveToStage', candidateId: rl('47628534'), offerId: rl('1209656'), stageId: '8176678' },
	disqualify: { resource: 'candidate', operation: 'disqualify', candidateId: rl('47628534'), offerId: rl('1209656'), reasonId: '727738' },
	addTags: { resource: 'candidate', operation: 'addTags', candidateId: rl('47628534'), tags: 'matrix' },
	noteCreate: { resource: 'note', operation: 'create', candidateId: rl('47628534'), text: 'Matrix note', visibility: 'public' },
};
const S = {
	legacy: {
		resource: 'auditTrailEvent',
		operation: 'getAll',
		endpoint: 'legacy',
		returnAll: false,
		limit: 2,
		filters: { from: '', to: '', activity: '', subjectName: '' },
		options: { pageSize: 100, emptyAsNull: false, maxRetries: 2, timeoutSeconds: 30 },
	},
	list: {
		resource: 'auditTrailEvent',
		operation: 'getAll',
		endpoint: 'list',
		limit: 2,
		filters: { from: '' },
		options: { pageSize: 10 },
	},
};

/** Sets `value` at a dotted path of the parameters (item 1 gets it through an expression). */
function withBad(base, pathText, bad) {
	const parameters = JSON.parse(JSON.stringify(base));
	const keys = pathText.split('.');
	let at = parameters;
	for (const key of keys.slice(0, -1)) at = at[key] ??= {};
	const last = keys.at(-1);
	const good = at[last];
	const expression = `={{ $itemIndex === 1 ? ${JSON.stringify(bad)} : ${good === undefined ? 'undefined' : JSON.stringify(good?.__rl ? good.value : good)} }}`;
	at[last] = good?.__rl ? rl(expression) : expression;
	return parameters;
}

// [operation, parameter path, bad value, the field named in the error, what it says]
const recruiteeCases = [
	['candidateGet', 'candidateId', 'abc', 'Candidate', 'is not a candidate ID'],
	['candidateGet', 'candidateId', '', 'Candidate', 'it is empty'],
	['candidateGet', 'includeReferences', 'yes', 'Include References', 'must be a boolean, not a string'],
	['candidateGet', 'simplify', 3, 'Simplify', 'must be a boolean, not a number'],
	['candidateGet', 'options.timeoutSeconds', 0, 'Request Timeout (Seconds)', 'greater than or equal to 0.1'],
	['candidateGetAll', 'limit', 0, 'Limit', 'must be 1 or more'],
	['candidateGetAll', 'limit', 'ten', 'Limit', 'must be a number, not a string'],
	['candidateGetAll', 'limit', 2.5, 'Limit', 'must be an integer, not a float'],
	['candidateGetAll', 'returnAll', 'no', 'Return All', 'must be a boolean, not a string'],
	['candidateGetAll', 'filters.ids', '12,x', 'Candidate IDs', 'must be numeric IDs'],
	['candidateGetAll', 'filters.createdAfter', 'soon', 'Created After', 'is not a date'],
	['candidateGetAll', 'filters.status', 'maybe', 'Status', 'must be one of "qualified", "disqualified", not "maybe"'],
	['candidateGetAll', 'filters.query', { a: 1 }, 'Query', 'must be a string, not an object'],
	['candidateGetAll', 'filters.offerId', 'not an offer', 'Offer', 'is not an offer ID'],
	['candidateGetAll', 'options.pageSize', 10001, 'Page Size', 'less than or equal to 10000'],
	['candidateGetAll', 'options.sort', 'random', 'Sort', 'must be one of'],
	['candidateGetAll', 'options.maxRetries', 11, 'Max Retries', 'less than or equal to 10'],
	['candidateGetAll', 'options.maxRetrySeconds', -1, 'Max Retry Time (Seconds)', 'greater than or equal to 0'],
	['candidateGetAll', 'options.withMessages', 'x', 'With Messages', 'must be a boolean, not a string'],
	['candidateGetAll', 'options.withMyMessages', 1, 'With My Messages', 'must be a boolean, not a number'],
	['offerGet', 'simplify', 'x', 'Simplify', 'must be a boolean, not a string'],
	['offerGet', 'options.maxRetries', -1, 'Max Retries', 'greater than or equal to 0'],
	['offerGetAll', 'limit', 0, 'Limit', 'must be 1 or more'],
	['offerGetAll', 'simplify', null, 'Simplify', 'is empty'],
	['offerGet', 'offerId', '', 'Offer', 'it is empty'],
	['offerGet', 'offerId', 'https://example.com/nothing', 'Offer', 'is not an offer ID'],
	['offerGetAll', 'kind', 'jobs', 'Kind', 'must be one of'],
	['offerGetAll', 'filters.scope', 'all', 'Scope', 'must be one of'],
	['offerGetAll', 'options.viewMode', 'full', 'View Mode', 'must be one of'],
	['search', 'filters.status', ['nope'], 'Status', 'must be one of'],
	['search', 'filters.offerIds', 'a', 'Offer Names or IDs', 'must be numeric IDs'],
	['search', 'filters.tagIds', '1,,x', 'Tag IDs', 'must be numeric IDs'],
	['search', 'filters.assignedAdminIds', 'me', 'Assigned Admin IDs', 'must be numeric IDs'],
	['search', 'filters.assignedAdminsMatch', 'some', 'Assigned Admins Match', 'must be one of'],
	['search', 'filters.minAverageScore', 101, 'Min Average Score', 'less than or equal to 100'],
	['search', 'filters.from', 'later', 'Created After', 'is not a date'],
	['search', 'filtersJson', '{"field":', 'Filters (JSON)', 'is not valid JSON'],
	['search', 'filtersJson', '[1]', 'Filters (JSON)', 'element 0 is not an object'],
	['search', 'options.sortBy', 'best', 'Sort By', 'must be one of'],
	['search', 'options.pageSize', 0, 'Page Size', 'greater than or equal to 1'],
	['search', 'returnAll', 'x', 'Return All', 'must be a boolean, not a string'],
	['search', 'filters.stageNames', 5, 'Stage Names', 'must be text separated by commas'],
	['search', 'filters.maxAverageScore', -1, 'Max Average Score', 'greater than or equal to 0'],
	['search', 'filters.to', 'x', 'Created Before', 'is not a date'],
	['search', 'filters.query', 5, 'Text', 'must be a string, not a number'],
	['auditLog', 'filters.to', 'never', 'Created Before', 'is not a date'],
	['auditLog', 'filters.actorIn', 5, 'Actor Is Any Of', 'must be text separated by commas, or a list of texts'],
	['auditLog', 'filtersJson', 'null', 'Filters (JSON)', 'must be a JSON array'],
	['auditLog', 'options.pageSize', 0, 'Page Size', 'greater than or equal to 1'],
	['auditLog', 'filters.actorNotIn', { a: 1 }, 'Actor Is None Of', 'must be text separated by commas'],
	['auditLog', 'filters.from', 'x', 'Created After', 'is not a date'],
	['auditLog', 'filters.query', [], 'Text', 'must be a string, not an array'],
	['auditLog', 'simplify', 'x', 'Simplify', 'must be a boolean, not a string'],
	['auditLog', 'limit', '', 'Limit', 'must be a number, not a string'],
	['create', 'name', ' ', 'Name', 'is empty: a candidate needs a name'],
	['create', 'email', 'nope', 'Email', 'is not an email address'],
	['create', 'ifExists', 'maybe', 'If a Candidate With This Email Exists', 'must be one of'],
	['create', 'additionalFields.tags', { a: 1 }, 'Tags', 'must be text separated by commas'],
	['create', 'additionalFields.emails', 'a@b.co, x', 'Emails', '"x" is not an email address'],
	['create', 'additionalFields.cvUrl', 'cv.pdf', 'CV URL', 'is not a URL'],
	['create', 'offerId', 'x y', 'Offer', 'is not an offer ID'],
	['create', 'stageId', 'Nowhere', 'Stage', 'is not a stage of offer 1209656'],
	['update', 'candidateId', 'abc', 'Candidate', 'is not a candidate ID'],
	['update', 'updateFields.phones', 5, 'Phones', 'must be text separated by commas'],
	['moveToStage', 'stageId', 'Nowhere', 'Stage', 'is not a stage of offer 1209656'],
	['moveToStage', 'offerId', '', 'Offer', 'it is empty'],
	['disqualify', 'reasonId', 'Too tall', 'Reason', 'is not a disqualify reason of this company'],
	['addTags', 'tags', '', 'Tags', 'is empty: give at least one tag'],
	['noteCreate', 'text', '', 'Text', 'is empty: a note needs text'],
	['noteCreate', 'visibility', 'team', 'Visibility', 'must be one of'],
];

const sumsubCases = [
	['legacy', 'endpoint', 'new', 'Source', 'must be one of'],
	['legacy', 'limit', -1, 'Limit', 'must be 1 or more'],
	['legacy', 'filters.from', 'monday', 'From', 'is not a date'],
	['legacy', 'filters.to', '2026-13-45', 'To', 'is not a date'],
	['legacy', 'filters.activity', 7, 'Activity', 'must be a string, not a number'],
	['legacy', 'filters.subjectName', ['a'], 'Subject Name', 'must be a string, not an array'],
	['legacy', 'options.pageSize', 20001, 'Page Size', 'less than or equal to 20000'],
	['legacy', 'options.emptyAsNull', 'no', 'Empty Fields as Null', 'must be a boolean, not a string'],
	['legacy', 'returnAll', 1, 'Return All', 'must be a boolean, not a number'],
	['legacy', 'options.maxRetries', 'x', 'Max Retries', 'must be a number, not a string'],
	['legacy', 'options.timeoutSeconds', 601, 'Request Timeout (Seconds)', 'less than or equal to 600'],
	['list', 'options.pageSize', 1001, 'Page Size', 'at most 1000 with the list endpoint'],
	['list', 'filters.from', 'x', 'From', 'is not a date'],
];

async function expectItemError(api, parameters, field, text) {
	const { items, error } = await api.run(parameters, {
		continueOnFail: true,
		input: [{ json: {} }, { json: {} }, { json: {} }],
	});
	expect(error).toBeUndefined();
	const failed = items.filter((i) => i.json.error);
	expect(failed).toHaveLength(1);
	expect(failed[0].pairedItem).toEqual({ item: 1 });
	expect(failed[0].json.error).toContain(`"${field}"`);
	expect(failed[0].json.error).toContain(text);
	expect(failed[0].json.error).toMatch(/\[item 1\]$/);
	const others = new Set(items.filter((i) => !i.json.error).map((i) => i.pairedItem.item));
	expect(others).toEqual(new Set([0, 2]));
}

describe.each(recruiteeCases)('Recruitee %s: %s = %j', (op, pathText, bad, field, text) => {
	test(`names "${field}" and the item; the other items run`, async () => {
		await expectItemError(recruitee, withBad(R[op], pathText, bad), field, text);
	});
});

describe.each(sumsubCases)('Sumsub %s: %s = %j', (op, pathText, bad, field, text) => {
	test(`names "${field}" and the item; the other items run`, async () => {
		await expectItemError(sumsub, withBad(S[op], pathText, bad), field, text);
	});
});

describe.each([
	[{ mode: 'html' }, 'an HTML page instead of JSON'],
	[{ status: 200, body: '{"candidates": [{"id": 1' }, 'a body that is not valid JSON'],
	[{ mode: 'empty' }, 'an empty body instead of JSON'],
])('a response with %j', (fault, text) => {
	test.each(Object.entries(R))('Recruitee %s names the request', async (_, parameters) => {
		recruitee.sandbox.inject({ ...fault, times: Infinity });
		const { error } = await recruitee.run(parameters);
		expect(error.message).toMatch(new RegExp(`^Recruitee answered GET /\\S+ with ${text}`));
		expect(error.message).toMatch(/\[item 0\]$/);
	});

	test.each(Object.entries(S))('Sumsub %s names the request', async (_, parameters) => {
		sumsub.sandbox.inject({ ...fault, times: Infinity });
		const { error } = await sumsub.run(parameters);
		expect(error.message).toMatch(new RegExp(`^Sumsub answered GET /resources/auditTrailEvents\\S* with ${text}`));
	});
});

test('an unknown id is a clear 404 for every Get', async () => {
	const candidate = await recruitee.run({ ...R.candidateGet, candidateId: rl('1') });
	expect(candidate.error.message).toBe('No candidate with ID 1 in this company (HTTP 404) [item 0]');
	const offer = await recruitee.run({ ...R.offerGet, offerId: rl('2') });
	expect(offer.error.message).toBe('No offer with ID 2 in this company (HTTP 404) [item 0]');
});
