import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { collection } from '../../shared/descriptions';
import type { ApiContext } from '../../shared/http';
import { isRecord } from '../../shared/records';
import {
	httpSettingsOf,
	RELIABILITY_LABELS,
	reliabilityOptions,
	reliabilitySchema,
} from '../../shared/reliability';
import type { FieldLabels } from '../../shared/validation';
import { isWellFormed, itemParameters, itemSuffix, NOT_WELL_FORMED } from '../../shared/validation';
import type { Applicant, Calls } from '../transport/applicants';
import { getApplicant } from '../transport/applicants';
import { ALPHA3 } from './countries';

/** What the applicant operations share: the pickers, the applicant's details, the review. */

/** The "Applicant" picker: Sumsub's applicant ID, or the External User ID your system gave it. */
export const applicantLocator: INodeProperties = {
	displayName: 'Applicant',
	name: 'applicant',
	type: 'resourceLocator',
	default: { mode: 'externalUserId', value: '' },
	required: true,
	description:
		'The applicant, by the External User ID your system gave it or by Sumsub’s applicant ID',
	modes: [
		{
			displayName: 'By External User ID',
			name: 'externalUserId',
			type: 'string',
			placeholder: 'recruitee-47628534',
		},
		{
			displayName: 'By Applicant ID',
			name: 'id',
			type: 'string',
			placeholder: '5b594ade0a975a36c9349e66',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '\\s*[0-9a-fA-F]{24}\\s*',
						errorMessage: 'A Sumsub applicant ID is 24 hexadecimal characters',
					},
				},
			],
		},
	],
};

export type ApplicantRef = { id: string } | { externalUserId: string };

/** The applicant a picker names, checked before any request. */
export function applicantRefOf(ctx: ApiContext, raw: unknown, itemIndex: number): ApplicantRef {
	const { mode, value } =
		raw && typeof raw === 'object' && 'value' in raw
			? (raw as { mode?: string; value?: unknown })
			: { mode: 'externalUserId', value: raw };
	const text = String(value ?? '').trim();
	const fail = (problem: string) =>
		new NodeOperationError(
			ctx.getNode(),
			`Invalid parameter "Applicant": ${problem}${itemSuffix(itemIndex)}`,
			{
				itemIndex,
				description:
					'Give the External User ID your system gave the applicant, or Sumsub’s 24-character applicant ID.',
			},
		);
	if (text === '') throw fail('it is empty');
	if (!isWellFormed(text)) throw fail(`it ${NOT_WELL_FORMED}`);
	if (mode === 'id') {
		if (!/^[0-9a-f]{24}$/i.test(text))
			throw fail(`${JSON.stringify(text)} is not a Sumsub applicant ID`);
		return { id: text };
	}
	return { externalUserId: text };
}

/** Sumsub's applicant ID for a picker's value: read through the External User ID when needed. */
export async function applicantIdOf(
	ctx: ApiContext,
	ref: ApplicantRef,
	calls: Calls,
): Promise<{ id: string; applicant?: Applicant }> {
	if ('id' in ref) return { id: ref.id };
	const applicant = await getApplicant(ctx, ref, calls);
	return { id: applicant.id, applicant };
}

/** The "Level Name" picker: the account's levels, or a name by expression. */
export const levelProperty: INodeProperties = {
	displayName: 'Level Name or ID',
	name: 'levelName',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getLevels' },
	required: true,
	default: '',
	description:
		'The verification level (Dev space → Levels): which documents and checks the applicant goes through; its name is its ID. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const levelName = z
	.string()
	.trim()
	.min(1, 'is empty: choose the verification level')
	.refine(isWellFormed, NOT_WELL_FORMED);

/** An External User ID (it goes in URLs): given, and well-formed text. */
export const externalUserIdSchema = (empty: string) =>
	z.string().trim().min(1, empty).refine(isWellFormed, NOT_WELL_FORMED);

const EMAIL = /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$/;

export const optionalEmail = z
	.string()
	.trim()
	.refine((v) => v === '' || EMAIL.test(v), 'is not an email address');

/** A phone number: an optional +, then digits (at least 4), spaces, brackets, dots and dashes. */
const PHONE = /^\+?[0-9 ().-]{5,20}$/;

export const optionalPhone = z
	.string()
	.trim()
	.refine(
		(v) => v === '' || (PHONE.test(v) && (v.match(/[0-9]/g) ?? []).length >= 4),
		'is not a phone number (at least 4 digits, with + and the country code; spaces, brackets, dots and dashes may separate them)',
	);

const country = z
	.string()
	.trim()
	.toUpperCase()
	.refine(
		(v) => v === '' || ALPHA3.has(v),
		'is not an ISO 3166-1 alpha-3 country code (like DEU, GBR, USA)',
	);

const dateOfBirth = z
	.string()
	.trim()
	.refine((v) => {
		if (v === '') return true;
		const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
		if (!m) return false;
		const date = new Date(`${v}T00:00:00Z`);
		return (
			date.getUTCFullYear() === Number(m[1]) &&
			date.getUTCMonth() + 1 === Number(m[2]) &&
			date.getUTCDate() === Number(m[3]) &&
			date.getTime() <= Date.now() &&
			Number(m[1]) >= 1900
		);
	}, 'is not a date of birth as yyyy-MM-dd (a real day, not in the future)');

/** The applicant's fixed info: the fields Sumsub documents, each optional. */
const FIXED_INFO: Array<
	[name: string, label: string, kind: 'text' | 'country' | 'date' | 'gender']
> = [
	['firstName', 'First Name', 'text'],
	['lastName', 'Last Name', 'text'],
	['middleName', 'Middle Name', 'text'],
	['firstNameEn', 'First Name (Latin)', 'text'],
	['lastNameEn', 'Last Name (Latin)', 'text'],
	['dob', 'Date of Birth', 'date'],
	['gender', 'Gender', 'gender'],
	['country', 'Country', 'country'],
	['nationality', 'Nationality', 'country'],
	['placeOfBirth', 'Place of Birth', 'text'],
	['countryOfBirth', 'Country of Birth', 'country'],
	['stateOfBirth', 'State of Birth', 'text'],
	['legalName', 'Legal Name', 'text'],
	['taxResidenceCountry', 'Tax Residence Country', 'country'],
	['tin', 'Tax Number (TIN)', 'text'],
];

export const fixedInfoProperty: INodeProperties = {
	displayName: 'Fixed Info',
	name: 'fixedInfo',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	description: 'What you already know of the applicant; Sumsub checks the documents against it',
	options: FIXED_INFO.map(([name, displayName, kind]): INodeProperties => {
		if (kind === 'gender') {
			return {
				displayName,
				name,
				type: 'options',
				default: 'M',
				options: [
					{ name: 'Female', value: 'F' },
					{ name: 'Male', value: 'M' },
				],
			};
		}
		return {
			displayName,
			name,
			type: 'string',
			default: '',
			placeholder: kind === 'date' ? '1990-04-23' : kind === 'country' ? 'DEU' : '',
			description:
				kind === 'date'
					? 'As yyyy-MM-dd'
					: kind === 'country'
						? 'ISO 3166-1 alpha-3 code, like DEU, GBR or USA'
						: undefined,
		};
	}),
};

export const fixedInfoSchema = z.object(
	Object.fromEntries(
		FIXED_INFO.map(([name, , kind]) => [
			name,
			(kind === 'country'
				? country
				: kind === 'date'
					? dateOfBirth
					: kind === 'gender'
						? z.enum(['M', 'F'])
						: z.string().trim()
			).optional(),
		]),
	),
);

export const FIXED_INFO_LABELS = Object.fromEntries(
	FIXED_INFO.map(([name, label]) => [name, label]),
);

/** Only the fields given, as Sumsub takes them. */
export function fixedInfoBody(fields: Record<string, string | undefined>): IDataObject | undefined {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) if (value) out[key] = value;
	return Object.keys(out).length ? out : undefined;
}

/** The "Metadata" key/value pairs. */
export const metadataProperty: INodeProperties = {
	displayName: 'Metadata',
	name: 'metadata',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Key and Value',
	default: {},
	description: 'Your own key/value pairs, kept with the applicant (a Recruitee candidate ID, say)',
	options: [
		{
			displayName: 'Pair',
			name: 'pairs',
			values: [
				{ displayName: 'Key', name: 'key', type: 'string', default: '' },
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			],
		},
	],
};

export const metadataSchema = z.object({
	pairs: z
		.array(
			z.object({
				key: z.string().trim().min(1, 'is empty: every pair needs a key'),
				value: z.union([z.string(), z.number(), z.boolean()]).transform(String),
			}),
		)
		.optional(),
});

/** The review as an IF node branches on it, with Sumsub's own object kept in `raw`. */
export function flattenReview(applicantId: string, status: IDataObject): IDataObject {
	const result = isRecord(status.reviewResult) ? status.reviewResult : {};
	const answer = typeof result.reviewAnswer === 'string' ? result.reviewAnswer : null;
	const labels = Array.isArray(result.rejectLabels) ? result.rejectLabels.map(String) : [];
	return {
		applicantId,
		reviewStatus: status.reviewStatus ?? null,
		reviewAnswer: answer,
		completed: status.reviewStatus === 'completed',
		approved: status.reviewStatus === 'completed' && answer === 'GREEN',
		rejected: status.reviewStatus === 'completed' && answer === 'RED',
		rejectLabels: labels,
		reviewRejectType: result.reviewRejectType ?? null,
		moderationComment: result.moderationComment ?? null,
		clientComment: result.clientComment ?? null,
		levelName: status.levelName ?? null,
		createDate: status.createDate ?? null,
		reviewDate: status.reviewDate ?? null,
		raw: status,
	};
}

/** Reads an applicant operation's parameters (its own, and Options) and checks them before any request. */
export function applicantParameters<S extends z.ZodRawShape>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	shape: S,
	fallbacks: Record<string, unknown>,
	labels: FieldLabels,
): { p: z.infer<z.ZodObject<S>>; calls: Calls } {
	const { options } = itemParameters(
		ctx,
		itemIndex,
		optionsOnly,
		{ options: {} },
		RELIABILITY_LABELS,
	);
	const p: z.infer<z.ZodObject<S>> = itemParameters(
		ctx,
		itemIndex,
		z.object(shape),
		fallbacks,
		labels,
	);
	return { p, calls: { itemIndex, http: httpSettingsOf(options) } };
}

const optionsOnly = z.object({ options: z.object(reliabilitySchema) });

/** An applicant operation's properties: its own, then Options, shown for that operation only. */
export function applicantDescription(
	operation: string,
	properties: INodeProperties[],
): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: ['applicant'], operation: [operation] } }, [
		...properties,
		collection('options', reliabilityOptions),
	]);
}
