import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { itemSuffix } from '../../../shared/validation';
import type { CandidateOperationSpec } from '../../helpers/candidateOperation';
import {
	candidateOperationDescription,
	runCandidateOperation,
} from '../../helpers/candidateOperation';
import { candidateById, placementOn, stageOf } from '../../helpers/lookups';
import { stageProperty } from '../../helpers/stages';
import { oneCandidateAtATime, placeOnOffer } from '../../helpers/writes';

const spec = {
	operation: 'assignToOffer',
	onOffer: true,
	properties: [
		stageProperty(false),
		{
			displayName: 'If Already on the Offer',
			name: 'ifAssigned',
			type: 'options',
			default: 'keep',
			description: 'What to do when the candidate is already on this offer',
			options: [
				{
					name: 'Keep as Is',
					value: 'keep',
					description: 'Change nothing and output the candidate',
				},
				{ name: 'Fail', value: 'fail', description: 'Stop with an error saying so' },
			],
		},
	],
	schema: {
		stageId: z.union([z.string(), z.number()]).transform(String),
		ifAssigned: z.enum(['keep', 'fail']),
	},
	fallbacks: { stageId: '', ifAssigned: 'keep' },
	labels: { stageId: 'Stage', ifAssigned: 'If Already on the Offer' },
} satisfies CandidateOperationSpec<z.ZodRawShape>;

export const description = candidateOperationDescription(spec, 'The candidate to put on the offer');

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await runCandidateOperation(
		this,
		itemIndex,
		spec,
		async ({ candidateId, offerId, p, reads }) => {
			const stage =
				p.stageId.trim() === '' ? undefined : await stageOf(this, offerId, p.stageId, reads);
			// One item of the run at a time on a candidate: two items putting it on the same offer would
			// both find it not there, and the second would fail on Recruitee's "already taken".
			await oneCandidateAtATime(this, candidateId, async () => {
				const candidate = await candidateById(this, candidateId, reads);
				if (placementOn(candidate, offerId)) {
					if (p.ifAssigned === 'keep') return;
					throw new NodeOperationError(
						this.getNode(),
						`Candidate ${candidateId} is already on offer ${offerId}${itemSuffix(itemIndex)}`,
						{
							itemIndex,
							description:
								'Nothing was changed. To move the candidate, use Candidate → Move to Stage.',
						},
					);
				}
				await placeOnOffer(this, candidateId, offerId, stage, reads);
			});
		},
	);
}
