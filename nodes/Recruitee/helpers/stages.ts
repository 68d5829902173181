import type { INodeProperties } from 'n8n-workflow';

/** The "Stage" picker: the stages of the chosen offer, or an ID or name by expression. */
export function stageProperty(required: boolean): INodeProperties {
	return {
		displayName: 'Stage Name or ID',
		name: 'stageId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getOfferStages', loadOptionsDependsOn: ['offerId.value'] },
		required,
		default: '',
		description: `The stage on the chosen offer${required ? '' : ' (empty: the first stage, where Recruitee puts new candidates)'}; an expression may give its name instead. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
	};
}
