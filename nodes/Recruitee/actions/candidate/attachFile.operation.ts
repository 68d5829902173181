import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { isUncertainWrite, settled } from '../../../shared/api';
import { itemSuffix } from '../../../shared/validation';
import { attachmentsOf, MAX_ATTACHMENT_BYTES, multipart } from '../../helpers/attachments';
import type { CandidateOperationSpec } from '../../helpers/candidateOperation';
import {
	candidateOperationDescription,
	runCandidateOperation,
} from '../../helpers/candidateOperation';
import { anyAnswer } from '../../helpers/writes';
import { recruiteeSend } from '../../transport';

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

const uploaded = z.object({ attachment: z.object({ id: z.number() }).passthrough() });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await runCandidateOperation(this, itemIndex, spec, async ({ candidateId, p, reads }) => {
		const binary = this.getInputData()[itemIndex]?.binary?.[p.binaryPropertyName];
		if (!binary) {
			const present = Object.keys(this.getInputData()[itemIndex]?.binary ?? {});
			throw new NodeOperationError(
				this.getNode(),
				`Invalid parameter "Input Binary Field": the item has no binary field "${p.binaryPropertyName}"${itemSuffix(itemIndex)}`,
				{
					itemIndex,
					description: present.length
						? `Its binary fields: ${present.join(', ')}.`
						: 'The item has no binary data: read or download the file in an earlier node.',
				},
			);
		}
		const bytes = await this.helpers.getBinaryDataBuffer(itemIndex, p.binaryPropertyName);
		if (bytes.length > MAX_ATTACHMENT_BYTES) {
			throw new NodeOperationError(
				this.getNode(),
				`The file in "${p.binaryPropertyName}" is too large for Recruitee: ${(bytes.length / 1048576).toFixed(1)} MB${itemSuffix(itemIndex)}`,
				{
					itemIndex,
					description: `Recruitee takes files up to ${MAX_ATTACHMENT_BYTES / 1048576} MB.`,
				},
			);
		}
		const fileName = p.fileName || binary.fileName || `${p.binaryPropertyName}.bin`;
		const mimeType = binary.mimeType || 'application/octet-stream';
		// The files before: after an answer that leaves it open, a new file of this name and size tells.
		const before = new Set((await attachmentsOf(this, candidateId, reads)).map((a) => a.id));
		const body = multipart([
			{ field: 'attachment[candidate_id]', value: String(candidateId) },
			{ field: 'attachment[file]', fileName, contentType: mimeType, bytes },
		]);
		const outcome = await settled(
			recruiteeSend(this, {
				method: 'POST',
				path: '/attachments',
				body: body.bytes,
				headers: { 'Content-Type': body.contentType },
				schema: uploaded,
				itemIndex,
				http: reads.http,
				once: {
					did: `attached "${fileName}" to candidate ${candidateId}`,
					advice:
						'Run this item again: the node looks for the file first and attaches nothing twice.',
				},
			}),
		);
		let attachment: IDataObject;
		if ('value' in outcome) {
			attachment = outcome.value.attachment as IDataObject;
		} else {
			if (!isUncertainWrite(outcome.error)) throw outcome.error;
			const found = (await attachmentsOf(this, candidateId, reads)).find(
				(a) => !before.has(a.id) && a.filename === fileName && Number(a.size) === bytes.length,
			);
			if (!found) throw outcome.error;
			attachment = found;
		}
		if (!p.setAsCv) return { ...attachment, set_as_cv: false };
		const cv = await recruiteeSend(this, {
			method: 'PATCH',
			path: `/candidates/${candidateId}/set_as_cv/${String(attachment.id)}`,
			schema: anyAnswer,
			itemIndex,
			http: reads.http,
			notFound: `No candidate ${candidateId} or file ${String(attachment.id)} to set as CV`,
		});
		return { ...attachment, set_as_cv: true, candidate: cv as IDataObject };
	});
}
