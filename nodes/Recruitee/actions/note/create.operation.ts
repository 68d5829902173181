import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { lookAfterWrite, settled } from '../../../shared/api';
import type { CandidateOperationSpec } from '../../helpers/candidateOperation';
import {
	candidateOperationDescription,
	runCandidateOperation,
} from '../../helpers/candidateOperation';
import { noteHtml, notesOf } from '../../helpers/notes';
import { recruiteeSend } from '../../transport';

const spec = {
	resource: 'note',
	operation: 'create',
	onOffer: false,
	outputsCandidate: false,
	properties: [
		{
			displayName: 'Text',
			name: 'text',
			type: 'string' as const,
			typeOptions: { rows: 4 },
			required: true,
			default: '',
			description:
				'The note, as plain text: line breaks are kept, and characters such as < and & show as typed',
		},
		{
			displayName: 'Visibility',
			name: 'visibility',
			type: 'options' as const,
			default: 'public',
			description: 'Who in your team sees the note',
			options: [
				{ name: 'Everyone in the Team', value: 'public' },
				{ name: 'Only Me (the Token’s User)', value: 'private' },
			],
		},
	],
	schema: {
		text: z.string().refine((text) => text.trim() !== '', 'is empty: a note needs text'),
		visibility: z.enum(['public', 'private']),
	},
	fallbacks: { text: '', visibility: 'public' },
	labels: { text: 'Text', visibility: 'Visibility' },
} satisfies CandidateOperationSpec<z.ZodRawShape>;

export const description = candidateOperationDescription(
	spec,
	'The candidate to leave the note on',
);

const created = z.object({ note: z.record(z.unknown()) });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await runCandidateOperation(this, itemIndex, spec, async ({ candidateId, p, reads }) => {
		const body = noteHtml(p.text);
		// The notes before: after an answer that leaves it open, a new note with this text tells.
		const before = new Set((await notesOf(this, candidateId, reads)).map((n) => n.id));
		const outcome = await settled(
			recruiteeSend(this, {
				method: 'POST',
				path: `/candidates/${candidateId}/notes`,
				json: { note: { body, visibility: { level: p.visibility } } },
				schema: created,
				itemIndex,
				http: reads.http,
				notFound: `No candidate with ID ${candidateId} in this company`,
				once: {
					did: `added the note to candidate ${candidateId}`,
					advice:
						'Check the candidate’s notes in Recruitee before running this item again: a run adds the note whatever notes the candidate has.',
				},
			}),
		);
		if ('value' in outcome) return outcome.value.note as IDataObject;
		return await lookAfterWrite(
			outcome.error,
			async () =>
				(await notesOf(this, candidateId, reads)).find((n) => !before.has(n.id) && n.body === body),
			'no new note with this text yet, but Recruitee may still be adding it',
		);
	});
}
