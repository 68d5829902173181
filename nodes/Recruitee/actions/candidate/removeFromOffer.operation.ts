import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import type { CandidateOperationSpec } from '../../helpers/candidateOperation';
import {
	candidateOperationDescription,
	runCandidateOperation,
} from '../../helpers/candidateOperation';
import { candidateById, requirePlacement } from '../../helpers/lookups';
import { deletePlacement, oneCandidateAtATime } from '../../helpers/writes';

const spec = {
	operation: 'removeFromOffer',
	onOffer: true,
} satisfies CandidateOperationSpec<z.ZodRawShape>;

export const description = candidateOperationDescription(
	spec,
	'The candidate to take off the offer (the candidate stays in Recruitee)',
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await runCandidateOperation(
		this,
		itemIndex,
		spec,
		async ({ candidateId, offerId, reads }) => {
			await oneCandidateAtATime(this, candidateId, async () => {
				const candidate = await candidateById(this, candidateId, reads);
				await deletePlacement(
					this,
					requirePlacement(this, candidate, offerId, itemIndex).id,
					reads,
				);
			});
		},
	);
}
