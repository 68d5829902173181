import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import type { CandidateOperationSpec } from '../../helpers/candidateOperation';
import {
	candidateOperationDescription,
	runCandidateOperation,
} from '../../helpers/candidateOperation';
import { candidateById, requirePlacement } from '../../helpers/lookups';
import {
	candidateOutput,
	changePlacement,
	PLACEMENT_ROUTES,
	withPlacement,
} from '../../helpers/writes';

const spec = {
	operation: 'requalify',
	onOffer: true,
	properties: [],
	schema: {},
	fallbacks: {},
	labels: {},
} satisfies CandidateOperationSpec<z.ZodRawShape>;

export const description = candidateOperationDescription(spec, 'The candidate to requalify');

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await runCandidateOperation(
		this,
		itemIndex,
		spec,
		async ({ candidateId, offerId, reads, simplify }) => {
			const candidate = await candidateById(this, candidateId, reads);
			const placement = requirePlacement(this, candidate, offerId, itemIndex);
			const answer = await changePlacement(
				this,
				PLACEMENT_ROUTES.requalify(placement.id),
				{},
				'requalify',
				reads,
			);
			const after = withPlacement(candidate, answer);
			return after && candidateOutput(after, simplify);
		},
	);
}
