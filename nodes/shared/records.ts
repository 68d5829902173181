import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

/** A JSON object (not null, not an array). */
export const isRecord = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The list of records in an API response, checked in one loop and returned as it came, not copied:
 * a page holds up to 20,000 records, and `z.array` would copy the list and run a schema per record.
 * The first record that fails `check` is named by its index (`items.3`: `problem`).
 */
export function listOf<T extends IDataObject>(
	check: (record: IDataObject) => boolean,
	problem: string,
): z.ZodType<T[]> {
	return z.any().superRefine((value: unknown, ctx) => {
		if (!Array.isArray(value)) {
			ctx.addIssue({
				code: z.ZodIssueCode.invalid_type,
				expected: z.ZodParsedType.array,
				received: z.getParsedType(value),
			});
			return;
		}
		for (let index = 0; index < value.length; index++) {
			const record: unknown = value[index];
			if (!isRecord(record) || !check(record)) {
				ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem, path: [index] });
				return;
			}
		}
	}) as unknown as z.ZodType<T[]>;
}
