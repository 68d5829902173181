import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { z } from 'zod';

import {
	BACKFILL_LABELS,
	backfillMsOf,
	backfillOption,
	backfillSchema,
} from '../shared/descriptions';
import { pollNew } from '../shared/polling';
import { validateParameters } from '../shared/validation';
import { offerIdOf, offerLocator } from './helpers/locators';
import { simplifyAuditEntry, simplifySearchHit } from './helpers/simplify';
import { listSearch } from './methods';
import type { RecruiteeEvent } from './trigger/sources';
import { recentEvents, sourceFor } from './trigger/sources';

const AUDIT_EVENT_NAMES = [
	'Admin assigned candidate to offer',
	'Admin changed candidate stage',
	'Admin created candidate',
	'Admin created event request link',
	'Admin deassigned candidate from offer',
	'Admin deleted candidate',
	'Admin disqualified candidate',
	'Admin updated candidate field',
	'Admin viewed candidate',
	'Candidate field visibility changed',
];

const parameters = z.object({
	event: z.enum(['newCandidate', 'candidateMoved', 'candidateDisqualified', 'auditLogEvent']),
	stageName: z.string().optional(),
	eventTypes: z.array(z.string()).optional(),
	options: z.object({
		...backfillSchema,
		simplify: z.boolean().optional(),
	}),
});

export class RecruiteeTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Recruitee Trigger',
		name: 'recruiteeTrigger',
		icon: { light: 'file:../../icons/recruitee.svg', dark: 'file:../../icons/recruitee.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["event"] }}',
		description:
			'Starts the workflow when a candidate is added, moved or disqualified, or anything is logged, in Recruitee',
		defaults: { name: 'Recruitee Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'recruiteeApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				default: 'newCandidate',
				options: [
					{
						name: 'Candidate Disqualified',
						value: 'candidateDisqualified',
						description: 'From the audit log ("Admin disqualified candidate")',
					},
					{
						name: 'Candidate Moved to Stage',
						value: 'candidateMoved',
						description: 'From the audit log ("Admin changed candidate stage")',
					},
					{
						name: 'New Audit Log Event',
						value: 'auditLogEvent',
						description: 'Any entry of the audit log, or only some event types (admins only)',
					},
					{
						name: 'New Candidate',
						value: 'newCandidate',
						description: 'From the candidate search, by creation date',
					},
				],
			},
			{
				...offerLocator('offerId', 'Only in this job or talent pool (leave empty for all)', false),
				displayOptions: {
					show: { event: ['newCandidate', 'candidateMoved', 'candidateDisqualified'] },
				},
			},
			{
				displayName: 'Stage Name',
				name: 'stageName',
				type: 'string',
				default: '',
				placeholder: 'Phone interview',
				description: 'Only moves into this stage (leave empty for any stage)',
				displayOptions: { show: { event: ['candidateMoved'] } },
			},
			{
				displayName: 'Event Types',
				name: 'eventTypes',
				type: 'multiOptions',
				default: [],
				description: 'Only these event types (leave empty for all)',
				options: AUDIT_EVENT_NAMES.map((name) => ({ name, value: name })),
				displayOptions: { show: { event: ['auditLogEvent'] } },
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					backfillOption,
					{
						displayName: 'Simplify',
						name: 'simplify',
						type: 'boolean',
						default: true,
						description:
							'Whether to return a simplified version of the response instead of the raw data',
					},
				],
			},
		],
	};

	methods = { listSearch };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const p = validateParameters(
			this,
			parameters,
			{
				event: this.getNodeParameter('event', 'newCandidate'),
				stageName: this.getNodeParameter('stageName', ''),
				eventTypes: this.getNodeParameter('eventTypes', []),
				options: this.getNodeParameter('options', {}),
			},
			0,
			{
				event: 'Event',
				stageName: 'Stage Name',
				eventTypes: 'Event Types',
				...BACKFILL_LABELS,
			},
		);
		const event = p.event as RecruiteeEvent;
		const offerId =
			event === 'auditLogEvent'
				? undefined
				: await offerIdOf(this, this.getNodeParameter('offerId', ''), 0);
		const source = sourceFor(this, event, {
			offerId,
			stageName: p.stageName || undefined,
			eventTypes: p.eventTypes,
		});
		const records =
			this.getMode() === 'manual'
				? await recentEvents(this, source, 5)
				: await pollNew(this, source, {
						lagMs: 5_000,
						overlapMs: 60_000,
						backfillMs: backfillMsOf(p.options),
					});
		if (!records?.length) return null;
		const simplify = p.options.simplify ?? true;
		const shape = event === 'newCandidate' ? simplifySearchHit : simplifyAuditEntry;
		return [
			this.helpers.returnJsonArray(records.map((r) => (simplify ? shape(r) : r)) as IDataObject[]),
		];
	}
}
