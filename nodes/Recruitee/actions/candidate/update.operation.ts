import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import {
	CANDIDATE_FIELD_LABELS,
	candidateBody,
	candidateFieldProperties,
	candidateFieldsSchema,
} from '../../helpers/candidateFields';
import type { CandidateOperationSpec } from '../../helpers/candidateOperation';
import {
	candidateOperationDescription,
	runCandidateOperation,
} from '../../helpers/candidateOperation';
import { candidateById } from '../../helpers/lookups';
import { oneCandidateAtATime, updateCandidate } from '../../helpers/writes';

const spec = {
	operation: 'update',
	onOffer: false,
	properties: [
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: 'Only the fields added here are sent; the others stay as they are',
			options: candidateFieldProperties(true),
		},
	],
	schema: {
		updateFields: candidateFieldsSchema.refine(
			(fields) => Object.keys(candidateBody(fields)).length > 0,
			'is empty: add at least one field to change',
		),
	},
	fallbacks: { updateFields: {} },
	labels: { ...CANDIDATE_FIELD_LABELS, updateFields: 'Update Fields' },
} satisfies CandidateOperationSpec<z.ZodRawShape>;

export const description = candidateOperationDescription(spec, 'The candidate to update');

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await runCandidateOperation(this, itemIndex, spec, async ({ candidateId, p, reads }) => {
		// Lists are added to the candidate's own: read them first, one item of the run at a time.
		await oneCandidateAtATime(this, candidateId, async () => {
			const current = await candidateById(this, candidateId, reads);
			await updateCandidate(this, candidateId, candidateBody(p.updateFields, current), reads);
		});
	});
}
