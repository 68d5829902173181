'use strict';
// The README's pictures: what each one shows and how the editor gets there. `npm run screenshots`
// takes them into docs/ and records, in docs/screenshots.json, the parameters each panel showed; the
// UI test (screenshots.ui.test.js) walks the same steps and fails when a panel no longer shows what
// its picture was taken of.

const { createHmac } = require('node:crypto');

const { EXAMPLE_WEBHOOK_SECRETS } = require('../../../scripts/lib/n8n');

/** Opens a new workflow with `node` added from the nodes panel, through `action`. */
async function addFromPanel(e, { trigger = false, node, action }) {
	await e.step('open a new workflow', () => e.newWorkflow());
	if (!trigger) await e.step('add a Manual Trigger', () => e.addManualTrigger());
	await e.step(`add ${node}: ${action}`, () => e.addNode(node, node, action));
}

/** A node's panel for its main operation, executed, so the output panel shows records. */
function panelShot({ file, title, trigger, node, action, prepare }) {
	return {
		file,
		title,
		kind: 'panel',
		async take(e) {
			await addFromPanel(e, { trigger, node, action });
			if (prepare) await prepare(e);
			const parameters = await e.step(`read ${title}`, () => e.shownParameters());
			const result = await e.step(`execute ${title}`, () => e.executeStep());
			if (!result.count) throw new Error(`${title}: the step did not output records: ${JSON.stringify(result)}`);
			return { parameters, target: () => e.ndv() };
		},
	};
}

/** A webhook trigger's panel, listening, after a signed delivery to its test URL. */
function webhookShot({ file, title, node, action, delivery }) {
	return {
		file,
		title,
		kind: 'panel',
		async take(e) {
			await addFromPanel(e, { trigger: true, node, action });
			const parameters = await e.step(`read ${title}`, () => e.shownParameters());
			const result = await e.step(`deliver to ${title}`, () =>
				e.listenAndDeliver(async (url) => {
					const { body, headers } = delivery();
					const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
					if (response.status !== 200) throw new Error(`the test URL answered ${response.status}: ${await response.text()}`);
				}),
			);
			if (!result.count) throw new Error(`${title}: the delivery did not show: ${JSON.stringify(result)}`);
			return { parameters, target: () => e.ndv() };
		},
	};
}

/** Deliveries as Recruitee and Sumsub sign them, with the example credentials' secrets. */
const hmac = (algorithm, secret, body) => createHmac(algorithm, secret).update(body).digest('hex');
function recruiteeDelivery() {
	const body = JSON.stringify({
		id: 880001,
		attempt_count: 0,
		event_type: 'candidate_moved',
		event_subtype: 'stage_changed',
		created_at: new Date().toISOString(),
		payload: {
			candidate: { id: 50001085, name: 'Oliver Bakker', emails: ['oliver.bakker1085@example.com'] },
			offer: { id: 1209656, title: 'Backend Engineer' },
			details: { from_stage: { name: 'Phone interview' }, to_stage: { name: 'Offer' } },
		},
	});
	return { body, headers: { 'X-Recruitee-Signature': hmac('sha256', EXAMPLE_WEBHOOK_SECRETS.recruitee, body) } };
}
function sumsubDelivery() {
	const body = JSON.stringify({
		applicantId: '5cb56e8e0a975a35f333c001',
		inspectionId: '5cb56e8e0a975a35f333d001',
		correlationId: 'req-screenshot-1',
		externalUserId: 'recruitee-50001085',
		levelName: 'basic-kyc-level',
		type: 'applicantReviewed',
		reviewStatus: 'completed',
		reviewResult: { reviewAnswer: 'GREEN' },
		createdAtMs: new Date().toISOString().replace('T', ' ').replace('Z', ''),
		sandboxMode: true,
	});
	return {
		body,
		headers: {
			'X-Payload-Digest': hmac('sha256', EXAMPLE_WEBHOOK_SECRETS.sumsub, body),
			'X-Payload-Digest-Alg': 'HMAC_SHA256_HEX',
		},
	};
}

function credentialShot({ file, title, credential }) {
	return {
		file,
		title,
		kind: 'credential',
		async take(e) {
			await e.step(`open ${credential}`, () => e.openCredential(credential));
			const result = await e.step(`test ${credential}`, () => e.credentialTestResult());
			if (!result.ok) throw new Error(`${credential}: the connection test failed: ${result.text}`);
			return { target: () => e.credentialModal() };
		},
	};
}

function workflowShot({ file, title, workflowId }) {
	return {
		file,
		title,
		kind: 'workflow',
		async take(e) {
			await e.step(`open workflow ${workflowId}`, () => e.openWorkflow(workflowId));
			await e.step('fit it to the canvas', () => e.zoomToFit());
			return { target: () => e.page };
		},
	};
}

const setLimit = (limit) => (e) => e.step(`set Limit to ${limit}`, () => e.fill('limit', limit));

const SHOTS = [
	panelShot({
		file: 'recruitee-node.png',
		title: 'Recruitee: Candidate → Get Many',
		node: 'Recruitee',
		action: 'Get many candidates',
		prepare: setLimit(5),
	}),
	panelShot({
		file: 'sumsub-node.png',
		title: 'Sumsub: Audit Trail Event → Get Many',
		node: 'Sumsub',
		action: 'Get many audit trail events',
		prepare: setLimit(5),
	}),
	panelShot({
		file: 'recruitee-trigger.png',
		title: 'Recruitee Trigger: On new candidate',
		trigger: true,
		node: 'Recruitee',
		action: 'On new candidate',
	}),
	panelShot({
		file: 'sumsub-trigger.png',
		title: 'Sumsub Audit Trail Trigger',
		trigger: true,
		node: 'Sumsub',
		action: 'On new Sumsub Audit Trail event',
	}),
	webhookShot({
		file: 'recruitee-webhook-trigger.png',
		title: 'Recruitee Webhook Trigger',
		node: 'Recruitee Webhook',
		delivery: recruiteeDelivery,
	}),
	webhookShot({
		file: 'sumsub-webhook-trigger.png',
		title: 'Sumsub Webhook Trigger',
		node: 'Sumsub Webhook',
		action: 'On applicant reviewed',
		delivery: sumsubDelivery,
	}),
	credentialShot({ file: 'recruitee-credential.png', title: 'Recruitee credential', credential: 'Recruitee sandbox' }),
	credentialShot({ file: 'sumsub-credential.png', title: 'Sumsub credential', credential: 'Sumsub sandbox' }),
	workflowShot({
		file: 'workflow-verify-new-hires.png',
		title: 'Example: verify the identity of new hires',
		workflowId: 'recruiteeSumsub1',
	}),
	workflowShot({
		file: 'workflow-record-verdict.png',
		title: 'Example: record the verdict in Recruitee',
		workflowId: 'recruiteeSumsub2',
	}),
];

module.exports = { SHOTS };
