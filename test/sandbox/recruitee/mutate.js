'use strict';
/**
 * Runtime changes to a generated Recruitee data set: sandbox.addCandidate,
 * addAuditEntry, moveCandidate, disqualifyCandidate, requalifyCandidate and
 * setNow, plus the primitives behind the API's write routes (writes.js):
 * insertCandidate, updateCandidate, deleteCandidate, addPlacement,
 * removePlacement. Records are built by the generator's own functions (same
 * shapes) and inserted in place, keeping every order and index the routes rely
 * on; the next request sees them.
 */
const { createRng, bisect } = require('../kit');
const W = require('./words');
const D = require('./data');
const A = require('./audit');
const { SEC_US, isoMicro } = require('./time');

const DEFAULT_ACTOR = 'Ishwar Gautam';
const PHOTO_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const ISO = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?Z?$/;

/**
 * ms number, ISO string (µs kept) or undefined (the real clock) → µs since epoch.
 * @param {unknown} v @param {string} what for the error message
 */
function usOfInput(v, what) {
  const m = typeof v === 'string' ? ISO.exec(v) : null;
  const us =
    v === undefined ? Date.now() * 1000
    : typeof v === 'number' ? Math.round(v * 1000)
    : m ? Date.parse(`${m[1]}Z`) * 1000 + Number((m[2] || '').padEnd(6, '0'))
    : typeof v === 'string' ? Date.parse(v) * 1000
    : NaN;
  if (!Number.isFinite(us)) throw new TypeError(`${what}: invalid time ${JSON.stringify(v)} (ms or ISO 8601)`);
  return us;
}

/**
 * Largest get(item) (ignoring undefined), at least `floor`. Not Math.max(...spread): arrays can be large.
 * @template T @param {T[]} items @param {(x: T) => number|undefined} get @param {number} floor
 */
function maxOf(items, get, floor) {
  let m = floor;
  for (const x of items) {
    const v = get(x);
    if (v !== undefined && v > m) m = v;
  }
  return m;
}

/**
 * @typedef {import('./data').PlacementSpec} PlacementSpec
 *
 * @typedef {object} CandidateSpec
 * @property {number|string} [created_at] ms or ISO; default now (real clock)
 * @property {string} [name] default a random name
 * @property {string[]} [emails] default one address derived from the name
 * @property {number} [offerId] place the candidate in this offer
 * @property {string} [stageName] with offerId (a job): current stage; default the pipeline's first
 * @property {boolean} [disqualified] with offerId: the placement is disqualified
 * @property {string} [disqualifyReason] default 'Not a fit'
 * @property {string} [actor] admin name (creator, admin_id, disqualifier); default Ishwar Gautam
 * @property {boolean} [audit] false: no "Admin created candidate" entry
 *
 * @typedef {object} AuditSpec
 * @property {string} event_name one of the ten seed event types
 * @property {number|string} [created_at] ms or ISO; default now (real clock); kept to the second
 * @property {number} [candidateId] subject; default a random candidate the event fits
 * @property {number} [offerId] placement events: the candidate's placement in this offer
 * @property {string} [stageName] stage changes: the new stage (default the placement's current one)
 * @property {string} [previousStageName] stage changes: default the stage before it in the pipeline
 * @property {string} [actor] admin name; default Ishwar Gautam (some events have fixed actors)
 * @property {string} [disqualifyReason] disqualifications; default the placement's or 'Not a fit'
 *
 * @typedef {{ offerId?: number, stageName: string, created_at?: number|string, actor?: string }} MoveSpec
 * @typedef {{ offerId?: number, reason?: string, created_at?: number|string, actor?: string }} DisqualifySpec
 * @typedef {{ offerId?: number, created_at?: number|string, actor?: string }} RequalifySpec
 *
 * @typedef {object} CandidateFields what the write routes set (validated by writes.js)
 * @property {string} [name]
 * @property {string[]} [emails]
 * @property {string[]} [phones]
 * @property {string[]} [links]
 * @property {string[]} [social_links]
 * @property {string[]} [sources]
 * @property {string[]} [tags] tag names: the candidate's whole list; unknown names become company tags
 * @property {string|null} [cover_letter]
 * @property {string|null} [remote_cv_url]
 */

/** Candidate detail fields set as given by the write routes (besides name, emails, phones, tags). */
const PLAIN_FIELDS = ['links', 'social_links', 'sources', 'cover_letter'];

/** @param {any} data generated data set (mutated in place) */
function createMutations(data) {
  const rng = createRng(`${data.options.seed}:mutations`);
  const ctx = D.contextOf(data);
  /** @type {(x: any) => number} */
  const idOf = (x) => x.id;
  let lastCandidateId = maxOf(data.deletedCandidates, idOf, maxOf(data.candidates, idOf, 0));
  let lastPlacementId = maxOf(data.candidates, (c) => maxOf(c.placements, idOf, 0), 0);
  const g = A.auditContext({
    rng,
    data,
    deletedCandidates: data.deletedCandidates,
    newCandidateId: () => ++lastCandidateId,
    linkId: 1 + maxOf(data.auditLog, (e) => e.details.interview_request_link?.id, 2863185),
    fieldId: 1 + maxOf(data.auditLog, (e) => (e.event_name === 'Candidate field visibility changed' ? e.details.field.id : undefined), 111578631),
  });
  /** @type {Set<string> | null} taken entry ids, built on first use */
  let entryIds = null;
  /** @type {Map<number, any> | null} candidate id → meta, built on first use */
  let metaById = null;
  /** @type {Map<number, number> | null} placement id → candidate id, built on first use */
  let ownerById = null;
  /** @type {Map<string, any> | null} tag name → company tag, built on first use */
  let tagByName = null;

  // ------------------------------------------------------------ lookups

  /** @param {unknown} id @returns {[any, any]} the stored candidate and its meta */
  function candidateOf(id) {
    const c = data.index.candidateById.get(Number(id));
    if (c === undefined) throw new TypeError(`unknown candidate ${id}`);
    metaById ??= new Map(data.meta.map((/** @type {any} */ m) => [m.id, m]));
    return [c, metaById.get(c.id)];
  }

  /** @param {unknown} id */
  function offerOf(id) {
    const o = data.index.offerById.get(Number(id));
    if (!o) throw new TypeError(`unknown offer ${id}`);
    return o;
  }

  /** @param {any} offer @returns {any[]} its pipeline's stages */
  function stagesOf(offer) {
    const stages = g.stagesOfOffer.get(offer.id);
    if (!stages) throw new TypeError(`offer ${offer.id} is a talent pool: it has no stages`);
    return stages;
  }

  /** @param {any} offer @param {string} name */
  function stageNamed(offer, name) {
    const stages = stagesOf(offer);
    const st = stages.find((s) => s.name === name);
    if (!st) throw new TypeError(`offer ${offer.id} has no stage ${JSON.stringify(name)} (${stages.map((s) => s.name).join(', ')})`);
    return st;
  }

  /** @param {string} [name] */
  function adminNamed(name = DEFAULT_ACTOR) {
    const a = data.admins.find((/** @type {any} */ x) => `${x.first_name} ${x.last_name}` === name);
    if (!a) throw new TypeError(`unknown admin ${JSON.stringify(name)}`);
    return a;
  }

  /** @param {number} placementId @param {number} candidateId */
  function own(placementId, candidateId) {
    ownerById?.set(placementId, candidateId);
  }

  /**
   * The candidate holding a placement, with the placement (detail shape), or undefined.
   * @param {unknown} placementId @returns {{ candidate: any, placement: any } | undefined}
   */
  function placementById(placementId) {
    if (!ownerById) {
      ownerById = new Map();
      for (const c of data.candidates) for (const p of c.placements) ownerById.set(p.id, c.id);
    }
    const candidate = data.index.candidateById.get(ownerById.get(Number(placementId)));
    const placement = candidate?.placements.find((/** @type {any} */ p) => p.id === Number(placementId));
    return placement ? { candidate, placement } : undefined;
  }

  /** Company tag ids for tag names, adding the unknown ones (ids after the last). @param {string[]} names */
  function tagIdsOf(names) {
    const byName = (tagByName ??= new Map(data.tags.map((/** @type {any} */ t) => [t.name, t])));
    return names.map((name) => {
      let t = byName.get(name);
      if (!t) {
        t = { id: data.tags.length + 1, name };
        data.tags.push(t);
        byName.set(name, t);
      }
      return t.id;
    });
  }

  /** @param {string} name */
  function reasonNamed(name) {
    if (!g.reasonByName.has(name)) throw new TypeError(`unknown disqualify reason ${JSON.stringify(name)} (${[...g.reasonByName.keys()].join(', ')})`);
    return name;
  }

  /**
   * Generator-style view of a stored candidate: the fields templates and pool tests read.
   * @param {any} c detail @param {any} m its meta
   * @returns {{ id: number, name: string, emails: string[], skillsFieldId: number|null, skills: string[], placements: PlacementSpec[] }}
   */
  function specView(c, m) {
    const skills = c.fields.find((/** @type {any} */ f) => f.kind === 'skills');
    return {
      id: c.id,
      name: c.name,
      emails: c.emails,
      skillsFieldId: skills.id,
      skills: skills.values.map((/** @type {any} */ v) => v.text),
      placements: c.placements.map((/** @type {any} */ p, /** @type {number} */ k) => D.placementSpecOf(p, m.disqBy[k])),
    };
  }

  /**
   * The candidate's placement in offerId (or its first one passing `test`).
   * @param {PlacementSpec[]} placements @param {number|undefined} offerId @param {(p: any) => boolean} test @param {string} what
   */
  function placementIn(placements, offerId, test, what) {
    const p = offerId === undefined ? placements.find(test) : placements.find((x) => x.offer_id === Number(offerId));
    if (!p) throw new TypeError(`${what}: the candidate has no ${offerId === undefined ? 'suitable placement' : `placement in offer ${offerId}`}`);
    return p;
  }

  // ------------------------------------------------------------ writes

  /** @param {any} offer @param {number} total @param {number} disq */
  function count(offer, total, disq) {
    offer.candidates_count += total;
    offer.disqualified_candidates_count += disq;
    offer.qualified_candidates_count += total - disq;
  }

  /** Take a placement (spec) out of its offer's counters. @param {PlacementSpec} p */
  function uncount(p) {
    const offer = offerOf(p.offer_id);
    count(offer, -1, p.disq ? -1 : 0);
    if (p.hired) offer.hired_candidates_count -= 1;
  }

  /**
   * Edit a candidate's placement specs, then rebuild its detail placements and meta.
   * @param {[any, any]} cm candidate and meta @param {number} atUs time of the change @param {(placements: PlacementSpec[]) => void} change
   */
  function updatePlacements([c, m], atUs, change) {
    const placements = specView(c, m).placements;
    change(placements);
    const hiredAny = placements.some((p) => p.hired);
    c.placements = placements.map((p) => D.detailPlacement(c, p, hiredAny));
    Object.assign(m, D.placementMeta(ctx, placements));
    const at = isoMicro(atUs);
    if (at > c.updated_at) c.updated_at = at;
    if (at > c.last_activity_at) c.last_activity_at = at;
    data.orders.clear(); // sort orders are recomputed on next use
  }

  /** @param {any} entry */
  function insertEntry(entry) {
    const log = data.auditLog;
    const at = bisect(0, log.length, (k) => A.entryOrder(log[k], entry) < 0);
    log.splice(at, 0, entry);
    data.auditMeta.splice(at, 0, A.auditMetaOf(entry));
  }

  // ------------------------------------------------------------ API

  /** @param {CandidateSpec} [spec] @returns {any} the stored candidate (detail shape) */
  function addCandidate(spec = {}) {
    const createdUs = usOfInput(spec.created_at, 'addCandidate created_at');
    const created = isoMicro(createdUs);
    const admin = adminNamed(spec.actor);
    /** @type {any[]} seedSpec placement tuples */
    const placements = [];
    if (spec.offerId !== undefined) {
      const offer = offerOf(spec.offerId);
      const stage = spec.stageName !== undefined ? stageNamed(offer, spec.stageName) : offer.kind === 'job' ? stagesOf(offer)[0] : null;
      const disq = spec.disqualified ? { kind: 'admin', reason: reasonNamed(spec.disqualifyReason ?? 'Not a fit'), by: admin.id } : null;
      placements.push([++lastPlacementId, offer.id, stage ? stage.id : null, 1, created, created, disq]);
      count(offer, 1, disq ? 1 : 0);
      own(lastPlacementId, lastCandidateId + 1);
    } else if (spec.stageName !== undefined || spec.disqualified) {
      throw new TypeError('addCandidate: stageName and disqualified need an offerId');
    }
    const id = ++lastCandidateId;
    const name = spec.name ?? `${rng.pick(W.FIRST_NAMES)} ${rng.pick(W.LAST_NAMES)}`;
    const s = D.seedSpec({
      id, name, emails: spec.emails ?? [`${name.toLowerCase().replace(/[^a-z ]/g, '').replace(' ', '.')}${id % 10000}@example.com`],
      phones: [], admin_id: admin.id, created_at: created, updated_at: created, last_activity_at: created, example: false,
      has_avatar: false, photo: `${rng.string(12, PHOTO_ALPHABET)}.png`, source: 'manual', referrer: null, placements,
    });
    const detail = D.buildDetail(ctx, s);
    // default list order: created_at desc, id desc; the new id is the largest
    const meta = D.metaOf(ctx, s);
    const at = bisect(0, data.meta.length, (k) => data.meta[k].createdUs > createdUs);
    data.candidates.splice(at, 0, detail);
    data.meta.splice(at, 0, meta);
    data.index.candidateById.set(id, detail);
    metaById?.set(id, meta);
    data.orders.clear();
    if (spec.audit !== false) addAuditEntry({ event_name: 'Admin created candidate', created_at: created, candidateId: id, actor: spec.actor });
    return detail;
  }

  /** @param {AuditSpec} spec @returns {any} the stored entry */
  function addAuditEntry(spec) {
    const all = [...A.TEMPLATES, ...A.RUNTIME_TEMPLATES];
    const t = all.find((x) => x.event === spec.event_name);
    if (!t) throw new TypeError(`addAuditEntry: unknown event_name ${JSON.stringify(spec.event_name)} (${all.map((x) => x.event).join(', ')})`);
    const sec = Math.floor(usOfInput(spec.created_at, 'addAuditEntry created_at') / SEC_US);
    const admin = adminNamed(spec.actor);
    const made = t.make(g, subjectOf(t, spec, admin));
    const entry = A.renderEntry(g, t.event, made, made.admin === undefined ? admin : made.admin, A.newEntryId(rng, (entryIds ??= new Set(data.auditLog.map((/** @type {any} */ e) => e._id)))), sec);
    insertEntry(entry);
    return entry;
  }

  /**
   * The make() subject of template t for an AuditSpec: a candidate view, a
   * [view, placement spec, previous stage id?] triple, or a deleted candidate.
   * Without candidateId, a random candidate (or placement) that fits.
   * @param {typeof A.TEMPLATES[number]} t @param {AuditSpec} spec @param {any} admin
   */
  function subjectOf(t, spec, admin) {
    if (t.pool === 'always') {
      if (spec.candidateId === undefined) return true; // invent a deleted candidate
      const s = specView(...candidateOf(spec.candidateId));
      return { id: s.id, name: s.name, emails: s.emails, offers: [...new Set(s.placements.map((p) => p.offer_id))] };
    }
    const pool = A.POOLS[t.pool];
    /** Stage id by name in p's pipeline: undefined when no name, null when absent. @param {PlacementSpec} p @param {string} [name] */
    const stageId = (p, name) => (name === undefined ? undefined : g.stagesOfOffer.get(p.offer_id)?.find((st) => st.name === name)?.id ?? null);
    /** Placement p of s as the event has it, or null when it does not fit. @param {any} s @param {PlacementSpec} p */
    const placementSubject = (s, p) => {
      if (spec.offerId !== undefined && p.offer_id !== Number(spec.offerId)) return null;
      if (t.pool === 'disqualified') {
        const reason = spec.disqualifyReason ?? (p.disq ? p.disq.reason : 'Not a fit');
        return [s, { ...p, disq: { kind: 'admin', reason: reasonNamed(reason), by: admin.id } }];
      }
      if (!pool.test(s, p)) return null;
      if (t.pool !== 'staged') return [s, p];
      const now = stageId(p, spec.stageName);
      const before = stageId(p, spec.previousStageName);
      return now === null || before === null ? null : [s, now === undefined ? p : { ...p, stage_id: now }, before];
    };
    /** The subject candidate (c, m) offers, or null. @param {any} c @param {any} m */
    const fit = (c, m) => {
      const s = specView(c, m);
      if (pool.per === 'candidate') return pool.test(s) ? s : null;
      for (const p of s.placements) {
        const x = placementSubject(s, p);
        if (x) return x;
      }
      return null;
    };
    if (spec.candidateId !== undefined) {
      const x = fit(...candidateOf(spec.candidateId));
      if (x) return x;
    } else {
      // the first that fits from a random candidate on
      const n = data.candidates.length;
      const from = rng.int(0, n - 1);
      for (let k = 0; k < n; k++) {
        const x = fit(data.candidates[(from + k) % n], data.meta[(from + k) % n]);
        if (x) return x;
      }
    }
    const who = spec.candidateId === undefined ? 'no candidate' : `candidate ${spec.candidateId} has no placement that`;
    throw new TypeError(`addAuditEntry: ${who} fits ${JSON.stringify(t.event)} (offerId / stageName / previousStageName / skills / emails)`);
  }

  /** @param {number} candidateId @param {MoveSpec} spec @returns {any} the audit entry */
  function moveCandidate(candidateId, { offerId, stageName, created_at, actor }) {
    const cm = candidateOf(candidateId);
    const atUs = usOfInput(created_at, 'moveCandidate created_at');
    /** @type {any} */
    let moved = null;
    let previous = '';
    updatePlacements(cm, atUs, (placements) => {
      moved = placementIn(placements, offerId, (p) => p.stage_id !== null, 'moveCandidate');
      const stage = stageNamed(offerOf(moved.offer_id), stageName);
      previous = ctx.stageById.get(moved.stage_id).name;
      Object.assign(moved, { stage_id: stage.id, updated_at: isoMicro(atUs), updatedUs: atUs });
    });
    const event_name = 'Admin changed candidate stage';
    return addAuditEntry({ event_name, created_at: isoMicro(atUs), candidateId, offerId: moved.offer_id, stageName, previousStageName: previous, actor });
  }

  /** @param {number} candidateId @param {DisqualifySpec} [spec] @returns {any} the audit entry */
  function disqualifyCandidate(candidateId, { offerId, reason = 'Not a fit', created_at, actor } = {}) {
    const cm = candidateOf(candidateId);
    const atUs = usOfInput(created_at, 'disqualifyCandidate created_at');
    const admin = adminNamed(actor);
    reasonNamed(reason);
    /** @type {any} */
    let target = null;
    updatePlacements(cm, atUs, (placements) => {
      target = placementIn(placements, offerId, () => true, 'disqualifyCandidate');
      if (!target.disq) count(offerOf(target.offer_id), 0, 1);
      Object.assign(target, { disq: { kind: 'admin', reason, by: admin.id }, updated_at: isoMicro(atUs), updatedUs: atUs });
    });
    const event_name = 'Admin disqualified candidate';
    return addAuditEntry({ event_name, created_at: isoMicro(atUs), candidateId, offerId: target.offer_id, disqualifyReason: reason, actor });
  }

  /** @param {number} candidateId @param {RequalifySpec} [spec] @returns {any} the audit entry */
  function requalifyCandidate(candidateId, { offerId, created_at, actor } = {}) {
    const cm = candidateOf(candidateId);
    const atUs = usOfInput(created_at, 'requalifyCandidate created_at');
    adminNamed(actor);
    /** @type {any} */
    let target = null;
    updatePlacements(cm, atUs, (placements) => {
      target = placementIn(placements, offerId, (p) => !!p.disq, 'requalifyCandidate');
      if (!target.disq) throw new TypeError(`requalifyCandidate: the placement in offer ${target.offer_id} is not disqualified`);
      count(offerOf(target.offer_id), 0, -1);
      Object.assign(target, { disq: null, updated_at: isoMicro(atUs), updatedUs: atUs });
    });
    const event_name = 'Admin requalified candidate';
    return addAuditEntry({ event_name, created_at: isoMicro(atUs), candidateId, offerId: target.offer_id, actor });
  }

  /** @param {number|string} [ms] data "now" (generated_at); default the real clock */
  function setNow(ms) {
    data.now = Math.floor(usOfInput(ms, 'setNow') / 1000);
  }

  // ------------------------------------------------------------ primitives of the write routes

  /**
   * The fields the write routes change: detail values, then the meta the filters read.
   * @param {any} c detail @param {any} m meta @param {CandidateFields} f
   */
  function applyFields(c, m, f) {
    if (f.name !== undefined) {
      c.name = f.name;
      c.initials = D.initialsOf(f.name);
    }
    if (f.emails !== undefined) c.emails = f.emails;
    if (f.phones !== undefined) c.phones = f.phones;
    for (const k of PLAIN_FIELDS) if (/** @type {any} */ (f)[k] !== undefined) c[k] = /** @type {any} */ (f)[k];
    if (f.remote_cv_url !== undefined) c.cv_original_url = c.cv_url = f.remote_cv_url; // [?] fetched at once
    if (f.tags !== undefined) {
      m.tagIds = tagIdsOf(f.tags);
      c.tags = m.tagIds.map((/** @type {number} */ id) => data.tags[id - 1].name);
    }
    m.text = [c.name, ...c.emails].join('\n').toLowerCase();
    m.allText = m.tagIds.length ? `${m.text}\n${c.tags.join('\n').toLowerCase()}` : m.text;
    m.nameKey = c.name.toLowerCase();
  }

  /**
   * Create a candidate as POST /candidates does: its fields, one placement per
   * `{offerId, stageId}` (stageId null in a talent pool); "Admin created
   * candidate" and one "Admin assigned candidate to offer" entry per placement.
   * @param {CandidateFields & { name: string, atUs: number, actor: string, placements: { offerId: number, stageId: number|null }[] }} spec
   * @returns {any} the stored candidate (detail shape)
   */
  function insertCandidate({ atUs, actor, placements, ...fields }) {
    const admin = adminNamed(actor);
    const created = isoMicro(atUs);
    const id = lastCandidateId + 1;
    const tuples = placements.map(({ offerId, stageId }) => {
      count(offerOf(offerId), 1, 0);
      own(++lastPlacementId, id);
      return [lastPlacementId, offerId, stageId, 1, created, created, null];
    });
    lastCandidateId = id;
    const s = D.seedSpec({
      id, name: fields.name, emails: fields.emails ?? [], phones: fields.phones ?? [], admin_id: admin.id,
      created_at: created, updated_at: created, last_activity_at: created, example: false, has_avatar: false,
      photo: `${rng.string(12, PHOTO_ALPHABET)}.png`, source: 'manual', referrer: null, placements: tuples,
      tagIds: tagIdsOf(fields.tags ?? []),
    });
    const detail = D.buildDetail(ctx, s);
    const meta = D.metaOf(ctx, s);
    applyFields(detail, meta, { ...fields, tags: undefined });
    const at = bisect(0, data.meta.length, (k) => data.meta[k].createdUs > atUs);
    data.candidates.splice(at, 0, detail);
    data.meta.splice(at, 0, meta);
    data.index.candidateById.set(id, detail);
    metaById?.set(id, meta);
    data.orders.clear();
    addAuditEntry({ event_name: 'Admin created candidate', created_at: created, candidateId: id, actor });
    for (const p of placements) addAuditEntry({ event_name: 'Admin assigned candidate to offer', created_at: created, candidateId: id, offerId: p.offerId, actor });
    return detail;
  }

  /**
   * Change a candidate's fields (PATCH /candidates/:id): only the given ones.
   * @param {number} candidateId @param {CandidateFields} fields @param {number} atUs
   * @returns {any} the stored candidate
   */
  function updateCandidate(candidateId, fields, atUs) {
    const [c, m] = candidateOf(candidateId);
    applyFields(c, m, fields);
    const at = isoMicro(atUs);
    if (at > c.updated_at) c.updated_at = at;
    if (at > c.last_activity_at) c.last_activity_at = at;
    data.orders.clear();
    return c;
  }

  /**
   * Delete a candidate (DELETE /candidates/:id) with an "Admin deleted candidate"
   * entry; its id stays taken. Returns the candidate as it was.
   * @param {number} candidateId @param {number} atUs @param {string} actor
   */
  function deleteCandidate(candidateId, atUs, actor) {
    const [c, m] = candidateOf(candidateId);
    addAuditEntry({ event_name: 'Admin deleted candidate', created_at: isoMicro(atUs), candidateId, actor });
    for (const p of specView(c, m).placements) {
      uncount(p);
      ownerById?.delete(p.id);
    }
    const at = data.candidates.indexOf(c);
    data.candidates.splice(at, 1);
    data.meta.splice(at, 1);
    data.index.candidateById.delete(c.id);
    metaById?.delete(c.id);
    data.deletedCandidates.push({ id: c.id, name: c.name, emails: c.emails, offers: [...new Set(m.offerIds)] });
    data.orders.clear();
    return c;
  }

  /**
   * Place a candidate in an offer (POST /placements) with an "Admin assigned
   * candidate to offer" entry. The caller checks that it is not there yet.
   * @param {number} candidateId @param {number} offerId @param {number|null} stageId @param {number} atUs @param {string} actor
   * @returns {any} the new placement (detail shape)
   */
  function addPlacement(candidateId, offerId, stageId, atUs, actor) {
    const cm = candidateOf(candidateId);
    const id = ++lastPlacementId;
    const at = isoMicro(atUs);
    updatePlacements(cm, atUs, (placements) => {
      placements.push({ id, offer_id: offerId, stage_id: stageId, position: 1, created_at: at, updated_at: at, updatedUs: atUs, disq: null, hired: null });
    });
    count(offerOf(offerId), 1, 0);
    own(id, candidateId);
    addAuditEntry({ event_name: 'Admin assigned candidate to offer', created_at: at, candidateId, offerId, actor });
    return cm[0].placements.find((/** @type {any} */ p) => p.id === id);
  }

  /**
   * Take a candidate out of an offer (DELETE /placements/:id) with an "Admin
   * deassigned candidate from offer" entry. Returns the placement as it was.
   * @param {number} placementId @param {number} atUs @param {string} actor
   */
  function removePlacement(placementId, atUs, actor) {
    const found = placementById(placementId);
    if (!found) throw new TypeError(`unknown placement ${placementId}`);
    const { candidate, placement } = found;
    addAuditEntry({ event_name: 'Admin deassigned candidate from offer', created_at: isoMicro(atUs), candidateId: candidate.id, offerId: placement.offer_id, actor });
    updatePlacements(candidateOf(candidate.id), atUs, (placements) => {
      const k = placements.findIndex((p) => p.id === placement.id);
      uncount(placements[k]);
      placements.splice(k, 1);
    });
    ownerById?.delete(placement.id);
    return placement;
  }

  return {
    addCandidate, addAuditEntry, moveCandidate, disqualifyCandidate, requalifyCandidate, setNow,
    insertCandidate, updateCandidate, deleteCandidate, addPlacement, removePlacement, placementById,
    adminNamed,
  };
}

module.exports = { createMutations };
