'use strict';
/**
 * Renderers for the Recruitee shapes derived from the stored candidate detail
 * objects (list item, search hit, references, brief offer) and the cached
 * candidate sort orders. All take the data set returned by data.generate().
 */
const { isoSecond } = require('./time');

/** @typedef {import('./data').CandidateMeta} CandidateMeta */

/** @param {Record<string, unknown>} p */
function listPlacement(p) {
  const { rating_visible: _omit, ...rest } = p;
  return rest;
}

/**
 * Candidate list item (seed GET /candidates); `messages_count` only when asked.
 * @param {any} c detail object
 * @param {CandidateMeta} m
 * @param {boolean} [withMessages]
 */
function renderListItem(c, m, withMessages = false) {
  /** @type {Record<string, unknown>} */
  const item = {
    admin_id: c.admin_id,
    adminapp_url: c.adminapp_url,
    created_at: c.created_at,
    emails: c.emails,
    example: c.example,
    followed: c.followed,
    has_avatar: c.has_avatar,
    id: c.id,
    initials: c.initials,
    last_message_at: c.last_message_at,
  };
  if (withMessages) item.messages_count = m.messagesCount;
  item.my_last_rating = c.my_last_rating;
  item.my_pending_result_request = c.my_pending_result_request;
  item.my_upcoming_event = c.my_upcoming_event;
  item.name = c.name;
  item.pending_result_request = c.pending_result_request;
  item.phones = c.phones;
  item.photo_thumb_url = c.photo_thumb_url;
  item.placements = c.placements.map(listPlacement);
  item.positive_ratings = c.positive_ratings;
  item.ratings = c.ratings;
  item.ratings_count = c.ratings_count;
  item.referrer = c.referrer;
  item.source = c.source;
  item.tasks_count = c.tasks_count;
  item.unread_notifications = c.unread_notifications;
  item.upcoming_event = c.upcoming_event;
  item.updated_at = c.updated_at;
  item.viewed = c.viewed;
  return item;
}

/**
 * Search hit (seed GET /search/new/candidates).
 * @param {any} data @param {number} i candidate index
 */
function renderHit(data, i) {
  const c = data.candidates[i];
  const m = data.meta[i];
  return {
    gdpr_expires_at: null,
    tags: c.tags,
    unread_notifications: c.unread_notifications,
    photo_thumb_url: c.photo_thumb_url,
    rating: m.rating,
    last_activity_at: isoSecond(c.last_activity_at),
    new: !c.viewed,
    id: c.id,
    gdpr_status: null,
    deleted_by_name: null,
    has_avatar: c.has_avatar,
    gdpr_consent_ever_given: null,
    assigned_admins_ids: c.admin_ids,
    source: c.source,
    name: c.name,
    gdpr_uncompleted_change_request_created_at: null,
    sources: c.sources,
    created_at: isoSecond(c.created_at),
    example: c.example,
    deleted: false,
    deleted_by: null,
    emails: c.emails,
    gdpr_uncompleted_removal_request_created_at: null,
    updated_at: isoSecond(c.updated_at),
    positive_ratings: c.positive_ratings,
    highlight: null,
    placements: c.placements.map((/** @type {any} */ p, /** @type {number} */ k) => hitPlacement(data, p, m.disqBy[k])),
    phones: c.phones,
    soft_deleted_at: null,
    admin_id: c.admin_id,
    company_id: data.companyIdValue,
    rating_visible: true,
    initials: c.initials,
    deleted_at: null,
  };
}

/** @param {any} data @param {any} p detail placement @param {number|null} by */
function hitPlacement(data, p, by) {
  const disqualified = p.disqualify_kind !== undefined;
  const admin = by === null ? null : data.index.adminById.get(by);
  const stage = p.stage_id === null ? null : data.index.stageById.get(p.stage_id);
  return {
    disqualified,
    disqualified_at: disqualified ? isoSecond(p.updated_at) : null,
    disqualified_by: disqualified ? by : null,
    disqualified_by_name: admin ? `${admin.first_name} ${admin.last_name}` : null,
    disqualify_kind: disqualified ? p.disqualify_kind : null,
    disqualify_reason: disqualified ? p.disqualify_reason : null,
    eeo_data_status: null,
    hired_at: isoSecond(p.hired_at),
    id: p.id,
    is_hired: p.hired_in_this_placement,
    job_starts_at: null,
    offer: data.index.hitOffer.get(p.offer_id),
    overdue_at: null,
    overdue_diff: null,
    positive_ratings: null,
    rating_visible: true,
    stage: stage ? { id: stage.id, name: stage.name, time_limit: stage.time_limit } : null,
  };
}

/**
 * References for a set of candidates: each placement's offer and stage, then
 * the candidate's admin and hiring admins, deduplicated in first-seen order.
 * @param {any} data
 * @param {any[]} candidates detail objects
 * @param {boolean} [detail] stage refs carry action_templates (get-by-id sample)
 */
function renderReferences(data, candidates, detail = false) {
  const ix = data.index;
  const stageRefs = detail ? ix.stageDetailRef : ix.stageRef;
  /** @type {unknown[]} */
  const out = [];
  const seen = new Set();
  /** @param {string} key @param {unknown} ref */
  const add = (key, ref) => {
    if (ref && !seen.has(key)) {
      seen.add(key);
      out.push(ref);
    }
  };
  for (const c of candidates) {
    for (const p of c.placements) {
      add(`o${p.offer_id}`, ix.offerRef.get(p.offer_id));
      if (p.stage_id !== null) add(`s${p.stage_id}`, stageRefs.get(p.stage_id));
    }
    if (c.admin_id !== null) add(`a${c.admin_id}`, ix.adminRef.get(c.admin_id));
    for (const p of c.placements) if (p.hired_by_id !== null) add(`a${p.hired_by_id}`, ix.adminRef.get(p.hired_by_id));
  }
  return out;
}

const BRIEF_KEYS = ['id', 'title', 'slug', 'kind', 'status', 'created_at', 'updated_at', 'guid'];

/** @param {any} o full offer */
function renderOfferBrief(o) {
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const k of BRIEF_KEYS) out[k] = o[k];
  return out;
}

// ---------------------------------------------------------------- sort orders

/** @type {Record<string, (data: any) => (a: number, b: number) => number>} */
const COMPARATORS = {
  created_at_asc: () => (a, b) => b - a,
  by_last_message: (data) => (a, b) => data.meta[b].lastMessageUs - data.meta[a].lastMessageUs || data.meta[b].id - data.meta[a].id,
  candidate_name_asc: (data) => (a, b) => cmpStr(data.meta[a].nameKey, data.meta[b].nameKey) || a - b,
  candidate_rating_desc: (data) => (a, b) => nullLast(data.meta[a].rating, data.meta[b].rating, (x, y) => y - x) || a - b,
  candidate_stage_name_asc: (data) => (a, b) => nullLast(data.meta[a].minStage, data.meta[b].minStage, cmpStr) || a - b,
};

/** @param {string} a @param {string} b */
function cmpStr(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** @template T @param {T|null} a @param {T|null} b @param {(x: T, y: T) => number} cmp */
function nullLast(a, b, cmp) {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return cmp(a, b);
}

/**
 * Candidate indices in the given order (cached). 'created_at_desc' is the
 * stored order. Keys: created_at_desc, created_at_asc, by_last_message,
 * candidate_name_asc, candidate_rating_desc, candidate_stage_name_asc.
 * @param {any} data @param {string} key
 * @returns {Int32Array}
 */
function sortedOrder(data, key) {
  let order = data.orders.get(key);
  if (!order) {
    order = new Int32Array(data.candidates.length);
    for (let i = 0; i < order.length; i++) order[i] = i;
    if (key !== 'created_at_desc') order.sort(COMPARATORS[key](data));
    data.orders.set(key, order);
  }
  return order;
}

module.exports = { renderListItem, renderHit, renderReferences, renderOfferBrief, sortedOrder };
