import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import type { RetryPolicy } from './http';
import { DEFAULT_RETRY_POLICY, DEFAULT_TIMEOUT_MS } from './http';

/** Timeout and retry policy of every request an item makes. */
export interface HttpSettings {
	retry: RetryPolicy;
	timeoutMs: number;
}

/** Items in Parallel: the default is safe for both APIs' rate limits; the maximum is for bulk runs. */
export const DEFAULT_CONCURRENCY = 10;
export const MAX_CONCURRENCY = 50;

/**
 * Options every operation has: how long a request may take, and how failures are retried. The
 * defaults are DEFAULT_RETRY_POLICY's and DEFAULT_TIMEOUT_MS (a test keeps them equal).
 */
export const reliabilityOptions: INodeProperties[] = [
	{
		displayName: 'Items in Parallel',
		name: 'concurrency',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY },
		default: DEFAULT_CONCURRENCY,
		description:
			'How many input items are processed at once (read from the first item). The output keeps the item order. Sumsub requests stay under its rate limit whatever the value; a Recruitee rate limit answer (429) is waited out and retried.',
	},
	{
		displayName: 'Max Retries',
		name: 'maxRetries',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 10 },
		default: 4,
		description:
			'How many times a request answered with 429, 502, 503 or 504, or cut off, is tried again (with exponential backoff and jitter, honouring Retry-After). Other errors are not retried.',
	},
	{
		displayName: 'Max Retry Time (Seconds)',
		name: 'maxRetrySeconds',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 3600 },
		default: 120,
		description:
			'No retry starts once this much time has passed since the first attempt of a request. A wait the API asks for (Retry-After) is waited in full when it ends within this time; when it would end later, the item fails at once saying so.',
	},
	{
		displayName: 'Request Timeout (Seconds)',
		name: 'timeoutSeconds',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 600, numberPrecision: 1 },
		default: 60,
		description:
			'A request whose answer does not begin, or stops coming, for this long is abandoned (and retried when that is safe)',
	},
];

export const reliabilitySchema = {
	concurrency: z.number().int().min(1).max(MAX_CONCURRENCY).optional(),
	maxRetries: z.number().int().min(0).max(10).optional(),
	maxRetrySeconds: z.number().min(0).max(3600).optional(),
	timeoutSeconds: z.number().min(0.1).max(600).optional(),
};

export const RELIABILITY_LABELS = {
	concurrency: 'Items in Parallel',
	maxRetries: 'Max Retries',
	maxRetrySeconds: 'Max Retry Time (Seconds)',
	timeoutSeconds: 'Request Timeout (Seconds)',
};

export function httpSettingsOf(options: {
	maxRetries?: number;
	maxRetrySeconds?: number;
	timeoutSeconds?: number;
}): HttpSettings {
	return {
		retry: {
			...DEFAULT_RETRY_POLICY,
			maxRetries: options.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries,
			maxTotalMs: (options.maxRetrySeconds ?? DEFAULT_RETRY_POLICY.maxTotalMs / 1000) * 1000,
		},
		timeoutMs: Math.round((options.timeoutSeconds ?? DEFAULT_TIMEOUT_MS / 1000) * 1000),
	};
}
