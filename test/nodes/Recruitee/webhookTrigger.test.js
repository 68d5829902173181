'use strict';
// Recruitee Webhook Trigger: its webhook() in n8n-core's WebhookContext behind a real HTTP server
// (test/harness/webhook.js), signed with signatures computed here with node:crypto; the payload
// flattening of each event type and the filters as pure functions.
const { createHmac } = require('node:crypto');

const { packageName } = require('../../harness/package-types');
const { startWebhookReceiver } = require('../../harness/webhook');
const {
	classifyDelivery,
	flattenDelivery,
	isChosen,
	passesMoveFilters,
	isUnsignedTestPing,
} = require('../../../nodes/Recruitee/helpers/webhookEvents');
const { RecruiteeWebhookTrigger } = require('../../../nodes/Recruitee/RecruiteeWebhookTrigger.node');

const TYPE = `${packageName}.recruiteeWebhookTrigger`;
const SECRET = 'whsec-recruitee-Unit-7f3a9c';
const sign = (body, secret = SECRET) => createHmac('sha256', secret).update(body).digest('hex');

let delivery = 0;
/** A delivery shaped as public clients show Recruitee's (see helpers/webhookEvents.ts). */
function moved({ id = ++delivery, to = 'Phone interview', from = 'Applied', offerId = 1209656, candidateId = 5001 } = {}) {
	return {
		id,
		attempt_count: 0,
		event_type: 'candidate_moved',
		event_subtype: 'stage_changed',
		created_at: '2025-03-04T10:11:12.000Z',
		payload: {
			candidate: { id: candidateId, name: 'Grace Hopper', emails: ['grace@example.com'] },
			offer: { id: offerId, title: 'Compiler Engineer' },
			details: { from_stage: { id: 1, name: from }, to_stage: { id: 2, name: to } },
			company: { id: 90598, name: 'Acme' },
		},
	};
}
const bytes = (object) => Buffer.from(JSON.stringify(object));

const receivers = [];
async function receiver(parameters = {}, options = {}) {
	const r = await startWebhookReceiver({
		type: TYPE,
		parameters: { events: ['candidateMoved'], ...parameters },
		credentials: { recruiteeWebhookApi: { webhookSecret: SECRET } },
		...options,
	});
	receivers.push(r);
	return r;
}
afterAll(async () => Promise.all(receivers.map((r) => r.close())));

const signedPost = (r, body, secret = SECRET) => r.post(body, { 'x-recruitee-signature': sign(body, secret) });

describe('webhook(): signature over the raw body, before anything else', () => {
	test('a signed delivery starts the workflow once with the flattened fields and the raw payload', async () => {
		const r = await receiver();
		const body = bytes(moved({ id: 'd-1' }));
		const answer = await signedPost(r, body);
		expect(answer.status).toBe(200);
		expect(r.started).toHaveLength(1);
		expect(r.started[0]).toEqual([
			expect.objectContaining({
				event: 'candidateMoved',
				event_type: 'candidate_moved',
				subtype: 'stage_changed',
				delivery_id: 'd-1',
				candidate_id: 5001,
				candidate_name: 'Grace Hopper',
				candidate_emails: ['grace@example.com'],
				offer_id: 1209656,
				offer_title: 'Compiler Engineer',
				from_stage: 'Applied',
				to_stage: 'Phone interview',
				raw: JSON.parse(body.toString()),
			}),
		]);
	});

	test('the signature in upper case hex is the same signature', async () => {
		const r = await receiver();
		const body = bytes(moved());
		expect((await r.post(body, { 'X-Recruitee-Signature': sign(body).toUpperCase() })).status).toBe(200);
		expect(r.started).toHaveLength(1);
	});

	test('missing, wrong secret, tampered body, truncated or not hex: 401, nothing started, no secret in the answer', async () => {
		const r = await receiver();
		const body = bytes(moved());
		const tampered = Buffer.from(body.toString().replace('Phone interview', 'Offer'));
		const answers = [
			await r.post(body),
			await signedPost(r, body, 'another-secret'),
			await r.post(tampered, { 'x-recruitee-signature': sign(body) }),
			await r.post(body, { 'x-recruitee-signature': sign(body).slice(0, 62) }),
			await r.post(body, { 'x-recruitee-signature': `sha256=${sign(body)}` }),
			await r.post(body, { 'x-recruitee-signature': 'zz'.repeat(32) }),
		];
		expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 401]);
		expect(JSON.parse(answers[0].text)).toEqual({ error: 'X-Recruitee-Signature is missing' });
		expect(JSON.parse(answers[1].text)).toEqual({
			error: 'X-Recruitee-Signature does not match this body and the webhook secret',
		});
		for (const a of answers) {
			expect(a.text).not.toContain(SECRET);
			expect(a.text).not.toContain(sign(body));
		}
		expect(r.started).toHaveLength(0);
	});

	test('verified over the bytes: key order, spaces and unicode escapes that JSON.stringify would change', async () => {
		const r = await receiver({ stageName: 'entretien téléphonique' });
		const text =
			'{ "payload" : {"details":{"to_stage":{"name":"Entretien t\\u00e9l\\u00e9phonique"}, "from_stage":{"name":"Applied"}},\n' +
			' "candidate":{"name":"Ren\\u00e9e","id":7}},"event_subtype":"stage_changed", "event_type":"candidate_moved","id":"bytes-1"}';
		const body = Buffer.from(text);
		expect(Buffer.from(JSON.stringify(JSON.parse(text))).equals(body)).toBe(false);
		// Signed over what a re-serialisation gives instead: refused.
		const reserialised = Buffer.from(JSON.stringify(JSON.parse(text)));
		expect((await r.post(body, { 'x-recruitee-signature': sign(reserialised) })).status).toBe(401);
		expect((await signedPost(r, body)).status).toBe(200);
		expect(r.started).toHaveLength(1);
		expect(r.started[0][0]).toMatchObject({ candidate_name: 'Renée', to_stage: 'Entretien téléphonique' });
	});

	test('a signed body that is not a JSON object: 400, nothing started', async () => {
		const r = await receiver();
		for (const text of ['not json', '[1,2]', '"text"', '']) {
			const answer = await signedPost(r, Buffer.from(text));
			expect([answer.status, JSON.parse(answer.text)]).toEqual([400, { error: 'The body is not a JSON object' }]);
		}
		expect(r.started).toHaveLength(0);
	});

	test("Recruitee's test request: 200 and nothing started, signed or not", async () => {
		const r = await receiver({ events: ['any'] });
		const ping = Buffer.from('{"test":true}');
		const unsigned = await r.post(ping);
		const signed = await signedPost(r, ping);
		const spaced = await r.post(Buffer.from(' { "test" : true }\n'));
		for (const a of [unsigned, signed, spaced]) {
			expect([a.status, JSON.parse(a.text)]).toEqual([200, { received: true, started: false, note: 'test request' }]);
		}
		// Anything else unsigned is refused, even when it mentions test.
		expect((await r.post(Buffer.from('{"test":true,"event_type":"candidate_deleted"}'))).status).toBe(401);
		expect((await r.post(Buffer.from('{"test":false}'))).status).toBe(401);
		expect(r.started).toHaveLength(0);
	});
});

describe('webhook(): resends, events, filters', () => {
	test('a resend of the same delivery id starts nothing (attempt_count differs); another id starts', async () => {
		const r = await receiver();
		const first = moved({ id: 'resend-1' });
		expect((await signedPost(r, bytes(first))).status).toBe(200);
		const again = await signedPost(r, bytes({ ...first, attempt_count: 1 }));
		expect([again.status, JSON.parse(again.text).note]).toEqual([200, 'already received']);
		await signedPost(r, bytes(moved({ id: 'resend-2' })));
		expect(r.started.map((items) => items[0].delivery_id)).toEqual(['resend-1', 'resend-2']);
	});

	test('without an id, a resend is the same bytes (body digest)', async () => {
		const r = await receiver();
		const { id: _id, ...noId } = moved();
		const body = bytes(noId);
		await signedPost(r, body);
		expect(JSON.parse((await signedPost(r, body)).text).note).toBe('already received');
		await signedPost(r, bytes({ ...noId, created_at: '2025-03-04T10:11:13.000Z' }));
		expect(r.started).toHaveLength(2);
	});

	test('two triggers (workflows) each start once for the same delivery', async () => {
		const a = await receiver();
		const b = await receiver();
		const body = bytes(moved({ id: 'shared-1' }));
		await signedPost(a, body);
		await signedPost(b, body);
		expect([a.started.length, b.started.length]).toEqual([1, 1]);
	});

	test("the editor's test listening (manual) starts again for the same delivery", async () => {
		const r = await receiver({}, { mode: 'manual' });
		const body = bytes(moved({ id: 'manual-1' }));
		await signedPost(r, body);
		await signedPost(r, body);
		expect(r.started).toHaveLength(2);
	});

	test('an event not chosen: 200, nothing started, and it does not count as received', async () => {
		const same = { nodeId: 'not-chosen-node', workflowId: 'not-chosen-workflow' };
		const r = await receiver({ events: ['candidateCreated'] }, same);
		const body = bytes(moved({ id: 'not-chosen' }));
		const answer = await signedPost(r, body);
		expect([answer.status, JSON.parse(answer.text).note]).toEqual([200, 'event not chosen']);
		expect(r.started).toHaveLength(0);
		// The same trigger with the event chosen (parameters changed), Recruitee resending: it starts.
		const changed = await receiver({ events: ['candidateMoved'] }, same);
		await signedPost(changed, body);
		expect(changed.started).toHaveLength(1);
	});

	test('Stage Name (case-insensitive, trimmed) and Offer ID filter moves only', async () => {
		const r = await receiver({ events: ['candidateMoved', 'candidateCreated'], stageName: ' phone INTERVIEW ', offerId: '1209656' });
		await signedPost(r, bytes(moved({ id: 'f-1' })));
		const otherStage = await signedPost(r, bytes(moved({ id: 'f-2', to: 'Offer' })));
		const otherOffer = await signedPost(r, bytes(moved({ id: 'f-3', offerId: 77 })));
		await signedPost(r, bytes({ id: 'f-4', event_type: 'candidate_created', payload: { candidate: { id: 9 } } }));
		expect(JSON.parse(otherStage.text).note).toBe('filtered out');
		expect(JSON.parse(otherOffer.text).note).toBe('filtered out');
		expect(r.started.map((items) => items[0].delivery_id)).toEqual(['f-1', 'f-4']);
	});

	test('Simplify off: the delivery as received', async () => {
		const r = await receiver({ options: { simplify: false } });
		const delivery = moved({ id: 'plain-1' });
		await signedPost(r, bytes(delivery));
		expect(r.started[0]).toEqual([delivery]);
	});

	test.each([
		['empty', { webhookSecret: '' }],
		['blank', { webhookSecret: '  ' }],
		['absent', {}],
	])('a credential whose secret is %s refuses everything but the unsigned test ping, a delivery signed with that secret too', async (_case, credential) => {
		const r = await startWebhookReceiver({
			type: TYPE,
			parameters: { events: ['any'] },
			credentials: { recruiteeWebhookApi: credential },
		});
		receivers.push(r);
		expect((await r.post(Buffer.from('{"test":true}'))).status).toBe(200);
		expect((await signedPost(r, bytes(moved()))).status).toBe(401);
		// Anyone can sign with an empty secret: a forged delivery.
		const forged = bytes(moved({ id: 'forged-1' }));
		const key = credential.webhookSecret ?? '';
		const answer = await signedPost(r, forged, key);
		expect(answer.status).toBe(401);
		expect(JSON.parse(answer.text).error).toBe(
			'The Recruitee Webhook credential has no Webhook Secret yet: every delivery is refused until it is copied there from Recruitee',
		);
		expect(r.started).toHaveLength(0);
	});
});

describe('payload flattening, each event type', () => {
	const base = (event_type, event_subtype, payload) => ({ id: 42, event_type, event_subtype, created_at: '2025-01-01T00:00:00Z', payload });

	test.each([
		['candidate_moved', 'stage_changed', 'candidateMoved'],
		['candidate_moved', undefined, 'candidateMoved'],
		['candidate_moved', 'disqualified', 'candidateDisqualified'],
		['candidate_moved', 'requalified', 'candidateRequalified'],
		['candidate_pipeline_changed', 'stage_changed', 'candidateMoved'],
		['candidate_created', 'manual', 'candidateCreated'],
		['candidate_assigned', undefined, 'candidateAssigned'],
		['candidate_deleted', undefined, 'candidateDeleted'],
		['candidate_disqualified', undefined, 'candidateDisqualified'],
		['CANDIDATE_CREATED', undefined, 'candidateCreated'],
		['offer_published', undefined, undefined],
		['candidate_moved', 'something_new', undefined],
	])('%s / %s → %s', (type, subtype, expected) => {
		expect(classifyDelivery(base(type, subtype, {}))).toBe(expected);
	});

	test('created: candidate fields, no stages', () => {
		const item = flattenDelivery(
			base('candidate_created', 'career_site', {
				candidate: { id: 11, name: 'Ada Lovelace', emails: [{ email: 'ada@example.com' }, 'ada2@example.com'] },
			}),
		);
		expect(item).toEqual({
			event: 'candidateCreated',
			event_type: 'candidate_created',
			subtype: 'career_site',
			delivery_id: 42,
			attempt_count: null,
			created_at: '2025-01-01T00:00:00Z',
			candidate_id: 11,
			candidate_name: 'Ada Lovelace',
			candidate_emails: ['ada@example.com', 'ada2@example.com'],
			offer_id: null,
			offer_title: null,
			from_stage: null,
			to_stage: null,
			disqualify_reason: null,
			raw: expect.any(Object),
		});
	});

	test('assigned: the offer, and the stage of the placement', () => {
		const item = flattenDelivery(
			base('candidate_assigned', undefined, {
				candidate: { id: 12, name: 'B' },
				offer: { id: 3, title: 'Talent pool' },
				placement: { offer_id: 3, stage: { name: 'Applied' } },
			}),
		);
		expect(item).toMatchObject({ event: 'candidateAssigned', offer_id: 3, offer_title: 'Talent pool', to_stage: 'Applied' });
	});

	test('disqualified: the reason, as an object or a string', () => {
		const asObject = flattenDelivery(
			base('candidate_moved', 'disqualified', { candidate: { id: 1 }, details: { disqualify_reason: { name: 'Overqualified' } } }),
		);
		const asString = flattenDelivery(base('candidate_moved', 'disqualified', { details: { disqualify_reason: 'Withdrew' } }));
		expect([asObject.disqualify_reason, asString.disqualify_reason]).toEqual(['Overqualified', 'Withdrew']);
		expect(asObject.event).toBe('candidateDisqualified');
	});

	test('requalified and deleted: what is there, null for the rest', () => {
		expect(flattenDelivery(base('candidate_moved', 'requalified', { candidate: { id: 5 } }))).toMatchObject({
			event: 'candidateRequalified',
			candidate_id: 5,
			disqualify_reason: null,
		});
		expect(flattenDelivery(base('candidate_deleted', undefined, { candidate: { id: 6, name: 'Gone' } }))).toMatchObject({
			event: 'candidateDeleted',
			candidate_id: 6,
			candidate_name: 'Gone',
			candidate_emails: [],
		});
	});

	test('other shapes: `event`/`data` names, stages as strings, no payload at all', () => {
		expect(
			flattenDelivery({ event: 'candidate_moved', data: { candidate: { id: 1 }, details: { from_stage: 'A', to_stage: 'B' } } }),
		).toMatchObject({ event: 'candidateMoved', from_stage: 'A', to_stage: 'B', delivery_id: null });
		const odd = flattenDelivery({ something: 'else' });
		expect(odd).toMatchObject({ event: 'other', event_type: null, subtype: null, candidate_id: null, candidate_emails: [] });
		expect(odd.raw).toEqual({ something: 'else' });
	});
});

describe('filters and choices (pure)', () => {
	const item = (over) => ({ event: 'candidateMoved', to_stage: 'Offer', offer_id: 12, ...over });
	test('move filters', () => {
		expect(passesMoveFilters(item(), {})).toBe(true);
		expect(passesMoveFilters(item(), { stageName: 'offer', offerId: '12' })).toBe(true);
		expect(passesMoveFilters(item(), { stageName: 'Offered' })).toBe(false);
		expect(passesMoveFilters(item({ to_stage: null }), { stageName: 'Offer' })).toBe(false);
		expect(passesMoveFilters(item(), { offerId: '13' })).toBe(false);
		expect(passesMoveFilters(item({ event: 'candidateCreated' }), { stageName: 'x', offerId: '1' })).toBe(true);
	});
	test('events chosen: none or "any" take every delivery', () => {
		expect(isChosen({ event: 'other' }, [])).toBe(true);
		expect(isChosen({ event: 'other' }, ['any'])).toBe(true);
		expect(isChosen({ event: 'other' }, ['candidateMoved'])).toBe(false);
		expect(isChosen({ event: 'candidateDeleted' }, ['candidateMoved', 'candidateDeleted'])).toBe(true);
	});
	test('the unsigned test ping is recognised from its bytes only', () => {
		expect(isUnsignedTestPing(Buffer.from('{"test":true}'))).toBe(true);
		expect(isUnsignedTestPing(Buffer.from('{"test": true, "x": 1}'))).toBe(false);
		expect(isUnsignedTestPing(Buffer.from(`{"test":true}${' '.repeat(100)}`))).toBe(false);
	});
});

describe('the credential test (testedBy)', () => {
	const { recruiteeWebhookSecret } = new RecruiteeWebhookTrigger().methods.credentialTest;
	test('a secret is there: OK, saying what it cannot check; empty: an error naming where to find it', async () => {
		const ok = await recruiteeWebhookSecret.call({}, { data: { webhookSecret: SECRET } });
		expect(ok.status).toBe('OK');
		expect(ok.message).not.toContain(SECRET);
		const empty = await recruiteeWebhookSecret.call({}, { data: { webhookSecret: '  ' } });
		expect(empty).toEqual({ status: 'Error', message: expect.stringContaining('Settings → Apps and plugins → Webhooks') });
	});
	test('the lifecycle has nothing to do on Recruitee’s side', async () => {
		const { webhookMethods } = new RecruiteeWebhookTrigger();
		expect(await webhookMethods.default.checkExists.call({})).toBe(true);
		expect(await webhookMethods.default.create.call({})).toBe(true);
		expect(await webhookMethods.default.delete.call({})).toBe(true);
	});
});
