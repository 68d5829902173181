import type { INodeProperties } from 'n8n-workflow';

import { levelProperty } from './applicants';

const LINK_TTL: INodeProperties = {
	displayName: 'Valid For (Minutes)',
	name: 'ttlMinutes',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 525600 },
	default: 1440,
	description: 'How long the link works (default: a day)',
};

const TOKEN_TTL: INodeProperties = {
	displayName: 'Valid For (Minutes)',
	name: 'ttlMinutes',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 525600 },
	default: 60,
	description: 'How long the token works (default: an hour)',
};

/** Who a verification link or SDK token is for: level, External User ID, how long, identifiers. */
export function identityProperties(kind: 'link' | 'token'): INodeProperties[] {
	return [
		levelProperty,
		{
			displayName: 'External User ID',
			name: 'userId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'recruitee-47628534',
			description:
				'Your own unique ID for the person: the applicant is created with it on first use, or found by it',
		},
		kind === 'link' ? LINK_TTL : TOKEN_TTL,
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			default: '',
			placeholder: 'ann@example.com',
			description: 'The applicant’s email, given to Sumsub with the request',
		},
		{
			displayName: 'Phone',
			name: 'phone',
			type: 'string',
			default: '',
			placeholder: '+49 30 1234567',
			description: 'The applicant’s phone, given to Sumsub with the request',
		},
	];
}
