import { randomBytes } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import type { ApiContext } from '../../shared/http';
import { listOf } from '../../shared/records';
import { recruiteeGet } from '../transport';
import type { Reads } from './lookups';

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
