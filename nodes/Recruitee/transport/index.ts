import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import type { ApiDefinition, ApiRequest, StatusHints, Wording } from '../../shared/api';
import { callApi, httpError, statusWording } from '../../shared/api';
import type { ApiContext, Query, RawResponse } from '../../shared/http';
import { apiError, parseJsonText } from '../../shared/http';
import type { Page, PageRequest, Select } from '../../shared/paging';
import { isRecord, listOf } from '../../shared/records';
import type { HttpSettings } from '../../shared/reliability';
import { collectPages } from '../../shared/paging';
import { itemSuffix } from '../../shared/validation';

export const RECRUITEE_CREDENTIAL = 'recruiteeApi';
const DEFAULT_BASE_URL = 'https://api.recruitee.com';

interface RecruiteeCredentials {
	companyId?: string | number;
	baseUrl?: string;
}

/** `{baseUrl}/c/{companyId}`: every route of the company API is below it. */
function companyBaseUrl(ctx: ApiContext, credentials: RecruiteeCredentials): string {
	const base = String(credentials.baseUrl || DEFAULT_BASE_URL)
		.trim()
		.replace(/\/+$/, '');
	const company = String(credentials.companyId ?? '').trim();
	if (company === '') {
		throw new NodeOperationError(ctx.getNode(), 'The Recruitee credential has no Company ID', {
			description:
				'Open the "Recruitee API" credential and fill in Company ID (Settings → Apps and plugins → Personal API tokens → Current company details).',
		});
	}
	return `${base}/c/${encodeURIComponent(company)}`;
}

export type RecordWithId = IDataObject & { id: number };

const hasNumericId = (record: IDataObject) => typeof record.id === 'number';
const NO_NUMERIC_ID = 'a record without a numeric "id"';

/** A Recruitee record: an object with a numeric id. Checked without copying. */
export const recordWithId = z.custom<RecordWithId>(
	(value) => isRecord(value) && hasNumericId(value),
	{ message: NO_NUMERIC_ID },
);

/** A list of Recruitee records (candidates, offers, hits), checked in one loop. */
export const recordsWithId = listOf<RecordWithId>(hasNumericId, NO_NUMERIC_ID);

/** Audit log entries: objects with a string `_id`. */
export const auditEntries = listOf<IDataObject & { _id: string }>(
	(entry) => typeof entry._id === 'string',
	'an entry without an "_id"',
);

export const references = listOf(() => true, 'not an object').optional();

function errorText(body: string): string | undefined {
	const parsed = parseJsonText(body);
	if (!parsed.ok) return undefined;
	const value = parsed.value as {
		error?: unknown;
		errors?: unknown;
		message?: unknown;
	};
	if (value === null || typeof value !== 'object') return JSON.stringify(value);
	if (typeof value.error === 'string') return value.error;
	if (Array.isArray(value.errors)) {
		return value.errors
			.map((e: unknown) =>
				typeof e === 'string' ? e : ((e as { message?: string })?.message ?? JSON.stringify(e)),
			)
			.join('; ');
	}
	if (isRecord(value.errors)) {
		// Rails style: {"errors": {"name": ["can't be blank"]}}
		return Object.entries(value.errors)
			.map(([field, problems]) =>
				[field, ...(Array.isArray(problems) ? problems : [problems])].map(String).join(' '),
			)
			.join('; ');
	}
	if (typeof value.message === 'string') return value.message;
	return JSON.stringify(value).slice(0, 300);
}

const CREDENTIAL_HINT = 'in the "Recruitee API" credential';

const HINTS: StatusHints = {
	notFound: 'Check the ID, and that it belongs to the company in the credential.',
	rateLimited: 'Wait a little and run again, or process fewer items at once.',
	serverError: 'If it persists, narrow the request (a smaller page size or date range).',
};

function mapErrorResponse(
	ctx: ApiContext,
	response: RawResponse,
	request: ApiRequest<z.ZodTypeAny>,
): Error {
	const status = response.statusCode;
	const text = errorText(response.body);
	const fail = (wording: Wording) =>
		httpError(ctx, recruitee, request, status, wording, { said: text && `"${text}"` });
	if (status === 401) {
		return fail([
			'Recruitee rejected the API token',
			`Check API Token ${CREDENTIAL_HINT}: copy it again from Settings → Apps and plugins → Personal API tokens; it may have been revoked.`,
		]);
	}
	if (status === 422 && /company/i.test(text ?? '')) {
		return fail([
			'Recruitee does not accept this Company ID',
			`Check Company ID ${CREDENTIAL_HINT}: use the ID from Settings → Apps and plugins → Personal API tokens → Current company details.`,
		]);
	}
	if (status === 403) {
		return fail([
			'Recruitee refused access',
			`Check Company ID ${CREDENTIAL_HINT}, and that the token's user may see this data (the audit log needs an admin).`,
		]);
	}
	return fail(statusWording(recruitee, status, request, HINTS));
}

const recruitee: ApiDefinition = {
	name: 'Recruitee',
	credentialType: RECRUITEE_CREDENTIAL,
	credentialHint: CREDENTIAL_HINT,
	baseUrl: companyBaseUrl,
	mapError: mapErrorResponse,
};

/**
 * A write to Recruitee, its answer checked like a read's: a JSON body (`json`, serialised once) or a
 * body built by the caller (a multipart upload, with its Content-Type). A POST that creates passes
 * `once` (see ApiRequest): it is never repeated blindly.
 */
export async function recruiteeSend<S extends z.ZodTypeAny>(
	ctx: ApiContext,
	request: ApiRequest<S> & { json?: IDataObject },
): Promise<z.infer<S>> {
	const { json, ...rest } = request;
	if (json === undefined) return await callApi(ctx, recruitee, rest);
	return await callApi(ctx, recruitee, {
		...rest,
		body: JSON.stringify(json),
		headers: { 'Content-Type': 'application/json' },
	});
}

/** GET a Recruitee route, check the envelope, map every failure to a clear NodeApiError. */
export async function recruiteeGet<S extends z.ZodTypeAny>(
	ctx: ApiContext,
	request: ApiRequest<S>,
): Promise<z.infer<S>> {
	return await callApi(ctx, recruitee, request);
}

export interface RecruiteeListOptions<S extends z.ZodTypeAny, T> {
	path: string;
	query: Query;
	style: 'offset' | 'page';
	limit?: number;
	pageSize: number;
	itemIndex: number;
	schema: S;
	/** The records (and total, if any) of one checked response. */
	extract: (body: z.infer<S>) => Page<T>;
	http?: HttpSettings;
	idOf: (record: T) => string | number;
	/** What of each page is output (all of it without); paging still goes by what the API sent. */
	select?: Select<T>;
	/** What a 404 on a page means here, e.g. 'No offer with ID 123' (see ApiRequest). */
	notFound?: string;
}

/** Pages through a Recruitee list, all-or-error. */
export async function recruiteeList<S extends z.ZodTypeAny, T>(
	ctx: ApiContext,
	options: RecruiteeListOptions<S, T>,
): Promise<T[]> {
	const { path, schema, itemIndex } = options;
	return await collectPages<T>({
		limit: options.limit,
		pageSize: options.pageSize,
		style: options.style,
		idOf: options.idOf,
		select: options.select,
		fetch: async (request: PageRequest) => {
			const paging: Query =
				options.style === 'offset'
					? { limit: request.size, offset: request.offset }
					: { limit: request.size, page: request.page };
			const query = { ...options.query, ...paging };
			return options.extract(
				await recruiteeGet(ctx, {
					path,
					query,
					schema,
					itemIndex,
					http: options.http,
					notFound: options.notFound,
					signal: request.signal,
				}),
			);
		},
		stalled: (progress) =>
			apiError(ctx, {
				message: `Recruitee returned page ${progress.pages} of GET ${path} again: it is not paging${itemSuffix(itemIndex)}`,
				description: `After ${progress.records} records a full page brought nothing new, so the list cannot be read completely. Narrow the request (for example a date range) so it fits in one page, or raise Page Size.`,
				itemIndex,
			}),
	});
}
