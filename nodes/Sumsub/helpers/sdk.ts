import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import type { FieldLabels } from '../../shared/validation';
import type { Calls } from '../transport/applicants';
import {
	applicantParameters,
	externalUserIdSchema,
	levelName,
	levelProperty,
	optionalEmail,
	optionalPhone,
} from './applicants';

const LINK_TTL: INodeProperties = {
	displayName: 'Valid For (Minutes)',
	name: 'ttlMinutes',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 525600 },
	default: 1440,
	description: 'How long the link works (default: a day)',
};

const TOKEN_TTL: INodeProperties = {
	displayName: 'Valid For (Minutes)',
	name: 'ttlMinutes',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 525600 },
	default: 60,
	description: 'How long the token works (default: an hour)',
};

/** Who a verification link or SDK token is for: level, External User ID, how long, identifiers. */
export function identityProperties(kind: 'link' | 'token'): INodeProperties[] {
	return [
		levelProperty,
		{
			displayName: 'External User ID',
			name: 'userId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'recruitee-47628534',
			description:
				'Your own unique ID for the person: the applicant is created with it on first use, or found by it',
		},
		kind === 'link' ? LINK_TTL : TOKEN_TTL,
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			default: '',
			placeholder: 'ann@example.com',
			description: 'The applicant’s email, given to Sumsub with the request',
		},
		{
			displayName: 'Phone',
			name: 'phone',
			type: 'string',
			default: '',
			placeholder: '+49 30 1234567',
			description: 'The applicant’s phone, given to Sumsub with the request',
		},
	];
}

const identityShape = {
	levelName,
	userId: externalUserIdSchema('is empty: give the External User ID'),
	ttlMinutes: z.number().int().min(1).max(525600),
	email: optionalEmail,
	phone: optionalPhone,
};

const IDENTITY_LABELS = {
	levelName: 'Level Name',
	userId: 'External User ID',
	ttlMinutes: 'Valid For (Minutes)',
	email: 'Email',
	phone: 'Phone',
};

export interface Identity {
	/** What Sumsub takes: the level, the user, how long, and the identifiers given. */
	request: {
		levelName: string;
		userId: string;
		ttlInSecs: number;
		applicantIdentifiers?: { email?: string; phone?: string };
	};
	/** When the link or token stops working (ISO 8601). */
	expiresAt: string;
	calls: Calls;
}

/** Reads and checks the identity parameters (and the operation's own, `p`), before any request. */
export function identityOf<S extends z.ZodRawShape>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	kind: 'link' | 'token',
	extra: { shape: S; fallbacks: Record<string, unknown>; labels: FieldLabels },
): Identity & { p: z.infer<z.ZodObject<S>> } {
	const { p: id, calls } = applicantParameters(
		ctx,
		itemIndex,
		identityShape,
		{
			levelName: '',
			userId: '',
			ttlMinutes: kind === 'link' ? 1440 : 60,
			email: '',
			phone: '',
		},
		IDENTITY_LABELS,
	);
	const { p } = applicantParameters(ctx, itemIndex, extra.shape, extra.fallbacks, extra.labels);
	const ttlInSecs = id.ttlMinutes * 60;
	const identifiers = {
		...(id.email ? { email: id.email } : {}),
		...(id.phone ? { phone: id.phone } : {}),
	};
	return {
		p,
		calls,
		request: {
			levelName: id.levelName,
			userId: id.userId,
			ttlInSecs,
			...(Object.keys(identifiers).length ? { applicantIdentifiers: identifiers } : {}),
		},
		expiresAt: new Date(Date.now() + ttlInSecs * 1000).toISOString(),
	};
}
