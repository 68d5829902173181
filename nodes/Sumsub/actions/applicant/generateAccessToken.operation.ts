import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { applicantDescription } from '../../helpers/applicants';
import { identityOf, identityProperties } from '../../helpers/sdk';
import { sdkAccessToken } from '../../transport/applicants';

export const description = applicantDescription('generateAccessToken', identityProperties('token'));

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { request, expiresAt, calls } = identityOf(this, itemIndex, 'token', {
		shape: {},
		fallbacks: {},
		labels: {},
	});
	const answer = await sdkAccessToken(this, request, calls);
	return [
		{
			token: answer.token,
			externalUserId: String(answer.userId ?? request.userId),
			levelName: request.levelName,
			expiresAt,
		},
	];
}
