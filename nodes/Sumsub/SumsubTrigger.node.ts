import type {
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
import { urlText, validateParameters } from '../shared/validation';
import { ACTIVITIES, normalizeEvent } from './helpers/events';
import { recentEvents, sourceFor } from './trigger/sources';

const parameters = z.object({
	endpoint: z.enum(['legacy', 'list']),
	filters: z.object({
		activity: urlText().optional(),
		subjectName: urlText().optional(),
	}),
	options: z.object({
		...backfillSchema,
		emptyAsNull: z.boolean().optional(),
	}),
});

export class SumsubTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sumsub Audit Trail Trigger',
		name: 'sumsubTrigger',
		icon: { light: 'file:../../icons/sumsub.svg', dark: 'file:../../icons/sumsub.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["endpoint"] }}',
		description:
			'Starts the workflow on new Sumsub audit trail events: who in your team looked at, changed or exported applicant data',
		defaults: { name: 'Sumsub Audit Trail Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'sumsubApi', required: true }],
		properties: [
			{
				displayName: 'Source',
				name: 'endpoint',
				type: 'options',
				default: 'legacy',
				description:
					"Which of Sumsub's two audit trail endpoints to poll. Both are paid features that Sumsub may need to enable for the account.",
				options: [
					{
						name: 'Audit Trail Events',
						value: 'legacy',
						description:
							'Newest first, events without IDs: re-reads a short overlap and drops what it already emitted',
					},
					{
						name: 'Audit Trail Events List',
						value: 'list',
						description: 'Oldest first by event ID, by forward marker: follows the event IDs',
					},
				],
			},
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				options: [
					{
						displayName: 'Activity',
						name: 'activity',
						type: 'options',
						default: 'subject:loaded:applicant',
						description: 'Only events of this type (any other type by expression)',
						options: ACTIVITIES,
					},
					{
						displayName: 'Subject Name',
						name: 'subjectName',
						type: 'string',
						default: '',
						description: 'Only events by this team member',
					},
				],
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
						displayName: 'Empty Fields as Null',
						name: 'emptyAsNull',
						type: 'boolean',
						default: false,
						description: 'Whether to output null instead of "" for fields an event does not have',
					},
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const p = validateParameters(
			this,
			parameters,
			{
				endpoint: this.getNodeParameter('endpoint', 'legacy'),
				filters: this.getNodeParameter('filters', {}),
				options: this.getNodeParameter('options', {}),
			},
			0,
			{
				endpoint: 'Source',
				activity: 'Activity',
				subjectName: 'Subject Name',
				...BACKFILL_LABELS,
				emptyAsNull: 'Empty Fields as Null',
			},
		);
		const filters = {
			activity: p.filters.activity || undefined,
			subjectName: p.filters.subjectName || undefined,
		};
		const events =
			this.getMode() === 'manual'
				? await recentEvents(this, p.endpoint, filters, 5)
				: await pollNew(this, sourceFor(this, p.endpoint, filters), {
						lagMs: 2_000,
						overlapMs: 10_000,
						backfillMs: backfillMsOf(p.options),
					});
		if (!events?.length) return null;
		const emptyAsNull = p.options.emptyAsNull ?? false;
		return [this.helpers.returnJsonArray(events.map((e) => normalizeEvent(e, emptyAsNull)))];
	}
}
