import type { DateTime } from 'luxon';

import { epochSeconds } from '../../shared/dates';

/** One element of the `filters_json` array Recruitee's search and audit log take. */
export type RecruiteeFilter = Record<string, unknown>;

export interface DateRange {
	from?: DateTime;
	to?: DateTime;
}

/** `{"field":"created_at","gte":<epoch s>,"lte":<epoch s>}` with only the bounds that are set. */
export function createdAtFilter(range: DateRange): RecruiteeFilter[] {
	if (!range.from && !range.to) return [];
	const filter: RecruiteeFilter = { field: 'created_at' };
	if (range.from) filter.gte = epochSeconds(range.from);
	if (range.to) filter.lte = epochSeconds(range.to);
	return [filter];
}

export function freeTextFilter(query: string | undefined): RecruiteeFilter[] {
	return query && query.trim() ? [{ field: 'all', query: query.trim() }] : [];
}

export type AdminMatch = 'has_any' | 'has_all_of' | 'has_none_of';

export interface SearchFilters extends DateRange {
	query?: string;
	status?: string[];
	offerIds?: number[];
	stageNames?: string[];
	tagIds?: number[];
	assignedAdminIds?: number[];
	assignedAdminsMatch?: AdminMatch;
	minAverageScore?: number;
	maxAverageScore?: number;
}

/** The search filter builder of the UI → `filters_json` objects, in a fixed order. */
export function searchFilters(f: SearchFilters): RecruiteeFilter[] {
	const out: RecruiteeFilter[] = [...freeTextFilter(f.query)];
	if (f.status?.length) out.push({ field: 'status', in: f.status });
	if (f.offerIds?.length) out.push({ filter: 'jobs', id: { in: f.offerIds } });
	if (f.stageNames?.length) out.push({ filter: 'stages', name: { in: f.stageNames } });
	if (f.tagIds?.length) out.push({ filter: 'tags', id: { in: f.tagIds } });
	if (f.assignedAdminIds?.length) {
		out.push({
			field: 'assigned_admins_ids',
			[f.assignedAdminsMatch ?? 'has_any']: f.assignedAdminIds,
		});
	}
	if (f.minAverageScore !== undefined || f.maxAverageScore !== undefined) {
		const score: RecruiteeFilter = { field: 'average_score' };
		if (f.minAverageScore !== undefined) score.gte = f.minAverageScore;
		if (f.maxAverageScore !== undefined) score.lte = f.maxAverageScore;
		out.push(score);
	}
	out.push(...createdAtFilter(f));
	return out;
}

export interface AuditLogFilters extends DateRange {
	query?: string;
	actorIn?: string[];
	actorNotIn?: string[];
}

/** The audit log filters of the UI → `filters_json` objects. */
export function auditLogFilters(f: AuditLogFilters): RecruiteeFilter[] {
	const out: RecruiteeFilter[] = [...createdAtFilter(f)];
	if (f.actorIn?.length || f.actorNotIn?.length) {
		const actor: RecruiteeFilter = { field: 'actor' };
		if (f.actorIn?.length) actor.in = f.actorIn;
		if (f.actorNotIn?.length) actor.not_in = f.actorNotIn;
		out.push(actor);
	}
	out.push(...freeTextFilter(f.query));
	return out;
}

/** Builder filters first, then the raw "Filters (JSON)" ones; undefined when there is none. */
export function filtersJson(built: RecruiteeFilter[], raw: RecruiteeFilter[]): string | undefined {
	const all = [...built, ...raw];
	return all.length ? JSON.stringify(all) : undefined;
}
