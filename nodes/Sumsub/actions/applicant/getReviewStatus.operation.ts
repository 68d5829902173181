import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	applicantDescription,
	applicantIdOf,
	applicantLocator,
	applicantParameters,
	applicantRefOf,
	flattenReview,
} from '../../helpers/applicants';
import { reviewStatusOf } from '../../transport/applicants';

export const description = applicantDescription('getReviewStatus', [applicantLocator]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { calls } = applicantParameters(this, itemIndex, {}, {}, {});
	const ref = applicantRefOf(this, this.getNodeParameter('applicant', itemIndex), itemIndex);
	const { id, applicant } = await applicantIdOf(this, ref, calls);
	const review = flattenReview(id, await reviewStatusOf(this, id, calls));
	const externalUserId = 'externalUserId' in ref ? ref.externalUserId : undefined;
	return [{ ...review, externalUserId: applicant?.externalUserId ?? externalUserId ?? null }];
}
