import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import { isRecord } from '../../shared/records';
import type { HmacAlgorithm } from '../../shared/webhooks';
import { bodyDigest } from '../../shared/webhooks';
import { flattenReview } from './applicants';

/** What the Sumsub Webhook Trigger knows of Sumsub's webhooks: event types, algorithms, payloads. */

/** Every event type Sumsub documents (user verification, then transaction monitoring). */
export const WEBHOOK_EVENTS: INodePropertyOptions[] = [
	{
		name: 'Applicant Action Level Changed',
		value: 'applicantActionLevelChanged',
		description: 'The level of an applicant action changed during the verification flow',
	},
	{
		name: 'Applicant Action On Hold',
		value: 'applicantActionOnHold',
		description: 'The verification of an applicant action was paused',
	},
	{
		name: 'Applicant Action Pending',
		value: 'applicantActionPending',
		description: 'An applicant action went to pending',
	},
	{
		name: 'Applicant Action Reviewed',
		value: 'applicantActionReviewed',
		description: 'The verification of an applicant action is complete',
	},
	{
		name: 'Applicant Activated',
		value: 'applicantActivated',
		description: 'The applicant profile was set to active',
	},
	{ name: 'Applicant Created', value: 'applicantCreated', description: 'An applicant was created' },
	{
		name: 'Applicant Deactivated',
		value: 'applicantDeactivated',
		description: 'The applicant profile was deactivated',
	},
	{
		name: 'Applicant Deleted',
		value: 'applicantDeleted',
		description: 'The applicant was permanently deleted',
	},
	{
		name: 'Applicant Level Changed',
		value: 'applicantLevelChanged',
		description: 'The applicant was moved to another verification level',
	},
	{
		name: 'Applicant On Hold',
		value: 'applicantOnHold',
		description: 'The processing of the applicant was put on hold',
	},
	{
		name: 'Applicant Pending',
		value: 'applicantPending',
		description: 'The applicant uploaded the required documents: status pending',
	},
	{
		name: 'Applicant Personal Info Changed',
		value: 'applicantPersonalInfoChanged',
		description: "The applicant's personal information changed",
	},
	{
		name: 'Applicant Prechecked',
		value: 'applicantPrechecked',
		description: 'Primary data processing is complete',
	},
	{
		name: 'Applicant Reset',
		value: 'applicantReset',
		description: 'The applicant was reset: status init, documents inactive',
	},
	{
		name: 'Applicant Reviewed',
		value: 'applicantReviewed',
		description: 'Verification is complete, with the answer GREEN (approved) or RED (rejected)',
	},
	{
		name: 'Applicant Tags Changed',
		value: 'applicantTagsChanged',
		description: "The applicant's tags changed",
	},
	{
		name: 'Applicant Workflow Completed',
		value: 'applicantWorkflowCompleted',
		description: 'A workflow was completed for the applicant',
	},
	{
		name: 'KYT Transaction Approved',
		value: 'applicantKytTxnApproved',
		description: 'Transaction monitoring: a transaction was approved',
	},
	{
		name: 'KYT Transaction Awaiting User',
		value: 'applicantKytTxnAwaitingUser',
		description: 'Transaction monitoring: a transaction waits for an action of the applicant',
	},
	{
		name: 'KYT Transaction Created',
		value: 'applicantKytTxnCreated',
		description: 'Transaction monitoring: a transaction was created',
	},
	{
		name: 'KYT Transaction Data Changed',
		value: 'applicantKytTxnDataChanged',
		description: 'Transaction monitoring: the data of a transaction was enriched',
	},
	{
		name: 'KYT Transaction Deleted',
		value: 'applicantKytTxnDeleted',
		description: 'Transaction monitoring: a transaction was deleted',
	},
	{
		name: 'KYT Transaction On Hold',
		value: 'applicantKytOnHold',
		description: 'Transaction monitoring: a transaction was put on hold for manual review',
	},
	{
		name: 'KYT Transaction Rejected',
		value: 'applicantKytTxnRejected',
		description: 'Transaction monitoring: a transaction was rejected',
	},
	{
		name: 'KYT Transaction Reviewed',
		value: 'applicantKytTxnReviewed',
		description: 'Transaction monitoring: a transaction on hold was reviewed',
	},
	{
		name: 'Video Ident Composition Completed',
		value: 'videoIdentCompositionCompleted',
		description: 'A Video Ident call recording was uploaded',
	},
	{
		name: 'Video Ident Status Changed',
		value: 'videoIdentStatusChanged',
		description: 'The status of a Video Ident changed',
	},
];

export const DIGEST_HEADER = 'X-Payload-Digest';
export const ALGORITHM_HEADER = 'X-Payload-Digest-Alg';

const ALGORITHMS: Record<string, HmacAlgorithm> = {
	HMAC_SHA1_HEX: 'sha1',
	HMAC_SHA256_HEX: 'sha256',
	HMAC_SHA512_HEX: 'sha512',
};

/**
 * The HMAC algorithm an `X-Payload-Digest-Alg` value names (any case, spaces around ignored);
 * absent or empty: HMAC_SHA256_HEX, Sumsub's default. Undefined for any other value.
 */
export function algorithmOf(header: string | undefined): HmacAlgorithm | undefined {
	const name = (header ?? '').trim().toUpperCase();
	if (name === '') return 'sha256';
	return Object.prototype.hasOwnProperty.call(ALGORITHMS, name) ? ALGORITHMS[name] : undefined;
}

const text = (value: unknown): string | null =>
	typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;

/**
 * A delivery's identity, the same for Sumsub's resends of it: the event's correlation ID with its
 * type, applicant, creation time and, for events about an applicant action or a KYT transaction,
 * that action or transaction (one request can touch several); else a digest of the body bytes.
 */
export function resendKeyOf(payload: IDataObject, rawBody: Buffer): string {
	const correlationId = text(payload.correlationId);
	if (correlationId) {
		return `event:${JSON.stringify([
			correlationId,
			text(payload.type),
			text(payload.applicantId),
			text(payload.createdAtMs),
			text(payload.applicantActionId),
			text(payload.kytTxnId),
			text(payload.kytDataTxnId),
		])}`;
	}
	return `body:${bodyDigest(rawBody)}`;
}

/**
 * `createdAtMs` as an ISO date: Sumsub documents it as `yyyy-MM-dd HH:mm:ss.fff` in UTC; epoch
 * milliseconds (a number or digits) are read too. Null when it is neither.
 */
export function isoOf(value: unknown): string | null {
	let ms: number | undefined;
	if (typeof value === 'number' && Number.isFinite(value)) ms = value;
	else if (typeof value === 'string') {
		const trimmed = value.trim();
		if (/^\d{10,}$/.test(trimmed)) ms = Number(trimmed);
		else {
			const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?)(Z|[+-]00:?00)?$/.exec(
				trimmed,
			);
			if (m) ms = Date.parse(`${m[1]}T${m[2]}Z`);
		}
	}
	return ms === undefined || Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** One item of the trigger: the fields a workflow branches on, flattened, and the payload as `raw`. */
export function flattenWebhookEvent(payload: IDataObject): IDataObject {
	const applicantId = text(payload.applicantId);
	const review = flattenReview(applicantId ?? '', payload);
	return {
		type: text(payload.type),
		applicantId,
		externalUserId: text(payload.externalUserId),
		levelName: text(payload.levelName),
		reviewStatus: review.reviewStatus,
		reviewAnswer: review.reviewAnswer,
		approved: review.approved,
		rejected: review.rejected,
		rejectLabels: review.rejectLabels,
		reviewRejectType: review.reviewRejectType,
		correlationId: text(payload.correlationId),
		createdAt: isoOf(payload.createdAtMs),
		sandboxMode: typeof payload.sandboxMode === 'boolean' ? payload.sandboxMode : null,
		raw: payload,
	};
}

export type ReviewAnswerFilter = 'any' | 'GREEN' | 'RED';

/**
 * Why a delivery starts nothing under the node's filters, or undefined when it passes. `events`
 * empty means every event; the review answer filter applies to applicantReviewed only.
 */
export function filteredOut(
	payload: IDataObject,
	events: string[],
	reviewAnswer: ReviewAnswerFilter,
): string | undefined {
	const type = text(payload.type) ?? '';
	if (events.length && !events.includes(type)) return 'event type not chosen in the trigger';
	if (type === 'applicantReviewed' && reviewAnswer !== 'any') {
		const result = isRecord(payload.reviewResult) ? payload.reviewResult : {};
		if (result.reviewAnswer !== reviewAnswer) return 'review answer filtered out by the trigger';
	}
	return undefined;
}
