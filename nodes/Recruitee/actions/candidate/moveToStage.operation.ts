import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import type { CandidateOperationSpec } from '../../helpers/candidateOperation';
import {
	candidateOperationDescription,
	runCandidateOperation,
} from '../../helpers/candidateOperation';
import { stageOf } from '../../helpers/lookups';
import { stageProperty } from '../../helpers/stages';
import { changeStage, onPlacement } from '../../helpers/writes';

const spec = {
	operation: 'moveToStage',
	onOffer: true,
	properties: [stageProperty(true)],
	schema: { stageId: z.union([z.string(), z.number()]).transform(String) },
	fallbacks: { stageId: '' },
	labels: { stageId: 'Stage' },
} satisfies CandidateOperationSpec<z.ZodRawShape>;

export const description = candidateOperationDescription(spec, 'The candidate to move');

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await runCandidateOperation(this, itemIndex, spec, async (target) => {
		const stage = await stageOf(this, target.offerId, target.p.stageId, target.reads);
		return await onPlacement(this, target, (id) => changeStage(this, id, stage, target.reads));
	});
}
