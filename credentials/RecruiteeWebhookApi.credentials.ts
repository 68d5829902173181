import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The secret of one Recruitee webhook: Recruitee signs each delivery with it
 * (`X-Recruitee-Signature`, hex HMAC-SHA256 of the raw body). Nothing is sent with it, so there is
 * no request to test: the Recruitee Webhook Trigger tests it (`testedBy`) by checking that a secret
 * is there, which is all that can be checked without a delivery.
 */
export class RecruiteeWebhookApi implements ICredentialType {
	name = 'recruiteeWebhookApi';

	displayName = 'Recruitee Webhook API';

	icon: Icon = {
		light: 'file:../icons/recruitee.svg',
		dark: 'file:../icons/recruitee.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-recruitee-sumsub/n8n-nodes-recruitee-sumsub#recruitee-webhook-trigger';

	properties: INodeProperties[] = [
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'The secret Recruitee shows for the webhook: Settings → Apps and plugins → Webhooks, open the webhook whose URL is this trigger’s Production URL, and copy its secret. Recruitee signs every delivery with it.',
		},
	];
}
