import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	applicantDescription,
	applicantLocator,
	applicantParameters,
	applicantRefOf,
} from '../../helpers/applicants';
import { getApplicant } from '../../transport/applicants';

export const description = applicantDescription('get', [applicantLocator]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { calls } = applicantParameters(this, itemIndex, {}, {}, {});
	const ref = applicantRefOf(this, this.getNodeParameter('applicant', itemIndex), itemIndex);
	return [await getApplicant(this, ref, calls)];
}
