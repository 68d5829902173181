import type { IDataObject } from 'n8n-workflow';

type Obj = IDataObject & Record<string, unknown>;

function pick(source: Obj, keys: string[]): IDataObject {
	const out: IDataObject = {};
	for (const key of keys) if (key in source) out[key] = source[key] as IDataObject[string];
	return out;
}

const asObject = (value: unknown): Obj | undefined =>
	value && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : undefined;

const asArray = (value: unknown): Obj[] => (Array.isArray(value) ? (value as Obj[]) : []);

const CANDIDATE_KEYS = [
	'id',
	'name',
	'emails',
	'phones',
	'source',
	'tags',
	'created_at',
	'updated_at',
	'last_activity_at',
	'adminapp_url',
];

/** A candidate from GET /candidates or GET /candidates/{id}. */
export function simplifyCandidate(candidate: Obj): IDataObject {
	return {
		...pick(candidate, CANDIDATE_KEYS),
		placements: asArray(candidate.placements).map((p) => ({
			id: p.id,
			offer_id: p.offer_id,
			stage_id: p.stage_id,
			disqualified: Boolean(p.disqualify_reason ?? p.disqualify_kind),
			hired_at: p.hired_at ?? null,
		})),
	};
}

/** A hit from GET /search/new/candidates. */
export function simplifySearchHit(hit: Obj): IDataObject {
	return {
		...pick(hit, CANDIDATE_KEYS),
		placements: asArray(hit.placements).map((p) => ({
			id: p.id,
			offer_id: asObject(p.offer)?.id ?? null,
			offer_title: asObject(p.offer)?.title ?? null,
			stage_name: asObject(p.stage)?.name ?? null,
			disqualified: p.disqualified ?? false,
			is_hired: p.is_hired ?? false,
		})),
	};
}

/** An offer (job or talent pool) from GET /offers or GET /offers/{id}. */
export function simplifyOffer(offer: Obj): IDataObject {
	return pick(offer, [
		'id',
		'title',
		'kind',
		'status',
		'slug',
		'department',
		'location',
		'city',
		'country_code',
		'employment_type',
		'candidates_count',
		'created_at',
		'updated_at',
		'published_at',
		'careers_url',
		'adminapp_url',
	]);
}

/** An entry of GET /audit_log: who did what, to which candidate and offer. */
export function simplifyAuditEntry(entry: Obj): IDataObject {
	const details = asObject(entry.details) ?? {};
	const candidate = asObject(entry.candidate) ?? asObject(details.candidate);
	const offer = asObject(entry.offer) ?? asObject(details.offer);
	const placement = asObject(details.placement);
	const field = asObject(details.field);
	return {
		id: entry._id,
		created_at: entry.created_at,
		event_name: entry.event_name,
		actor: entry.actor,
		actor_type: entry.actor_type,
		admin_id: asObject(entry.admin)?.id ?? null,
		candidate_id: candidate?.id ?? placement?.candidate_id ?? field?.candidate_id ?? null,
		candidate_name: candidate?.name ?? null,
		offer_id: offer?.id ?? placement?.offer_id ?? null,
		offer_title: offer?.title ?? null,
		stage_name: asObject(details.stage)?.name ?? null,
		previous_stage_name: asObject(details.previous_stage)?.name ?? null,
		ip_address: entry.ip_address ?? null,
	};
}
