import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { z } from 'zod';

/** "Return All" + "Limit", the pair every Get Many operation shows. */
export function returnAllAndLimit(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return a simplified version of the response instead of the raw data (the fields most workflows need)',
};

export function pageSizeOption(defaultSize: number, maxSize: number): INodeProperties {
	return {
		displayName: 'Page Size',
		name: 'pageSize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: maxSize },
		default: defaultSize,
		description: `How many records each request asks for while paging (at most ${maxSize}). Larger pages mean fewer requests.`,
	};
}

/** The "Filters" or "Options" collection of an operation. */
export function collection(
	kind: 'filters' | 'options',
	options: INodeProperties[],
	description?: string,
): INodeProperties {
	return {
		displayName: kind === 'filters' ? 'Filters' : 'Options',
		name: kind,
		type: 'collection',
		placeholder: kind === 'filters' ? 'Add Filter' : 'Add Option',
		default: {},
		...(description ? { description } : {}),
		options,
	};
}

/** The "Operation" selector of one resource. */
export function operationProperty(
	resource: string,
	options: INodePropertyOptions[],
	defaultOperation: string,
): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultOperation,
	};
}

const MAX_BACKFILL_HOURS = 720;

/** A polling trigger's "Backfill (Hours)": what to emit from before the first activation. */
export const backfillOption: INodeProperties = {
	displayName: 'Backfill (Hours)',
	name: 'backfillHours',
	type: 'number',
	typeOptions: { minValue: 0, maxValue: MAX_BACKFILL_HOURS },
	default: 0,
	description:
		'On first activation, also emit what happened in this many hours before it. 0: only what happens from then on.',
};

/** "Backfill (Hours)" as validated, and its label in messages. */
export const backfillSchema = {
	backfillHours: z.number().min(0).max(MAX_BACKFILL_HOURS).optional(),
};
export const BACKFILL_LABELS = { backfillHours: 'Backfill (Hours)' };

/** The backfill window in milliseconds (0: start from now). */
export const backfillMsOf = (options: { backfillHours?: number }): number =>
	(options.backfillHours ?? 0) * 3600e3;
