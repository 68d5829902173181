import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationTable } from '../../shared/execute';
import { route } from '../../shared/execute';
import * as auditLog from './auditLog';
import * as candidate from './candidate';
import * as offer from './offer';
import * as search from './search';

export const operations: OperationTable = {
	auditLog: { getAll: auditLog.getAll.execute },
	candidate: { get: candidate.get.execute, getAll: candidate.getAll.execute },
	offer: { get: offer.get.execute, getAll: offer.getAll.execute },
	search: { candidates: search.candidates.execute },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route.call(this, operations);
}
