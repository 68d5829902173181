import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { httpCodeOf, saidOf, settled } from '../../shared/api';
import type { ApiContext } from '../../shared/http';
import { isRecord } from '../../shared/records';
import type { HttpSettings } from '../../shared/reliability';
import { sumsubPost, sumsubRequest } from './index';

/** Sumsub's applicant routes, as documented (the two marked [?] in api-facts.md are not confirmed). */
export const APPLICANT_ROUTES = {
	create: '/resources/applicants',
	one: (id: string) => `/resources/applicants/${encodeURIComponent(id)}/one`,
	byExternalUserId: (id: string) =>
		`/resources/applicants/-;externalUserId=${encodeURIComponent(id)}/one`,
	status: (id: string) => `/resources/applicants/${encodeURIComponent(id)}/status`,
	reset: (id: string) => `/resources/applicants/${encodeURIComponent(id)}/reset`,
	websdkLink: '/resources/sdkIntegrations/levels/-/websdkLink',
	websdkLinkOld: (level: string) =>
		`/resources/sdkIntegrations/levels/${encodeURIComponent(level)}/websdkLink`,
	sdkAccess: '/resources/accessTokens/sdk',
	/** [?]: not confirmed; the level list falls back to typing the name. */
	levels: '/resources/applicants/-/levels',
};

export interface Calls {
	itemIndex?: number;
	http?: HttpSettings;
}

export type Applicant = IDataObject & { id: string };

/** What to check when Sumsub has no such applicant or level (its 404s), where Base URL is not it. */
const ACCOUNT_NOTE =
	'Sandbox tokens (sbx:) and production tokens (prd:) each see only their own applicants.';
const CHECK = {
	applicantId: `Check "Applicant": an Applicant ID is Sumsub's own ID (the "id" that Create and Get output), not the External User ID. ${ACCOUNT_NOTE}`,
	externalUserId: `Check "Applicant": the External User ID must be exactly the one the applicant was created with. ${ACCOUNT_NOTE}`,
	level:
		'Check "Level Name or ID": it must be a level of this Sumsub account (Dev space → Levels), spelt exactly. If it is, check Base URL in the "Sumsub API" credential.',
};

const applicant = z.custom<Applicant>(
	(value) => isRecord(value) && typeof value.id === 'string' && value.id !== '',
	{ message: 'an applicant without an "id"' },
);

/** A Sumsub answer the operation reads as it comes (a JSON object). */
const anObject = z.custom<IDataObject>(isRecord, { message: 'not a JSON object' });

/** GET an applicant by Sumsub's id, or by the External User ID your system gave it. */
export async function getApplicant(
	ctx: ApiContext,
	by: { id: string } | { externalUserId: string },
	calls: Calls,
): Promise<Applicant> {
	const byId = 'id' in by;
	return await sumsubRequest(ctx, {
		family: 'applicants',
		path: byId ? APPLICANT_ROUTES.one(by.id) : APPLICANT_ROUTES.byExternalUserId(by.externalUserId),
		schema: applicant,
		itemIndex: calls.itemIndex,
		http: calls.http,
		notFound: byId
			? `No Sumsub applicant with ID ${by.id}`
			: `No Sumsub applicant with External User ID "${by.externalUserId}"`,
		notFoundHint: byId ? CHECK.applicantId : CHECK.externalUserId,
	});
}

/** The applicant with this External User ID, or undefined when there is none (404). */
export async function findApplicant(
	ctx: ApiContext,
	externalUserId: string,
	calls: Calls,
): Promise<Applicant | undefined> {
	const outcome = await settled(getApplicant(ctx, { externalUserId }, calls));
	if ('value' in outcome) return outcome.value;
	if (httpCodeOf(outcome.error) === '404') return undefined;
	throw outcome.error;
}

export interface NewApplicant {
	levelName: string;
	externalUserId: string;
	email?: string;
	phone?: string;
	fixedInfo?: IDataObject;
	metadata?: Array<{ key: string; value: string }>;
}

/**
 * POST /resources/applicants?levelName=… A create: never repeated blindly (see ApiRequest.once).
 * Sumsub itself refuses a second applicant with the same External User ID. `ifExists`: what the
 * operation does then, which is what running the item again does.
 */
export async function createApplicant(
	ctx: ApiContext,
	input: NewApplicant,
	calls: Calls,
	ifExists: 'returnExisting' | 'fail' = 'returnExisting',
): Promise<Applicant> {
	const { levelName, ...body } = input;
	return await sumsubPost(ctx, {
		family: 'applicants',
		path: APPLICANT_ROUTES.create,
		query: { levelName },
		json: body,
		schema: applicant,
		itemIndex: calls.itemIndex,
		http: calls.http,
		notFound: `Sumsub has no level "${levelName}" (or no applicant route at this Base URL)`,
		notFoundHint: CHECK.level,
		once: {
			did: `created the applicant "${input.externalUserId}"`,
			advice:
				ifExists === 'returnExisting'
					? 'Run this item again: Sumsub refuses a second applicant with the same External User ID, and the node then returns the existing one.'
					: 'Check in Sumsub whether it has an applicant with this External User ID before running this item again: Sumsub refuses a second one, and with "If the External User ID Exists" set to Fail the item then fails naming it (set it to Return Existing to get that applicant instead).',
		},
	});
}

/** GET /resources/applicants/{id}/status. */
export async function reviewStatusOf(
	ctx: ApiContext,
	applicantId: string,
	calls: Calls,
): Promise<IDataObject> {
	return await sumsubRequest(ctx, {
		family: 'applicants',
		path: APPLICANT_ROUTES.status(applicantId),
		schema: anObject,
		itemIndex: calls.itemIndex,
		http: calls.http,
		notFound: `No Sumsub applicant with ID ${applicantId}`,
		notFoundHint: CHECK.applicantId,
	});
}

/** POST /resources/applicants/{id}/reset (doing it twice does no harm). */
export async function resetApplicant(
	ctx: ApiContext,
	applicantId: string,
	calls: Calls,
): Promise<IDataObject> {
	return await sumsubPost(ctx, {
		family: 'applicants',
		path: APPLICANT_ROUTES.reset(applicantId),
		schema: anObject,
		itemIndex: calls.itemIndex,
		http: calls.http,
		notFound: `No Sumsub applicant with ID ${applicantId}`,
		notFoundHint: CHECK.applicantId,
	});
}

export interface LinkRequest {
	levelName: string;
	userId: string;
	ttlInSecs: number;
	applicantIdentifiers?: { email?: string; phone?: string };
	externalActionId?: string;
	redirect?: IDataObject;
}

const linkAnswer = z.object({ url: z.string().url() }).passthrough();

/**
 * A WebSDK verification link: POST /resources/sdkIntegrations/levels/-/websdkLink; where that route
 * is not there (a 404 that is not about the level), the older form with the level in the path. A
 * new link each time: repeating it does no harm.
 */
export async function websdkLink(
	ctx: ApiContext,
	request: LinkRequest,
	calls: Calls,
): Promise<{ url: string }> {
	const outcome = await settled(
		sumsubPost(ctx, {
			family: 'applicants',
			path: APPLICANT_ROUTES.websdkLink,
			json: request,
			schema: linkAnswer,
			itemIndex: calls.itemIndex,
			http: calls.http,
			notFound: `Sumsub has no level "${request.levelName}"`,
			notFoundHint: CHECK.level,
		}),
	);
	if ('value' in outcome) return outcome.value;
	// A 404 about the level (in what Sumsub said) is the answer; any other 404 means the route is
	// not there.
	const aboutLevel = /\blevel\b/i.test(saidOf(outcome.error));
	if (httpCodeOf(outcome.error) !== '404' || aboutLevel) throw outcome.error;
	const rest: IDataObject = {};
	for (const key of ['applicantIdentifiers', 'externalActionId', 'redirect'] as const) {
		if (request[key] !== undefined) rest[key] = request[key];
	}
	return await sumsubPost(ctx, {
		family: 'applicants',
		path: APPLICANT_ROUTES.websdkLinkOld(request.levelName),
		query: { ttlInSecs: request.ttlInSecs, externalUserId: request.userId },
		// What the query cannot carry (identifiers, redirect) goes in the body, as on the new route.
		...(Object.keys(rest).length ? { json: rest } : {}),
		schema: linkAnswer,
		itemIndex: calls.itemIndex,
		http: calls.http,
		notFound: `Sumsub has no level "${request.levelName}" (or no WebSDK link route at this Base URL)`,
		notFoundHint: CHECK.level,
	});
}

const tokenAnswer = z.custom<IDataObject & { token: string }>(
	(value) => isRecord(value) && typeof value.token === 'string' && value.token !== '',
	{ message: 'no "token"' },
);

/** POST /resources/accessTokens/sdk: a token for the mobile or web SDK. */
export async function sdkAccessToken(
	ctx: ApiContext,
	request: Omit<LinkRequest, 'externalActionId' | 'redirect'>,
	calls: Calls,
): Promise<IDataObject & { token: string }> {
	return await sumsubPost(ctx, {
		family: 'applicants',
		path: APPLICANT_ROUTES.sdkAccess,
		json: request,
		schema: tokenAnswer,
		itemIndex: calls.itemIndex,
		http: calls.http,
		notFound: `Sumsub has no level "${request.levelName}" (or no access token route at this Base URL)`,
		notFoundHint: CHECK.level,
	});
}

const levelList = z.object({ items: z.array(z.record(z.unknown())) }).passthrough();

/** The account's levels (GET /resources/applicants/-/levels, a route not confirmed [?]). */
export async function levels(ctx: ApiContext): Promise<string[]> {
	const body = await sumsubRequest(ctx, {
		family: 'applicants',
		path: APPLICANT_ROUTES.levels,
		schema: levelList,
		notFound:
			'Sumsub did not list the levels at this Base URL: type the level name (Dev space → Levels) as an expression',
	});
	return body.items.map((level) => String(level.name ?? '')).filter(Boolean);
}
