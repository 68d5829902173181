import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

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

/**
 * The item loop shared by every operation: one call per input item, each output record paired with
 * the item it came from. With "Continue On Fail" a failing item yields one error item and the loop
 * goes on; without it the first failure stops the node, naming the item.
 */
export async function runPerItem(
	this: IExecuteFunctions,
	operation: ItemOperation,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		let records: IDataObject[];
		try {
			records = await operation.call(this, itemIndex);
		} catch (error) {
			if (this.continueOnFail()) {
				output.push(errorItem(error, itemIndex));
				continue;
			}
			throw namingItem(this, error, itemIndex);
		}
		for (const json of records) output.push({ json, pairedItem: { item: itemIndex } });
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
