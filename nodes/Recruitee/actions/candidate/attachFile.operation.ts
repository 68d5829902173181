import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { fileOf, uploadFile } from '../../helpers/attachments';
import type { CandidateOperationSpec } from '../../helpers/candidateOperation';
import {
	candidateOperationDescription,
	runCandidateOperation,
} from '../../helpers/candidateOperation';

const spec = {
	operation: 'attachFile',
	onOffer: false,
	outputsCandidate: false,
	properties: [
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string' as const,
			required: true,
			default: 'data',
			hint: 'The name of the input binary field containing the file to be attached',
			description:
				'The binary property of the input item that holds the file (a PDF or Word CV, say)',
		},
		{
			displayName: 'Set as CV',
			name: 'setAsCv',
			type: 'boolean' as const,
			default: false,
			description:
				'Whether the file becomes the candidate’s CV (otherwise it is attached as a file)',
		},
		{
			displayName: 'File Name',
			name: 'fileName',
			type: 'string' as const,
			default: '',
			placeholder: 'cv.pdf',
			description: 'The name Recruitee shows. Empty: the file name of the binary data.',
		},
	],
	schema: {
		binaryPropertyName: z
			.string()
			.trim()
			.min(1, 'is empty: name the binary field that holds the file'),
		setAsCv: z.boolean(),
		fileName: z.string().trim(),
	},
	fallbacks: { binaryPropertyName: 'data', setAsCv: false, fileName: '' },
	labels: { binaryPropertyName: 'Input Binary Field', setAsCv: 'Set as CV', fileName: 'File Name' },
} satisfies CandidateOperationSpec<z.ZodRawShape>;

export const description = candidateOperationDescription(
	spec,
	'The candidate to attach the file to',
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await runCandidateOperation(this, itemIndex, spec, async ({ candidateId, p, reads }) => {
		const file = await fileOf(
			this,
			itemIndex,
			p.binaryPropertyName,
			p.fileName,
			'Input Binary Field',
		);
		return await uploadFile(this, candidateId, file, p.setAsCv, reads);
	});
}
