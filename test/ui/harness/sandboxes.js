'use strict';
// What the sandboxes hold that the editor's lists should show: names and ids only, written into the
// UI context so the test files can check a list against the records it came from.

/** @param {{ recruitee: any, sumsub: any }} local what startLocalN8n started */
function describeSandboxes({ recruitee, sumsub }) {
	return {
		recruitee: {
			url: recruitee.url,
			companyId: recruitee.companyId,
			offers: recruitee.data.offers.map((o) => ({ id: o.id, title: o.title, kind: o.kind, status: o.status })),
			stages: recruitee.data.stages.map((s) => ({ id: s.id, name: s.name, category: s.category, offerId: s.offer_id })),
			disqualifyReasons: recruitee.data.disqualifyReasons.map((r) => ({ id: r.id, name: r.name })),
			candidates: recruitee.data.candidates.map((c) => ({ id: c.id, name: c.name })),
			auditLog: recruitee.data.auditLog.length,
		},
		sumsub: {
			url: sumsub.url,
			levels: sumsub.levels.map((l) => l.name),
			events: sumsub.data.events.length,
		},
	};
}

module.exports = { describeSandboxes };
