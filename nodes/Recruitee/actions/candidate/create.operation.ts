import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod';

import { lookAfterWrite, settled } from '../../../shared/api';
import { collection, simplifyProperty } from '../../../shared/descriptions';
import { oneAtATime } from '../../../shared/execute';
import {
	httpSettingsOf,
	RELIABILITY_LABELS,
	reliabilityOptions,
	reliabilitySchema,
} from '../../../shared/reliability';
import { itemParameters, itemSuffix, numericIdList } from '../../../shared/validation';
import {
	CANDIDATE_FIELD_LABELS,
	type CandidateFields,
	candidateBody,
	candidateFieldProperties,
	candidateFieldsSchema,
	emailAddress,
} from '../../helpers/candidateFields';
import { offerIdOf, offerLocator } from '../../helpers/locators';
import type { Reads, Stage } from '../../helpers/lookups';
import { candidateById, candidatesWithEmail, placementOn, stageOf } from '../../helpers/lookups';
import type { File } from '../../helpers/attachments';
import { fileOf, uploadFile } from '../../helpers/attachments';
import { stageProperty } from '../../helpers/stages';
import {
	candidateOutput,
	oneCandidateAtATime,
	placeOnOffer,
	toStage,
	updateCandidate,
} from '../../helpers/writes';
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
				displayName: 'CV File (Input Binary Field)',
				name: 'cvBinaryPropertyName',
				type: 'string',
				default: '',
				placeholder: 'data',
				description:
					'The input binary field that holds the CV file (a Form Trigger’s file field, say). It is uploaded and set as the CV of a candidate this node creates; an existing candidate it returns or updates keeps theirs.',
			},
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
	additionalFields: candidateFieldsSchema.omit({ name: true }).extend({
		moreOfferIds: numericIdList.optional(),
		cvBinaryPropertyName: z.string().trim().optional(),
	}),
	options: z.object(reliabilitySchema),
	simplify: z.boolean(),
});

const LABELS = {
	...CANDIDATE_FIELD_LABELS,
	email: 'Email',
	stageId: 'Stage',
	ifExists: 'If a Candidate With This Email Exists',
	moreOfferIds: 'More Offers',
	cvBinaryPropertyName: 'CV File (Input Binary Field)',
	simplify: 'Simplify',
	...RELIABILITY_LABELS,
};

const created = z.object({ candidate: recordWithId });

/** One item's create, its parameters checked and resolved. */
interface Plan {
	p: z.infer<typeof parameters>;
	reads: Reads;
	fields: CandidateFields;
	/** The chosen offer (its stage applies to it) and the others, each once. */
	offerId?: number;
	stage?: Stage;
	offers: number[];
	/** Whether an existing candidate is looked for by email first. */
	lookFirst: boolean;
	/** The CV file to upload to a new candidate. */
	cv?: File;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const plan = await planOf(this, itemIndex);
	const run = async () => {
		const existing = plan.lookFirst ? await candidateWithEmail(this, plan) : undefined;
		const candidate = existing
			? await useExisting(this, plan, existing)
			: await createCandidate(this, plan);
		return [candidateOutput(candidate, plan.p.simplify)];
	};
	// Items of this run with the same email go one after the other: two must not both find nothing
	// and create.
	return plan.lookFirst
		? await oneAtATime(this, `email:${plan.p.email.toLowerCase()}`, run)
		: await run();
}

/** The parameters checked, the offer and stage resolved: every check before any write. */
async function planOf(ctx: IExecuteFunctions, itemIndex: number): Promise<Plan> {
	const p = itemParameters(
		ctx,
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
		ctx,
		ctx.getNodeParameter('offerId', itemIndex, ''),
		itemIndex,
		false,
		http,
	);
	const stageGiven = p.stageId.trim() !== '';
	if (stageGiven && offerId === undefined) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Invalid parameter "Stage": a stage needs an Offer${itemSuffix(itemIndex)}`,
			{ itemIndex, description: 'Choose the Offer the stage belongs to, or leave Stage empty.' },
		);
	}
	// An unknown stage fails here, not after the candidate exists.
	const stage =
		stageGiven && offerId !== undefined ? await stageOf(ctx, offerId, p.stageId, reads) : undefined;
	const { moreOfferIds = [], cvBinaryPropertyName, ...more } = p.additionalFields;
	const cv = cvBinaryPropertyName
		? await fileOf(ctx, itemIndex, cvBinaryPropertyName, '', 'CV File (Input Binary Field)')
		: undefined;
	return {
		p,
		reads,
		fields: {
			...more,
			name: p.name,
			emails: [...(p.email ? [p.email] : []), ...(more.emails ?? [])],
		},
		offerId,
		stage,
		offers: [...new Set([...(offerId === undefined ? [] : [offerId]), ...moreOfferIds])],
		lookFirst: p.email !== '' && p.ifExists !== 'create',
		cv,
	};
}

async function candidateWithEmail(ctx: IExecuteFunctions, plan: Plan) {
	const [existing] = await candidatesWithEmail(ctx, plan.p.email, plan.reads);
	return existing as (IDataObject & { id: number }) | undefined;
}

/** A candidate with the email exists: fail, or update it, or leave it; the candidate then. */
async function useExisting(
	ctx: IExecuteFunctions,
	plan: Plan,
	existing: IDataObject & { id: number },
): Promise<IDataObject & { id: number }> {
	const { p, reads } = plan;
	if (p.ifExists === 'fail') {
		throw new NodeOperationError(
			ctx.getNode(),
			`A candidate with the email ${p.email} already exists: ID ${existing.id}${itemSuffix(reads.itemIndex)}`,
			{
				itemIndex: reads.itemIndex,
				description:
					'Nothing was created. To use the existing candidate, set "If a Candidate With This Email Exists" to Return Existing or Update.',
			},
		);
	}
	if (p.ifExists === 'update') {
		// Another item of the run may hold another of this candidate's emails: one at a time (inside
		// the email's turn; that order never reverses).
		await oneCandidateAtATime(ctx, existing.id, async () => {
			const current = await candidateById(ctx, existing.id, reads);
			await updateCandidate(ctx, current.id, candidateBody(plan.fields, current), reads);
			for (const offer of plan.offers) {
				if (placementOn(current, offer)) continue;
				const stage = offer === plan.offerId ? plan.stage : undefined;
				await placeOnOffer(ctx, current.id, offer, stage, reads);
			}
		});
	}
	return await candidateById(ctx, existing.id, reads);
}

/**
 * POST /candidates, never repeated: after an answer that leaves it open whether the candidate was
 * created, the email tells when it finds the candidate (it was). Finding none does not tell: the
 * create may still be under way at Recruitee, and a second one could make the candidate twice, so
 * the item fails saying it may have been created. Without a look-up it fails saying so at once.
 * Then the stage and the CV, if given. The candidate as it is then.
 */
async function createCandidate(
	ctx: IExecuteFunctions,
	plan: Plan,
): Promise<IDataObject & { id: number }> {
	const { p, reads } = plan;
	const who = `"${p.name}"${p.email ? ` <${p.email}>` : ''}`;
	const outcome = await settled(
		recruiteeSend(ctx, {
			method: 'POST',
			path: '/candidates',
			json: { candidate: candidateBody(plan.fields), offers: plan.offers },
			schema: created,
			itemIndex: reads.itemIndex,
			http: reads.http,
			once: {
				did: `created the candidate ${who}`,
				advice: plan.lookFirst
					? 'Run this item again in a while: the node looks for the email first and creates nothing twice.'
					: 'Check in Recruitee whether the candidate exists before running this item again; with an Email and "If a Candidate With This Email Exists" set to Return Existing, the node checks for you.',
			},
		}),
	);
	let candidate: IDataObject & { id: number };
	if ('value' in outcome) candidate = outcome.value.candidate;
	else {
		if (!plan.lookFirst) throw outcome.error;
		const found = await lookAfterWrite(
			outcome.error,
			async () => await candidateWithEmail(ctx, plan),
			'no candidate with this email yet, but Recruitee may still be creating it',
		);
		candidate = await candidateById(ctx, found.id, reads);
	}
	if (plan.stage && plan.offerId !== undefined) {
		await toStage(ctx, candidate, plan.offerId, plan.stage, reads);
	}
	if (plan.cv) await uploadFile(ctx, candidate.id, plan.cv, true, reads);
	return plan.stage || plan.cv ? await candidateById(ctx, candidate.id, reads) : candidate;
}
