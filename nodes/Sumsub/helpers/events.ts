import type { IDataObject } from 'n8n-workflow';

/** The event fields Sumsub documents, in its order. Optional ones come as "" when absent. */
export const EVENT_FIELDS = [
	'ts',
	'clientId',
	'activity',
	'subjectName',
	'ip',
	'userAgent',
	'xClientId',
	'correlationId',
	'applicantId',
	'externalUserId',
	'imageId',
	'description',
] as const;

const KNOWN_FIELDS = new Set<string>(['id', ...EVENT_FIELDS, 'tsIso']);

const text = (value: IDataObject[string]) => (value === null || value === undefined ? '' : value);

/** The activity types Sumsub documents; any other value can be given by expression. */
export const ACTIVITIES: Array<{ name: string; value: string }> = [
	{ name: 'Applicant Changed', value: 'subject:changed:applicant' },
	{ name: 'Applicant List Exported (CSV)', value: 'subject:exported:applicantCsvList' },
	{ name: 'Applicant List Loaded', value: 'subject:loaded:applicantList' },
	{ name: 'Applicant Loaded', value: 'subject:loaded:applicant' },
	{ name: 'Document Image Downloaded', value: 'subject:downloaded:docImage' },
	{ name: 'Dashboard Login Failed', value: 'subject:loggedIn:dashboard:failure' },
	{ name: 'Dashboard Login Succeeded', value: 'subject:loggedIn:dashboard:success' },
	{ name: 'Dashboard Logout', value: 'subject:loggedOut:dashboard' },
];

/** Sumsub's own form, `2022-10-06 08:23:28.715`: rewritten as text when its fields are in range. */
const SUMSUB_TS = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The two digits at `at` as a number (the caller has checked they are digits). */
const twoDigits = (ts: string, at: number) =>
	(ts.charCodeAt(at) - 48) * 10 + ts.charCodeAt(at + 1) - 48;

function inRange(ts: string): boolean {
	const year = twoDigits(ts, 0) * 100 + twoDigits(ts, 2);
	const month = twoDigits(ts, 5);
	const day = twoDigits(ts, 8);
	const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
	const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
	return (
		month >= 1 &&
		month <= 12 &&
		day >= 1 &&
		day <= days &&
		twoDigits(ts, 11) <= 23 &&
		twoDigits(ts, 14) <= 59 &&
		twoDigits(ts, 17) <= 59
	);
}

/** `2022-10-06 08:23:28.715` (UTC, no zone) → `2022-10-06T08:23:28.715Z`; null when unreadable. */
export function tsToIso(ts: unknown): string | null {
	if (typeof ts !== 'string') return null;
	// Every event has one: a quarter of a Sumsub page's processing went to Date before this.
	if (ts.length === 23 && SUMSUB_TS.test(ts) && inRange(ts)) {
		// Joined, the result is one flat string: a third of the memory of a concatenation.
		return [ts.slice(0, 10), 'T', ts.slice(11), 'Z'].join('');
	}
	if (ts.trim() === '') return null;
	const text = ts.trim().replace(' ', 'T');
	const withZone = /(?:Z|[+-]\d\d:?\d\d)$/i.test(text) ? text : `${text}Z`;
	const millis = Date.parse(withZone);
	return Number.isNaN(millis) ? null : new Date(millis).toISOString();
}

/** Returns a value equal to the one given, the same string each time it is given again. */
export type Intern = (value: IDataObject[string]) => IDataObject[string];

const asIs: Intern = (value) => value;

/** Distinct values one reading keeps; past it, new values are output as they came. */
const INTERNED_MAX = 65_536;

/**
 * An interning table for one reading: each distinct text is kept once, so the events' repeated
 * values (client, activity, subject, IP, user agent, applicant, description: a few hundred distinct
 * values over 200,000 events) share one string instead of one each. JSON.parse makes a new string
 * for every value longer than ten characters (V8 shares the shorter ones); kept once, an event holds
 * about a third of the memory. Other values pass as they are.
 */
export function internTable(): Intern {
	const table = new Map<string, string>();
	return (value) => {
		if (typeof value !== 'string' || value.length <= 10) return value;
		const kept = table.get(value);
		if (kept !== undefined) return kept;
		if (table.size < INTERNED_MAX) table.set(value, value);
		return value;
	};
}

/**
 * One output item per event, the same shape from both endpoints: `id` ("" from the legacy endpoint,
 * which has none), every documented field present (absent or null → ""), `tsIso`, the event time as
 * ISO 8601 UTC (given when the caller has it already), then any field Sumsub adds, kept. With
 * `emptyAsNull`, every "" becomes null. `intern` (see internTable) keeps the fields whose values
 * repeat from event to event once; the ids, times and correlation ids are each event's own.
 */
export function normalizeEvent(
	event: IDataObject,
	emptyAsNull: boolean,
	tsIso: string | null = tsToIso(event.ts),
	intern: Intern = asIs,
): IDataObject {
	// One literal, so every item has the same object shape (pages hold 20,000 events).
	const out: IDataObject = {
		id: text(event.id),
		ts: text(event.ts),
		clientId: intern(text(event.clientId)),
		activity: intern(text(event.activity)),
		subjectName: intern(text(event.subjectName)),
		ip: intern(text(event.ip)),
		userAgent: intern(text(event.userAgent)),
		xClientId: intern(text(event.xClientId)),
		correlationId: text(event.correlationId),
		applicantId: intern(text(event.applicantId)),
		externalUserId: intern(text(event.externalUserId)),
		imageId: text(event.imageId),
		description: intern(text(event.description)),
		tsIso,
	};
	for (const key in event) {
		if (KNOWN_FIELDS.has(key)) continue;
		if (key === '__proto__') {
			// A key "__proto__" in the JSON is data, not the prototype.
			Object.defineProperty(out, key, {
				value: text(event[key]),
				enumerable: true,
				writable: true,
			});
		} else {
			out[key] = text(event[key]);
		}
	}
	if (emptyAsNull) {
		for (const key in out) if (out[key] === '') out[key] = null;
	}
	return out;
}
