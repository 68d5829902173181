import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { httpCodeOf, settled } from '../../../shared/api';
import type { CandidateOperationSpec } from '../../helpers/candidateOperation';
import {
	candidateOperationDescription,
	runCandidateOperation,
} from '../../helpers/candidateOperation';
import { candidateById } from '../../helpers/lookups';
import { candidateOutput, anyAnswer } from '../../helpers/writes';
import { recruiteeSend } from '../../transport';

const spec = {
	operation: 'delete',
	onOffer: false,
} satisfies CandidateOperationSpec<z.ZodRawShape>;

export const description = candidateOperationDescription(
	spec,
	'The candidate to delete for good, with their placements, notes and files. This cannot be undone.',
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await runCandidateOperation(
		this,
		itemIndex,
		spec,
		async ({ candidateId, reads, simplify }) => {
			// Read first: the output says what was deleted, and a 404 on a repeated DELETE (the first one
			// went through before its answer was lost) is then known to mean "deleted".
			const candidate = await candidateById(this, candidateId, reads);
			const outcome = await settled(
				recruiteeSend(this, {
					method: 'DELETE',
					path: `/candidates/${candidateId}`,
					schema: anyAnswer,
					itemIndex: reads.itemIndex,
					http: reads.http,
				}),
			);
			if ('error' in outcome && httpCodeOf(outcome.error) !== '404') {
				throw outcome.error;
			}
			return { deleted: true, id: candidateId, candidate: candidateOutput(candidate, simplify) };
		},
	);
}
