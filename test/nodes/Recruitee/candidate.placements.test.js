'use strict';
// Assign to Offer, Move to Stage, Disqualify, Requalify, Remove From Offer: the user picks the
// candidate and the offer, the node finds the placement; lists of stages and reasons; clear errors.
const { useRecruitee, rl, jsonOf } = require('../../harness/recruitee');
const { loadOptions } = require('../../harness/engine');

const api = useRecruitee({ candidates: 100 });

const JOB = 1209656;
const op = (operation, extra = {}) => ({ resource: 'candidate', operation, simplify: true, ...extra });
const writes = () => api.sandbox.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path.replace(/^\/c\/\d+/, '')}`);

/** A fresh candidate on JOB (through the node itself). */
async function newCandidate(name = `Person ${Math.random().toString(36).slice(2, 8)}`) {
	const { items, error } = await api.run(
		op('create', { name, email: `${name.replace(/\W/g, '.')}@example.com`, offerId: rl(String(JOB)) }),
	);
	if (error) throw error;
	api.sandbox.clearRequests();
	return items[0].json.id;
}

/** Another job of the sandbox, with a pipeline. */
let OTHER_JOB;
beforeAll(() => {
	OTHER_JOB = api.sandbox.data.offers.find((o) => o.kind === 'job' && o.id !== JOB && o.pipeline_template).id;
});
const stagesOf = (offerId) => api.sandbox.data.offers.find((o) => o.id === offerId).pipeline_template.stages;
const placementOn = (candidateId, offerId) => api.sandbox.placementsOf(candidateId).find((p) => p.offer_id === offerId);

describe('the node finds the placement itself', () => {
	test('Move to Stage: by stage ID from the list', async () => {
		const id = await newCandidate();
		const stage = stagesOf(JOB)[3];
		const { items, error } = await api.run(op('moveToStage', { candidateId: rl(String(id)), offerId: rl(String(JOB)), stageId: String(stage.id) }));
		expect(error).toBeUndefined();
		expect(placementOn(id, JOB).stage_id).toBe(stage.id);
		expect(jsonOf(items)[0].placements).toEqual([expect.objectContaining({ offer_id: JOB, stage_id: stage.id })]);
		const placement = placementOn(id, JOB).id;
		expect(writes()).toEqual([`PATCH /placements/${placement}/change_stage`]);
		// The offer's stages, the candidate (for the placement), the move: the output is the candidate
		// with the placement Recruitee answered, not read again.
		expect(api.sandbox.requests.map((r) => r.method)).toEqual(['GET', 'GET', 'PATCH']);
		expect(JSON.parse(api.sandbox.requests.find((r) => r.method === 'PATCH').body)).toEqual({ stage_id: stage.id });
	});

	test('a candidate not on the offer: an error saying which offers they are on', async () => {
		const id = await newCandidate();
		const { error } = await api.run(op('moveToStage', { candidateId: rl(String(id)), offerId: rl(String(OTHER_JOB)), stageId: String(stagesOf(OTHER_JOB)[1].id) }));
		expect(error.message).toBe(`Candidate ${id} is not on offer ${OTHER_JOB} [item 0]`);
		expect(error.description).toContain(`The candidate is on offer(s) ${JOB}.`);
		expect(writes()).toEqual([]);
	});

	test('Assign to Offer (in a chosen stage), then again: kept as is, or Fail', async () => {
		const id = await newCandidate();
		const stage = stagesOf(OTHER_JOB)[2];
		const { error } = await api.run(op('assignToOffer', { candidateId: rl(String(id)), offerId: rl(String(OTHER_JOB)), stageId: String(stage.id) }));
		expect(error).toBeUndefined();
		expect(placementOn(id, OTHER_JOB).stage_id).toBe(stage.id);
		expect(writes()).toEqual(['POST /placements']);
		api.sandbox.clearRequests();
		const again = await api.run(op('assignToOffer', { candidateId: rl(String(id)), offerId: rl(String(OTHER_JOB)) }));
		expect(again.error).toBeUndefined();
		expect(writes()).toEqual([]);
		const fail = await api.run(op('assignToOffer', { candidateId: rl(String(id)), offerId: rl(String(OTHER_JOB)), ifAssigned: 'fail' }));
		expect(fail.error.message).toBe(`Candidate ${id} is already on offer ${OTHER_JOB} [item 0]`);
	});

	test('Assign to Offer from two items on one candidate in parallel: put on once, both kept as is', async () => {
		const id = await newCandidate();
		const { items, error } = await api.run(op('assignToOffer', { candidateId: rl(String(id)), offerId: rl(String(OTHER_JOB)) }), {
			input: [{ json: {} }, { json: {} }],
		});
		expect(error).toBeUndefined();
		expect(writes()).toEqual(['POST /placements']);
		expect(jsonOf(items).map((c) => c.placements.map((p) => p.offer_id).sort())).toEqual([
			[JOB, OTHER_JOB].sort(),
			[JOB, OTHER_JOB].sort(),
		]);
	});

	test('Disqualify with a reason (by name from an expression), then Requalify', async () => {
		const id = await newCandidate();
		const { error } = await api.run(op('disqualify', { candidateId: rl(String(id)), offerId: rl(String(JOB)), reasonId: '={{ "not a fit" }}' }));
		expect(error).toBeUndefined();
		expect(placementOn(id, JOB)).toMatchObject({ disqualify_reason: 'Not a fit', disqualify_kind: 'admin' });
		const placement = placementOn(id, JOB).id;
		expect(writes()).toEqual([`PATCH /placements/${placement}/disqualify`]);
		api.sandbox.clearRequests();
		const { items } = await api.run(op('requalify', { candidateId: rl(String(id)), offerId: rl(String(JOB)) }));
		expect(placementOn(id, JOB).disqualify_reason).toBeUndefined();
		expect(jsonOf(items)[0].placements[0].disqualified).toBe(false);
		expect(writes()).toEqual([`PATCH /placements/${placement}/requalify`]);
	});

	test('an unknown reason fails before any write, listing the reasons', async () => {
		const id = await newCandidate();
		const { error } = await api.run(op('disqualify', { candidateId: rl(String(id)), offerId: rl(String(JOB)), reasonId: 'Too tall' }));
		expect(error.message).toBe('Invalid parameter "Reason": "Too tall" is not a disqualify reason of this company [item 0]');
		expect(error.description).toContain('Not a fit (727738)');
		expect(writes()).toEqual([]);
	});

	test('Remove From Offer: the candidate stays', async () => {
		const id = await newCandidate();
		const placement = placementOn(id, JOB).id;
		const { items, error } = await api.run(op('removeFromOffer', { candidateId: rl(String(id)), offerId: rl(String(JOB)) }));
		expect(error).toBeUndefined();
		expect(api.sandbox.placementsOf(id)).toEqual([]);
		expect(jsonOf(items)[0]).toMatchObject({ id, placements: [] });
		expect(writes()).toEqual([`DELETE /placements/${placement}`]);
	});
});

describe('lists in the editor', () => {
	test('the stages of the chosen offer, and the disqualify reasons', async () => {
		const credentials = api.credentials();
		const stages = await loadOptions({ type: api.type, kind: 'loadOptions', method: 'getOfferStages', parameters: op('moveToStage', { offerId: rl(String(JOB)) }), credentials });
		expect(stages.map((s) => s.value)).toEqual(stagesOf(JOB).map((s) => s.id));
		expect(stages[0].name).toMatch(/^\S.* \(\w+\)$/);
		const none = await loadOptions({ type: api.type, kind: 'loadOptions', method: 'getOfferStages', parameters: op('moveToStage'), credentials });
		expect(none).toEqual([]);
		const reasons = await loadOptions({ type: api.type, kind: 'loadOptions', method: 'getDisqualifyReasons', parameters: op('disqualify'), credentials });
		expect(reasons).toContainEqual({ name: 'Not a fit', value: 727738 });
	});
});

describe('disqualify routes missing (sandbox disqualifyRoutes: false)', () => {
	const missing = useRecruitee({ candidates: 20, disqualifyRoutes: false });
	test('a 404 says the route may not be where Recruitee’s reference suggests', async () => {
		const candidate = missing.sandbox.data.candidates.find((c) => c.placements.length);
		const { error } = await missing.run(
			op('disqualify', { candidateId: rl(String(candidate.id)), offerId: rl(String(candidate.placements[0].offer_id)), reasonId: '727738' }),
		);
		expect(error.message).toMatch(/^Recruitee found nothing to disqualify at PATCH \/placements\/\d+\/disqualify: the placement is gone, or this route is not where Recruitee's reference suggests \(please report it\) \(HTTP 404\) \[item 0\]$/);
	});
});
