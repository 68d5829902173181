import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { applicantDescription } from '../../helpers/applicants';
import { identityOf, identityProperties } from '../../helpers/sdk';
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

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { p, request, expiresAt, calls } = identityOf(this, itemIndex, 'link', {
		shape: { redirectUrl: z.string().trim().url('is not a URL').or(z.literal('')) },
		fallbacks: { redirectUrl: '' },
		labels: { redirectUrl: 'Redirect URL' },
	});
	const redirect = p.redirectUrl
		? { redirect: { successUrl: p.redirectUrl, rejectUrl: p.redirectUrl } }
		: {};
	const { url } = await websdkLink(this, { ...request, ...redirect }, calls);
	return [{ url, externalUserId: request.userId, levelName: request.levelName, expiresAt }];
}
