import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as applicant from './actions/applicant';
import * as auditTrailEvent from './actions/auditTrailEvent';
import { router } from './actions/router';
import { loadOptions } from './methods';

export class Sumsub implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sumsub',
		name: 'sumsub',
		icon: { light: 'file:../../icons/sumsub.svg', dark: 'file:../../icons/sumsub.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			"Verify identities with Sumsub: create applicants, send verification links, read their review; and read Sumsub's audit trail",
		defaults: { name: 'Sumsub' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'sumsubApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Applicant', value: 'applicant' },
					{ name: 'Audit Trail Event', value: 'auditTrailEvent' },
				],
				default: 'auditTrailEvent',
			},
			...applicant.description,
			...auditTrailEvent.description,
		],
	};

	methods = { loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
