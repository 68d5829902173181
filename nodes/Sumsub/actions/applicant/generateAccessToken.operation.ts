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
import { sdkAccessToken } from '../../transport/applicants';

export const description = applicantDescription('generateAccessToken', identityProperties('token'));

const parameters = {
	levelName,
	userId: z.string().trim().min(1, 'is empty: give the External User ID'),
	ttlMinutes: z.number().int().min(1).max(525600),
	email: optionalEmail,
	phone: optionalPhone,
};

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { p, calls } = applicantParameters(
		this,
		itemIndex,
		parameters,
		{ levelName: '', userId: '', ttlMinutes: 60, email: '', phone: '' },
		{
			levelName: 'Level Name',
			userId: 'External User ID',
			ttlMinutes: 'Valid For (Minutes)',
			email: 'Email',
			phone: 'Phone',
		},
	);
	const ttlInSecs = p.ttlMinutes * 60;
	const identifiers = {
		...(p.email ? { email: p.email } : {}),
		...(p.phone ? { phone: p.phone } : {}),
	};
	const answer = await sdkAccessToken(
		this,
		{
			levelName: p.levelName,
			userId: p.userId,
			ttlInSecs,
			...(Object.keys(identifiers).length ? { applicantIdentifiers: identifiers } : {}),
		},
		calls,
	);
	return [
		{
			token: answer.token,
			externalUserId: String(answer.userId ?? p.userId),
			levelName: p.levelName,
			expiresAt: new Date(Date.now() + ttlInSecs * 1000).toISOString(),
		},
	];
}
