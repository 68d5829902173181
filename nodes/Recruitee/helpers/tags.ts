import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { z } from 'zod';

import { stringList, itemSuffix } from '../../shared/validation';
import type { CandidateOperationSpec } from './candidateOperation';
import { candidateOperationDescription, runCandidateOperation } from './candidateOperation';
import { union } from './candidateFields';
import { candidateById } from './lookups';
import { oneCandidateAtATime, tagsOf, updateCandidate } from './writes';

/**
 * Add Tags and Remove Tags. Recruitee sets tags through the candidate's `tags` list; whether a PATCH
 * replaces that list or adds to it is not documented. So both read the tags, send the whole new
 * list (every other tag kept), and read back: a tag that did not change as asked is an error.
 */
export function tagsOperation(operation: 'addTags' | 'removeTags') {
	const adding = operation === 'addTags';
	const spec = {
		operation,
		onOffer: false,
		properties: [
			{
				displayName: 'Tags',
				name: 'tags',
				type: 'string' as const,
				required: true,
				default: '',
				placeholder: 'berlin, backend',
				description: `The tags to ${adding ? 'add' : 'remove'}, separated by commas (or a list from an expression). Every other tag is kept.`,
			},
		],
		schema: {
			tags: stringList.refine((tags) => tags.length > 0, 'is empty: give at least one tag'),
		},
		fallbacks: { tags: '' },
		labels: { tags: 'Tags' },
	} satisfies CandidateOperationSpec<z.ZodRawShape>;

	return {
		description: candidateOperationDescription(
			spec,
			`The candidate to ${adding ? 'tag' : 'remove the tags from'}`,
		),
		async execute(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
			return await runCandidateOperation(
				ctx,
				itemIndex,
				spec,
				async ({ candidateId, p, reads }) => {
					// One item of the run at a time on a candidate: items in parallel would each read the old
					// tags and send them with only their own, and the later list would drop the earlier tags.
					await oneCandidateAtATime(ctx, candidateId, async () => {
						const wanted = new Set(p.tags.map((t) => t.toLowerCase()));
						const has = (candidate: IDataObject) =>
							new Set(tagsOf(candidate).map((t) => t.toLowerCase()));
						const current = await candidateById(ctx, candidateId, reads);
						const before = tagsOf(current);
						const tags = adding
							? union(before, p.tags)
							: before.filter((t) => !wanted.has(t.toLowerCase()));
						if (
							tags.length === before.length &&
							(adding || !before.some((t) => wanted.has(t.toLowerCase())))
						) {
							return; // nothing to change
						}
						await updateCandidate(ctx, candidateId, { tags }, reads);
						const after = has(await candidateById(ctx, candidateId, reads));
						const wrong = p.tags.filter((t) => after.has(t.toLowerCase()) !== adding);
						if (wrong.length) {
							throw new NodeApiError(
								ctx.getNode(),
								{},
								{
									message: `Recruitee did not ${adding ? 'add' : 'remove'} the tag(s) ${wrong.map((t) => JSON.stringify(t)).join(', ')} on candidate ${candidateId}${itemSuffix(itemIndex)}`,
									description: adding
										? 'Recruitee accepted the update but the tags are not on the candidate. Check in Recruitee; the tag may be restricted for this token’s user.'
										: 'Recruitee accepted the update but kept the tags: this Recruitee adds the tags it is sent rather than replacing the list, so tags cannot be removed through this route. Remove them in Recruitee.',
									itemIndex,
								},
							);
						}
					});
				},
			);
		},
	};
}
