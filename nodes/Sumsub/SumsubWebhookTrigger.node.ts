import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import {
	acknowledgeOnly,
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
import type { ReviewAnswerFilter } from './helpers/webhooks';
import {
	ALGORITHM_HEADER,
	algorithmOf,
	DIGEST_HEADER,
	filteredOut,
	flattenWebhookEvent,
	resendKeyOf,
	WEBHOOK_EVENTS,
} from './helpers/webhooks';

/** Sumsub resends a failed delivery 4 times, the last about 24 h after the first (5 min, 1 h, 5 h, 18 h). */
export const RESEND_WINDOW_MS = 24 * 60 * 60 * 1000 + 30 * 60 * 1000;

const EVENT_VALUES = new Set(WEBHOOK_EVENTS.map((e) => String(e.value)));

export class SumsubWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sumsub Webhook Trigger',
		name: 'sumsubWebhookTrigger',
		icon: { light: 'file:../../icons/sumsub.svg', dark: 'file:../../icons/sumsub.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["events"].length ? $parameter["events"].join(", ") : "all events" }}',
		description:
			'Starts the workflow the moment Sumsub sends a webhook: applicant created, pending, reviewed (GREEN or RED), on hold, reset, and the other events Sumsub documents. Signatures are checked.',
		defaults: { name: 'Sumsub Webhook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'sumsubWebhookApi', required: true, testedBy: 'sumsubWebhookSecret' }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'sumsub',
			},
		],
		properties: [
			{
				displayName:
					"Sumsub webhooks are registered by a person, in the Sumsub dashboard: Dev space → Webhooks → Create webhook. Target: HTTP address, the Production URL shown above (HTTPS). Choose the events there (at least those chosen below) and save; then copy the webhook's secret key into this node's credential. Activate this workflow: Sumsub then delivers within seconds.",
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				default: [],
				description:
					'The events that start the workflow; others get 200 and start nothing. None chosen: every event Sumsub sends.',
				options: WEBHOOK_EVENTS,
			},
			{
				displayName: 'Review Answer',
				name: 'reviewAnswer',
				type: 'options',
				default: 'any',
				description:
					'For Applicant Reviewed events only: which verification results start the workflow. Other events are not affected.',
				options: [
					{ name: 'Any', value: 'any', description: 'GREEN and RED' },
					{ name: 'GREEN (Approved)', value: 'GREEN' },
					{
						name: 'RED (Rejected)',
						value: 'RED',
						description: 'Final or retry: see reviewRejectType',
					},
				],
			},
		],
	};

	methods = {
		credentialTest: {
			sumsubWebhookSecret: secretIsSet('secretKey', {
				empty: 'Secret Key is empty: copy it from Dev space → Webhooks.',
				ok: 'Saved. Sumsub cannot be asked about this key: the first signed delivery proves it (a wrong key answers 401).',
			}),
		},
	};

	/** Registered by a person in the Sumsub dashboard: nothing to create or delete there. */
	webhookMethods = registeredByAPerson;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const events = this.getNodeParameter('events', []) as unknown;
		const reviewAnswer = this.getNodeParameter('reviewAnswer', 'any') as unknown;
		if (!Array.isArray(events) || events.some((e) => !EVENT_VALUES.has(String(e)))) {
			throw new NodeOperationError(this.getNode(), 'Invalid parameter "Events"', {
				description: 'Choose the events from the list (none: every event).',
			});
		}
		if (reviewAnswer !== 'any' && reviewAnswer !== 'GREEN' && reviewAnswer !== 'RED') {
			throw new NodeOperationError(
				this.getNode(),
				'Invalid parameter "Review Answer": must be "any", "GREEN" or "RED"',
			);
		}
		const { secretKey } = await this.getCredentials<{ secretKey?: string }>('sumsubWebhookApi');
		const secret = String(secretKey ?? '').trim();
		if (secret === '') {
			throw new NodeOperationError(
				this.getNode(),
				'The Sumsub Webhook credential has no Secret Key',
				{
					description:
						"Copy the webhook's secret key from Dev space → Webhooks into the credential.",
				},
			);
		}

		const rawBody = rawBodyOf(this);
		const algorithm = algorithmOf(headerOf(this, ALGORITHM_HEADER));
		if (!algorithm) {
			return refuse(
				this,
				400,
				`Unknown ${ALGORITHM_HEADER}: expected HMAC_SHA1_HEX, HMAC_SHA256_HEX or HMAC_SHA512_HEX`,
			);
		}
		if (!hmacMatches(rawBody, secret, algorithm, headerOf(this, DIGEST_HEADER))) {
			return refuse(this, 401, `Missing or wrong ${DIGEST_HEADER}`);
		}
		const payload = jsonObjectOf(rawBody) as IDataObject | undefined;
		if (!payload) return refuse(this, 400, 'The body is not a JSON object');

		const skipped = filteredOut(payload, events.map(String), reviewAnswer as ReviewAnswerFilter);
		if (skipped) return acknowledgeOnly(this, skipped);
		// "Listen for test event" receives every delivery, and leaves the production log alone.
		if (
			this.getMode() !== 'manual' &&
			!deliveryLogOf(this, RESEND_WINDOW_MS).firstTime(resendKeyOf(payload, rawBody))
		) {
			return acknowledgeOnly(this, 'already received: a resend');
		}
		return start(this, [flattenWebhookEvent(payload)]);
	}
}
