import type {
	ICredentialsDecrypted,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, sleepWithAbort } from 'n8n-workflow';

export type { Query, QueryValue } from './query';
export { encodeQuery, strictEncode, withQuery } from './query';

/** Every n8n context our transports are called from. */
export type ApiContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export interface RetryPolicy {
	/** Retries after the first attempt (0 = no retry). */
	maxRetries: number;
	/** First backoff step; doubles on every retry, with full jitter. */
	baseDelayMs: number;
	/** No backoff wait is longer than this. A Retry-After is waited in full (within maxTotalMs). */
	maxDelayMs: number;
	/**
	 * No retry is started once this much time has passed since the first attempt, nor one whose
	 * Retry-After would end past it.
	 */
	maxTotalMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxRetries: 4,
	baseDelayMs: 500,
	maxDelayMs: 30_000,
	maxTotalMs: 120_000,
};

export const DEFAULT_TIMEOUT_MS = 60_000;

export interface RawResponse {
	statusCode: number;
	headers: Record<string, unknown>;
	body: string;
}

export interface HttpCall {
	credentialType: string;
	/** The credential, read once per node run: n8n's helper reads it for every request without. */
	credential?: ICredentialsDecrypted;
	method: IHttpRequestMethods;
	/** Full URL, query string already encoded (see `withQuery`). */
	url: string;
	/** Already serialised: it is sent (and signed) exactly as given. */
	body?: string | Buffer;
	headers?: Record<string, string>;
	timeoutMs?: number;
	retry?: RetryPolicy;
	/**
	 * Awaited before every attempt, retries included (a rate limiter). The function it may give is
	 * called once that attempt's answer, or its failure, is in.
	 */
	beforeAttempt?: () => Promise<(() => void) | void>;
	/**
	 * `once`: a write that must not happen twice (a POST that creates). It is sent again only when it
	 * provably did not take effect (WRITE_SAFE_STATUS, WRITE_SAFE_NETWORK_CODES). Default `safe`:
	 * reads and idempotent writes, retried on every retryable failure.
	 */
	repeat?: 'safe' | 'once';
	/**
	 * Aborted when the answer is no longer needed (only a page read ahead has one; nobody awaits it
	 * once dropped): no attempt starts after it, and a backoff wait ends at once, with n8n's
	 * cancellation error. n8n gives the request itself the execution's cancel signal only, so an
	 * attempt under way runs to its end.
	 */
	signal?: AbortSignal;
}

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);

/** Answers given before the request was processed: a write answered so did not happen. */
export const WRITE_SAFE_STATUS = new Set([429, 503]);

/**
 * Failures before a connection was made: nothing was sent, so no write happened. Of these, only a
 * name lookup that failed for now is retried (as for reads); a refused connection or an unknown
 * host is a setup problem, answered at once.
 */
export const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
const WRITE_SAFE_NETWORK_CODES = new Set(['EAI_AGAIN']);
const RETRYABLE_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'EAI_AGAIN',
	'ESOCKETTIMEDOUT',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

/** What went wrong below HTTP: a code and a message, and nothing else (never request headers). */
export interface NetworkFailure {
	code: string;
	message: string;
}

/**
 * The code and text of a failure below HTTP. n8n wraps it in a NodeApiError that keeps the original
 * text in `messages` (its `cause` does not survive), so the code is read from there when needed.
 */
function networkFailureOf(error: unknown): NetworkFailure {
	const texts: string[] = [];
	let code = '';
	const seen = new Set<unknown>();
	let current: unknown = error;
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		const e = current as { code?: unknown; message?: unknown; messages?: unknown; cause?: unknown };
		if (!code && typeof e.code === 'string' && /^E[A-Z_]+$/.test(e.code)) code = e.code;
		if (Array.isArray(e.messages)) texts.push(...e.messages.filter((m) => typeof m === 'string'));
		if (typeof e.message === 'string') texts.push(e.message);
		current = e.cause;
	}
	const all = texts.join(' ');
	if (!code) code = /\b(E[A-Z_]{3,})\b/.exec(all)?.[1] ?? '';
	if (!code && /timeout/i.test(all)) code = 'ETIMEDOUT';
	if (!code && /socket hang up|closed unexpectedly|stream has been aborted/i.test(all)) {
		code = 'ECONNRESET';
	}
	return { code: code || 'EUNKNOWN', message: texts[0] || 'unknown network error' };
}

function retryAfterMs(headers: Record<string, unknown>): number | undefined {
	const value = headers['retry-after'];
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Exponential backoff with full jitter, for an answer that does not say how long to wait. */
function backoffMs(policy: RetryPolicy, retry: number): number {
	return Math.min(policy.maxDelayMs, Math.random() * policy.baseDelayMs * 2 ** retry);
}

export function cancelSignalOf(ctx: ApiContext): AbortSignal | undefined {
	return 'getExecutionCancelSignal' in ctx ? ctx.getExecutionCancelSignal() : undefined;
}

/**
 * An HTTP answer (any status), or the network failure that outlasted the retries. `retried`: the
 * statuses of the answers that were tried again, in order (a write: 429 and 503 only).
 * `waitTooLong`: the answer asked (Retry-After) for a wait that ends past Max Retry Time, so it was
 * not retried: how long it asked for, and the Max Retry Time that would have let it wait, in ms.
 */
export type Outcome =
	| {
			response: RawResponse;
			attempts: number;
			retried: number[];
			waitTooLong?: { askedMs: number; neededMs: number };
	  }
	| { response?: undefined; failure: NetworkFailure; attempts: number; retried: number[] };

/**
 * One HTTP exchange through n8n's `httpRequestWithAuthentication` (proxies, credential handling),
 * retried on 429/502/503/504 and on connection failures with exponential backoff and full jitter,
 * bounded in attempts and in total time. A Retry-After is waited in full when it ends within the
 * total time; one that ends past it is not retried, and the outcome says so (`waitTooLong`). Any other status is returned as is,
 * for the API's transport to map; a network failure that outlasts the retries throws `NetworkError`.
 * The body is returned as text: the transport parses it and says clearly when it is not JSON.
 */
export async function sendRequest(ctx: ApiContext, call: HttpCall): Promise<Outcome> {
	const policy = call.retry ?? DEFAULT_RETRY_POLICY;
	const started = Date.now();
	const cancel = cancelSignalOf(ctx);
	const signal =
		cancel && call.signal ? AbortSignal.any([cancel, call.signal]) : (cancel ?? call.signal);
	const timeout = call.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const retried: number[] = [];
	for (let attempt = 0; ; attempt++) {
		const attemptEnded = await call.beforeAttempt?.();
		// Not needed any more (a page read ahead in vain, dropped while this waited its turn).
		if (call.signal?.aborted) {
			attemptEnded?.();
			return {
				failure: { code: 'ECANCELED', message: 'no longer needed' },
				attempts: attempt,
				retried,
			};
		}
		const options: IHttpRequestOptions = {
			method: call.method,
			url: call.url,
			headers: { Accept: 'application/json', ...call.headers },
			// The body as it comes: read below, a piece of text at a time (see `textOf`).
			encoding: 'stream',
			json: false,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout,
		};
		if (call.body !== undefined) options.body = call.body;
		const canRetry = attempt < policy.maxRetries && !signal?.aborted;
		let response: RawResponse | undefined;
		let failure: NetworkFailure | undefined;
		try {
			const full = (await ctx.helpers.httpRequestWithAuthentication.call(
				ctx,
				call.credentialType,
				options,
				call.credential && { credentialsDecrypted: call.credential },
			)) as {
				statusCode: number;
				headers?: Record<string, unknown>;
				body: unknown;
			};
			// A connection lost while the body comes is a network failure, like one before it.
			const body = await textOf(full.body, timeout);
			if ('error' in body) failure = networkFailureOf(body.error);
			else {
				response = {
					statusCode: full.statusCode,
					headers: { ...(full.headers ?? {}) },
					body: body.text,
				};
			}
		} catch (error) {
			failure = networkFailureOf(error);
		} finally {
			attemptEnded?.();
		}
		const once = call.repeat === 'once';
		const retryable = response
			? (once ? WRITE_SAFE_STATUS : RETRYABLE_STATUS).has(response.statusCode)
			: (once ? WRITE_SAFE_NETWORK_CODES : RETRYABLE_NETWORK_CODES).has(failure!.code);
		if (retryable && canRetry) {
			const asked = response && retryAfterMs(response.headers);
			const wait = asked ?? backoffMs(policy, attempt);
			const elapsed = Date.now() - started;
			if (elapsed + wait <= policy.maxTotalMs) {
				if (response) retried.push(response.statusCode);
				await sleepWithAbort(wait, signal);
				continue;
			}
			// Time was left, but less than the API asked for: waiting less would be refused again.
			if (asked !== undefined && elapsed < policy.maxTotalMs) {
				return {
					response: response!,
					attempts: attempt + 1,
					retried,
					waitTooLong: { askedMs: asked, neededMs: elapsed + asked },
				};
			}
		}
		return response
			? { response, attempts: attempt + 1, retried }
			: { failure: failure!, attempts: attempt + 1, retried };
	}
}

/** An answer that failed after this share of Request Timeout without data had stalled. */
const STALL_SHARE = 0.9;

interface TextStream extends AsyncIterable<unknown> {
	setEncoding(encoding: 'utf8'): unknown;
	destroy(error?: Error): unknown;
	/** Node's answer (IncomingMessage): `timeout` ms without a byte on its connection. */
	setTimeout?(ms: number, onTimeout: () => void): unknown;
}

const isTextStream = (body: unknown): body is TextStream =>
	typeof body === 'object' &&
	body !== null &&
	typeof (body as Partial<TextStream>).setEncoding === 'function' &&
	Symbol.asyncIterator in body;

/**
 * The body as text. A stream (what we ask n8n's helper for) is decoded as it comes, piece by piece,
 * and joined once: each piece of the answer is let go as soon as it is decoded. Asked for as one
 * text, n8n's helper (axios through follow-redirects) keeps every piece until the answer ends and
 * copies them into one buffer before decoding it. On a Return All of 100,000 candidates that took
 * about 80 MB more memory at its peak than the same pages read as a stream (`npm run bench`).
 */
async function textOf(
	body: unknown,
	timeoutMs: number,
): Promise<{ text: string } | { error: unknown }> {
	if (isTextStream(body)) {
		// Asked for a stream, n8n's helper (axios) times out only the wait for the answer to begin;
		// follow-redirects, where n8n puts it in the path, then drops the connection, which reads as
		// a reset. An answer that stops in the middle is timed out here, after the same time without
		// a byte, and says it timed out.
		const stalled = () =>
			Object.assign(new Error(`no data for ${timeoutMs} ms in the middle of the answer`), {
				code: 'ETIMEDOUT',
			});
		body.setTimeout?.(timeoutMs, () => body.destroy(stalled()));
		body.setEncoding('utf8');
		const pieces: string[] = [];
		let lastPieceAt = Date.now();
		try {
			for await (const piece of body) {
				pieces.push(piece as string);
				lastPieceAt = Date.now();
			}
		} catch (error) {
			// A compressed answer comes through axios's decompressor, which has no timeout to arm: there
			// the connection dropped after Request Timeout without data (follow-redirects) is the stall.
			// The decompressor may hand on its last piece a little after the connection's last byte.
			const stall = Date.now() - lastPieceAt >= timeoutMs * STALL_SHARE;
			return { error: stall ? stalled() : error };
		}
		return { text: pieces.join('') };
	}
	if (typeof body === 'string') return { text: body };
	if (body === undefined || body === null) return { text: '' };
	if (Buffer.isBuffer(body)) return { text: body.toString('utf8') };
	return { text: JSON.stringify(body) };
}

export type BodyProblem = 'empty' | 'html' | 'invalid';

/** Parses a JSON body, or says what it was instead. */
export function parseJsonText(
	text: string,
): { ok: true; value: unknown } | { ok: false; problem: BodyProblem } {
	const trimmed = text.trim();
	if (trimmed === '') return { ok: false, problem: 'empty' };
	if (trimmed.startsWith('<')) return { ok: false, problem: 'html' };
	try {
		return { ok: true, value: JSON.parse(trimmed) };
	} catch {
		return { ok: false, problem: 'invalid' };
	}
}

export const BODY_PROBLEM_TEXT: Record<BodyProblem, string> = {
	empty: 'an empty body instead of JSON',
	html: 'an HTML page instead of JSON (a proxy, firewall or login page may be in the way)',
	invalid: 'a body that is not valid JSON (it may have been cut off)',
};

/** Builds the NodeApiError every transport throws: our message, never the request itself. */
export function apiError(
	ctx: ApiContext,
	details: {
		message: string;
		description: string;
		httpCode?: number;
		itemIndex?: number;
		/** The API's id for this request, kept for its support team. */
		correlationId?: string;
	},
): NodeApiError {
	const httpCode = details.httpCode === undefined ? undefined : String(details.httpCode);
	const error = new NodeApiError(
		ctx.getNode(),
		{ message: details.message, ...(httpCode ? { httpCode } : {}) } as JsonObject,
		{
			message: details.message,
			description: details.description,
			httpCode,
			itemIndex: details.itemIndex,
		},
	);
	// NodeApiError rewrites a message that mentions a network code (ECONNREFUSED...) into its own
	// generic text; ours already says what happened and what to do.
	error.message = details.message;
	if (details.correlationId) error.context.correlationId = details.correlationId;
	return error;
}
