import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationTable } from '../../shared/execute';
import { route } from '../../shared/execute';
import * as applicant from './applicant';
import * as auditTrailEvent from './auditTrailEvent';

export const operations: OperationTable = {
	applicant: {
		create: applicant.create.execute,
		generateAccessToken: applicant.generateAccessToken.execute,
		generateVerificationLink: applicant.generateVerificationLink.execute,
		get: applicant.get.execute,
		getReviewStatus: applicant.getReviewStatus.execute,
		reset: applicant.reset.execute,
	},
	auditTrailEvent: { getAll: auditTrailEvent.getAll.execute },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route.call(this, operations);
}
