import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import type { CandidateOperationSpec } from '../../helpers/candidateOperation';
import {
	candidateOperationDescription,
	runCandidateOperation,
} from '../../helpers/candidateOperation';
import { changePlacement, onPlacement, PLACEMENT_ROUTES } from '../../helpers/writes';

const spec = {
	operation: 'requalify',
	onOffer: true,
} satisfies CandidateOperationSpec<z.ZodRawShape>;

export const description = candidateOperationDescription(spec, 'The candidate to requalify');

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await runCandidateOperation(this, itemIndex, spec, async (target) =>
		onPlacement(this, target, (id) =>
			changePlacement(this, PLACEMENT_ROUTES.requalify(id), {}, 'requalify', target.reads),
		),
	);
}
