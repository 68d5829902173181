import type {
	ICredentialDataDecryptedObject,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

/**
 * Recruitee personal API token. Every request carries `Authorization: Bearer <token>`; the company
 * id is part of each request path (`{baseUrl}/c/{companyId}/...`), built by the node's transport.
 */
export class RecruiteeApi implements ICredentialType {
	name = 'recruiteeApi';

	displayName = 'Recruitee API';

	icon: Icon = {
		light: 'file:../icons/recruitee.svg',
		dark: 'file:../icons/recruitee.dark.svg',
	};

	documentationUrl = 'https://docs.recruitee.com/reference/intro-to-careers-site-api';

	properties: INodeProperties[] = [
		{
			displayName: 'Company ID',
			name: 'companyId',
			type: 'string',
			required: true,
			default: '',
			placeholder: '90598',
			description:
				'Numeric company ID (or the company subdomain). In Recruitee: Settings → Apps and plugins → Personal API tokens → Current company details.',
		},
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'Personal API token, created in Settings → Apps and plugins → Personal API tokens. It carries the full rights of the user who created it.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.recruitee.com',
			description:
				'Change only to reach Recruitee through a proxy or a test server. Without a trailing /c/... part.',
		},
	];

	/**
	 * `Authorization: Bearer <token>`, set by a function rather than a generic `={{ }}` header: n8n
	 * resolves a generic credential's expressions on every request (about 0.15 ms each, on a Return
	 * All of hundreds of pages), a function is just called.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			headers: {
				...requestOptions.headers,
				// A token pasted with a space or line break around it: tokens have none.
				Authorization: `Bearer ${String(credentials.apiToken ?? '').trim()}`,
			},
		};
	}

	/**
	 * n8n's credential tester reports only its own generic text for a failing status (its status
	 * rules never see the response in n8n 1.x and 2.x), so the test reads the body instead: the
	 * request does not fail on 4xx/5xx, and rules turn known bodies into a message naming the field.
	 * The last rule fails anything that is not a candidate list, so nothing else passes as success.
	 */
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ ($credentials.baseUrl || "https://api.recruitee.com").replace(/\\/+$/, "") }}/c/{{ encodeURIComponent(String($credentials.companyId).trim()) }}',
			url: '/candidates',
			qs: { limit: 1, offset: 0 },
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error',
					value: 'Company id is invalid',
					message:
						'Recruitee accepted the token but not the Company ID. Use the ID shown in Settings → Apps and plugins → Personal API tokens → Current company details.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error',
					value: 'Unauthorized',
					message:
						'Recruitee rejected the API Token. Copy it again from Settings → Apps and plugins → Personal API tokens; it may have been revoked.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'candidates',
					value: undefined,
					message:
						'Recruitee did not return candidates for these credentials. Check, in this order: API Token (Settings → Apps and plugins → Personal API tokens), Company ID (same page, Current company details), and Base URL (https://api.recruitee.com unless you use a proxy).',
				},
			},
		],
	};
}
