import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import type { CandidateOperationSpec } from '../../helpers/candidateOperation';
import {
	candidateOperationDescription,
	runCandidateOperation,
} from '../../helpers/candidateOperation';
import { disqualifyReasonOf } from '../../helpers/lookups';
import { changePlacement, onPlacement, PLACEMENT_ROUTES } from '../../helpers/writes';

const spec = {
	operation: 'disqualify',
	onOffer: true,
	properties: [
		{
			displayName: 'Reason Name or ID',
			name: 'reasonId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getDisqualifyReasons' },
			required: true,
			default: '',
			description:
				'Why the candidate is disqualified; an expression may give the reason’s name instead. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
	],
	schema: { reasonId: z.union([z.string(), z.number()]).transform(String) },
	fallbacks: { reasonId: '' },
	labels: { reasonId: 'Reason' },
} satisfies CandidateOperationSpec<z.ZodRawShape>;

export const description = candidateOperationDescription(spec, 'The candidate to disqualify');

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await runCandidateOperation(this, itemIndex, spec, async (target) => {
		const reason = await disqualifyReasonOf(this, target.p.reasonId, target.reads);
		return await onPlacement(this, target, (id) =>
			changePlacement(
				this,
				PLACEMENT_ROUTES.disqualify(id),
				{ disqualify_reason_id: reason.id },
				'disqualify',
				target.reads,
			),
		);
	});
}
