'use strict';
// The `helper` contender of the per-item workloads: a node that does only what every node like ours
// must do, so the difference between it and ours is our code's. For each input item it reads all
// of our node's parameters (the same expressions evaluated, as our node reads them) and sends the
// workload's request through n8n's `httpRequestWithAuthentication` with our Recruitee credential,
// as many items at once as our node's Items in Parallel. No checks, retries, error mapping, look-ups
// or output shaping: each item's output is the record of the answer.

/** n8n keeps only the parameters a node declares: one property for each of our node's. */
function propertiesOf(parameters) {
	const types = { string: 'string', number: 'number', boolean: 'boolean' };
	return Object.entries(parameters).map(([name, value]) => ({
		displayName: name,
		name,
		type: types[typeof value] ?? 'json',
		default: typeof value === 'object' ? {} : '',
	}));
}

/**
 * A node type for one workload: `parameters` are our node's (their names, for the description),
 * `perItem` the workload's request, `body(json)` its JSON body from the item's parameter values.
 */
function helperNodeType({ parameters, perItem, body }) {
	const names = Object.keys(parameters);
	return {
		description: {
			displayName: 'Request helper alone',
			name: 'requestHelperAlone',
			group: ['transform'],
			version: 1,
			description: 'n8n’s request helper with our parameters and credential, nothing else',
			defaults: { name: 'Request helper alone' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'recruiteeApi', required: true }],
			properties: propertiesOf(parameters),
		},
		async execute() {
			const items = this.getInputData();
			const credentials = await this.getCredentials('recruiteeApi');
			const base = `${String(credentials.baseUrl).replace(/\/+$/, '')}/c/${credentials.companyId}`;
			const { method = 'GET', path, records } = perItem;
			const concurrency = Number(this.getNodeParameter('options.concurrency', 0, 10));
			const output = new Array(items.length);
			let next = 0;
			const worker = async () => {
				while (next < items.length) {
					const itemIndex = next++;
					const values = {};
					for (const name of names) values[name] = this.getNodeParameter(name, itemIndex);
					const json = items[itemIndex].json;
					const request = {
						method,
						url: `${base}${path.replace(/\{(\w+)\}/g, (_, key) => json[key])}`,
						json: true,
					};
					if (body) request.body = body({ ...json, ...values });
					const answer = await this.helpers.httpRequestWithAuthentication.call(
						this,
						'recruiteeApi',
						request,
					);
					output[itemIndex] = { json: answer[records], pairedItem: { item: itemIndex } };
				}
			};
			await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
			return [output];
		},
	};
}

module.exports = { helperNodeType };
