import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { stringList } from '../../shared/validation';

/**
 * The candidate fields a write can set, shared by Create and Update: their UI, their checks, and
 * how each maps to Recruitee's `candidate` body.
 */

const EMAIL = /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$/;

export const emailList = stringList.superRefine((emails, ctx) => {
	const bad = emails.find((email) => !EMAIL.test(email));
	if (bad !== undefined) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			message: `${JSON.stringify(bad)} is not an email address`,
		});
	}
});

export const emailAddress = z
	.string()
	.trim()
	.refine((email) => email === '' || EMAIL.test(email), 'is not an email address');

/** The list fields: parameter name, Recruitee's field, label, placeholder. */
const LIST_FIELDS = [
	['phones', 'phones', 'Phones', '+49 30 1234567'],
	['links', 'links', 'Links', 'https://portfolio.example.com'],
	['socialLinks', 'social_links', 'Social Links', 'https://www.linkedin.com/in/…'],
	['sources', 'sources', 'Sources', 'Website form'],
	['tags', 'tags', 'Tags', 'berlin, backend'],
] as const;

/** The fields of the "Additional Fields" (Create) and "Update Fields" (Update) collections. */
export function candidateFieldProperties(forUpdate: boolean): INodeProperties[] {
	const listHint = 'Several values: separated by commas, or a list from an expression.';
	const merged = forUpdate ? ' Added to the ones the candidate has; none is removed.' : '';
	return [
		{
			displayName: 'Cover Letter',
			name: 'coverLetter',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			description: 'The cover letter, as text',
		},
		{
			displayName: 'CV URL',
			name: 'cvUrl',
			type: 'string',
			default: '',
			placeholder: 'https://example.com/cv.pdf',
			description:
				'A public URL Recruitee downloads the CV from (remote_cv_url). To upload a file from n8n, use Candidate → Attach File.',
		},
		{
			displayName: forUpdate ? 'Emails' : 'More Emails',
			name: 'emails',
			type: 'string',
			default: '',
			placeholder: 'ann@example.com, ann.lee@example.org',
			description: forUpdate
				? 'Email addresses. Several values: separated by commas, or a list from an expression. Added to the ones the candidate has; none is removed.'
				: 'Email addresses besides Email. Several values: separated by commas, or a list from an expression.',
		},
		...LIST_FIELDS.map(
			([name, , displayName, placeholder]): INodeProperties => ({
				displayName,
				name,
				type: 'string',
				default: '',
				placeholder,
				description: `${listHint}${merged}`,
			}),
		),
		...(forUpdate
			? [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						description: 'The candidate’s full name',
					} satisfies INodeProperties,
				]
			: []),
	];
}

/** The checks of those fields. */
export const candidateFieldsSchema = z.object({
	name: z.string().trim().optional(),
	coverLetter: z.string().optional(),
	cvUrl: z.string().trim().url('is not a URL').or(z.literal('')).optional(),
	emails: emailList.optional(),
	phones: stringList.optional(),
	links: stringList.optional(),
	socialLinks: stringList.optional(),
	sources: stringList.optional(),
	tags: stringList.optional(),
});

export type CandidateFields = z.infer<typeof candidateFieldsSchema>;

export const CANDIDATE_FIELD_LABELS = {
	name: 'Name',
	coverLetter: 'Cover Letter',
	cvUrl: 'CV URL',
	emails: 'Emails',
	phones: 'Phones',
	links: 'Links',
	socialLinks: 'Social Links',
	sources: 'Sources',
	tags: 'Tags',
};

/** `current` then each of `added` it lacks (compared ignoring case), in order. */
export function union(current: unknown, added: string[]): string[] {
	const out = Array.isArray(current) ? current.map(String) : [];
	const seen = new Set(out.map((v) => v.toLowerCase()));
	for (const value of added) {
		if (seen.has(value.toLowerCase())) continue;
		seen.add(value.toLowerCase());
		out.push(value);
	}
	return out;
}

/**
 * Recruitee's `candidate` body from the fields the user set: nothing else is sent (empty means
 * unchanged). With `existing` (an update), list fields are added to the candidate's own lists.
 */
export function candidateBody(fields: CandidateFields, existing?: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (fields.name) body.name = fields.name;
	if (fields.coverLetter) body.cover_letter = fields.coverLetter;
	if (fields.cvUrl) body.remote_cv_url = fields.cvUrl;
	const lists: Array<[string, string[] | undefined]> = [
		['emails', fields.emails],
		...LIST_FIELDS.map(([name, field]) => [field, fields[name]] as [string, string[] | undefined]),
	];
	for (const [field, values] of lists) {
		if (!values?.length) continue;
		body[field] = existing ? union(existing[field], values) : union([], values);
	}
	return body;
}
