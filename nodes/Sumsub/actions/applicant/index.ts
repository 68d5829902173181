import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as create from './create.operation';
import * as generateAccessToken from './generateAccessToken.operation';
import * as generateVerificationLink from './generateVerificationLink.operation';
import * as get from './get.operation';
import * as getReviewStatus from './getReviewStatus.operation';
import * as reset from './reset.operation';

export { create, generateAccessToken, generateVerificationLink, get, getReviewStatus, reset };

export const description: INodeProperties[] = [
	operationProperty(
		'applicant',
		[
			{
				name: 'Create',
				value: 'create',
				description:
					'Create a Sumsub applicant for identity verification on a level, with your External User ID, email, phone and known details. An existing applicant with that ID is returned by default. Returns the applicant.',
				action: 'Create an applicant',
			},
			{
				name: 'Generate Access Token',
				value: 'generateAccessToken',
				description:
					'Get a short-lived token for Sumsub’s mobile or web SDK, for an External User ID and level. Returns the token.',
				action: 'Generate an SDK access token',
			},
			{
				name: 'Generate Verification Link',
				value: 'generateVerificationLink',
				description:
					'Get a link the person opens to verify their identity (Sumsub WebSDK), for an External User ID and level. Returns the URL and when it expires.',
				action: 'Generate a verification link',
			},
			{
				name: 'Get',
				value: 'get',
				description:
					'Get one applicant by External User ID or applicant ID. Returns the applicant with every field (details, level, review).',
				action: 'Get an applicant',
			},
			{
				name: 'Get Review Status',
				value: 'getReviewStatus',
				description:
					'Get where an applicant’s verification stands: reviewStatus, and once completed reviewAnswer GREEN (approved) or RED (rejected, with rejectLabels). Flat fields to branch on, and the raw answer.',
				action: 'Get the review status of an applicant',
			},
			{
				name: 'Reset',
				value: 'reset',
				description:
					'Reset an applicant so they verify again (not while a review is pending). Destructive: the current verdict is discarded and the person has to verify again. Returns the new review status.',
				action: 'Reset an applicant',
			},
		],
		'create',
	),
	...create.description,
	...generateAccessToken.description,
	...generateVerificationLink.description,
	...get.description,
	...getReviewStatus.description,
	...reset.description,
];
