import { createHmac } from 'node:crypto';

import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { strictEncode } from '../nodes/shared/query';

export const SUMSUB_DEFAULT_BASE_URL = 'https://api.sumsub.com';

/** How an array in `qs` is written: `repeat` (the default) gives ids=a&ids=b. */
type ArrayFormat = 'repeat' | 'brackets' | 'indices' | 'comma';

/** A request as n8n's helpers may hand it to `authenticate`: the legacy helper's fields too. */
type IncomingRequest = IHttpRequestOptions & {
	/** The legacy `request` helper's name for the URL (the HTTP Request node uses it). */
	uri?: string | URL;
	qsStringifyOptions?: { arrayFormat?: ArrayFormat };
	useQuerystring?: boolean;
};

function arrayFormatOf(request: IncomingRequest): ArrayFormat {
	const asked = request.arrayFormat ?? request.qsStringifyOptions?.arrayFormat;
	return asked === 'brackets' || asked === 'indices' || asked === 'comma' ? asked : 'repeat';
}

const notFlat = (key: string, what: string) =>
	new Error(
		`Query parameter "${key}" is ${what}: a Sumsub request's query string is signed as text, so only text, numbers, booleans and lists of them can be sent. Send it as text (JSON, for example) or as separate parameters.`,
	);

/**
 * `qs` as a query string, once, strictly encoded (see `strictEncode`): undefined, null and empty
 * values skipped, an array as repeated keys (or as `arrayFormat` asks), a nested object refused.
 */
function encodeQs(qs: object, format: ArrayFormat): string {
	const parts: string[] = [];
	const pair = (key: string, value: string) =>
		parts.push(`${strictEncode(key)}=${strictEncode(value)}`);
	for (const [key, value] of Object.entries(qs) as Array<[string, unknown]>) {
		if (value === undefined || value === null || value === '') continue;
		if (Array.isArray(value)) {
			const items = value.filter((item) => item !== undefined && item !== null);
			if (items.some((item) => typeof item === 'object')) throw notFlat(key, 'a list of objects');
			const texts = items.map(String);
			if (format === 'comma') {
				if (texts.length) pair(key, texts.join(','));
			} else {
				texts.forEach((text, i) =>
					pair(
						format === 'brackets' ? `${key}[]` : format === 'indices' ? `${key}[${i}]` : key,
						text,
					),
				);
			}
			continue;
		}
		if (typeof value === 'object') throw notFlat(key, 'an object');
		pair(key, String(value));
	}
	return parts.join('&');
}

/**
 * The URL as it goes on the wire. n8n's request helper (axios) parses the URL it is given (WHATWG
 * URL) and sends that parse's path and query: a space or an apostrophe in the query, a letter
 * outside ASCII anywhere, is percent-encoded on the way. Normalised here the same way, the URL we
 * sign is the one sent, byte for byte; one already encoded (the Sumsub node's own) is left as is.
 */
function onTheWire(url: string): URL {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		throw new Error(
			`"${url}" is not a valid URL. Check Base URL in the "Sumsub API" credential, and the URL of the request.`,
		);
	}
	parsed.hash = '';
	return parsed;
}

/**
 * Moves everything that decides the bytes on the wire into `url` and `body` as final strings: the
 * base URL joined, `qs` encoded once into the query string, the URL normalised as it will be sent,
 * an object body serialised once. What is signed is then exactly what axios sends.
 */
function settleRequest(request: IncomingRequest, baseUrl: string): { url: URL; body: string } {
	let url = String(request.url ?? request.uri ?? '');
	if (!/^https?:\/\//i.test(url)) {
		const base = (request.baseURL || baseUrl).replace(/\/+$/, '');
		url = `${base}/${url.replace(/^\/+/, '')}`;
	}
	const encoded = encodeQs(request.qs ?? {}, arrayFormatOf(request));
	if (encoded) {
		const hash = url.indexOf('#');
		if (hash !== -1) url = url.slice(0, hash);
		url += (url.includes('?') ? '&' : '?') + encoded;
	}
	let body = '';
	if (typeof request.body === 'string') body = request.body;
	else if (request.body !== undefined && request.body !== null) body = JSON.stringify(request.body);
	return { url: onTheWire(url), body };
}

/** The path and query of a URL as they go on the wire (what axios sends after the host). */
export function pathWithQuery(url: URL): string {
	return url.pathname + url.search;
}

/** Sumsub's request signature: lowercase hex HMAC-SHA256(secret, ts + METHOD + path?query + body). */
export function sumsubSignature(
	secretKey: string,
	ts: string,
	method: string,
	path: string,
	body: string,
): string {
	return createHmac('sha256', secretKey)
		.update(ts + method.toUpperCase() + path + body)
		.digest('hex');
}

/**
 * Sumsub app token and secret key. Every request is signed in `authenticate` (no library): the
 * X-App-Token, X-App-Access-Ts (whole seconds) and X-App-Access-Sig headers, over the exact bytes sent.
 */
export class SumsubApi implements ICredentialType {
	name = 'sumsubApi';

	displayName = 'Sumsub API';

	icon: Icon = { light: 'file:../icons/sumsub.svg', dark: 'file:../icons/sumsub.dark.svg' };

	documentationUrl = 'https://docs.sumsub.com/reference/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'App Token',
			name: 'appToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'sbx:...',
			description:
				'Created in the Sumsub dashboard: Dev space → App tokens. Sandbox tokens start with sbx:, production ones with prd:.',
		},
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'Shown once, when the app token is created. It signs every request and is never sent.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: SUMSUB_DEFAULT_BASE_URL,
			description:
				'Change only to reach Sumsub through a proxy or a test server. Sandbox and production share https://api.sumsub.com.',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const baseUrl = String(credentials.baseUrl || SUMSUB_DEFAULT_BASE_URL);
		const incoming = requestOptions as IncomingRequest;
		const { url, body } = settleRequest(incoming, baseUrl);
		const method = (requestOptions.method ?? 'GET').toUpperCase();
		const ts = Math.floor(Date.now() / 1000).toString();
		const signature = sumsubSignature(
			// A key pasted with a space or line break around it: Sumsub's keys have none.
			String(credentials.secretKey ?? '').trim(),
			ts,
			method,
			pathWithQuery(url),
			body,
		);
		const signed: IncomingRequest = {
			...incoming,
			url: url.href,
			// Already in the URL: nothing may add to it, or encode it differently, on the way.
			uri: undefined,
			qs: undefined,
			baseURL: undefined,
			arrayFormat: undefined,
			qsStringifyOptions: undefined,
			useQuerystring: undefined,
			headers: {
				...requestOptions.headers,
				'X-App-Token': String(credentials.appToken ?? '').trim(),
				'X-App-Access-Ts': ts,
				'X-App-Access-Sig': signature,
			},
		};
		if (body !== '') {
			signed.body = body;
			signed.headers!['Content-Type'] ??= 'application/json';
		}
		return signed;
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{ ($credentials.baseUrl || "${SUMSUB_DEFAULT_BASE_URL}").replace(/\\/+$/, "") }}`,
			url: '/resources/status/api',
			// Sumsub says what is wrong in the body of its 401s: read it instead of failing on the status.
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'errorCode',
					value: 4000,
					message:
						'Sumsub could not read the App Token (4000 app-token-invalid-format). Copy the whole token again; it starts with sbx: or prd:.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'errorCode',
					value: 4001,
					message:
						'Sumsub does not know this App Token (4001 app-token-not-found). Check App Token: it may be revoked, or from another account.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'errorCode',
					value: 4002,
					message:
						'App Token and Secret Key do not belong together (4002). Use the secret key shown when this token was created.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'errorCode',
					value: 4003,
					message:
						'Sumsub rejected the request signature (4003 app-token-signature-mismatch): the Secret Key is wrong. Paste the secret key of this app token again.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'errorCode',
					value: 4004,
					message:
						"Sumsub refused the request time (4004 app-token-request-expired): this n8n server's clock is off by more than a minute. Synchronise its clock (NTP) and test again.",
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: 401,
					message: 'Sumsub refused the credentials (HTTP 401). Check App Token and Secret Key.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: 403,
					message:
						'Sumsub refused access for this App Token (HTTP 403). Check its permissions in the dashboard.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: 404,
					message:
						'Nothing answers at this Base URL (HTTP 404). Leave Base URL at https://api.sumsub.com unless you use a proxy.',
				},
			},
		],
	};
}
