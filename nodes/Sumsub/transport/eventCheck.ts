import type { IDataObject } from 'n8n-workflow';

import type { ApiContext } from '../../shared/http';
import { apiError } from '../../shared/http';
import type { Selection } from '../../shared/paging';
import { itemSuffix } from '../../shared/validation';
import { tsToIso } from '../helpers/events';

/** What was asked of Sumsub. Times are `yyyy-MM-dd HH:mm:ss` in UTC, whole seconds, as sent. */
export interface AuditTrailQuery {
	subjectName?: string;
	activity?: string;
	from?: string;
	to?: string;
}

/** How an endpoint orders its events: the side on which reading can stop. */
export type Order = 'newestFirst' | 'oldestFirst';

/** Turns a kept event into the output item (`tsIso` already worked out). */
export type Shape = (event: IDataObject, tsIso: string | null) => IDataObject;

/**
 * Every event Sumsub returns is held against the filters that were asked for: activity (exact),
 * subject name (ignoring case, as e-mail addresses are), time inside [from, to] (whole seconds:
 * `to` takes in its whole second, as the filters are sent). An event outside them is dropped, never
 * output, whatever Sumsub does with filters next to a forward marker. The first event past the far
 * end of the window, in the endpoint's order, ends the reading (`last`): the rest of that page is
 * still checked, and no further page is asked for, so an endpoint that ignores the window cannot
 * walk the whole history. An event whose time cannot be read while a window applies is an error:
 * it can be neither kept nor dropped with certainty.
 */
export function eventSelector(
	ctx: ApiContext,
	query: AuditTrailQuery,
	order: Order,
	itemIndex?: number,
	shape?: Shape,
): (events: IDataObject[]) => Selection<IDataObject> {
	// Sumsub's `yyyy-MM-dd HH:mm:ss` bounds as ISO 8601 texts: ISO times of one form compare as text.
	const from = query.from && `${query.from.replace(' ', 'T')}.000Z`;
	const to = query.to && `${query.to.replace(' ', 'T')}.999Z`;
	const { activity } = query;
	const subject = query.subjectName?.toLowerCase();
	const timed = Boolean(from || to);
	const unreadable = (event: IDataObject) =>
		apiError(ctx, {
			message: `Sumsub returned an audit trail event whose time cannot be read${itemSuffix(itemIndex)}`,
			description: `Event ${describe(event)} has ts ${JSON.stringify(event.ts)}, so it cannot be checked against From/To. The API may have changed: please report it.`,
			itemIndex,
		});
	return (events) => {
		const records: IDataObject[] = [];
		let last = false;
		for (const event of events) {
			const tsIso = tsToIso(event.ts);
			if (timed) {
				if (tsIso === null) throw unreadable(event);
				if (from && tsIso < from) {
					if (order === 'newestFirst') last = true;
					continue;
				}
				if (to && tsIso > to) {
					if (order === 'oldestFirst') last = true;
					continue;
				}
			}
			if (activity !== undefined && event.activity !== activity) continue;
			if (subject !== undefined && !sameSubject(event.subjectName, subject)) continue;
			records.push(shape ? shape(event, tsIso) : event);
		}
		return { records, last };
	};
}

function sameSubject(value: unknown, lowerCased: string): boolean {
	return typeof value === 'string' && (value === lowerCased || value.toLowerCase() === lowerCased);
}

/** An event named by what identifies it (its id, else its correlation id), never its whole body. */
function describe(event: IDataObject): string {
	if (event.id) return `with id ${JSON.stringify(event.id)}`;
	if (event.correlationId) return `with correlation ID ${JSON.stringify(event.correlationId)}`;
	return 'without an id or correlation ID';
}
