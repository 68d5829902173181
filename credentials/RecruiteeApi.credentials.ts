import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
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

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiToken}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ ($credentials.baseUrl || "https://api.recruitee.com").replace(/\\/+$/, "") }}/c/{{ encodeURIComponent(String($credentials.companyId).trim()) }}',
			url: '/candidates',
			qs: { limit: 1, offset: 0 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Recruitee rejected the API Token (HTTP 401). Copy it again from Settings → Apps and plugins → Personal API tokens.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 422,
					message:
						'Recruitee accepted the token but not the Company ID (HTTP 422). Use the ID shown in Settings → Apps and plugins → Personal API tokens → Current company details.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						"Recruitee refused access to this company (HTTP 403). Check the Company ID, and that the token's user belongs to that company.",
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'Nothing answers at this Base URL and Company ID (HTTP 404). Check the Company ID, and leave Base URL at https://api.recruitee.com unless you use a proxy.',
				},
			},
		],
	};
}
