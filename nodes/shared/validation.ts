import type { IExecuteFunctions, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { httpSettingsOf } from './reliability';

type Ctx = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/** Human labels for parameter names, so messages name the field the user sees. */
export type FieldLabels = Record<string, string>;

/**
 * Whether text is well-formed UTF-16: no lone surrogate (half of an emoji or other character cut in
 * two, by a substring in an expression, say). Such text cannot be percent-encoded into a URL.
 */
export const isWellFormed = (text: string): boolean => !/\p{Cs}/u.test(text);

/** What a field with a lone surrogate is told (after its name), and how to fix it. */
export const NOT_WELL_FORMED =
	'contains half of a character (a lone UTF-16 surrogate, as when text is cut in the middle of an emoji): correct the value or the expression that produces it';

/** Text that goes in a URL (a query filter, say), trimmed: refused with NOT_WELL_FORMED if ill-formed. */
export const urlText = () => z.string().trim().refine(isWellFormed, NOT_WELL_FORMED);

export function itemSuffix(itemIndex: number | undefined): string {
	return itemIndex === undefined ? '' : ` [item ${itemIndex}]`;
}

function describeIssue(issue: z.ZodIssue, labels: FieldLabels): string {
	const key = [...issue.path].reverse().find((p) => typeof p === 'string' && p in labels) as
		| string
		| undefined;
	const field = key ? labels[key] : issue.path.join('.') || 'input';
	return `"${field}": ${issue.message}`;
}

const article = (word: string) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);

/** Messages for what users get wrong through expressions, in their terms. */
const errorMap: z.ZodErrorMap = (issue, ctx) => {
	if (issue.code === z.ZodIssueCode.invalid_type) {
		if (issue.received === 'undefined' || issue.received === 'null') {
			return { message: 'is empty: give it a value (an expression may have given nothing)' };
		}
		return { message: `must be ${article(issue.expected)}, not ${article(issue.received)}` };
	}
	if (issue.code === z.ZodIssueCode.invalid_enum_value) {
		const allowed = issue.options.map((o) => JSON.stringify(o)).join(', ');
		return { message: `must be one of ${allowed}, not ${JSON.stringify(issue.received)}` };
	}
	return { message: ctx.defaultError };
};

/**
 * Validates node parameters before any request. The first problem becomes a NodeOperationError that
 * names the item and the field as the user sees it, and says what is expected.
 */
export function validateParameters<T extends z.ZodTypeAny>(
	ctx: Ctx,
	schema: T,
	input: unknown,
	itemIndex: number,
	labels: FieldLabels,
): z.infer<T> {
	const result = schema.safeParse(input, { errorMap });
	if (result.success) return result.data;
	const issue = result.error.issues[0];
	throw new NodeOperationError(
		ctx.getNode(),
		`Invalid parameter ${describeIssue(issue, labels)}${itemSuffix(itemIndex)}`,
		{
			itemIndex,
			description:
				'Correct the value in the node, or the expression that produces it, and run again.',
		},
	);
}

/** Reads the named parameters of one item (with their fallbacks) into one object to validate. */
function readParameters(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fallbacks: Record<string, unknown>,
): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [name, fallback] of Object.entries(fallbacks)) {
		out[name] = ctx.getNodeParameter(name, itemIndex, fallback as never);
	}
	return out;
}

/** Reads one item's parameters and validates them: the first problem names the field and item. */
export function itemParameters<T extends z.ZodTypeAny>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	schema: T,
	fallbacks: Record<string, unknown>,
	labels: FieldLabels,
): z.infer<T> {
	return validateParameters(
		ctx,
		schema,
		readParameters(ctx, itemIndex, fallbacks),
		itemIndex,
		labels,
	);
}

/** The parameters every Get Many operation has, with the values n8n gives when they are hidden. */
export const LIST_FALLBACKS = { returnAll: false, limit: 50, filters: {}, options: {} };

/** Return All / Limit as validated: the number of records wanted, undefined for all. */
export const returnAllLimit = {
	returnAll: z.boolean(),
	limit: z.number().int().min(1, { message: 'must be 1 or more' }),
};

export const wantedCount = (p: { returnAll: boolean; limit: number }): number | undefined =>
	p.returnAll ? undefined : p.limit;

/** How much to read, in which pages, and how to retry, from validated Get Many parameters. */
export const readingOf = (
	p: {
		returnAll: boolean;
		limit: number;
		options: { pageSize: number } & Parameters<typeof httpSettingsOf>[0];
	},
	itemIndex: number,
) => ({
	limit: wantedCount(p),
	pageSize: p.options.pageSize,
	itemIndex,
	http: httpSettingsOf(p.options),
});

/** A whole number given as a number or a numeric string (ids from expressions often are strings). */
const oneOf = (message: string) => ({ errorMap: () => ({ message }) });

const ID_LIST = 'must be numeric IDs separated by commas, like 1209656, 1209653';

export const numericIdList = z
	.union([z.string(), z.number(), z.array(z.union([z.string(), z.number()]))], oneOf(ID_LIST))
	.transform((v) =>
		(Array.isArray(v) ? v : String(v).split(','))
			.map((s) => String(s).trim())
			.filter((s) => s !== ''),
	)
	.refine((list) => list.every((s) => /^\d+$/.test(s)), { message: ID_LIST })
	.transform((list) => list.map(Number));

/** Comma-separated (or array) strings → trimmed non-empty strings. */
export const stringList = z
	.union(
		[z.string(), z.array(z.union([z.string(), z.number()]))],
		oneOf('must be text separated by commas, or a list of texts'),
	)
	.transform((v) =>
		(Array.isArray(v) ? v.map(String) : v.split(',')).map((s) => s.trim()).filter((s) => s !== ''),
	);

/** A JSON array of objects given as text or already parsed (from an expression). */
const FILTERS_HINT =
	'must be a JSON array of filter objects, like [{"field":"status","in":["qualified"]}]';

export const jsonArrayOfObjects = z
	.union([z.string(), z.array(z.unknown()), z.record(z.unknown())], oneOf(FILTERS_HINT))
	.transform((value, zctx) => {
		let parsed: unknown = value;
		if (typeof value === 'string') {
			if (value.trim() === '') return [];
			try {
				parsed = JSON.parse(value);
			} catch (error) {
				zctx.addIssue({
					code: z.ZodIssueCode.custom,
					message: `is not valid JSON (${(error as Error).message})`,
				});
				return z.NEVER;
			}
		}
		if (!Array.isArray(parsed)) {
			zctx.addIssue({
				code: z.ZodIssueCode.custom,
				message:
					'must be a JSON array of filter objects, like [{"field":"status","in":["qualified"]}]',
			});
			return z.NEVER;
		}
		const bad = parsed.findIndex((f) => f === null || typeof f !== 'object' || Array.isArray(f));
		if (bad !== -1) {
			zctx.addIssue({
				code: z.ZodIssueCode.custom,
				message: `element ${bad} is not an object: every filter must be an object like {"field":"all","query":"text"}`,
			});
			return z.NEVER;
		}
		return parsed as Array<Record<string, unknown>>;
	});
