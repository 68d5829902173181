import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IHttpRequestMethods,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import type { z } from 'zod';

import type { ApiContext, HttpCall, Outcome, Query, RawResponse } from './http';
import {
	apiError,
	BODY_PROBLEM_TEXT,
	NOT_SENT_CODES,
	parseJsonText,
	sendRequest,
	withQuery,
	WRITE_SAFE_STATUS,
} from './http';
import type { HttpSettings } from './reliability';
import { itemSuffix } from './validation';

export interface ApiRequest<S extends z.ZodTypeAny> {
	method?: IHttpRequestMethods;
	/** Path below the API's base URL, segments already encoded. */
	path: string;
	query?: Query;
	/** Serialised body, sent (and signed) as is. */
	body?: string | Buffer;
	/** Extra headers (the body's Content-Type). */
	headers?: Record<string, string>;
	/**
	 * A write that must not happen twice (a POST that creates): it is repeated only when it provably
	 * did not take effect, and when that cannot be told, the error says the write may have happened
	 * (`isUncertainWrite`). `did`: what it does, as in "Recruitee may have <did>"; `advice`: what the
	 * user can do about it.
	 */
	once?: { did: string; advice: string };
	/** The documented response envelope. */
	schema: S;
	itemIndex?: number;
	/** What a 404 means here, e.g. 'No candidate with ID 123'. */
	notFound?: string;
	/** What to check on a 404 here, where the API's general hint (its Base URL, say) does not fit. */
	notFoundHint?: string;
	/** Timeout and retries; the defaults otherwise. */
	http?: HttpSettings;
	/** Aborted when the answer is no longer needed (a page read ahead in vain): see HttpCall. */
	signal?: AbortSignal;
}

/** What differs from one API to the next; the exchange itself is the same. */
export interface ApiDefinition {
	/** "Recruitee" */
	name: string;
	credentialType: string;
	/** e.g. 'in the "Recruitee API" credential' */
	credentialHint: string;
	/**
	 * The API's base URL, from its credential (decrypted once per node run). A credential that lacks
	 * what the URL needs throws a NodeOperationError that says which field to fill in.
	 */
	baseUrl(ctx: ApiContext, credential: ICredentialDataDecryptedObject): string;
	/** A NodeApiError that says what a non-2xx answer means and what to do. */
	mapError(ctx: ApiContext, response: RawResponse, request: ApiRequest<z.ZodTypeAny>): Error;
	/** An answer worth one immediate retry (a fresh signature, say); asked once per request. */
	retryOnce?(response: RawResponse): boolean;
	/**
	 * Awaited before every attempt: the API's rate limits, kept on our side. The function it gives is
	 * called once the attempt's answer is in (see HttpCall.beforeAttempt).
	 */
	beforeAttempt?(
		ctx: ApiContext,
		baseUrl: string,
		method: IHttpRequestMethods,
	): Promise<(() => void) | void>;
}

export const requestLabel = (request: ApiRequest<z.ZodTypeAny>): string =>
	`${request.method ?? 'GET'} ${request.path}`;

function describeSchemaProblem(error: z.ZodError): string {
	const issue = error.issues[0];
	const at = issue.path.length ? ` at "${issue.path.join('.')}"` : '';
	return `${issue.message}${at}`;
}

/**
 * One API call: the request (with the retries of sendRequest), every failure mapped to a clear
 * NodeApiError naming the item, and the JSON body checked against the documented envelope.
 */
export async function callApi<S extends z.ZodTypeAny>(
	ctx: ApiContext,
	api: ApiDefinition,
	request: ApiRequest<S>,
): Promise<z.infer<S>> {
	const label = requestLabel(request);
	const where = itemSuffix(request.itemIndex);
	const { credential, baseUrl } = await credentialOfRun(ctx, api);
	const url = withQuery(`${baseUrl}${request.path}`, request.query);
	const call: HttpCall = {
		credentialType: api.credentialType,
		credential,
		method: request.method ?? 'GET',
		url,
		body: request.body,
		headers: request.headers,
		retry: request.http?.retry,
		timeoutMs: request.http?.timeoutMs,
		beforeAttempt:
			api.beforeAttempt && (() => api.beforeAttempt!(ctx, baseUrl, request.method ?? 'GET')),
		repeat: request.once ? 'once' : 'safe',
		signal: request.signal,
	};
	let outcome = await sendRequest(ctx, call);
	if (outcome.response && api.retryOnce?.(outcome.response)) {
		// Sent once more (signed afresh): what the first sending retried still counts.
		const { retried } = outcome;
		outcome = await sendRequest(ctx, call);
		outcome.retried = [...retried, ...outcome.retried];
	}
	// A 2xx answer's body, parsed once: it tells whether a write took effect, and it is the result.
	const status = outcome.response?.statusCode ?? 0;
	const body = status >= 200 && status < 300 ? parseJsonText(outcome.response!.body) : undefined;
	const uncertain = request.once && uncertainty(outcome, body);
	if (uncertain) {
		// An error answer's own words (a server error may explain itself).
		const said = status >= 300 ? saidOf(api.mapError(ctx, outcome.response!, request)) : '';
		throw uncertainWrite(
			ctx,
			api,
			request,
			said ? `${uncertain}; ${api.name} said: ${said}` : uncertain,
		);
	}
	if (outcome.response && outcome.waitTooLong) {
		const error = waitTooLong(ctx, api, request, outcome.response, outcome.waitTooLong);
		if (request.once && outcome.retried.includes(503)) error.context.retriedAfter503 = true;
		throw error;
	}
	if (!outcome.response) {
		throw apiError(ctx, {
			message: `Could not reach ${api.name} (${outcome.failure.code}) after ${outcome.attempts} attempt(s)${where}`,
			description: `Check Base URL ${api.credentialHint} and the network or proxy between n8n and ${api.name}. ${outcome.failure.message} (${label})`,
			itemIndex: request.itemIndex,
		});
	}
	const { response } = outcome;
	if (response.statusCode < 200 || response.statusCode >= 300) {
		const error = api.mapError(ctx, response, request);
		// A write answered 503 and sent again: 503 says nothing was done, but a server that failed
		// after the write may answer so too. A caller that would say "nothing was done" asks first.
		if (request.once && outcome.retried.includes(503) && error instanceof NodeApiError) {
			error.context.retriedAfter503 = true;
		}
		throw error;
	}
	const text = body ?? parseJsonText(response.body);
	// A write may answer with no body at all (204 No Content): nothing to parse.
	const noBody =
		request.method !== undefined &&
		request.method !== 'GET' &&
		!text.ok &&
		text.problem === 'empty';
	const parsed = noBody ? { ok: true as const, value: undefined } : text;
	if (!parsed.ok) {
		throw apiError(ctx, {
			message: `${api.name} answered ${label} with ${BODY_PROBLEM_TEXT[parsed.problem]}${where}`,
			description: `Run again. If it persists, check Base URL ${api.credentialHint}: it must point at the ${api.name} API.`,
			httpCode: response.statusCode,
			itemIndex: request.itemIndex,
		});
	}
	const checked = request.schema.safeParse(parsed.value);
	if (!checked.success) {
		throw apiError(ctx, {
			message: `${api.name} answered ${label} with a response this node does not understand${where}`,
			description: `Unexpected response: ${describeSchemaProblem(checked.error)}. Check Base URL ${api.credentialHint}; if it is right, the API may have changed: please report it.`,
			httpCode: response.statusCode,
			itemIndex: request.itemIndex,
		});
	}
	return checked.data;
}

/**
 * The API asked (Retry-After) to wait longer than Max Retry Time has left: it was not sent again,
 * since sooner would be refused again. The error says how long, and what to do.
 */
function waitTooLong(
	ctx: ApiContext,
	api: ApiDefinition,
	request: ApiRequest<z.ZodTypeAny>,
	response: RawResponse,
	{ askedMs, neededMs }: { askedMs: number; neededMs: number },
): NodeApiError {
	const mapped = api.mapError(ctx, response, request);
	const said = saidOf(mapped);
	const correlationId =
		mapped instanceof NodeApiError && typeof mapped.context.correlationId === 'string'
			? mapped.context.correlationId
			: undefined;
	const asked = Math.ceil(askedMs / 1000);
	const todo = request.http
		? `Raise Max Retry Time (Seconds) in the options of this node to at least ${Math.ceil(neededMs / 1000)} to wait it out, or run again later.`
		: 'Run again later.';
	return apiError(ctx, {
		message: `${api.name} asked to wait ${asked} s before trying again, longer than Max Retry Time allows (HTTP ${response.statusCode})${itemSuffix(request.itemIndex)}`,
		description: `${todo}${said ? ` ${api.name} said: ${said}.` : ''}${correlationId ? ` Correlation ID for ${api.name} support: ${correlationId}.` : ''} (${requestLabel(request)})`,
		httpCode: response.statusCode,
		itemIndex: request.itemIndex,
		correlationId,
	});
}

/** HTTP answers a gateway gives when it may have passed the request on: the write may have happened. */
const GATEWAY_STATUS = new Set([502, 504]);

/**
 * A server error other than one that says nothing was done (503): it may come after the write, so
 * the write may have happened.
 */
const mayFollowTheWrite = (status: number) => status >= 500 && !WRITE_SAFE_STATUS.has(status);

/** Why a write's outcome cannot be told, or undefined when it can. */
function uncertainty(
	outcome: Outcome,
	body: ReturnType<typeof parseJsonText> | undefined,
): string | undefined {
	if (!outcome.response) {
		const { code, message } = outcome.failure;
		if (NOT_SENT_CODES.has(code)) return undefined;
		return `The connection failed after the request was sent (${code}: ${message})`;
	}
	const status = outcome.response.statusCode;
	if (GATEWAY_STATUS.has(status)) {
		return `A gateway answered HTTP ${status} after the request was sent`;
	}
	if (mayFollowTheWrite(status)) {
		return `The server answered HTTP ${status} (an error on its side) after the request was sent`;
	}
	if (status >= 200 && status < 300 && body && !body.ok) {
		return `The answer was ${BODY_PROBLEM_TEXT[body.problem]}`;
	}
	return undefined;
}

/** The error of a write that may or may not have happened: it says so, and what to do. */
function uncertainWrite(
	ctx: ApiContext,
	api: ApiDefinition,
	request: ApiRequest<z.ZodTypeAny>,
	reason: string,
): NodeApiError {
	const error = apiError(ctx, {
		message: `${api.name} may have ${request.once!.did}, but did not confirm it${itemSuffix(request.itemIndex)}`,
		description: `${reason}. The write may have happened: it was not sent again, so as not to do it twice. ${request.once!.advice} (${requestLabel(request)})`,
		itemIndex: request.itemIndex,
	});
	error.context.writeUncertain = true;
	return error;
}

/**
 * After a write failed: any error but one saying the write may have happened (`isUncertainWrite`)
 * is thrown as it is. Else what `look` finds of the write, or the write's error, never a second
 * write. Found nothing, or failed to look: it stays open, and the error says so after what it
 * already said (`notFound`: what finding nothing means here).
 */
export async function lookAfterWrite<T>(
	writeError: unknown,
	look: () => Promise<T | undefined>,
	notFound: string,
): Promise<T> {
	if (!isUncertainWrite(writeError)) throw writeError;
	const found = await settled(look());
	if ('value' in found && found.value !== undefined) return found.value;
	if (writeError instanceof NodeApiError) {
		writeError.description = `${writeError.description ?? ''} Looked for it afterwards: ${lookedFor(found, notFound)}.`;
	}
	throw writeError;
}

/** What a look after a write that found nothing says: `notFound`, or that the look failed too. */
export const lookedFor = (
	found: { value: unknown } | { error: unknown },
	notFound: string,
): string =>
	'value' in found
		? notFound
		: `that failed too (${found.error instanceof Error ? found.error.message : String(found.error)})`;

/**
 * Whether a write's failing answer came after an earlier attempt of it answered 503 and was sent
 * again: that attempt may have taken effect (see callApi).
 */
export const retriedAfter503 = (error: unknown): boolean =>
	error instanceof NodeApiError && error.context.retriedAfter503 === true;

/** Whether an error is a write that may have happened (see `ApiRequest.once`). */
export const isUncertainWrite = (error: unknown): boolean =>
	error instanceof NodeApiError && error.context.writeUncertain === true;

/** A promise's outcome as a value: the value, or the error it failed with. */
export async function settled<T>(promise: Promise<T>): Promise<{ value: T } | { error: unknown }> {
	return await promise.then(
		(value) => ({ value }),
		(error: unknown) => ({ error }),
	);
}

interface RunCredential {
	credential: ICredentialsDecrypted;
	baseUrl: string;
}

/** Per node run (its context), per credential type. */
const credentialsOfRuns = new WeakMap<object, Map<string, Promise<RunCredential>>>();

/**
 * The API's credential and base URL, read once per node run. n8n's request helper, given no
 * credential, reads it again for every request: in n8n, from its database, decrypted, its expressions
 * resolved. Given the one read here, it only signs the request with it.
 */
function credentialOfRun(ctx: ApiContext, api: ApiDefinition): Promise<RunCredential> {
	const type = api.credentialType;
	let ofRun = credentialsOfRuns.get(ctx);
	if (!ofRun) {
		ofRun = new Map();
		credentialsOfRuns.set(ctx, ofRun);
	}
	let read = ofRun.get(type);
	if (!read) {
		read = (async () => {
			const data = await ctx.getCredentials(type);
			const baseUrl = api.baseUrl(ctx, data);
			const { id, name } = ctx.getNode().credentials?.[type] ?? {};
			return { credential: { id: id ?? '', name: name ?? '', type, data }, baseUrl };
		})();
		const forget = ofRun;
		read.catch(() => forget.delete(type));
		ofRun.set(type, read);
	}
	return read;
}

/** What a failing status means ([message, description]), in the API's words. */
export type Wording = [message: string, description: string];

/** How an API's statuses that need no API-specific reading are worded. */
export interface StatusHints {
	/** What to check on a 404. */
	notFound: string;
	/** What to do about a 429 that outlasted the retries. */
	rateLimited: string;
	/** What to do about a 5xx. */
	serverError: string;
}

/** Wording for 404, 429, 5xx and any other status. */
export function statusWording(
	api: ApiDefinition,
	status: number,
	request: ApiRequest<z.ZodTypeAny>,
	hints: StatusHints,
): Wording {
	if (status === 404) {
		return [
			request.notFound ?? `${api.name} found nothing here`,
			request.notFoundHint ?? hints.notFound,
		];
	}
	if (status === 429) {
		return [`${api.name} is rate limiting requests, still after the retries`, hints.rateLimited];
	}
	if (status >= 500) {
		return [
			`${api.name} failed to process the request`,
			`This is a problem on ${api.name}'s side: run again later. ${hints.serverError}`,
		];
	}
	return [`${api.name} rejected the request`, 'Check the parameters of this operation.'];
}

/**
 * The NodeApiError for a failing status: the wording, the HTTP status and the item in the message;
 * what the API said, its correlation id and the request (method and path) in the description.
 */
export function httpError(
	ctx: ApiContext,
	api: ApiDefinition,
	request: ApiRequest<z.ZodTypeAny>,
	status: number,
	[message, description]: Wording,
	details: { said?: string; correlationId?: string } = {},
) {
	const said = details.said ? ` ${api.name} said: ${details.said}.` : '';
	const support = details.correlationId
		? ` Correlation ID for ${api.name} support: ${details.correlationId}.`
		: '';
	const error = apiError(ctx, {
		message: `${message} (HTTP ${status})${itemSuffix(request.itemIndex)}`,
		description: `${description}${said}${support} (${requestLabel(request)})`,
		httpCode: status,
		itemIndex: request.itemIndex,
		correlationId: details.correlationId,
	});
	// The API's own words, for callers that decide on them (see `saidOf`), apart from ours.
	if (details.said) error.context.apiSaid = details.said;
	return error;
}

/** The HTTP status of a failing answer ('404'), or undefined for any other failure. */
export const httpCodeOf = (error: unknown): string | undefined =>
	error instanceof NodeApiError && error.httpCode ? String(error.httpCode) : undefined;

/** What the API said in a failing answer (its error text), or '' where it said nothing. */
export const saidOf = (error: unknown): string =>
	error instanceof NodeApiError && typeof error.context.apiSaid === 'string'
		? error.context.apiSaid
		: '';
