import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as auditLog from './actions/auditLog';
import * as candidate from './actions/candidate';
import * as note from './actions/note';
import * as offer from './actions/offer';
import { router } from './actions/router';
import * as search from './actions/search';
import { listSearch, loadOptions } from './methods';

export class Recruitee implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Recruitee',
		name: 'recruitee',
		icon: {
			light: 'file:../../icons/recruitee.svg',
			dark: 'file:../../icons/recruitee.dark.svg',
		},
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Create, update, move, disqualify, tag and read candidates, leave notes, attach files, and read offers, searches and the audit log of Recruitee',
		defaults: { name: 'Recruitee' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'recruiteeApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Audit Log', value: 'auditLog' },
					{ name: 'Candidate', value: 'candidate' },
					{ name: 'Note', value: 'note' },
					{ name: 'Offer', value: 'offer' },
					{ name: 'Search', value: 'search' },
				],
				default: 'candidate',
			},
			...auditLog.description,
			...candidate.description,
			...note.description,
			...offer.description,
			...search.description,
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
