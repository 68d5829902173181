import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { isUncertainWrite, settled } from '../../../shared/api';
import { collection, simplifyProperty } from '../../../shared/descriptions';
import {
	httpSettingsOf,
	RELIABILITY_LABELS,
	reliabilityOptions,
	reliabilitySchema,
} from '../../../shared/reliability';
import { itemParameters, itemSuffix, numericIdList } from '../../../shared/validation';
import {
	CANDIDATE_FIELD_LABELS,
	candidateBody,
	candidateFieldProperties,
	candidateFieldsSchema,
	emailAddress,
} from '../../helpers/candidateFields';
import { offerIdOf, offerLocator } from '../../helpers/locators';
import type { Reads, Stage } from '../../helpers/lookups';
import { candidateById, candidatesWithEmail, placementOn, stageOf } from '../../helpers/lookups';
import { stageProperty } from '../../helpers/stages';
import { candidateOutput, placeOnOffer, toStage, updateCandidate } from '../../helpers/writes';
import { recordWithId, recruiteeSend } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Ann Lee',
		description: 'The candidate’s full name',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		default: '',
		placeholder: 'ann@example.com',
		description:
			'The candidate’s email address. It is how an existing candidate is found (see "If a Candidate With This Email Exists").',
	},
	offerLocator(
		'offerId',
		'The job or talent pool to put the candidate in. Leave empty to create the candidate on no offer.',
		false,
	),
	stageProperty(false),
	{
		displayName: 'If a Candidate With This Email Exists',
		name: 'ifExists',
		type: 'options',
		default: 'returnExisting',
		description:
			'What to do when a candidate with Email is already in Recruitee. Return Existing and Update make running a workflow again safe: no candidate is created twice.',
		options: [
			{
				name: 'Return Existing',
				value: 'returnExisting',
				description: 'Output the existing candidate and change nothing',
			},
			{
				name: 'Update',
				value: 'update',
				description:
					'Set the fields given here on the existing candidate (lists are added to), and put it on the offer if it is not there',
			},
			{
				name: 'Fail',
				value: 'fail',
				description: 'Stop with an error naming the existing candidate',
			},
			{
				name: 'Create Anyway',
				value: 'create',
				description: 'Create a second candidate with the same email (no look-up first)',
			},
		],
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			...candidateFieldProperties(false),
			{
				displayName: 'More Offer Names or IDs',
				name: 'moreOfferIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getOffers' },
				default: [],
				description:
					'Other jobs or talent pools to put the candidate in, each in its first stage. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},
	collection('options', reliabilityOptions),
	simplifyProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['candidate'], operation: ['create'] } },
	properties,
);

const parameters = z.object({
	name: z.string().trim().min(1, 'is empty: a candidate needs a name'),
	email: emailAddress,
	stageId: z.union([z.string(), z.number()]).transform(String),
	ifExists: z.enum(['returnExisting', 'update', 'fail', 'create']),
	additionalFields: candidateFieldsSchema
		.omit({ name: true })
		.extend({ moreOfferIds: numericIdList.optional() }),
	options: z.object(reliabilitySchema),
	simplify: z.boolean(),
});

const LABELS = {
	...CANDIDATE_FIELD_LABELS,
	email: 'Email',
	stageId: 'Stage',
	ifExists: 'If a Candidate With This Email Exists',
	moreOfferIds: 'More Offers',
	simplify: 'Simplify',
	...RELIABILITY_LABELS,
};

const created = z.object({ candidate: recordWithId });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const p = itemParameters(
		this,
		itemIndex,
		parameters,
		{
			name: '',
			email: '',
			stageId: '',
			ifExists: 'returnExisting',
			additionalFields: {},
			options: {},
			simplify: true,
		},
		LABELS,
	);
	const http = httpSettingsOf(p.options);
	const reads: Reads = { itemIndex, http };
	const offerId = await offerIdOf(
		this,
		this.getNodeParameter('offerId', itemIndex, ''),
		itemIndex,
		false,
		http,
	);
	if (p.stageId.trim() !== '' && offerId === undefined) {
		throw new NodeOperationError(
			this.getNode(),
			`Invalid parameter "Stage": a stage needs an Offer${itemSuffix(itemIndex)}`,
			{ itemIndex, description: 'Choose the Offer the stage belongs to, or leave Stage empty.' },
		);
	}
	// Every check before any write: an unknown stage fails here, not after the candidate exists.
	const stage: Stage | undefined =
		offerId !== undefined && p.stageId.trim() !== ''
			? await stageOf(this, offerId, p.stageId, reads)
			: undefined;
	const { moreOfferIds = [], ...more } = p.additionalFields;
	const fields = {
		...more,
		name: p.name,
		emails: [...(p.email ? [p.email] : []), ...(more.emails ?? [])],
	};
	const offers = [...new Set([...(offerId === undefined ? [] : [offerId]), ...moreOfferIds])];
	const who = `"${p.name}"${p.email ? ` <${p.email}>` : ''}`;
	const lookFirst = p.email !== '' && p.ifExists !== 'create';
	const output = async (id: number) =>
		candidateOutput(await candidateById(this, id, reads), p.simplify);

	if (lookFirst) {
		const [existing] = await candidatesWithEmail(this, p.email, reads);
		if (existing) {
			if (p.ifExists === 'fail') {
				throw new NodeOperationError(
					this.getNode(),
					`A candidate with the email ${p.email} already exists: ID ${existing.id}${itemSuffix(itemIndex)}`,
					{
						itemIndex,
						description:
							'Nothing was created. To use the existing candidate, set "If a Candidate With This Email Exists" to Return Existing or Update.',
					},
				);
			}
			if (p.ifExists === 'update') {
				const current = await candidateById(this, existing.id as number, reads);
				await updateCandidate(this, current.id, candidateBody(fields, current), reads);
				for (const offer of offers) {
					if (placementOn(current, offer)) continue;
					await placeOnOffer(this, current.id, offer, offer === offerId ? stage : undefined, reads);
				}
			}
			return [await output(existing.id as number)];
		}
	}

	// The create itself: never repeated blindly. After an answer that leaves it open whether the
	// candidate was created, the email tells: found, it was; not found, it was not, and it is sent again.
	let candidate: IDataObject & { id: number };
	for (let attempt = 0; ; attempt++) {
		const outcome = await settled(
			recruiteeSend(this, {
				method: 'POST',
				path: '/candidates',
				json: { candidate: candidateBody(fields), offers },
				schema: created,
				itemIndex,
				http,
				once: {
					did: `created the candidate ${who}`,
					advice: lookFirst
						? 'Run this item again: the node looks for the email first and creates nothing twice.'
						: 'Check in Recruitee whether the candidate exists before running this item again; with an Email and "If a Candidate With This Email Exists" set to Return Existing, the node checks for you.',
				},
			}),
		);
		if ('value' in outcome) {
			candidate = outcome.value.candidate;
			break;
		}
		if (!lookFirst || !isUncertainWrite(outcome.error) || attempt >= http.retry.maxRetries) {
			throw outcome.error;
		}
		const [found] = await candidatesWithEmail(this, p.email, reads);
		if (found) {
			candidate = await candidateById(this, found.id as number, reads);
			break;
		}
	}
	if (stage && offerId !== undefined) await toStage(this, candidate, offerId, stage, reads);
	return [stage ? await output(candidate.id) : candidateOutput(candidate, p.simplify)];
}
