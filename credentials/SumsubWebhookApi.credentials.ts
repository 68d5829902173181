import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/**
 * The secret key of one Sumsub webhook (Dev space → Webhooks), with which Sumsub signs each
 * delivery (X-Payload-Digest). Not the app token's secret key: each webhook has its own.
 *
 * No request can test it (Sumsub only proves it by signing a delivery); the Sumsub Webhook Trigger
 * declares `testedBy` and checks what can be checked locally.
 */
export class SumsubWebhookApi implements ICredentialType {
	name = 'sumsubWebhookApi';

	displayName = 'Sumsub Webhook API';

	icon: Icon = { light: 'file:../icons/sumsub.svg', dark: 'file:../icons/sumsub.dark.svg' };

	documentationUrl = 'https://docs.sumsub.com/docs/webhooks';

	properties: INodeProperties[] = [
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				"The webhook's own secret key, from the Sumsub dashboard: Dev space → Webhooks → your webhook. Not the app token's secret key. Sumsub signs every delivery with it (X-Payload-Digest).",
		},
	];
}
