import { randomBytes } from 'node:crypto';

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { lookAfterWrite, settled } from '../../shared/api';
import type { ApiContext } from '../../shared/http';
import { listOf } from '../../shared/records';
import { itemSuffix } from '../../shared/validation';
import { recruiteeGet, recruiteeSend } from '../transport';
import type { Reads } from './lookups';
import { anyAnswer } from './writes';

/** The largest file the node sends. Recruitee does not document its limit [?]; it answers 413 above its own. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

const attachmentList = z.object({
	attachments: listOf<IDataObject & { id: number }>(
		(a) => typeof a.id === 'number',
		'a file without a numeric "id"',
	),
});

/** The files of a candidate (GET /candidates/:id/attachments). */
export async function attachmentsOf(
	ctx: ApiContext,
	candidateId: number,
	reads: Reads,
): Promise<Array<IDataObject & { id: number }>> {
	const body = await recruiteeGet(ctx, {
		path: `/candidates/${candidateId}/attachments`,
		schema: attachmentList,
		itemIndex: reads.itemIndex,
		http: reads.http,
		notFound: `No candidate with ID ${candidateId} in this company`,
	});
	return body.attachments;
}

/** A form field: text, or a file. */
export type Part =
	| { field: string; value: string }
	| { field: string; fileName: string; contentType: string; bytes: Buffer };

/** A multipart/form-data body (RFC 7578), built once so it is sent exactly as built. */
export function multipart(parts: Part[]): { bytes: Buffer; contentType: string } {
	const boundary = `----n8nRecruitee${randomBytes(12).toString('hex')}`;
	const quoted = (text: string) => text.replace(/["\\\r\n]/g, (c) => encodeURIComponent(c));
	const chunks: Buffer[] = [];
	for (const part of parts) {
		let head = `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(part.field)}"`;
		if ('bytes' in part) {
			head += `; filename="${quoted(part.fileName)}"\r\nContent-Type: ${part.contentType}`;
		}
		chunks.push(Buffer.from(`${head}\r\n\r\n`, 'utf8'));
		chunks.push('bytes' in part ? part.bytes : Buffer.from(part.value, 'utf8'));
		chunks.push(Buffer.from('\r\n', 'utf8'));
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
	return { bytes: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A file from an item's binary data, checked: present, and not too large for Recruitee. */
export interface File {
	bytes: Buffer;
	fileName: string;
	mimeType: string;
}

/**
 * The file in the item's binary field `property` (`field`: the parameter's label, for errors),
 * read and checked before any request. `fileName`: the name to give it (empty: the binary's own).
 */
export async function fileOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	property: string,
	fileName: string,
	field: string,
): Promise<File> {
	const binaries = ctx.getInputData()[itemIndex]?.binary ?? {};
	const binary = binaries[property];
	if (!binary) {
		const present = Object.keys(binaries);
		throw new NodeOperationError(
			ctx.getNode(),
			`Invalid parameter "${field}": the item has no binary field "${property}"${itemSuffix(itemIndex)}`,
			{
				itemIndex,
				description: present.length
					? `Its binary fields: ${present.join(', ')}.`
					: 'The item has no binary data: read or download the file in an earlier node.',
			},
		);
	}
	const bytes = await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
	if (bytes.length > MAX_ATTACHMENT_BYTES) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The file in "${property}" is too large for Recruitee: ${(bytes.length / 1048576).toFixed(1)} MB${itemSuffix(itemIndex)}`,
			{
				itemIndex,
				description: `The node sends files up to ${MAX_ATTACHMENT_BYTES / 1048576} MB.`,
			},
		);
	}
	return {
		bytes,
		fileName: fileName || binary.fileName || `${property}.bin`,
		mimeType: binary.mimeType || 'application/octet-stream',
	};
}

const uploaded = z.object({ attachment: z.object({ id: z.number() }).passthrough() });

/**
 * POST /attachments (multipart), then with `setAsCv` PATCH /candidates/:id/set_as_cv/:id. An upload
 * creates: never repeated blindly; after an answer that leaves it open, a new file of this name and
 * size among the candidate's files tells. The attachment record, `set_as_cv`, and the candidate.
 */
export async function uploadFile(
	ctx: IExecuteFunctions,
	candidateId: number,
	file: File,
	setAsCv: boolean,
	reads: Reads,
): Promise<IDataObject> {
	const before = new Set((await attachmentsOf(ctx, candidateId, reads)).map((a) => a.id));
	const body = multipart([
		{ field: 'attachment[candidate_id]', value: String(candidateId) },
		{
			field: 'attachment[file]',
			fileName: file.fileName,
			contentType: file.mimeType,
			bytes: file.bytes,
		},
	]);
	const outcome = await settled(
		recruiteeSend(ctx, {
			method: 'POST',
			path: '/attachments',
			body: body.bytes,
			headers: { 'Content-Type': body.contentType },
			schema: uploaded,
			itemIndex: reads.itemIndex,
			http: reads.http,
			once: {
				did: `attached "${file.fileName}" to candidate ${candidateId}`,
				advice:
					'Check the candidate’s files in Recruitee before running this item again: a run attaches the file whatever files the candidate has.',
			},
		}),
	);
	let attachment: IDataObject;
	if ('value' in outcome) {
		attachment = outcome.value.attachment as IDataObject;
	} else {
		attachment = await lookAfterWrite(
			outcome.error,
			async () =>
				(await attachmentsOf(ctx, candidateId, reads)).find(
					(a) =>
						!before.has(a.id) &&
						a.filename === file.fileName &&
						Number(a.size) === file.bytes.length,
				),
			'no new file of this name and size yet, but Recruitee may still be adding it',
		);
	}
	if (!setAsCv) return { ...attachment, set_as_cv: false };
	const cv = await recruiteeSend(ctx, {
		method: 'PATCH',
		path: `/candidates/${candidateId}/set_as_cv/${String(attachment.id)}`,
		schema: anyAnswer,
		itemIndex: reads.itemIndex,
		http: reads.http,
		notFound: `No candidate ${candidateId} or file ${String(attachment.id)} to set as CV`,
	});
	return { ...attachment, set_as_cv: true, candidate: cv as IDataObject };
}
