'use strict';
/**
 * Company audit log generator: the seed's ten event types, each with exactly
 * the sample's shape, referencing generated candidates, placements, offers,
 * stages and admins.
 */
const W = require('./words');
const { isoOfSecond } = require('./time');

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
const IP_PREFIXES = ['103.167.233.', '198.51.100.', '203.0.113.', '192.0.2.', '100.64.12.'];

/** @param {any} a admin */
const adminMini = (a) => ({ email: a.email, first_name: a.first_name, id: a.id, last_name: a.last_name });
/** @param {any} s candidate spec */
const candidateMini = (s) => ({ emails: s.emails, id: s.id, name: s.name });
/** @param {any} o full offer */
const offerMini = (o) => ({
  id: o.id,
  kind: o.kind,
  primary_lang_code: o.kind === 'job' ? 'en' : null,
  slug: o.slug,
  status: o.status,
  title: o.title,
});
/** @param {any} s spec @param {any} p placement spec */
const placementMini = (s, p) => ({
  candidate_id: s.id,
  id: p.id,
  lang_code: null,
  offer_id: p.offer_id,
  overdue_at: null,
  positive_ratings: null,
  ratings: {},
  stage_id: p.stage_id,
});
/** @param {any} st stage record */
const stageMini = (st) => ({
  category: st.category,
  id: st.id,
  name: st.name,
  pipeline_template_id: st.pipeline_template_id,
  time_limit: null,
});

/**
 * @typedef {object} Made
 * @property {any} [admin] acting admin; default a random one; null = system event
 * @property {any} candidate
 * @property {Record<string, unknown>} details without the leading "admin"
 * @property {any} offer
 * @property {boolean} ip whether the event carries an ip_address
 */

/**
 * Event templates: `pool` names the list a subject is drawn from (POOLS).
 * @type {{ event: string, weight: number, pool: string, make: (g: any, x: any) => Made }[]}
 */
const TEMPLATES = [
  {
    event: 'Admin updated candidate field',
    weight: 10,
    pool: 'withSkills',
    make: (_g, s) => {
      const field = (/** @type {string[]} */ values) => ({
        candidate_id: s.id,
        id: s.skillsFieldId,
        kind: 'skills',
        name: null,
        options: {},
        origin: 'manual',
        values: values.map((text) => ({ text })),
      });
      return {
        candidate: null,
        details: { field: field(s.skills), previous_field: field(s.skills.slice(0, -1)) },
        offer: null,
        ip: true,
      };
    },
  },
  {
    event: 'Admin changed candidate stage',
    weight: 14,
    pool: 'staged',
    // previousId: the stage before (runtime moves); default the pipeline's previous one
    make: (g, [s, p, previousId]) => {
      const stage = g.stageById.get(p.stage_id);
      const siblings = g.stagesOfOffer.get(p.offer_id);
      const k = siblings.indexOf(stage);
      const previous = previousId === undefined ? siblings[k > 0 ? k - 1 : Math.min(1, siblings.length - 1)] : g.stageById.get(previousId);
      return {
        candidate: null,
        details: { placement: placementMini(s, p), previous_stage: stageMini(previous), stage: stageMini(stage) },
        offer: null,
        ip: true,
      };
    },
  },
  {
    event: 'Admin assigned candidate to offer',
    weight: 10,
    pool: 'placements',
    make: (g, [s, p]) => {
      const offer = offerMini(g.offerById.get(p.offer_id));
      return {
        candidate: candidateMini(s),
        details: { candidate: candidateMini(s), offer, action: null, placement: placementMini(s, p) },
        offer: offerMini(g.offerById.get(p.offer_id)),
        ip: true,
      };
    },
  },
  {
    event: 'Admin deassigned candidate from offer',
    weight: 5,
    pool: 'placements',
    make: (_g, [s, p]) => ({ candidate: null, details: { placement: placementMini(s, p) }, offer: null, ip: true }),
  },
  {
    event: 'Admin viewed candidate',
    weight: 25,
    pool: 'candidates',
    make: (_g, s) => ({ candidate: candidateMini(s), details: { candidate: candidateMini(s) }, offer: null, ip: true }),
  },
  {
    event: 'Admin created candidate',
    weight: 10,
    pool: 'candidates',
    make: (_g, s) => ({ candidate: candidateMini(s), details: { candidate: candidateMini(s) }, offer: null, ip: true }),
  },
  {
    event: 'Admin deleted candidate',
    weight: 4,
    pool: 'always',
    // x: true (a new, absent candidate) or {id, name, emails, offers}
    make: (g, x) => {
      const d = x === true ? g.newDeletedCandidate() : x;
      return {
        candidate: candidateMini(d),
        details: { candidate: candidateMini(d), offers: d.offers.map((/** @type {number} */ id) => offerMini(g.offerById.get(id))) },
        offer: null,
        ip: false,
      };
    },
  },
  {
    event: 'Admin disqualified candidate',
    weight: 8,
    pool: 'disqualified',
    make: (g, [s, p]) => ({
      admin: g.adminById.get(p.disq.by),
      candidate: null,
      details: { disqualify_reason: g.reasonByName.get(p.disq.reason), placement: placementMini(s, p) },
      offer: null,
      ip: false,
    }),
  },
  {
    event: 'Admin created event request link',
    weight: 6,
    pool: 'withEmail',
    make: (g, s) => ({
      candidate: null,
      details: {
        interview_request_link: {
          email: s.emails[0],
          id: g.nextLinkId(),
          interview_schedule_id: 57986 + g.rng.int(0, 500),
          interview_template_id: null,
        },
      },
      offer: null,
      ip: false,
    }),
  },
  {
    event: 'Candidate field visibility changed',
    weight: 4,
    pool: 'candidates',
    make: (g, s) => ({
      admin: null,
      candidate: null,
      details: {
        field: {
          candidate_id: s.id,
          id: g.nextFieldId(),
          kind: 'boolean',
          name: 'Available from May?',
          options: {},
          origin: 'manual',
          values: [{ flag: g.rng.chance(0.7) }],
        },
      },
      offer: null,
      ip: false,
    }),
  },
];

/**
 * Event types the generator never draws, only runtime changes add (sandbox.requalifyCandidate and
 * PATCH /placements/:id/requalify). The seed has no sample of a requalification [?]: this one has
 * the shape of "Admin deassigned candidate from offer" (details: admin, placement).
 * @type {typeof TEMPLATES}
 */
const RUNTIME_TEMPLATES = [
  {
    event: 'Admin requalified candidate',
    weight: 0,
    pool: 'placements',
    make: (_g, [s, p]) => ({ candidate: null, details: { placement: placementMini(s, p) }, offer: null, ip: true }),
  },
];

/**
 * What each pool accepts: a candidate spec (`per: 'candidate'`) or a
 * [spec, placement spec] pair (`per: 'placement'`). 'always' has one subject, `true`.
 * @type {Record<string, { per: 'candidate'|'placement', test: (s: any, p?: any) => boolean }>}
 */
const POOLS = {
  candidates: { per: 'candidate', test: () => true },
  withSkills: { per: 'candidate', test: (s) => s.skillsFieldId !== null && s.skills.length > 0 },
  withEmail: { per: 'candidate', test: (s) => s.emails.length > 0 },
  placements: { per: 'placement', test: () => true },
  staged: { per: 'placement', test: (_s, p) => p.stage_id !== null },
  disqualified: { per: 'placement', test: (_s, p) => !!p.disq && p.disq.by !== null },
};

/** @param {any[]} specs */
function buildPools(specs) {
  /** @type {Record<string, any[]>} */
  const pools = { always: [true] };
  for (const [name, { per, test }] of Object.entries(POOLS)) {
    pools[name] =
      per === 'candidate' ? specs.filter((s) => test(s)) : specs.flatMap((s) => s.placements.filter((/** @type {any} */ p) => test(s, p)).map((/** @type {any} */ p) => [s, p]));
  }
  return pools;
}

/**
 * Epoch seconds, ascending, over the 30 days before now; ~12% repeat the
 * previous second, and the three newest always share one second.
 * @param {import('../kit').Rng} rng @param {number} count @param {number} nowSec
 */
function entrySeconds(rng, count, nowSec) {
  const secs = new Float64Array(count);
  for (let i = 0; i < count; i++) secs[i] = nowSec - 30 * 86400 + Math.floor(rng.next() * (30 * 86400 - 1));
  secs.sort();
  for (let i = 1; i < count; i++) if (rng.chance(0.12)) secs[i] = secs[i - 1];
  for (let i = Math.max(1, count - 2); i < count; i++) secs[i] = secs[i - 1];
  return secs;
}

/**
 * Lower-cased actor + event name + details JSON, built on first use.
 * @param {any} e entry
 */
function lazyText(e) {
  /** @type {string|undefined} */
  let text;
  return () => (text ??= `${e.actor}\n${e.event_name}\n${JSON.stringify(e.details)}`.toLowerCase());
}

/**
 * The context templates' make() functions use.
 * @param {object} a
 * @param {import('../kit').Rng} a.rng
 * @param {any} a.data generated data (index, stages, offers, disqualifyReasons)
 * @param {any[]} a.deletedCandidates receives the candidates newDeletedCandidate() invents
 * @param {() => number} a.newCandidateId id for such a candidate
 * @param {number} [a.linkId] next interview request link id
 * @param {number} [a.fieldId] next candidate field id
 */
function auditContext({ rng, data, deletedCandidates, newCandidateId, linkId = 2863186, fieldId = 111578632 }) {
  const stagesOfOffer = new Map();
  for (const st of data.stages) {
    if (!stagesOfOffer.has(st.offer_id)) stagesOfOffer.set(st.offer_id, []);
    stagesOfOffer.get(st.offer_id).push(st);
  }
  return {
    rng,
    data,
    stageById: data.index.stageById,
    offerById: data.index.offerById,
    adminById: data.index.adminById,
    reasonByName: new Map(data.disqualifyReasons.map((/** @type {any} */ r) => [r.name, r])),
    /** @type {Map<number, any[]>} offer id → its stages in pipeline order */
    stagesOfOffer,
    nextLinkId: () => linkId++,
    nextFieldId: () => fieldId++,
    newDeletedCandidate() {
      const first = rng.pick(W.FIRST_NAMES);
      const last = rng.pick(W.LAST_NAMES);
      const id = newCandidateId();
      const d = {
        id,
        name: `${first} ${last}`,
        emails: [`${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '') + `${id % 10000}@example.net`],
        offers: [...new Set([rng.pick(data.offers).id, rng.pick(data.offers).id])].slice(0, rng.int(1, 2)),
      };
      deletedCandidates.push(d);
      return d;
    },
  };
}

/** @typedef {ReturnType<typeof auditContext>} AuditContext */

/**
 * An entry in the seed's shape. Draws the ip address from g.rng.
 * @param {AuditContext} g @param {string} event @param {Made} made @param {any} admin null = system @param {string} _id
 * @param {number} sec epoch seconds
 */
function renderEntry(g, event, made, admin, _id, sec) {
  const { data, rng } = g;
  const who = admin ? adminMini(admin) : null;
  return {
    _id,
    actor: admin ? `${admin.first_name} ${admin.last_name}` : 'System',
    actor_type: admin ? 'admin' : 'system',
    admin: who,
    candidate: made.candidate,
    company_id: data.companyIdValue,
    created_at: isoOfSecond(sec),
    details: who ? { admin: who, ...made.details } : made.details,
    event_name: event,
    highlight: null,
    ip_address: made.ip && admin ? IP_PREFIXES[data.admins.indexOf(admin) % IP_PREFIXES.length] + rng.int(1, 254) : null,
    offer: made.offer,
  };
}

/** A fresh 20-character entry id not in `taken` (which receives it). @param {import('../kit').Rng} rng @param {Set<string>} taken */
function newEntryId(rng, taken) {
  let _id = rng.string(20, ID_ALPHABET);
  while (taken.has(_id)) _id = rng.string(20, ID_ALPHABET);
  taken.add(_id);
  return _id;
}

/** Log order: created_at desc, then _id desc. @param {any} a @param {any} b */
const entryOrder = (a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : a._id < b._id ? 1 : a._id > b._id ? -1 : 0);

/** The row audit filters read. @param {any} e entry */
const auditMetaOf = (e) => ({ createdSec: Date.parse(e.created_at) / 1000, actor: e.actor, text: lazyText(e) });

/**
 * @param {object} a
 * @param {import('../kit').Rng} a.rng
 * @param {number} a.nowUs
 * @param {number} a.count
 * @param {any} a.data generated data (index, admins, offers, companyIdValue)
 * @param {any[]} a.specs candidate specs
 * @param {number[]} a.deletedIds spare ids for deleted candidates
 */
function buildAuditLog({ rng, nowUs, count, data, specs, deletedIds }) {
  const pools = buildPools(specs);
  const usable = TEMPLATES.filter((t) => pools[t.pool].length > 0 && (t.pool !== 'always' || data.offers.length > 0));
  /** @type {any[]} */
  const deletedCandidates = [];
  if (!specs.length || !usable.length) return { auditLog: [], auditMeta: [], deletedCandidates };

  let spareId = specs.reduce((m, s) => Math.max(m, s.id), 0);
  const newCandidateId = () => (deletedIds.length ? /** @type {number} */ (deletedIds.shift()) : ++spareId);
  const g = auditContext({ rng, data, deletedCandidates, newCandidateId });
  const weights = usable.map((t) => /** @type {[typeof t, number]} */ ([t, t.weight]));
  const adminWeights = data.admins.map((/** @type {any} */ a, /** @type {number} */ i) => [a, i === 0 ? 4 : 1]);
  const secs = entrySeconds(rng, count, Math.floor(nowUs / 1e6));
  /** @type {Set<string>} */
  const ids = new Set();
  const entries = [];
  for (let i = 0; i < count; i++) {
    const t = i < usable.length ? usable[i] : rng.weighted(weights);
    const made = t.make(g, rng.pick(pools[t.pool]));
    const admin = made.admin === undefined ? rng.weighted(adminWeights) : made.admin;
    const _id = newEntryId(rng, ids);
    entries.push(renderEntry(g, t.event, made, admin, _id, secs[i]));
  }
  entries.sort(entryOrder);
  return { auditLog: entries, auditMeta: entries.map(auditMetaOf), deletedCandidates };
}

module.exports = { buildAuditLog, auditContext, renderEntry, newEntryId, entryOrder, auditMetaOf, TEMPLATES, RUNTIME_TEMPLATES, POOLS, stageMini };
