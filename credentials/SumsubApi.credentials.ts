import { createHmac } from 'node:crypto';

import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import type { Query } from '../nodes/shared/query';
import { encodeQuery } from '../nodes/shared/query';

export const SUMSUB_DEFAULT_BASE_URL = 'https://api.sumsub.com';

/**
 * Moves everything that decides the bytes on the wire into `url` and `body` as final strings: the
 * base URL joined, `qs` encoded once into the query string, an object body serialised once. What is
 * signed is then exactly what axios sends.
 */
function settleRequest(
	request: IHttpRequestOptions,
	baseUrl: string,
): { url: string; body: string } {
	let url = request.url;
	if (!/^https?:\/\//i.test(url)) {
		const base = (request.baseURL || baseUrl).replace(/\/+$/, '');
		url = `${base}/${url.replace(/^\/+/, '')}`;
	}
	const qs = Object.entries(request.qs ?? {}).filter(
		([, v]) => v !== undefined && v !== null && v !== '',
	);
	if (qs.length) {
		const encoded = encodeQuery(Object.fromEntries(qs) as Query);
		url += (url.includes('?') ? '&' : '?') + encoded;
	}
	let body = '';
	if (typeof request.body === 'string') body = request.body;
	else if (request.body !== undefined && request.body !== null) body = JSON.stringify(request.body);
	return { url, body };
}

/** The path and query of a full URL, exactly as written (no decoding, no re-encoding). */
export function pathWithQuery(url: string): string {
	const rest = url.replace(/^https?:\/\/[^/?#]*/i, '').replace(/#.*$/, '');
	return rest.startsWith('/') ? rest : `/${rest}`;
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
		const { url, body } = settleRequest(requestOptions, baseUrl);
		const method = (requestOptions.method ?? 'GET').toUpperCase();
		const ts = Math.floor(Date.now() / 1000).toString();
		const signature = sumsubSignature(
			String(credentials.secretKey ?? ''),
			ts,
			method,
			pathWithQuery(url),
			body,
		);
		const signed: IHttpRequestOptions = {
			...requestOptions,
			url,
			qs: undefined,
			baseURL: undefined,
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
