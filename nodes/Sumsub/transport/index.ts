import type { z } from 'zod';

import { SUMSUB_DEFAULT_BASE_URL } from '../../../credentials/SumsubApi.credentials';
import type { ApiDefinition, ApiRequest, StatusHints, Wording } from '../../shared/api';
import { callApi, httpError, statusWording } from '../../shared/api';
import type { ApiContext, RawResponse } from '../../shared/http';
import { cancelSignalOf, parseJsonText } from '../../shared/http';
import { SlidingWindowLimiter } from '../../shared/rateLimit';

export const SUMSUB_CREDENTIAL = 'sumsubApi';

const CREDENTIAL_HINT = 'in the "Sumsub API" credential';

/** Sumsub's error body: `{description, code, correlationId, errorCode?, errorName?}`. */
interface SumsubErrorBody {
	description?: string;
	code?: number;
	correlationId?: string;
	errorCode?: number;
	errorName?: string;
}

export function sumsubErrorBody(response: RawResponse): SumsubErrorBody {
	const parsed = parseJsonText(response.body);
	if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) return {};
	const value = parsed.value as Record<string, unknown>;
	const text = (key: string) =>
		typeof value[key] === 'string' ? (value[key] as string) : undefined;
	const num = (key: string) =>
		typeof value[key] === 'number' ? (value[key] as number) : undefined;
	return {
		description: text('description'),
		code: num('code'),
		correlationId: text('correlationId'),
		errorCode: num('errorCode'),
		errorName: text('errorName'),
	};
}

/** What to tell the user for Sumsub's authentication error codes (all HTTP 401). */
const AUTH_ERRORS: Record<number, Wording> = {
	4000: [
		'Sumsub could not read the App Token',
		`Copy the whole App Token again ${CREDENTIAL_HINT}; it starts with sbx: or prd:.`,
	],
	4001: [
		'Sumsub does not know this App Token',
		`Check App Token ${CREDENTIAL_HINT}: it may be revoked, or belong to another account.`,
	],
	4002: [
		'The App Token and Secret Key do not belong together',
		`Use the Secret Key shown when this App Token was created ${CREDENTIAL_HINT}.`,
	],
	4003: [
		'Sumsub rejected the request signature: the Secret Key is wrong',
		`Paste the Secret Key of this App Token again ${CREDENTIAL_HINT}.`,
	],
	4004: [
		'Sumsub refused the request time: the clock of this n8n server is off by more than a minute',
		'Synchronise the clock of the n8n host (NTP) and run again.',
	],
};

/** The requests whose failures need their own advice: the audit trail's reads, and the rest. */
export type SumsubFamily = 'auditTrail' | 'applicants';

const RATE_LIMITED =
	'Sumsub allows 300 GET and 50 POST requests per 5 seconds per account. Wait and run again, or process fewer items at once.';

/** Per family: what to do about a 403, and about the statuses `statusWording` words. */
const ADVICE: Record<SumsubFamily, { forbidden: string; hints: StatusHints }> = {
	auditTrail: {
		forbidden:
			'The App Token may lack the permission, or the account may not have this feature. Both audit trail endpoints are features Sumsub enables per account, at an additional cost: ask Sumsub to enable the one chosen in "Source", or choose the other one.',
		hints: {
			notFound: `Check Base URL ${CREDENTIAL_HINT}.`,
			rateLimited: RATE_LIMITED,
			serverError: 'If it persists, narrow the date range.',
		},
	},
	applicants: {
		forbidden: `The App Token may lack the permission for this operation. Check the permissions of this App Token in the Sumsub dashboard (Dev space → App tokens), or use another one ${CREDENTIAL_HINT}; if they look right, ask Sumsub support.`,
		hints: {
			notFound: `Check Base URL ${CREDENTIAL_HINT}.`,
			rateLimited: RATE_LIMITED,
			serverError: 'If it persists, ask Sumsub support.',
		},
	},
};

function mapErrorResponse(
	ctx: ApiContext,
	api: ApiDefinition,
	family: SumsubFamily,
	response: RawResponse,
	request: ApiRequest<z.ZodTypeAny>,
): Error {
	const status = response.statusCode;
	const body = sumsubErrorBody(response);
	const code = body.errorName ?? body.errorCode;
	const said = body.description && `"${body.description}"${code ? ` (${code})` : ''}`;
	const fail = (wording: Wording) =>
		httpError(ctx, api, request, status, wording, { said, correlationId: body.correlationId });
	const auth = body.errorCode === undefined ? undefined : AUTH_ERRORS[body.errorCode];
	if (auth) return fail(auth);
	if (status === 401) {
		return fail([
			'Sumsub refused the credentials',
			`Check App Token and Secret Key ${CREDENTIAL_HINT}.`,
		]);
	}
	if (status === 403) return fail(['Sumsub refused access', ADVICE[family].forbidden]);
	return fail(statusWording(api, status, request, ADVICE[family].hints));
}

/**
 * Sumsub's limits are 300 GET and 50 POST requests per 5 seconds per account, counted when a
 * request arrives. A request that opens a new connection, or waits on a slow network, arrives
 * later than it started, so each request holds its place in our window from its start until a
 * window after its answer (see SlidingWindowLimiter). We keep a margin for clock jitter too, in count
 * and in time: with up to 50 items in parallel a whole window's worth is released at once, so for
 * both methods the window we count is half a second longer than Sumsub's.
 */
export const SUMSUB_GET_LIMIT = { max: 290, windowMs: 5500 };
export const SUMSUB_POST_LIMIT = { max: 48, windowMs: 5500 };

const limiters = new Map<string, SlidingWindowLimiter>();

function limiterFor(baseUrl: string, method: string): SlidingWindowLimiter {
	const kind = method.toUpperCase() === 'GET' ? 'GET' : 'POST';
	const key = `${kind} ${baseUrl}`;
	let limiter = limiters.get(key);
	if (!limiter) {
		const limit = kind === 'GET' ? SUMSUB_GET_LIMIT : SUMSUB_POST_LIMIT;
		limiter = new SlidingWindowLimiter(limit.max, limit.windowMs);
		limiters.set(key, limiter);
	}
	return limiter;
}

interface SumsubCredentials {
	baseUrl?: string;
}

/** The API, its failures worded for one family of requests. */
function sumsubApi(family: SumsubFamily): ApiDefinition {
	const api: ApiDefinition = {
		name: 'Sumsub',
		credentialType: SUMSUB_CREDENTIAL,
		credentialHint: CREDENTIAL_HINT,
		baseUrl: (_ctx, credentials: SumsubCredentials) =>
			String(credentials.baseUrl || SUMSUB_DEFAULT_BASE_URL)
				.trim()
				.replace(/\/+$/, ''),
		mapError: (ctx, response, request) => mapErrorResponse(ctx, api, family, response, request),
		// Sumsub allows 300 GET and 50 POST requests per 5 s per account; stay under both from this n8n
		// process (one limiter per method and Base URL, whatever the family).
		beforeAttempt: (ctx, baseUrl, method) => limiterFor(baseUrl, method).take(cancelSignalOf(ctx)),
		// An expired timestamp (4004) is signed afresh on the next attempt: one immediate retry.
		retryOnce: (response) =>
			response.statusCode === 401 && sumsubErrorBody(response).errorCode === 4004,
	};
	return api;
}

const SUMSUB: Record<SumsubFamily, ApiDefinition> = {
	auditTrail: sumsubApi('auditTrail'),
	applicants: sumsubApi('applicants'),
};

/** A Sumsub request, and the family whose advice its failures get. */
export type SumsubRequest<S extends z.ZodTypeAny> = ApiRequest<S> & { family: SumsubFamily };

/** A signed Sumsub POST with a JSON body, serialised once: the credential signs exactly these bytes. */
export async function sumsubPost<S extends z.ZodTypeAny>(
	ctx: ApiContext,
	request: Omit<SumsubRequest<S>, 'method' | 'body' | 'headers'> & { json?: object },
): Promise<z.infer<S>> {
	const { json, family, ...rest } = request;
	return await callApi(ctx, SUMSUB[family], {
		...rest,
		method: 'POST',
		...(json === undefined
			? {}
			: { body: JSON.stringify(json), headers: { 'Content-Type': 'application/json' } }),
	});
}

/** One signed Sumsub call, its envelope checked, every failure a clear NodeApiError. */
export async function sumsubRequest<S extends z.ZodTypeAny>(
	ctx: ApiContext,
	request: SumsubRequest<S>,
): Promise<z.infer<S>> {
	const { family, ...rest } = request;
	return await callApi(ctx, SUMSUB[family], rest);
}
