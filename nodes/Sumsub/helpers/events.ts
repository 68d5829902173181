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

/** `2022-10-06 08:23:28.715` (UTC, no zone) → `2022-10-06T08:23:28.715Z`; null when unreadable. */
export function tsToIso(ts: unknown): string | null {
	if (typeof ts !== 'string' || ts.trim() === '') return null;
	const text = ts.trim().replace(' ', 'T');
	const withZone = /(?:Z|[+-]\d\d:?\d\d)$/i.test(text) ? text : `${text}Z`;
	const millis = Date.parse(withZone);
	return Number.isNaN(millis) ? null : new Date(millis).toISOString();
}

/**
 * One output item per event, the same shape from both endpoints: every documented field present
 * (absent or null → ""), `id` ("" from the legacy endpoint, which has none), any field Sumsub adds
 * kept, and `tsIso`, the event time as ISO 8601 UTC. With `emptyAsNull`, every "" becomes null.
 */
export function normalizeEvent(event: IDataObject, emptyAsNull: boolean): IDataObject {
	const out: IDataObject = { id: '' };
	for (const field of EVENT_FIELDS) out[field] = '';
	for (const [key, value] of Object.entries(event)) {
		out[key] = value === null || value === undefined ? '' : value;
	}
	out.tsIso = tsToIso(event.ts);
	if (emptyAsNull) {
		for (const key of Object.keys(out)) if (out[key] === '') out[key] = null;
	}
	return out;
}
