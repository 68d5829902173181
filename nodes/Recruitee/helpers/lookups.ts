import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { sharedPerRun } from '../../shared/execute';
import type { ApiContext } from '../../shared/http';
import { isRecord } from '../../shared/records';
import type { HttpSettings } from '../../shared/reliability';
import { itemSuffix } from '../../shared/validation';
import { recordsWithId, recordWithId, recruiteeGet, recruiteeList } from '../transport';

/** The reads a write needs: who has this email, where a candidate is placed, an offer's stages. */

export interface Reads {
	itemIndex: number;
	http?: HttpSettings;
}

const candidateList = z.object({ candidates: recordsWithId });
const candidateDetail = z.object({ candidate: recordWithId });

/** Candidates a page of the email look-up asks for: one page when `query` matches few. */
const EMAIL_LOOKUP_PAGE = 1000;

/** The most candidates one email look-up reads; more matches of `query` fail the look-up. */
const EMAIL_LOOKUP_MAX = 10_000;

/**
 * The candidates that have `email` among their emails (ignoring case), oldest first. Recruitee's
 * candidate list searches names and emails with `query`, in a way it does not document: an exact
 * address may match more than the candidates who have it (others containing it, or, in a search by
 * words, everyone at the same domain), newest first. So every match is read, page by page, and the
 * exact address is checked here. More than EMAIL_LOOKUP_MAX matches: an error, never a guess.
 */
export async function candidatesWithEmail(
	ctx: ApiContext,
	email: string,
	reads: Reads,
): Promise<IDataObject[]> {
	const address = email.trim();
	const wanted = address.toLowerCase();
	const matches = await recruiteeList(ctx, {
		path: '/candidates',
		query: { query: address },
		style: 'offset',
		limit: EMAIL_LOOKUP_MAX + 1,
		pageSize: EMAIL_LOOKUP_PAGE,
		itemIndex: reads.itemIndex,
		schema: candidateList,
		extract: (body) => ({ records: body.candidates }),
		http: reads.http,
		idOf: (candidate) => candidate.id,
	});
	if (matches.length > EMAIL_LOOKUP_MAX) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Could not tell whether a candidate with the email ${address} exists: Recruitee's search for it matched more than ${EMAIL_LOOKUP_MAX.toLocaleString('en-US')} candidates${itemSuffix(reads.itemIndex)}`,
			{
				itemIndex: reads.itemIndex,
				description: `The node finds an existing candidate by reading every candidate Recruitee's search (the candidate list's query) matches for the address, and reads at most ${EMAIL_LOOKUP_MAX.toLocaleString('en-US')}; nothing was created. To create the candidate without looking, set "If a Candidate With This Email Exists" to Create Anyway (a candidate with this email may then exist twice).`,
			},
		);
	}
	return matches
		.filter(
			(c) =>
				Array.isArray(c.emails) && c.emails.some((e) => String(e).trim().toLowerCase() === wanted),
		)
		.sort((a, b) => a.id - b.id);
}

/** A candidate with every field (GET /candidates/:id). */
export async function candidateById(
	ctx: ApiContext,
	id: number,
	reads: Reads,
): Promise<IDataObject & { id: number }> {
	const body = await recruiteeGet(ctx, {
		path: `/candidates/${id}`,
		schema: candidateDetail,
		itemIndex: reads.itemIndex,
		http: reads.http,
		notFound: `No candidate with ID ${id} in this company`,
	});
	return body.candidate;
}

const placementsOf = (candidate: IDataObject): IDataObject[] =>
	Array.isArray(candidate.placements) ? candidate.placements.filter(isRecord) : [];

/** The candidate's placement on an offer, if any. */
export function placementOn(candidate: IDataObject, offerId: number): IDataObject | undefined {
	return placementsOf(candidate).find((p) => Number(p.offer_id) === offerId);
}

/** The candidate's placement on an offer, or an error saying the candidate is not on it. */
export function requirePlacement(
	ctx: ApiContext,
	candidate: IDataObject,
	offerId: number,
	itemIndex: number,
): IDataObject & { id: number } {
	const placement = placementOn(candidate, offerId);
	if (!placement || typeof placement.id !== 'number') {
		const on = placementsOf(candidate).map((p) => p.offer_id);
		throw new NodeOperationError(
			ctx.getNode(),
			`Candidate ${String(candidate.id)} is not on offer ${offerId}${itemSuffix(itemIndex)}`,
			{
				itemIndex,
				description: on.length
					? `The candidate is on offer(s) ${on.join(', ')}. Choose one of them, or assign the candidate to this offer first (Candidate → Assign to Offer).`
					: 'The candidate is on no offer. Assign the candidate to this offer first (Candidate → Assign to Offer).',
			},
		);
	}
	return placement as IDataObject & { id: number };
}

const offerDetail = z.object({ offer: recordWithId });

export interface Stage {
	id: number;
	name: string;
	category?: string;
}

/**
 * The stages of an offer's pipeline, in order (a talent pool has none), read once per run; a failed
 * read names each item that needed it.
 */
const stagesPerRun = sharedPerRun<Stage[]>();

export async function offerStages(
	ctx: ApiContext,
	offerId: number,
	reads: Partial<Reads> = {},
): Promise<Stage[]> {
	return await stagesPerRun(
		ctx,
		String(offerId),
		async () => {
			const { offer } = await recruiteeGet(ctx, {
				path: `/offers/${offerId}`,
				schema: offerDetail,
				http: reads.http,
				notFound: `No offer with ID ${offerId} in this company`,
			});
			const template = isRecord(offer.pipeline_template) ? offer.pipeline_template : {};
			const list = Array.isArray(template.stages) ? template.stages.filter(isRecord) : [];
			return list
				.filter((s) => typeof s.id === 'number')
				.map((s) => ({
					id: s.id as number,
					name: String(s.name ?? s.id),
					category: s.category as string,
				}));
		},
		reads.itemIndex,
	);
}

/**
 * One of `choices` from a list parameter: its ID (from the list), or its name (from an expression,
 * ignoring case). None: an error naming the field and listing the choices.
 */
function chosen<T extends { id: number; name: string }>(
	ctx: ApiContext,
	choices: T[],
	raw: unknown,
	reads: Reads,
	what: { field: string; notOne: string; listing: string },
): T {
	const given = String(raw ?? '').trim();
	const found = /^\d+$/.test(given)
		? choices.find((c) => c.id === Number(given))
		: choices.find((c) => c.name.toLowerCase() === given.toLowerCase());
	if (found) return found;
	throw new NodeOperationError(
		ctx.getNode(),
		`Invalid parameter "${what.field}": ${given === '' ? 'it is empty' : `${JSON.stringify(given)} is not ${what.notOne}`}${itemSuffix(reads.itemIndex)}`,
		{
			itemIndex: reads.itemIndex,
			description: choices.length
				? `${what.listing}: ${choices.map((c) => `${c.name} (${c.id})`).join(', ')}.`
				: `${what.listing}: none.`,
		},
	);
}

/** The stage of an offer from a "Stage" parameter (ID or name); not one of its stages: an error. */
export async function stageOf(
	ctx: ApiContext,
	offerId: number,
	raw: unknown,
	reads: Reads,
): Promise<Stage> {
	return chosen(ctx, await offerStages(ctx, offerId, reads), raw, reads, {
		field: 'Stage',
		notOne: `a stage of offer ${offerId}`,
		listing: `The stages of offer ${offerId} (a talent pool has none)`,
	});
}

const reasonList = z.object({ disqualify_reasons: recordsWithId });

export interface Reason {
	id: number;
	name: string;
}

/**
 * The company's disqualify reasons (GET /disqualify_reasons), read once per run; a failed read names
 * each item that needed it.
 */
const reasonsPerRun = sharedPerRun<Reason[]>();

export async function disqualifyReasons(
	ctx: ApiContext,
	reads: Partial<Reads> = {},
): Promise<Reason[]> {
	return await reasonsPerRun(
		ctx,
		'',
		async () => {
			const { disqualify_reasons } = await recruiteeGet(ctx, {
				path: '/disqualify_reasons',
				schema: reasonList,
				http: reads.http,
			});
			return disqualify_reasons.map((r) => ({ id: r.id, name: String(r.name ?? r.id) }));
		},
		reads.itemIndex,
	);
}

/** A reason from a "Reason" parameter (ID or name); not one of the company's: an error. */
export async function disqualifyReasonOf(
	ctx: ApiContext,
	raw: unknown,
	reads: Reads,
): Promise<Reason> {
	return chosen(ctx, await disqualifyReasons(ctx, reads), raw, reads, {
		field: 'Reason',
		notOne: 'a disqualify reason of this company',
		listing: 'The disqualify reasons',
	});
}
