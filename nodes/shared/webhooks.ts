import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	INodeCredentialTestResult,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

/**
 * What both webhook triggers share: the signature check over the raw body, the memory of
 * deliveries already started (vendors resend), and the answers that start nothing.
 */

export type HmacAlgorithm = 'sha1' | 'sha256' | 'sha512';

/**
 * Whether `given` (hex, any case) is the HMAC of `rawBody` under `secret`: computed over the bytes
 * as received, compared in constant time. A missing or malformed signature is simply not equal. A
 * blank secret matches nothing: anyone can compute an HMAC under it.
 */
export function hmacMatches(
	rawBody: Buffer,
	secret: string,
	algorithm: HmacAlgorithm,
	given: string | undefined,
): boolean {
	if (secret.trim() === '') return false;
	const hex = given?.trim() ?? '';
	if (!/^[0-9a-fA-F]+$/.test(hex)) return false;
	const expected = createHmac(algorithm, secret).update(rawBody).digest();
	// Whole hex digits only: Buffer.from drops a last odd digit instead of refusing it.
	if (hex.length !== expected.length * 2) return false;
	return timingSafeEqual(Buffer.from(hex, 'hex'), expected);
}

/** The raw bytes of the request body, as n8n received them (never a re-serialisation). */
export function rawBodyOf(ctx: IWebhookFunctions): Buffer {
	const req = ctx.getRequestObject() as unknown as { rawBody?: Buffer | string };
	const raw = req.rawBody;
	if (Buffer.isBuffer(raw)) return raw;
	if (typeof raw === 'string') return Buffer.from(raw, 'utf8');
	return Buffer.alloc(0);
}

/** A header's value (n8n's request lower-cases header names; a repeated header gives its first). */
export function headerOf(ctx: IWebhookFunctions, name: string): string | undefined {
	const value = ctx.getHeaderData()[name.toLowerCase()] as unknown;
	if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : undefined;
	return typeof value === 'string' ? value : undefined;
}

/** Answers the request here and starts no execution. The body says what happened, never a secret. */
export function refuse(
	ctx: IWebhookFunctions,
	status: number,
	message: string,
): IWebhookResponseData {
	ctx.getResponseObject().status(status).json({ error: message });
	return { noWebhookResponse: true };
}

/** Answers 200 and starts no execution (a test ping, a resend, an event not chosen). */
export function acknowledgeOnly(ctx: IWebhookFunctions, note: string): IWebhookResponseData {
	ctx.getResponseObject().status(200).json({ received: true, started: false, note });
	return { noWebhookResponse: true };
}

/**
 * Starts the workflow with `items`, answering the delivery first and at once (vendors time out and
 * resend) with a JSON body like the other answers: left to n8n 2.8, a trigger's answer would be
 * the text "firstEntryJson".
 */
export function start(ctx: IWebhookFunctions, items: IDataObject[]): IWebhookResponseData {
	ctx.getResponseObject().status(200).json({ received: true, started: true });
	return { noWebhookResponse: true, workflowData: [ctx.helpers.returnJsonArray(items)] };
}

/** The body parsed as a JSON object, or undefined when it is not one. */
export function jsonObjectOf(rawBody: Buffer): Record<string, unknown> | undefined {
	try {
		const value: unknown = JSON.parse(rawBody.toString('utf8'));
		return value && typeof value === 'object' && !Array.isArray(value)
			? (value as Record<string, unknown>)
			: undefined;
	} catch {
		return undefined;
	}
}

/** A digest of the raw body: the identity of a delivery that carries no id of its own. */
export const bodyDigest = (rawBody: Buffer): string =>
	createHash('sha256').update(rawBody).digest('hex');

/**
 * Deliveries already started, per trigger node, for `ttlMs` (the vendors' resend windows), at most
 * `max` of them (the oldest forgotten first). Kept in this n8n process's memory: one instance, or
 * the process that receives webhooks in queue mode; a restart forgets them.
 */
export class DeliveryLog {
	private readonly seen = new Map<string, number>();

	constructor(
		private readonly ttlMs: number,
		private readonly max: number,
	) {}

	/** True the first time `key` is offered within the window (and remembers it); false after. */
	firstTime(key: string, now = Date.now()): boolean {
		// Oldest first (one window for all): forget what has expired.
		for (const [k, expires] of this.seen) {
			if (expires > now) break;
			this.seen.delete(k);
		}
		const expires = this.seen.get(key);
		if (expires !== undefined && expires > now) return false;
		this.seen.delete(key);
		for (const oldest of this.seen.keys()) {
			if (this.seen.size < this.max) break;
			this.seen.delete(oldest);
		}
		this.seen.set(key, now + this.ttlMs);
		return true;
	}
}

const logs = new Map<string, DeliveryLog>();

/** The delivery log of one trigger node of one workflow. */
export function deliveryLogOf(ctx: IWebhookFunctions, ttlMs: number, max = 100_000): DeliveryLog {
	const key = `${ctx.getWorkflow().id ?? ''}:${ctx.getNode().id}`;
	let log = logs.get(key);
	if (!log) logs.set(key, (log = new DeliveryLog(ttlMs, max)));
	return log;
}

/**
 * The lifecycle of a webhook a person registers in the vendor's product (no API creates one): n8n
 * has nothing to check, create or delete there, and listens on the URL once the workflow is active.
 */
export const registeredByAPerson = {
	default: {
		async checkExists(): Promise<boolean> {
			return true;
		},
		async create(): Promise<boolean> {
			return true;
		},
		async delete(): Promise<boolean> {
			return true;
		},
	},
};

/**
 * A credential test for a webhook secret. Nothing can be called with it (only a delivery the vendor
 * signs proves it), so this checks what can be checked here, and says so.
 */
export function secretIsSet(
	field: string,
	messages: { empty: string; ok: string },
): (
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
) => Promise<INodeCredentialTestResult> {
	return async function (this: ICredentialTestFunctions, credential: ICredentialsDecrypted) {
		const secret = credential.data?.[field];
		if (typeof secret !== 'string' || secret.trim() === '') {
			return { status: 'Error', message: messages.empty };
		}
		if (secret !== secret.trim()) {
			return {
				status: 'Error',
				message: 'The secret begins or ends with a space: copy it again without it.',
			};
		}
		return { status: 'OK', message: messages.ok };
	};
}
