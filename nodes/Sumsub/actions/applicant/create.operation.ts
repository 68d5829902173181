import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { httpCodeOf, isUncertainWrite, saidOf, settled } from '../../../shared/api';
import { collection } from '../../../shared/descriptions';
import {
	httpSettingsOf,
	RELIABILITY_LABELS,
	reliabilityOptions,
	reliabilitySchema,
} from '../../../shared/reliability';
import { itemParameters, itemSuffix } from '../../../shared/validation';
import {
	externalUserIdSchema,
	FIXED_INFO_LABELS,
	fixedInfoBody,
	fixedInfoProperty,
	fixedInfoSchema,
	levelName,
	levelProperty,
	metadataProperty,
	metadataSchema,
	optionalEmail,
	optionalPhone,
} from '../../helpers/applicants';
import type { Applicant, Calls } from '../../transport/applicants';
import { createApplicant, findApplicant } from '../../transport/applicants';

const properties: INodeProperties[] = [
	levelProperty,
	{
		displayName: 'External User ID',
		name: 'externalUserId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'recruitee-47628534',
		description:
			'Your own unique ID for this person (a Recruitee candidate ID, say). Sumsub keeps one applicant per External User ID, which makes running a workflow again safe.',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		default: '',
		placeholder: 'ann@example.com',
	},
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		default: '',
		placeholder: '+49 30 1234567',
	},
	fixedInfoProperty,
	metadataProperty,
	{
		displayName: 'If the External User ID Exists',
		name: 'ifExists',
		type: 'options',
		default: 'returnExisting',
		description: 'What to do when Sumsub already has an applicant with this External User ID',
		options: [
			{
				name: 'Return Existing',
				value: 'returnExisting',
				description: 'Output the existing applicant and change nothing',
			},
			{
				name: 'Fail',
				value: 'fail',
				description: 'Stop with an error naming the existing applicant',
			},
		],
	},
	collection('options', reliabilityOptions),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['applicant'], operation: ['create'] } },
	properties,
);

const parameters = z.object({
	levelName,
	externalUserId: externalUserIdSchema('is empty: give your own unique ID for this person'),
	email: optionalEmail,
	phone: optionalPhone,
	fixedInfo: fixedInfoSchema,
	metadata: metadataSchema,
	ifExists: z.enum(['returnExisting', 'fail']),
	options: z.object(reliabilitySchema),
});

const LABELS = {
	levelName: 'Level Name',
	externalUserId: 'External User ID',
	email: 'Email',
	phone: 'Phone',
	...FIXED_INFO_LABELS,
	metadata: 'Metadata',
	key: 'Key',
	ifExists: 'If the External User ID Exists',
	...RELIABILITY_LABELS,
};

/** Sumsub's answer to a second applicant with the same External User ID (409, or 400 saying so). */
const isDuplicate = (error: unknown) => {
	const code = httpCodeOf(error);
	return code === '409' || (code === '400' && /already exist/i.test(saidOf(error)));
};

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const p = itemParameters(
		this,
		itemIndex,
		parameters,
		{
			levelName: '',
			externalUserId: '',
			email: '',
			phone: '',
			fixedInfo: {},
			metadata: {},
			ifExists: 'returnExisting',
			options: {},
		},
		LABELS,
	);
	const calls: Calls = { itemIndex, http: httpSettingsOf(p.options) };
	const input = {
		levelName: p.levelName,
		externalUserId: p.externalUserId,
		...(p.email ? { email: p.email } : {}),
		...(p.phone ? { phone: p.phone } : {}),
		...(fixedInfoBody(p.fixedInfo) ? { fixedInfo: fixedInfoBody(p.fixedInfo) } : {}),
		...(p.metadata.pairs?.length ? { metadata: p.metadata.pairs } : {}),
	};
	const existing = (applicant: Applicant): IDataObject[] => {
		if (p.ifExists === 'returnExisting') return [applicant];
		throw new NodeOperationError(
			this.getNode(),
			`Sumsub already has an applicant with the External User ID "${p.externalUserId}": ${applicant.id}${itemSuffix(itemIndex)}`,
			{
				itemIndex,
				description:
					'Nothing was created. To use the existing applicant, set "If the External User ID Exists" to Return Existing.',
			},
		);
	};
	// Sumsub keeps one applicant per External User ID: a create is sent, and refused if there is one.
	// After an answer that leaves it open, the External User ID tells whether it was created.
	for (let attempt = 0; ; attempt++) {
		const outcome = await settled(createApplicant(this, input, calls));
		if ('value' in outcome) return [outcome.value];
		if (isDuplicate(outcome.error)) {
			const found = await findApplicant(this, p.externalUserId, calls);
			if (!found) throw outcome.error;
			return existing(found);
		}
		if (!isUncertainWrite(outcome.error) || attempt >= (calls.http?.retry.maxRetries ?? 0)) {
			throw outcome.error;
		}
		const found = await findApplicant(this, p.externalUserId, calls);
		// Found: this very create went through (Fail mode cannot tell it from an older one: it says so).
		if (found)
			return p.ifExists === 'returnExisting'
				? [found]
				: existingAfterUncertain(this, found, itemIndex);
	}
}

function existingAfterUncertain(
	ctx: IExecuteFunctions,
	found: Applicant,
	itemIndex: number,
): never {
	throw new NodeOperationError(
		ctx.getNode(),
		`Sumsub has an applicant with this External User ID (${found.id}), and may have created it just now${itemSuffix(itemIndex)}`,
		{
			itemIndex,
			description:
				'The answer to the create was lost, so the node cannot tell whether the applicant is the one it created or an older one. Check it in Sumsub; with "If the External User ID Exists" set to Return Existing the item would have succeeded.',
		},
	);
}
