import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { ApiContext } from './http';
import { apiError } from './http';
import { DEFAULT_CONCURRENCY, MAX_CONCURRENCY } from './reliability';
import { itemSuffix } from './validation';

/** Operations by resource and operation value, as the node's parameters name them. */
export type OperationTable = Record<string, Record<string, ItemOperation>>;

/** What one operation does for one input item: the records it returns, in order. */
export type ItemOperation = (this: IExecuteFunctions, itemIndex: number) => Promise<IDataObject[]>;

function errorItem(error: unknown, itemIndex: number): INodeExecutionData {
	const json: IDataObject = {
		error: error instanceof Error ? error.message : String(error),
	};
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.description) json.description = error.description;
		if (error instanceof NodeApiError && error.httpCode) json.httpCode = error.httpCode;
		if (typeof error.context.correlationId === 'string') {
			json.correlationId = error.context.correlationId;
		}
	}
	return { json, pairedItem: { item: itemIndex } };
}

/** The error to stop the node with: ours keep their message, and all say which item failed. */
function namingItem(ctx: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

/** How many items run at once: the "Items in Parallel" option of the first item (default 10). */
function parallelItems(ctx: IExecuteFunctions): number {
	const value = Number(ctx.getNodeParameter('options.concurrency', 0, DEFAULT_CONCURRENCY));
	return Number.isInteger(value) && value >= 1 ? Math.min(value, MAX_CONCURRENCY) : 1;
}

type Outcome = { records: IDataObject[] } | { error: unknown };

/**
 * The item loop shared by every operation: one call per input item, up to "Items in Parallel" at
 * once, the output in item order, each record paired with the item it came from. With "Continue On
 * Fail" a failing item yields one error item and the others go on; without it no new item starts
 * after a failure, and the node stops with the error of the first failing item, naming it.
 */
export async function runPerItem(
	this: IExecuteFunctions,
	operation: ItemOperation,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const outcomes: Outcome[] = new Array(items.length);
	const continueOnFail = this.continueOnFail();
	let next = 0;
	let failed = false;
	const worker = async () => {
		while (next < items.length && !failed) {
			const itemIndex = next++;
			try {
				outcomes[itemIndex] = { records: await operation.call(this, itemIndex) };
			} catch (error) {
				outcomes[itemIndex] = { error };
				if (!continueOnFail) failed = true;
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(parallelItems(this), items.length) }, worker));
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < outcomes.length; itemIndex++) {
		const outcome = outcomes[itemIndex];
		if (!outcome) continue;
		if ('error' in outcome) {
			if (!continueOnFail) throw namingItem(this, outcome.error, itemIndex);
			output.push(errorItem(outcome.error, itemIndex));
			continue;
		}
		// One pairing for all the records of an item (n8n only reads it): a Return All of 200,000
		// records would otherwise make 200,000 objects that are all alike.
		// An indexed loop: for...of would make an iterator result per record here (4 MB on 100,000).
		const pairedItem = { item: itemIndex };
		const { records } = outcome;
		for (let i = 0; i < records.length; i++) output.push({ json: records[i], pairedItem });
	}
	return [output];
}

/** A node's execute(): finds the operation of the chosen resource and runs it on every item. */
export async function route(
	this: IExecuteFunctions,
	operations: OperationTable,
): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const execute = operations[resource]?.[operation];
	if (!execute) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of resource "${resource}" is not supported by this node version`,
		);
	}
	return await runPerItem.call(this, execute);
}

const queues = new WeakMap<object, Map<string, Promise<unknown>>>();

/**
 * Runs `task` after every earlier task of this node run with the same key has settled: items in
 * parallel that look up and then create the same thing (one email) must not both create it.
 */
export async function oneAtATime<T>(
	ctx: IExecuteFunctions,
	key: string,
	task: () => Promise<T>,
): Promise<T> {
	let byKey = queues.get(ctx);
	if (!byKey) queues.set(ctx, (byKey = new Map()));
	const previous = byKey.get(key) ?? Promise.resolve();
	const run = previous.then(task, task);
	byKey.set(
		key,
		run.then(
			() => undefined,
			() => undefined,
		),
	);
	return await run;
}

/**
 * The error of a read shared by the items of a run (made without naming an item) as this item's own:
 * a new error object, its message naming the item, its description, HTTP status and context kept.
 * Other errors are left as they are (the item loop names the item when it stops on one).
 */
export function forItem(ctx: ApiContext, error: unknown, itemIndex: number | undefined): unknown {
	let own: NodeApiError | NodeOperationError;
	if (error instanceof NodeApiError) {
		own = apiError(ctx, {
			message: `${error.message}${itemSuffix(itemIndex)}`,
			description: error.description ?? '',
			httpCode: error.httpCode ? Number(error.httpCode) : undefined,
			itemIndex,
		});
	} else if (error instanceof NodeOperationError) {
		own = new NodeOperationError(ctx.getNode(), `${error.message}${itemSuffix(itemIndex)}`, {
			description: error.description ?? undefined,
			itemIndex,
		});
	} else {
		return error;
	}
	Object.assign(own.context, error.context, { itemIndex });
	return own;
}

/**
 * A read made once per node run (or list search) per key and shared by every item that needs it (an
 * offer's stages, the disqualify reasons): the first caller's `load` is used by all callers with the
 * key until it settles, and a success is kept for the run; a failure is not (a later item reads
 * again). `load` names no item; on its failure every caller gets its own error naming its own item
 * (`forItem`), not the one of whichever item happened to start the read.
 */
export function sharedPerRun<T>() {
	const runs = new WeakMap<object, Map<string, Promise<T>>>();
	return async (
		ctx: ApiContext,
		key: string,
		load: () => Promise<T>,
		itemIndex: number | undefined,
	): Promise<T> => {
		let byKey = runs.get(ctx);
		if (!byKey) runs.set(ctx, (byKey = new Map()));
		let value = byKey.get(key);
		if (!value) {
			const loading = load();
			const keys = byKey;
			loading.catch(() => {
				if (keys.get(key) === loading) keys.delete(key);
			});
			byKey.set(key, loading);
			value = loading;
		}
		try {
			return await value;
		} catch (error) {
			throw forItem(ctx, error, itemIndex);
		}
	};
}
