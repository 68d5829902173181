import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { returnAllAndLimit } from '../../../shared/descriptions';
import { returnAllLimit, wantedCount } from '../../../shared/validation';
import type { CandidateOperationSpec } from '../../helpers/candidateOperation';
import {
	candidateOperationDescription,
	runCandidateOperation,
} from '../../helpers/candidateOperation';
import { notesOf } from '../../helpers/notes';

const spec = {
	resource: 'note',
	operation: 'getAll',
	onOffer: false,
	outputsCandidate: false,
	properties: returnAllAndLimit(),
	schema: returnAllLimit,
	fallbacks: { returnAll: false, limit: 50 },
	labels: { returnAll: 'Return All', limit: 'Limit' },
} satisfies CandidateOperationSpec<z.ZodRawShape>;

export const description = candidateOperationDescription(spec, 'The candidate whose notes to get');

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await runCandidateOperation(this, itemIndex, spec, async ({ candidateId, p, reads }) => {
		const notes = await notesOf(this, candidateId, reads);
		return notes.slice(0, wantedCount(p) ?? notes.length);
	});
}
