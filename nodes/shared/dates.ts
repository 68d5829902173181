import { DateTime } from 'luxon';
import { z } from 'zod';

const DATE_HINT =
	'is not a date: use ISO 8601 (2024-05-01, 2024-05-01T10:00:00 or 2024-05-01T10:00:00Z), epoch seconds, or a date expression like {{ $now.minus({ days: 1 }) }}';

function fromString(text: string, timezone: string): DateTime | undefined {
	const trimmed = text.trim();
	if (/^-?\d+(\.\d+)?$/.test(trimmed)) return fromNumber(Number(trimmed));
	// ISO 8601 (a value without offset is read in the workflow's timezone, as n8n's date pickers mean it),
	// then the `yyyy-MM-dd HH:mm:ss` form APIs print, then RFC 2822 / HTTP dates.
	const candidates = [
		DateTime.fromISO(trimmed, { zone: timezone, setZone: true }),
		DateTime.fromSQL(trimmed, { zone: timezone }),
		DateTime.fromRFC2822(trimmed, { zone: timezone }),
		DateTime.fromHTTP(trimmed),
	];
	return candidates.find((d) => d.isValid);
}

function fromNumber(value: number): DateTime | undefined {
	if (!Number.isFinite(value)) return undefined;
	// Epoch seconds up to the year 5138; larger numbers are epoch milliseconds.
	const millis = Math.abs(value) < 1e11 ? value * 1000 : value;
	const date = DateTime.fromMillis(millis, { zone: 'utc' });
	return date.isValid ? date : undefined;
}

function isDateTimeLike(value: unknown): value is { toMillis(): number } {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as { toMillis?: unknown }).toMillis === 'function'
	);
}

/** Anything a user can give for a date → a UTC instant, or undefined when left empty. */
export function toInstant(value: unknown, timezone: string): DateTime | undefined | null {
	if (value === undefined || value === null || value === '') return undefined;
	let date: DateTime | undefined;
	if (DateTime.isDateTime(value)) date = value;
	else if (isDateTimeLike(value)) date = fromNumber(value.toMillis());
	else if (value instanceof Date) date = fromNumber(value.getTime());
	else if (typeof value === 'number') date = fromNumber(value);
	else if (typeof value === 'string') date = fromString(value, timezone);
	return date && date.isValid ? date.toUTC() : null;
}

/** zod schema for an optional date parameter; the workflow timezone applies to zone-less values. */
export function optionalDate(timezone: string) {
	return z.unknown().transform((value, ctx) => {
		const instant = toInstant(value, timezone);
		if (instant === null) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				message: `${JSON.stringify(value)} ${DATE_HINT}`,
			});
			return z.NEVER;
		}
		return instant;
	});
}

/** Adds an issue when both ends of a range are set and the start is after the end. */
export function checkRange(
	range: { from?: DateTime; to?: DateTime },
	ctx: z.RefinementCtx,
	fromField: string,
	toLabel: string,
): void {
	if (range.from && range.to && range.from > range.to) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			path: [fromField],
			message: `${range.from.toISO()} is after ${toLabel} (${range.to.toISO()}): the range is empty`,
		});
	}
}

export const epochSeconds = (date: DateTime): number => Math.floor(date.toSeconds());
