import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { itemSuffix } from '../../../shared/validation';
import {
	applicantDescription,
	applicantIdOf,
	applicantLocator,
	applicantParameters,
	applicantRefOf,
	flattenReview,
} from '../../helpers/applicants';
import { resetApplicant, reviewStatusOf } from '../../transport/applicants';

export const description = applicantDescription('reset', [applicantLocator]);

/** Review states in which Sumsub refuses a reset (the review is under way). */
const BUSY = new Set(['pending', 'queued', 'prechecked']);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { calls } = applicantParameters(this, itemIndex, {}, {}, {});
	const ref = applicantRefOf(this, this.getNodeParameter('applicant', itemIndex), itemIndex);
	const { id } = await applicantIdOf(this, ref, calls);
	const before = await reviewStatusOf(this, id, calls);
	if (BUSY.has(String(before.reviewStatus))) {
		throw new NodeOperationError(
			this.getNode(),
			`Sumsub cannot reset applicant ${id} while its review is ${String(before.reviewStatus)}${itemSuffix(itemIndex)}`,
			{
				itemIndex,
				description:
					'A pending, queued or prechecked applicant is being reviewed: wait until the review is completed (or on hold), then reset.',
			},
		);
	}
	await resetApplicant(this, id, calls);
	return [{ reset: true, ...flattenReview(id, await reviewStatusOf(this, id, calls)) }];
}
