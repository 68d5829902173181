import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationTable } from '../../shared/execute';
import { route } from '../../shared/execute';
import * as auditTrailEvent from './auditTrailEvent';

export const operations: OperationTable = {
	auditTrailEvent: { getAll: auditTrailEvent.getAll.execute },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route.call(this, operations);
}
