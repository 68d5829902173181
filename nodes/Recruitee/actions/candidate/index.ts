import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as addTags from './addTags.operation';
import * as assignToOffer from './assignToOffer.operation';
import * as attachFile from './attachFile.operation';
import * as create from './create.operation';
import * as deleteCandidate from './delete.operation';
import * as disqualify from './disqualify.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as moveToStage from './moveToStage.operation';
import * as removeFromOffer from './removeFromOffer.operation';
import * as removeTags from './removeTags.operation';
import * as requalify from './requalify.operation';
import * as update from './update.operation';

export {
	addTags,
	assignToOffer,
	attachFile,
	create,
	deleteCandidate,
	disqualify,
	get,
	getAll,
	moveToStage,
	removeFromOffer,
	removeTags,
	requalify,
	update,
};

export const description: INodeProperties[] = [
	operationProperty(
		'candidate',
		[
			{
				name: 'Add Tags',
				value: 'addTags',
				description:
					'Add tags to a candidate, keeping every other tag. Needs the candidate and the tags; returns the candidate.',
				action: 'Add tags to a candidate',
			},
			{
				name: 'Assign to Offer',
				value: 'assignToOffer',
				description:
					'Put a candidate on a job or talent pool, in its first stage or a chosen one. Needs the candidate and the offer; returns the candidate.',
				action: 'Assign a candidate to an offer',
			},
			{
				name: 'Attach File',
				value: 'attachFile',
				description:
					'Upload a file from the input item’s binary data to a candidate, optionally as their CV. Returns the file record.',
				action: 'Attach a file to a candidate',
			},
			{
				name: 'Create',
				value: 'create',
				description:
					'Add a candidate (name, email and more), optionally on an offer and stage. By default an existing candidate with the same email is returned instead of creating a second one. Returns the candidate.',
				action: 'Create a candidate',
			},
			{
				name: 'Delete',
				value: 'delete',
				description:
					'Permanently delete a candidate with their placements, notes and files. Destructive: it cannot be undone. Returns what was deleted.',
				action: 'Delete a candidate',
			},
			{
				name: 'Disqualify',
				value: 'disqualify',
				description:
					'Disqualify a candidate on one offer, with a reason. Needs the candidate, the offer and the reason; returns the candidate.',
				action: 'Disqualify a candidate',
			},
			{
				name: 'Get',
				value: 'get',
				description:
					'Get one candidate by ID or URL. Needs the candidate; returns the candidate with their emails, phones, tags and placements (offer, stage, disqualified).',
				action: 'Get a candidate',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					'List candidates, newest first, optionally only those of one offer, created after a date, or matching a name or email. Returns one item per candidate, up to Limit (50 by default).',
				action: 'Get many candidates',
			},
			{
				name: 'Move to Stage',
				value: 'moveToStage',
				description:
					'Move a candidate to another stage of an offer’s pipeline. Needs the candidate, the offer and the stage; returns the candidate.',
				action: 'Move a candidate to a stage',
			},
			{
				name: 'Remove From Offer',
				value: 'removeFromOffer',
				description:
					'Take a candidate off a job or talent pool (the candidate stays in Recruitee). Destructive: the placement, with its stage and any disqualification, is gone. Needs the candidate and the offer; returns the candidate.',
				action: 'Remove a candidate from an offer',
			},
			{
				name: 'Remove Tags',
				value: 'removeTags',
				description:
					'Remove tags from a candidate, keeping every other tag. Returns the candidate.',
				action: 'Remove tags from a candidate',
			},
			{
				name: 'Requalify',
				value: 'requalify',
				description:
					'Undo a disqualification of a candidate on one offer. Needs the candidate and the offer; returns the candidate.',
				action: 'Requalify a candidate',
			},
			{
				name: 'Update',
				value: 'update',
				description:
					'Change a candidate’s fields: only the fields given are changed; list fields are added to. Returns the candidate.',
				action: 'Update a candidate',
			},
		],
		'getAll',
	),
	...addTags.description,
	...assignToOffer.description,
	...attachFile.description,
	...create.description,
	...deleteCandidate.description,
	...disqualify.description,
	...get.description,
	...getAll.description,
	...moveToStage.description,
	...removeFromOffer.description,
	...removeTags.description,
	...requalify.description,
	...update.description,
];
