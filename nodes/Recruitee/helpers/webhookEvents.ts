import type { IDataObject } from 'n8n-workflow';

/**
 * Recruitee webhook deliveries, read defensively. Recruitee does not publish a schema; what public
 * clients show (and what this code therefore expects, a guess where marked) is:
 *
 *   { id, attempt_count, event_type, event_subtype, created_at,
 *     payload: { candidate: { id, name, emails: [...] }, offer: { id, title },
 *                details: { from_stage: { name }, to_stage: { name }, disqualify_reason? },
 *                company } }
 *
 * `candidate_moved` with subtype `stage_changed` and `details.from_stage` / `details.to_stage` is seen
 * in several public clients. The other names (`candidate_created`, `candidate_assigned`,
 * `candidate_deleted`, subtypes `disqualified` / `requalified` of the pipeline change) come from a
 * third-party description [guess]: an event this code cannot classify is still delivered under
 * "Any Event", with its `event_type` as Recruitee sent it.
 */

/** The choices of the trigger's Events parameter (public interface: values never change). */
export const RECRUITEE_WEBHOOK_EVENTS = [
	'candidateMoved',
	'candidateCreated',
	'candidateAssigned',
	'candidateDisqualified',
	'candidateRequalified',
	'candidateDeleted',
] as const;

export type RecruiteeWebhookEvent = (typeof RECRUITEE_WEBHOOK_EVENTS)[number];

/** `any` in the Events parameter: every delivery, whatever it is. */
export const ANY_EVENT = 'any';

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const objectAt = (o: Obj, key: string): Obj => (isObject(o[key]) ? (o[key] as Obj) : {});
const text = (v: unknown): string | null =>
	typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
const idOf = (v: unknown): string | number | null =>
	typeof v === 'number' || (typeof v === 'string' && v !== '') ? v : null;

/** A stage, a reason, an offer…: a string, or an object with a name (or title). */
const nameOf = (v: unknown): string | null =>
	isObject(v) ? (text(v.name) ?? text(v.title) ?? text(v.label)) : text(v);

/** The part holding candidate, offer and details: `payload`, else `data`, else the body itself. */
function contentOf(body: Obj): Obj {
	if (isObject(body.payload)) return body.payload;
	if (isObject(body.data)) return body.data;
	return body;
}

/** Recruitee's event name and subtype as sent (lower case), `""` when absent. */
export function eventNamesOf(body: Obj): { eventType: string; subtype: string } {
	const eventType = text(body.event_type) ?? text(body.event) ?? text(body.type) ?? '';
	const subtype = text(body.event_subtype) ?? text(body.subtype) ?? '';
	return { eventType: eventType.toLowerCase(), subtype: subtype.toLowerCase() };
}

/** Which of the Events choices a delivery is, or undefined (then only "Any Event" takes it). */
export function classifyDelivery(body: Obj): RecruiteeWebhookEvent | undefined {
	const { eventType, subtype } = eventNamesOf(body);
	if (subtype === 'disqualified' || eventType === 'candidate_disqualified') {
		return 'candidateDisqualified';
	}
	if (subtype === 'requalified' || eventType === 'candidate_requalified') {
		return 'candidateRequalified';
	}
	switch (eventType) {
		case 'candidate_created':
			return 'candidateCreated';
		case 'candidate_assigned':
			return 'candidateAssigned';
		case 'candidate_deleted':
			return 'candidateDeleted';
		case 'candidate_moved':
		case 'candidate_pipeline_changed':
			return subtype === '' || subtype === 'stage_changed' ? 'candidateMoved' : undefined;
		default:
			return undefined;
	}
}

function emailsOf(candidate: Obj): string[] {
	const emails = Array.isArray(candidate.emails)
		? candidate.emails
		: candidate.email !== undefined
			? [candidate.email]
			: [];
	return emails
		.map((e) => (isObject(e) ? (text(e.email) ?? text(e.value)) : text(e)))
		.filter((e): e is string => !!e);
}

/**
 * The fields a workflow branches on, flattened (null when the delivery does not carry them), plus
 * the delivery as received under `raw`.
 */
export function flattenDelivery(body: Obj): IDataObject {
	const content = contentOf(body);
	const candidate = objectAt(content, 'candidate');
	const offer = isObject(content.offer)
		? content.offer
		: isObject(content.job)
			? content.job
			: objectAt(objectAt(content, 'placement'), 'offer');
	const placement = objectAt(content, 'placement');
	const details = objectAt(content, 'details');
	const { eventType, subtype } = eventNamesOf(body);
	return {
		event: classifyDelivery(body) ?? 'other',
		event_type: eventType || null,
		subtype: subtype || null,
		delivery_id: idOf(body.id),
		attempt_count: typeof body.attempt_count === 'number' ? body.attempt_count : null,
		created_at: text(body.created_at) ?? text(content.created_at),
		candidate_id: idOf(candidate.id) ?? idOf(content.candidate_id),
		candidate_name: text(candidate.name),
		candidate_emails: emailsOf(candidate),
		offer_id: idOf(offer.id) ?? idOf(placement.offer_id) ?? idOf(content.offer_id),
		offer_title: text(offer.title) ?? text(offer.name),
		from_stage: nameOf(details.from_stage),
		to_stage: nameOf(details.to_stage) ?? nameOf(placement.stage),
		disqualify_reason:
			nameOf(details.disqualify_reason) ??
			nameOf(details.reason) ??
			nameOf(placement.disqualify_reason),
		raw: body as IDataObject,
	};
}

export interface MoveFilters {
	stageName?: string;
	offerId?: string;
}

/**
 * Whether a delivery passes the move filters. They apply to stage moves only (target stage,
 * case-insensitive and trimmed; offer by id); other events pass.
 */
export function passesMoveFilters(item: IDataObject, filters: MoveFilters): boolean {
	if (item.event !== 'candidateMoved') return true;
	const stage = filters.stageName?.trim().toLowerCase();
	if (
		stage &&
		String(item.to_stage ?? '')
			.trim()
			.toLowerCase() !== stage
	)
		return false;
	const offer = filters.offerId?.trim();
	if (offer && String(item.offer_id ?? '') !== offer) return false;
	return true;
}

/** Whether the delivery is one of the chosen events (none chosen, or "any": every delivery). */
export function isChosen(item: IDataObject, events: string[]): boolean {
	return events.length === 0 || events.includes(ANY_EVENT) || events.includes(String(item.event));
}

/** Recruitee's test request (`{"test": true}`), which must get 200 for the webhook to be saved. */
export const isTestPing = (body: Obj): boolean => body.test === true;

/**
 * The test ping recognised from its bytes alone, for a request that is not signed (whether Recruitee
 * signs the test is not known): nothing unverified is parsed.
 */
export const isUnsignedTestPing = (rawBody: Buffer): boolean =>
	rawBody.length <= 64 && /^\s*\{\s*"test"\s*:\s*true\s*\}\s*$/.test(rawBody.toString('utf8'));
