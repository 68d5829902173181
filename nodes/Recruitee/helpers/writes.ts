import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { lookAfterWrite, settled } from '../../shared/api';
import { oneAtATime } from '../../shared/execute';
import type { ApiContext } from '../../shared/http';
import { isRecord } from '../../shared/records';
import { recordWithId, recruiteeSend } from '../transport';
import type { Reads, Stage } from './lookups';
import { candidateById, placementOn, requirePlacement } from './lookups';
import { simplifyCandidate } from './simplify';

/** The writes more than one operation makes: update a candidate, place it, move it. */

/**
 * Placement routes. Disqualify and requalify are listed in Recruitee's reference but their exact
 * paths are not confirmed: one constant each, and a 404 there says so.
 */
export const PLACEMENT_ROUTES = {
	create: '/placements',
	one: (id: number) => `/placements/${id}`,
	changeStage: (id: number) => `/placements/${id}/change_stage`,
	disqualify: (id: number) => `/placements/${id}/disqualify`,
	requalify: (id: number) => `/placements/${id}/requalify`,
};

const candidateAnswer = z.object({ candidate: recordWithId });
/** An answer the operation does not read (it reads the candidate back): any JSON, or none. */
export const anyAnswer = z.unknown();

/** What a write operation outputs: the candidate, simplified or whole. */
export function candidateOutput(candidate: IDataObject, simplify: boolean): IDataObject {
	return simplify ? simplifyCandidate(candidate) : { ...candidate };
}

/**
 * Runs `task`, which reads the candidate and then writes what it read changed (tags or lists added to
 * or taken from, a placement looked for), after every earlier such task of this run on the same
 * candidate has settled. Items in parallel on one candidate would otherwise both read the old state,
 * and the later write would undo the earlier one. Not to be nested in itself (it would wait for
 * itself); inside a task with another key (an email) it is fine, since that order never reverses.
 */
export async function oneCandidateAtATime<T>(
	ctx: IExecuteFunctions,
	candidateId: number,
	task: () => Promise<T>,
): Promise<T> {
	return await oneAtATime(ctx, `candidate:${candidateId}`, task);
}

/** PATCH /candidates/:id with the fields given (idempotent: repeated on a failed answer). */
export async function updateCandidate(
	ctx: ApiContext,
	id: number,
	body: IDataObject,
	reads: Reads,
): Promise<IDataObject & { id: number }> {
	const answer = await recruiteeSend(ctx, {
		method: 'PATCH',
		path: `/candidates/${id}`,
		json: { candidate: body },
		schema: candidateAnswer,
		itemIndex: reads.itemIndex,
		http: reads.http,
		notFound: `No candidate with ID ${id} in this company`,
	});
	return answer.candidate;
}

/**
 * POST /placements: puts a candidate on an offer (in `stage`, or the first stage). A create: after an
 * answer that leaves it open, the candidate is read back and the placement looked for.
 */
export async function placeOnOffer(
	ctx: ApiContext,
	candidateId: number,
	offerId: number,
	stage: Stage | undefined,
	reads: Reads,
): Promise<void> {
	const json: IDataObject = { candidate_id: candidateId, offer_id: offerId };
	if (stage) json.stage_id = stage.id;
	const outcome = await settled(
		recruiteeSend(ctx, {
			method: 'POST',
			path: PLACEMENT_ROUTES.create,
			json,
			schema: anyAnswer,
			itemIndex: reads.itemIndex,
			http: reads.http,
			once: {
				did: `put candidate ${candidateId} on offer ${offerId}`,
				advice: 'Run this item again: the node checks the candidate’s offers first.',
			},
		}),
	);
	if ('value' in outcome) return;
	const { candidate, placement } = await lookAfterWrite(
		outcome.error,
		async () => {
			const read = await candidateById(ctx, candidateId, reads);
			const on = placementOn(read, offerId);
			return on && { candidate: read, placement: on };
		},
		'the candidate is not on the offer yet, but Recruitee may still be putting it there',
	);
	if (stage && placement.stage_id !== stage.id)
		await toStage(ctx, candidate, offerId, stage, reads);
}

/** PATCH /placements/:id/change_stage (idempotent); Recruitee's answer. */
export async function changeStage(
	ctx: ApiContext,
	placementId: number,
	stage: Stage,
	reads: Reads,
): Promise<unknown> {
	return await recruiteeSend(ctx, {
		method: 'PATCH',
		path: PLACEMENT_ROUTES.changeStage(placementId),
		json: { stage_id: stage.id },
		schema: anyAnswer,
		itemIndex: reads.itemIndex,
		http: reads.http,
		notFound: `No placement with ID ${placementId} in this company`,
	});
}

/** The candidate's placement on the offer to `stage`. */
export async function toStage(
	ctx: ApiContext,
	candidate: IDataObject,
	offerId: number,
	stage: Stage,
	reads: Reads,
): Promise<unknown> {
	const placement = requirePlacement(ctx, candidate, offerId, reads.itemIndex);
	return await changeStage(ctx, placement.id, stage, reads);
}

/**
 * A write to the candidate's placement on an offer (move, disqualify, requalify): the candidate is
 * read to find the placement, and `write` gets its id. The output: the candidate with the placement
 * Recruitee answered, or undefined when the answer has none (the operation then reads it back).
 */
export async function onPlacement(
	ctx: ApiContext,
	target: { candidateId: number; offerId: number; reads: Reads; simplify: boolean },
	write: (placementId: number) => Promise<unknown>,
): Promise<IDataObject | undefined> {
	const candidate = await candidateById(ctx, target.candidateId, target.reads);
	const placement = requirePlacement(ctx, candidate, target.offerId, target.reads.itemIndex);
	const after = withPlacement(candidate, await write(placement.id));
	return after && candidateOutput(after, target.simplify);
}

/**
 * The candidate as it is after a write to one of its placements, when Recruitee's answer carries
 * that placement (`{placement}`): no read-back needed. Undefined otherwise (the caller reads it).
 */
export function withPlacement(candidate: IDataObject, answer: unknown): IDataObject | undefined {
	const placement = isRecord(answer) && isRecord(answer.placement) ? answer.placement : undefined;
	const placements = Array.isArray(candidate.placements) ? candidate.placements : [];
	if (!placement || !placements.some((p) => isRecord(p) && p.id === placement.id)) return undefined;
	return {
		...candidate,
		placements: placements.map((p) => (isRecord(p) && p.id === placement.id ? placement : p)),
	};
}

/** The tags of a candidate record, as strings. */
export const tagsOf = (candidate: IDataObject): string[] =>
	Array.isArray(candidate.tags)
		? candidate.tags.map((t) => (isRecord(t) ? String(t.name ?? '') : String(t))).filter(Boolean)
		: [];

/** DELETE /placements/:id: takes the candidate off the offer (idempotent). */
export async function deletePlacement(ctx: ApiContext, id: number, reads: Reads): Promise<void> {
	await recruiteeSend(ctx, {
		method: 'DELETE',
		path: PLACEMENT_ROUTES.one(id),
		schema: anyAnswer,
		itemIndex: reads.itemIndex,
		http: reads.http,
		notFound: `No placement with ID ${id} in this company`,
	});
}

/** PATCH on a placement (disqualify, requalify): idempotent; a 404 may mean the route is not there. */
export async function changePlacement(
	ctx: ApiContext,
	path: string,
	json: IDataObject,
	verb: string,
	reads: Reads,
): Promise<unknown> {
	return await recruiteeSend(ctx, {
		method: 'PATCH',
		path,
		json,
		schema: anyAnswer,
		itemIndex: reads.itemIndex,
		http: reads.http,
		notFound: `Recruitee found nothing to ${verb} at PATCH ${path}: the placement is gone, or this route is not where Recruitee's reference suggests (please report it)`,
	});
}
