import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import type { ApiContext } from '../../shared/http';
import { listOf } from '../../shared/records';
import { recruiteeGet } from '../transport';
import type { Reads } from './lookups';

const noteList = z.object({
	notes: listOf<IDataObject>(() => true, 'a note that is not an object'),
});

/** The notes on a candidate (GET /candidates/:id/notes), as Recruitee orders them. */
export async function notesOf(
	ctx: ApiContext,
	candidateId: number,
	reads: Reads,
): Promise<IDataObject[]> {
	const body = await recruiteeGet(ctx, {
		path: `/candidates/${candidateId}/notes`,
		schema: noteList,
		itemIndex: reads.itemIndex,
		http: reads.http,
		notFound: `No candidate with ID ${candidateId} in this company`,
	});
	return body.notes;
}

/** Recruitee shows note text as HTML: plain text escaped, line breaks as <br>. */
export function noteHtml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/\r\n|\r|\n/g, '<br>');
}
