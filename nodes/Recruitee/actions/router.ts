import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ItemOperation } from '../../shared/execute';
import { runPerItem } from '../../shared/execute';
import * as auditLog from './auditLog';
import * as candidate from './candidate';
import * as offer from './offer';
import * as search from './search';

const operations: Record<string, Record<string, ItemOperation>> = {
	auditLog: { getAll: auditLog.getAll.execute },
	candidate: { get: candidate.get.execute, getAll: candidate.getAll.execute },
	offer: { get: offer.get.execute, getAll: offer.getAll.execute },
	search: { candidates: search.candidates.execute },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const execute = operations[resource]?.[operation];
	if (!execute) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of resource "${resource}" is not supported by this node version`,
		);
	}
	return await runPerItem.call(this, execute);
}
