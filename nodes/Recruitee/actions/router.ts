import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationTable } from '../../shared/execute';
import { route } from '../../shared/execute';
import * as auditLog from './auditLog';
import * as candidate from './candidate';
import * as note from './note';
import * as offer from './offer';
import * as search from './search';

export const operations: OperationTable = {
	auditLog: { getAll: auditLog.getAll.execute },
	candidate: {
		addTags: candidate.addTags.execute,
		assignToOffer: candidate.assignToOffer.execute,
		attachFile: candidate.attachFile.execute,
		create: candidate.create.execute,
		delete: candidate.deleteCandidate.execute,
		disqualify: candidate.disqualify.execute,
		get: candidate.get.execute,
		getAll: candidate.getAll.execute,
		moveToStage: candidate.moveToStage.execute,
		removeFromOffer: candidate.removeFromOffer.execute,
		removeTags: candidate.removeTags.execute,
		requalify: candidate.requalify.execute,
		update: candidate.update.execute,
	},
	note: { create: note.create.execute, getAll: note.getAll.execute },
	offer: { get: offer.get.execute, getAll: offer.getAll.execute },
	search: { candidates: search.candidates.execute },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route.call(this, operations);
}
