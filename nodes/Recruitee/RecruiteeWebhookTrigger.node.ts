import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	acknowledgeOnly,
	bodyDigest,
	deliveryLogOf,
	headerOf,
	hmacMatches,
	jsonObjectOf,
	rawBodyOf,
	refuse,
	start,
	registeredByAPerson,
	secretIsSet,
} from '../shared/webhooks';
import {
	flattenDelivery,
	isChosen,
	isTestPing,
	isUnsignedTestPing,
	passesMoveFilters,
} from './helpers/webhookEvents';

/** How long a delivery is remembered: Recruitee resends a failed one for up to 48 hours. */
export const RECRUITEE_RESEND_WINDOW_MS = 48 * 3_600_000;

export const RECRUITEE_SIGNATURE_HEADER = 'x-recruitee-signature';

export class RecruiteeWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Recruitee Webhook Trigger',
		name: 'recruiteeWebhookTrigger',
		icon: { light: 'file:../../icons/recruitee.svg', dark: 'file:../../icons/recruitee.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["events"] || []).join(", ") }}',
		description:
			'Starts the workflow the moment Recruitee sends a webhook: a candidate moved, created, assigned, disqualified, requalified or deleted',
		defaults: { name: 'Recruitee Webhook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'recruiteeWebhookApi', required: true, testedBy: 'recruiteeWebhookSecret' },
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'recruitee',
			},
		],
		properties: [
			{
				displayName:
					'Register this trigger in Recruitee (Recruitee webhooks are added by a person, not by n8n): 1. Publish (activate) this workflow. 2. In Recruitee, open Settings → Apps and plugins → Webhooks and add a webhook with the Production URL shown above (it must be HTTPS and reachable from the internet) and the events you want. Recruitee sends a test request, which this trigger answers with 200 without starting the workflow. 3. Copy the webhook’s secret from Recruitee into this trigger’s credential (Webhook Secret). Deliveries without a valid signature are refused.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				default: ['candidateMoved'],
				description:
					'The deliveries that start the workflow (none chosen: every delivery); the others are answered with 200 and start nothing',
				options: [
					{
						name: 'Any Event',
						value: 'any',
						description: 'Every delivery, including events not listed here (e.g. job events)',
					},
					{
						name: 'Candidate Assigned to an Offer',
						value: 'candidateAssigned',
						description: 'A candidate is added to a job or talent pool',
					},
					{
						name: 'Candidate Created',
						value: 'candidateCreated',
						description: 'A candidate applies or is added',
					},
					{
						name: 'Candidate Deleted',
						value: 'candidateDeleted',
					},
					{
						name: 'Candidate Disqualified',
						value: 'candidateDisqualified',
					},
					{
						name: 'Candidate Moved to a Stage',
						value: 'candidateMoved',
						description: 'A candidate changes stage in a pipeline (with from and to stage)',
					},
					{
						name: 'Candidate Requalified',
						value: 'candidateRequalified',
					},
				],
			},
			{
				displayName: 'Stage Name',
				name: 'stageName',
				type: 'string',
				default: '',
				placeholder: 'Phone interview',
				description:
					'Only moves into this stage (case-insensitive; leave empty for any stage). Other events are not filtered.',
				displayOptions: { show: { events: ['candidateMoved', 'any'] } },
			},
			{
				displayName: 'Offer ID',
				name: 'offerId',
				type: 'string',
				default: '',
				placeholder: '1209656',
				description:
					'Only moves in this job or talent pool, by its ID (leave empty for all). Other events are not filtered.',
				displayOptions: { show: { events: ['candidateMoved', 'any'] } },
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Simplify',
						name: 'simplify',
						type: 'boolean',
						default: true,
						description:
							'Whether to return the fields a workflow branches on, flattened, with the delivery as received under "raw"; off: the delivery as received',
					},
				],
			},
		],
	};

	methods = {
		credentialTest: {
			recruiteeWebhookSecret: secretIsSet('webhookSecret', {
				empty:
					'Webhook Secret is empty. Copy it from Recruitee: Settings → Apps and plugins → Webhooks, the webhook with this trigger’s URL.',
				ok: 'A secret is set. Recruitee offers nothing to check it against: a wrong secret shows as deliveries refused with 401.',
			}),
		},
	};

	/** Registered by a person in Recruitee (see the notice): nothing to create or delete there. */
	webhookMethods = registeredByAPerson;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const rawBody = rawBodyOf(this);
		const { webhookSecret } = await this.getCredentials<{ webhookSecret?: string }>(
			'recruiteeWebhookApi',
		);
		const secret = String(webhookSecret ?? '');
		const signature = headerOf(this, RECRUITEE_SIGNATURE_HEADER);
		// A blank secret matches no signature (anyone could sign with it): everything is refused.
		if (!hmacMatches(rawBody, secret, 'sha256', signature)) {
			// Recruitee's test request may come before the secret is in the credential: answered, and
			// recognised from its bytes alone (nothing unsigned is parsed), it starts nothing.
			if (isUnsignedTestPing(rawBody)) return acknowledgeOnly(this, 'test request');
			return refuse(this, 401, unsignedReason(secret, signature));
		}
		const body = jsonObjectOf(rawBody);
		if (!body) return refuse(this, 400, 'The body is not a JSON object');
		if (isTestPing(body)) return acknowledgeOnly(this, 'test request');

		const item = flattenDelivery(body);
		const events = this.getNodeParameter('events', []) as string[];
		if (!isChosen(item, events)) return acknowledgeOnly(this, 'event not chosen');
		const filters = {
			stageName: this.getNodeParameter('stageName', '') as string,
			offerId: String(this.getNodeParameter('offerId', '') ?? ''),
		};
		if (!passesMoveFilters(item, filters)) return acknowledgeOnly(this, 'filtered out');

		// A resend of a delivery already started starts nothing (not in the editor's test listening,
		// where the same delivery may be sent again on purpose).
		if (this.getMode() !== 'manual') {
			const key =
				item.delivery_id !== null
					? `id:${String(item.delivery_id)}`
					: `sha256:${bodyDigest(rawBody)}`;
			if (!deliveryLogOf(this, RECRUITEE_RESEND_WINDOW_MS).firstTime(key)) {
				return acknowledgeOnly(this, 'already received');
			}
		}

		const options = this.getNodeParameter('options', {}) as { simplify?: boolean };
		const json: IDataObject = options.simplify === false ? (body as IDataObject) : item;
		return start(this, [json]);
	}
}

/** Why a delivery is refused: the credential has no secret yet, or the signature is missing or wrong. */
function unsignedReason(secret: string, signature: string | undefined): string {
	if (secret.trim() === '') {
		return 'The Recruitee Webhook credential has no Webhook Secret yet: every delivery is refused until it is copied there from Recruitee';
	}
	return signature
		? 'X-Recruitee-Signature does not match this body and the webhook secret'
		: 'X-Recruitee-Signature is missing';
}
