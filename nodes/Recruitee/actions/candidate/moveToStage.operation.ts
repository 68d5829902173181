import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import type { CandidateOperationSpec } from '../../helpers/candidateOperation';
import {
	candidateOperationDescription,
	runCandidateOperation,
} from '../../helpers/candidateOperation';
import { candidateById, stageOf } from '../../helpers/lookups';
import { stageProperty } from '../../helpers/stages';
import { candidateOutput, toStage, withPlacement } from '../../helpers/writes';

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
	return await runCandidateOperation(
		this,
		itemIndex,
		spec,
		async ({ candidateId, offerId, p, reads, simplify }) => {
			const stage = await stageOf(this, offerId, p.stageId, reads);
			const candidate = await candidateById(this, candidateId, reads);
			const after = withPlacement(candidate, await toStage(this, candidate, offerId, stage, reads));
			return after && candidateOutput(after, simplify);
		},
	);
}
