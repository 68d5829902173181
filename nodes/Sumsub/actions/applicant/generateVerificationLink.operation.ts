import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import {
	applicantDescription,
	applicantParameters,
	levelName,
	optionalEmail,
	optionalPhone,
} from '../../helpers/applicants';
import { identityProperties } from '../../helpers/sdk';
import { websdkLink } from '../../transport/applicants';

export const description = applicantDescription('generateVerificationLink', [
	...identityProperties('link'),
	{
		displayName: 'Redirect URL',
		name: 'redirectUrl',
		type: 'string',
		default: '',
		placeholder: 'https://careers.example.com/thanks',
		description: 'Where the applicant goes once done (empty: Sumsub’s own closing page)',
	},
]);

const parameters = {
	levelName,
	userId: z.string().trim().min(1, 'is empty: give the External User ID'),
	ttlMinutes: z.number().int().min(1).max(525600),
	email: optionalEmail,
	phone: optionalPhone,
	redirectUrl: z.string().trim().url('is not a URL').or(z.literal('')),
};

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { p, calls } = applicantParameters(
		this,
		itemIndex,
		parameters,
		{ levelName: '', userId: '', ttlMinutes: 1440, email: '', phone: '', redirectUrl: '' },
		{
			levelName: 'Level Name',
			userId: 'External User ID',
			ttlMinutes: 'Valid For (Minutes)',
			email: 'Email',
			phone: 'Phone',
			redirectUrl: 'Redirect URL',
		},
	);
	const ttlInSecs = p.ttlMinutes * 60;
	const identifiers = {
		...(p.email ? { email: p.email } : {}),
		...(p.phone ? { phone: p.phone } : {}),
	};
	const { url } = await websdkLink(
		this,
		{
			levelName: p.levelName,
			userId: p.userId,
			ttlInSecs,
			...(Object.keys(identifiers).length ? { applicantIdentifiers: identifiers } : {}),
			...(p.redirectUrl
				? { redirect: { successUrl: p.redirectUrl, rejectUrl: p.redirectUrl } }
				: {}),
		},
		calls,
	);
	return [
		{
			url,
			externalUserId: p.userId,
			levelName: p.levelName,
			expiresAt: new Date(Date.now() + ttlInSecs * 1000).toISOString(),
		},
	];
}
