'use strict';
/**
 * Deterministic Recruitee data set: admins, departments, tags, offers (jobs and
 * talent pools with their pipeline stages), candidates (detail shape) and the
 * company audit log, plus renderers for the list / search-hit / reference shapes.
 * Shapes follow the seed's JSON samples field for field (see samples.js).
 */
const { createRng, flat } = require('../kit');
const S = require('./samples');
const W = require('./words');
const { buildAuditLog } = require('./audit');
const render = require('./render');
const { SEC_US, DAY_US, YEAR_US, isoMicro, usOf, isoSecond, later, randomTimes } = require('./time');

/**
 * @typedef {object} GenerateOptions
 * @property {string} companyId
 * @property {number} candidates total, including the seed's 4 sample candidates
 * @property {number} offers total, including the seed's 5 sample offers
 * @property {number} auditLogEntries
 * @property {number|string} seed
 * @property {number} now ms since epoch; data lies before it
 * @property {boolean} includeSamples include the seed's own records
 */

/** @type {Readonly<GenerateOptions>} */
const DEFAULTS = Object.freeze({
  companyId: '90598',
  candidates: 1000,
  offers: 50,
  auditLogEntries: 1000,
  seed: 1,
  now: Date.parse('2026-11-20T12:00:00Z'),
  includeSamples: true,
});

/** @type {any} shared, frozen */
const EMPTY = Object.freeze([]);
/** @type {any} shared, frozen */
const EMPTY_OBJ = Object.freeze({});

// ---------------------------------------------------------------- small helpers

/** @param {string} name */
function initialsOf(name) {
  return name
    .split(' ')
    .filter((w) => /^\p{L}/u.test(w))
    .slice(0, 2)
    .map((w) => w[0].toUpperCase())
    .join('');
}

/** @param {string} s */
function slugify(s) {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** @param {any} o */
function deepFreeze(o) {
  for (const v of Object.values(o)) if (v && typeof v === 'object') deepFreeze(v);
  return Object.freeze(o);
}

/**
 * @param {import('../kit').Rng} rng
 * @template T
 * @param {readonly T[]} items
 * @param {number} n
 */
function pickDistinct(rng, items, n) {
  /** @type {T[]} */
  const out = [];
  const k = Math.min(n, items.length);
  while (out.length < k) {
    const x = rng.pick(items);
    if (!out.includes(x)) out.push(x);
  }
  return out;
}

// ---------------------------------------------------------------- admins

function buildAdmins() {
  const more = S.MORE_ADMINS.map(([first_name, last_name, id, email, timezone, time_format24]) => ({
    email,
    first_name,
    has_avatar: false,
    id,
    initials: initialsOf(`${first_name} ${last_name}`),
    last_name,
    photo_normal_url: `https://recruitee-main.s3.eu-central-1.amazonaws.com/admins/${id}/normal_avatar_${String(id).split('').reverse().join('')}ab.png`,
    photo_thumb_url: `https://recruitee-main.s3.eu-central-1.amazonaws.com/admins/${id}/thumb_avatar_${String(id).split('').reverse().join('')}ab.png`,
    time_format24,
    timezone,
  }));
  return [...S.ADMINS.map((a) => ({ ...a })), ...more];
}

// ---------------------------------------------------------------- offers

const JOB_STATUSES = /** @type {[string, number][]} */ ([['published', 40], ['internal', 15], ['draft', 12], ['archived', 18], ['closed', 15]]);
const POOL_STATUSES = /** @type {[string, number][]} */ ([['published', 30], ['internal', 20], ['draft', 30], ['archived', 20]]);

/**
 * @param {Ctx} ctx
 * @param {number} id
 * @param {number} createdUs
 * @param {Set<string>} slugs
 * @param {Set<string>} guids
 */
function randomOffer(ctx, id, createdUs, slugs, guids) {
  const { rng } = ctx;
  const kind = rng.chance(0.8) ? 'job' : 'talent_pool';
  const status = rng.weighted(kind === 'job' ? JOB_STATUSES : POOL_STATUSES);
  const title =
    kind === 'job'
      ? (rng.chance(0.3) ? 'Senior ' : rng.chance(0.15) ? 'Junior ' : '') + rng.pick(W.ROLES)
      : rng.pick(W.POOL_TITLES);
  let slug = slugify(title);
  for (let n = 2; slugs.has(slug); n++) slug = `${slugify(title)}-${n}`;
  slugs.add(slug);
  let guid = rng.string(5, 'abcdefghijklmnopqrstuvwxyz0123456789');
  while (guids.has(guid)) guid = rng.string(5, 'abcdefghijklmnopqrstuvwxyz0123456789');
  guids.add(guid);
  const updatedUs = later(rng, createdUs, 10 * DAY_US, ctx.nowUs);
  const place = kind === 'job' ? randomPlace(rng) : { location: '', city: null, country_code: null, state_code: null, state_name: '', postal_code: null };
  const published = status !== 'draft' && (status !== 'archived' || rng.chance(0.5));
  return {
    ...place,
    id,
    kind,
    status,
    title,
    slug,
    guid,
    department_id: rng.pick(S.DEPARTMENTS).id,
    position: kind === 'job' ? rng.int(1, 40) : null,
    example: false,
    offer_tags: pickDistinct(rng, W.OFFER_TAGS, rng.weighted(W_OFFER_TAGS)),
    employment_type: kind === 'job' ? rng.weighted(W_EMPLOYMENT) : null,
    created_at: isoMicro(createdUs),
    updated_at: isoMicro(updatedUs),
    published_at: published ? isoMicro(createdUs + 1000) : null,
    closed_at: status === 'closed' ? isoMicro(updatedUs) : null,
    hiring_manager_id: rng.chance(0.5) ? rng.pick(ctx.admins).id : null,
    recruiter_id: rng.chance(0.5) ? rng.pick(ctx.admins).id : null,
    stages: kind === 'job' ? S.DEFAULT_STAGES : null,
  };
}

/** @param {import('../kit').Rng} rng */
function randomPlace(rng) {
  if (rng.chance(0.15)) {
    return { location: 'Remote job', city: null, country_code: null, state_code: null, state_name: null, postal_code: null };
  }
  const [city, country, country_code, state_code, state_name, postal_code] = rng.pick(W.CITIES);
  return { location: `${city}, ${country}`, city, country_code, state_code, state_name, postal_code };
}

/** @param {Ctx} ctx */
function buildOfferSpecs(ctx) {
  /** @type {any[]} */
  const specs = ctx.o.includeSamples ? S.OFFERS.map((s) => ({ ...s })) : [];
  const n = Math.max(0, ctx.o.offers - specs.length);
  const times = randomTimes(ctx.rng, n, ctx.nowUs - 2 * YEAR_US, ctx.nowUs - DAY_US, 0);
  const slugs = new Set(specs.map((s) => s.slug));
  const guids = new Set(specs.map((s) => s.guid));
  let templateId = 700000;
  let stageId = 9000000;
  for (let i = 0; i < n; i++) {
    /** @type {any} */
    const spec = randomOffer(ctx, 1300000 + i, times[i], slugs, guids);
    if (spec.kind === 'job') {
      spec.templateId = ++templateId;
      spec.firstStageId = stageId + 1;
      stageId += spec.stages.length;
    }
    specs.push(spec);
  }
  for (const s of specs) s.createdUs = usOf(s.created_at);
  return specs;
}

/**
 * Stage records (the pipeline-template stage shape + created_at, updated_at,
 * offer_id, pipeline_template_id). Sets spec.stageRecords on each job spec.
 * @param {any[]} offerSpecs
 */
function buildStages(offerSpecs) {
  /** @type {any[]} */
  const stages = [];
  for (const o of offerSpecs) {
    if (o.kind !== 'job') continue;
    o.stageRecords = o.stages.map((/** @type {any} */ s, /** @type {number} */ k) => {
      const id = o.firstStageId + k;
      const times = S.STAGE_TIMES[/** @type {keyof typeof S.STAGE_TIMES} */ (id)] || [
        isoMicro(o.createdUs + 20 + 2 * k),
        isoMicro(o.createdUs + 21 + 2 * k),
      ];
      const rec = {
        action_templates: EMPTY,
        category: s.category,
        fair_evaluations_enabled: false,
        group: s.group,
        id,
        locked: s.locked,
        name: s.name,
        placements_count: null,
        position: s.position,
        time_limit: null,
        created_at: times[0],
        updated_at: times[1],
        offer_id: o.id,
        pipeline_template_id: o.templateId,
      };
      stages.push(rec);
      return rec;
    });
    o.stageWeights = o.stageRecords.map((/** @type {any} */ r) => [r.id, STAGE_WEIGHTS[r.category] ?? 1]);
  }
  return stages;
}

/** Full offer shape (seed "marketer-sample"); talent pools have no lang_code. */
function renderOffer(/** @type {any} */ o, /** @type {{total:number,disq:number,hired:number}} */ n) {
  const base = `https://${S.SUBDOMAIN}.recruitee.com/o/${o.slug}`;
  const live = o.status === 'published' || o.status === 'internal';
  /** @type {Record<string, unknown>} */
  const out = {
    closed_at: o.closed_at,
    candidates_count: n.total,
    job_scheduler: null,
    status: o.status,
    url: base,
    number_of_openings: null,
    example: o.example,
    has_active_campaign: false,
    id: o.id,
    enabled_for_referrals: false,
    eeo_settings: null,
    position: o.position,
  };
  if (o.kind === 'job') out.lang_code = 'en';
  Object.assign(out, {
    slug: o.slug,
    hired_candidates_count: n.hired,
    issues: {
      is_required_data_filled: live,
      is_required_data_missing: !live,
      is_requisition_missing: true,
      is_requisition_present: false,
    },
    offer_tags: o.offer_tags,
    hiring_manager_id: o.hiring_manager_id,
    pipeline_template: o.kind === 'job' ? pipelineTemplate(o) : null,
    guid: o.guid,
    mailbox_email: `job.${o.guid}@${S.SUBDOMAIN}.recruitee.com`,
    created_at: o.created_at,
    recruiter_id: o.recruiter_id,
    followers: [],
    postal_code: o.postal_code,
    shared_openings_count: null,
    kind: o.kind,
    city: o.city,
    published_at: o.published_at,
    followed: false,
    careers_url: base,
    employment_type: o.employment_type,
    street: null,
    updated_at: o.updated_at,
    location: o.location,
    department_id: o.department_id,
    pipeline: false,
    hired_candidates_without_openings_count: null,
    country_code: o.country_code,
    title: o.title,
    state_name: o.state_name,
    qualified_candidates_count: n.total - n.disq,
    enabled_languages: [{ code: 'en', name: 'English', native_name: 'English' }],
    adminapp_url: `https://app.recruitee.com/#/offers/${o.slug}`,
    state_code: o.state_code,
    department: (S.DEPARTMENTS.find((d) => d.id === o.department_id) || { name: null }).name,
    disqualified_candidates_count: n.disq,
  });
  return out;
}

/** @param {any} o */
function pipelineTemplate(o) {
  return {
    category: null,
    custom: false,
    default: true,
    id: o.templateId,
    position: null,
    requires_adjustment: false,
    stages: o.stageRecords.map((/** @type {any} */ s) => ({
      action_templates: [],
      category: s.category,
      fair_evaluations_enabled: false,
      group: s.group,
      id: s.id,
      locked: s.locked,
      name: s.name,
      placements_count: null,
      position: s.position,
      time_limit: null,
    })),
    title: 'Default',
  };
}

// ---------------------------------------------------------------- candidates

const PUBLIC = deepFreeze({ admin_ids: [], level: 'public', role_ids: [] });
const FIXED_FIELDS = deepFreeze({
  language: {
    fixed: true, id: null, kind: 'language_skill',
    options: { levels: ['none', 'basic', 'intermediate', 'advanced', 'near_native', 'native'] },
    origin: 'manual', values: [], visibility: PUBLIC, visible: true,
  },
  noSkills: { fixed: true, id: null, kind: 'skills', origin: 'manual', values: [], visibility: PUBLIC, visible: true },
  specialization: {
    fixed: true, id: null, kind: 'dropdown', name: 'Specialization',
    options: { values: ['Sourcing', 'Screening & Interviewing'] },
    origin: 'manual', values: [], visibility: PUBLIC, visible: true,
  },
  salary: {
    fixed: true, id: null, kind: 'single_line', name: 'Salary expectation', origin: 'manual', values: [],
    visibility: { admin_ids: [322384], level: 'protected', role_ids: [541069, 541070, 541071] }, visible: true,
  },
  education: { fixed: true, id: null, kind: 'education', origin: 'manual', values: [], visibility: PUBLIC, visible: true },
  experience: { fixed: true, id: null, kind: 'experience', origin: 'manual', values: [], visibility: PUBLIC, visible: true },
});

/** @param {Spec} s */
function fieldsOf(s) {
  const skills =
    s.skillsFieldId === null
      ? FIXED_FIELDS.noSkills
      : {
          fixed: true,
          id: s.skillsFieldId,
          kind: 'skills',
          origin: 'manual',
          values: s.skills.map((text) => ({ text })),
          visibility: PUBLIC,
          visible: true,
        };
  const f = FIXED_FIELDS;
  return [f.language, skills, f.specialization, f.salary, f.education, f.experience];
}

/**
 * @typedef {object} PlacementSpec
 * @property {number} id
 * @property {number} offer_id
 * @property {number|null} stage_id
 * @property {number} position
 * @property {string} created_at
 * @property {string} updated_at
 * @property {number} updatedUs
 * @property {{kind: string, reason: string, by: number|null}|null} disq
 * @property {{at: string, by: number}|null} hired
 *
 * @typedef {object} Spec normalised candidate spec
 * @property {number} id
 * @property {string} name
 * @property {string[]} emails
 * @property {string[]} phones
 * @property {number|null} admin_id
 * @property {string} created_at
 * @property {number} createdUs
 * @property {string} updated_at
 * @property {string} last_activity_at
 * @property {string|null} last_message_at
 * @property {boolean} example
 * @property {boolean} has_avatar
 * @property {string} photo "key.ext"
 * @property {string} source
 * @property {string|null} referrer
 * @property {number|null} positive_ratings
 * @property {Record<string, number>} ratings
 * @property {number} ratings_count
 * @property {number} tasks_count
 * @property {boolean} viewed
 * @property {boolean} followed
 * @property {boolean} unread_notifications
 * @property {boolean} upcoming_event
 * @property {number[]} tagIds
 * @property {number|null} skillsFieldId
 * @property {string[]} skills
 * @property {number[]} admin_ids
 * @property {number} notes_count
 * @property {number} attachments_count
 * @property {number} messages_count
 * @property {number|null} rating average score 0..100 (search hits' "rating")
 * @property {PlacementSpec[]} placements
 */

/** @param {any} s seed candidate from samples.js @returns {Spec} */
function seedSpec(s) {
  return {
    last_message_at: null, positive_ratings: null, ratings: {}, ratings_count: 0, tasks_count: 0, viewed: true,
    followed: false, unread_notifications: false, upcoming_event: false, tagIds: [], skillsFieldId: null, skills: [],
    admin_ids: [], notes_count: 0, attachments_count: 0, messages_count: 0, rating: null,
    ...s,
    createdUs: usOf(s.created_at),
    placements: s.placements.map((/** @type {any[]} */ [id, offer_id, stage_id, position, created_at, updated_at, disq]) => ({
      id, offer_id, stage_id, position, created_at, updated_at, updatedUs: usOf(updated_at), disq: disq || null, hired: null,
    })),
  };
}

/** @typedef {[any, number][]} Weights pairs of [value, weight] */
/** @type {Weights} */
const W_PLACEMENTS = [[0, 10], [1, 55], [2, 25], [3, 10]];
/** @type {Weights} */
const W_EMAILS = [[0, 5], [1, 80], [2, 15]];
/** @type {Weights} */
const W_SOURCES = [['manual', 30], ['career_site', 40], ['email', 10], ['sourcing', 10], ['referral', 10]];
/** @type {Weights} */
const W_TASKS = [[0, 85], [1, 10], [2, 5]];
/** @type {Weights} */
const W_TAGS = [[0, 55], [1, 25], [2, 12], [3, 8]];
/** @type {Weights} */
const W_ASSIGNED = [[0, 70], [1, 22], [2, 8]];
/** @type {Weights} */
const W_NOTES = [[0, 70], [1, 20], [2, 7], [3, 3]];
/** @type {Weights} */
const W_ATTACHMENTS = [[0, 40], [1, 50], [2, 10]];
/** @type {Weights} */
const W_OFFER_TAGS = [[0, 40], [1, 40], [2, 20]];
/** @type {Weights} */
const W_EMPLOYMENT = [['fulltime', 70], ['parttime', 15], ['contract', 10], ['internship', 5]];

const STAGE_WEIGHTS = /** @type {Record<string, number>} */ ({
  referred: 1, sourced: 2, apply: 6, phone_screen: 4, interview: 3, evaluation: 2, offer: 1, hire: 0,
});

/**
 * @param {Ctx} ctx
 * @param {number} candidateUs
 * @param {() => number} nextPlacementId
 * @returns {PlacementSpec[]}
 */
function randomPlacements(ctx, candidateUs, nextPlacementId) {
  const { rng, nowUs, offerSpecs } = ctx;
  const offers = pickDistinct(rng, offerSpecs, rng.weighted(W_PLACEMENTS));
  const hireAt = rng.chance(0.05) ? offers.findIndex((o) => o.kind === 'job') : -1;
  return offers.map((o, k) => {
    const createdUs = later(rng, Math.max(candidateUs, o.createdUs), 20 * DAY_US, nowUs - SEC_US);
    const updatedUs = later(rng, createdUs, 45 * DAY_US, nowUs);
    const hired = k === hireAt;
    /** @type {PlacementSpec} */
    const p = {
      id: nextPlacementId(),
      offer_id: o.id,
      stage_id: null,
      position: rng.int(1, 12),
      created_at: isoMicro(createdUs),
      updated_at: isoMicro(updatedUs),
      updatedUs,
      disq: null,
      hired: hired ? { at: isoMicro(updatedUs), by: rng.pick(ctx.admins).id } : null,
    };
    if (o.kind === 'job') {
      const recs = o.stageRecords;
      p.stage_id = hired ? recs[recs.length - 1].id : rng.weighted(o.stageWeights);
    }
    if (!hired && rng.chance(0.2)) {
      const byAdmin = rng.chance(0.85);
      p.disq = {
        kind: byAdmin ? 'admin' : 'candidate',
        reason: byAdmin ? rng.pick(S.DISQUALIFY_REASONS).name : 'Withdrew',
        by: byAdmin ? rng.pick(ctx.admins).id : null,
      };
    }
    return p;
  });
}

/**
 * @param {Ctx} ctx
 * @param {number} id
 * @param {number} createdUs
 * @param {() => number} nextPlacementId
 * @returns {Spec}
 */
function randomSpec(ctx, id, createdUs, nextPlacementId) {
  const { rng, nowUs } = ctx;
  const first = rng.pick(W.FIRST_NAMES);
  const last = rng.pick(W.LAST_NAMES);
  const local = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
  const nEmails = rng.weighted(W_EMAILS);
  const emails = [];
  if (nEmails > 0) emails.push(flat(`${local}${id % 10000}@example.com`));
  if (nEmails > 1) emails.push(flat(`${local.replace('.', '')}@example.org`));
  const placements = randomPlacements(ctx, createdUs, nextPlacementId);
  const lastMessageUs = rng.chance(0.3) ? later(rng, createdUs, Infinity, nowUs) : -1;
  let updatedUs = later(rng, createdUs, 3 * DAY_US, nowUs);
  for (const p of placements) updatedUs = Math.max(updatedUs, p.updatedUs);
  const rated = rng.chance(0.3);
  const yes = rated ? rng.int(0, 3) : 0;
  const no = rated ? (yes === 0 ? rng.int(1, 2) : rng.int(0, 2)) : 0;
  /** @type {Record<string, number>} */
  const ratings = rated ? {} : EMPTY_OBJ;
  if (no) ratings.no = no;
  if (yes) ratings.yes = yes;
  const positive = rated ? Math.round((100 * yes) / (yes + no)) : null;
  const hasSkills = rng.chance(0.5);
  const hasAvatar = rng.chance(0.6);
  const source = rng.weighted(W_SOURCES);
  return {
    id,
    name: flat(`${first} ${last}`),
    emails,
    phones: rng.chance(0.4) ? [`+1555${String(rng.int(0, 9999999)).padStart(7, '0')}`] : [],
    admin_id: rng.chance(0.5) ? rng.pick(ctx.admins).id : null,
    created_at: isoMicro(createdUs),
    createdUs,
    updated_at: isoMicro(updatedUs),
    last_activity_at: isoMicro(Math.max(updatedUs, lastMessageUs)),
    last_message_at: lastMessageUs < 0 ? null : isoMicro(lastMessageUs),
    example: false,
    has_avatar: hasAvatar,
    photo: rng.string(12, 'abcdefghijklmnopqrstuvwxyz0123456789') + (hasAvatar ? '.jpg' : '.png'),
    source,
    referrer: source === 'referral' || rng.chance(0.15) ? rng.pick(W.REFERRERS) : null,
    positive_ratings: positive,
    ratings,
    ratings_count: yes + no,
    tasks_count: rng.weighted(W_TASKS),
    viewed: rng.chance(0.85),
    followed: rng.chance(0.05),
    unread_notifications: rng.chance(0.05),
    upcoming_event: rng.chance(0.05),
    tagIds: pickDistinct(rng, ctx.tags, rng.weighted(W_TAGS)).map((t) => t.id),
    skillsFieldId: hasSkills ? 130000000 + id - 50000000 : null,
    skills: hasSkills ? pickDistinct(rng, W.SKILLS, rng.int(1, 4)) : [],
    admin_ids: pickDistinct(rng, ctx.admins, rng.weighted(W_ASSIGNED)).map((a) => a.id),
    notes_count: rng.weighted(W_NOTES),
    attachments_count: rng.weighted(W_ATTACHMENTS),
    messages_count: lastMessageUs < 0 ? 0 : rng.int(1, 12),
    rating: positive,
    placements,
  };
}

/**
 * Detail placement (seed get-by-id sample); disqualified placements carry
 * disqualify_kind / disqualify_reason right after created_at (seed list sample).
 * @param {{ id: number }} s candidate @param {PlacementSpec} p @param {boolean} hiredAny
 */
function detailPlacement(s, p, hiredAny) {
  const h = p.hired;
  return {
    candidate_id: s.id,
    created_at: p.created_at,
    ...(p.disq && { disqualify_kind: p.disq.kind, disqualify_reason: p.disq.reason }),
    hired_at: h ? h.at : null,
    hired_by_id: h ? h.by : null,
    hired_in_other_placement: hiredAny && !h,
    hired_in_this_placement: !!h,
    id: p.id,
    job_starts_at: null,
    language: null,
    offer_id: p.offer_id,
    overdue_at: null,
    overdue_diff: null,
    position: p.position,
    positive_ratings: null,
    rating_visible: true,
    ratings: EMPTY_OBJ,
    stage_id: p.stage_id,
    updated_at: p.updated_at,
  };
}

/** Candidate detail shape (seed "Get a candidate by their ID"). @param {Pick<Ctx, 'companyId'|'tags'>} ctx @param {Spec} s */
function buildDetail(ctx, s) {
  const photo = `${S.S3}/${s.id}/`;
  const hiredAny = s.placements.some((p) => p.hired);
  return {
    tags: s.tagIds.map((id) => ctx.tags[id - 1].name),
    adminapp_url: flat(`https://app.recruitee.com/#/dashboard/overview?candidate=${s.id}&company=${ctx.companyId}`),
    attachments_count: s.attachments_count,
    tasks_count: s.tasks_count,
    gdpr_consent_request_type: null,
    links: EMPTY,
    viewed: s.viewed,
    photo_thumb_url: flat(`${photo}thumb_photo_${s.photo}`),
    positive_ratings: s.positive_ratings,
    gdpr_consent_request_sent_at: null,
    cv_original_url: null,
    id: s.id,
    last_message_at: s.last_message_at,
    ratings_count: s.ratings_count,
    gdpr_consent_request_completed_at: null,
    my_last_rating: null,
    admin_id: s.admin_id,
    photo_url: flat(`${photo}normal_photo_${s.photo}`),
    source: s.source,
    updated_at: s.updated_at,
    pending_request_link: false,
    name: s.name,
    cv_processing_status: 'ok',
    phones: s.phones,
    unread_notifications: s.unread_notifications,
    my_pending_result_request: false,
    sourcing_data: null,
    last_activity_at: s.last_activity_at,
    has_avatar: s.has_avatar,
    pending_result_request: false,
    initials: initialsOf(s.name),
    gdpr_consent_ever_given: false,
    open_question_answers: EMPTY,
    rating_visible: true,
    grouped_open_question_answers: EMPTY,
    example: s.example,
    gdpr_scheduled_to_delete_at: null,
    online_data: null,
    custom_fields: EMPTY,
    social_links: EMPTY,
    emails: s.emails,
    gdpr_status: 'no_consent',
    duplicates: [s.id],
    sources: EMPTY,
    referral_referrers_ids: EMPTY,
    fields: fieldsOf(s),
    upcoming_event: s.upcoming_event,
    cv_url: null,
    mailbox_messages_count: s.messages_count,
    gdpr_expires_at: null,
    created_at: s.created_at,
    placements: s.placements.map((p) => detailPlacement(s, p, hiredAny)),
    followed: s.followed,
    notes_count: s.notes_count,
    cover_letter: null,
    admin_ids: s.admin_ids,
    ratings: s.ratings,
    in_active_share: false,
    sourcing_origin: null,
    referrer: s.referrer,
    my_upcoming_event: false,
  };
}

/**
 * @typedef {object} CandidateMeta
 * @property {number} id
 * @property {number} createdUs
 * @property {number} createdSec
 * @property {number} lastMessageUs -1 when none
 * @property {'hired'|'disqualified'|'qualified'} status
 * @property {number|null} rating
 * @property {number|null} adminId
 * @property {number[]} assigned
 * @property {number[]} tagIds
 * @property {number[]} offerIds
 * @property {string[]} stageNames current stage names of the placements
 * @property {string|null} minStage smallest stage name (sort key)
 * @property {boolean} hasDisq at least one disqualified placement
 * @property {boolean} hasQual at least one non-disqualified placement
 * @property {string} text lower-cased name + emails
 * @property {string} allText text + tag names
 * @property {string} nameKey lower-cased name
 * @property {number} messagesCount
 * @property {(number|null)[]} disqBy per placement
 */

/** @param {Pick<Ctx, 'tags'|'stageById'|'offerKind'>} ctx @param {Spec} s @returns {CandidateMeta} */
function metaOf(ctx, s) {
  const createdUs = s.createdUs;
  const text = [s.name, ...s.emails].join('\n').toLowerCase();
  const { status, offerIds, stageNames, minStage, hasDisq, hasQual, disqBy } = placementMeta(ctx, s.placements);
  return {
    id: s.id,
    createdUs,
    createdSec: Math.floor(createdUs / SEC_US),
    lastMessageUs: s.last_message_at ? usOf(s.last_message_at) : -1,
    status,
    rating: s.rating,
    adminId: s.admin_id,
    assigned: s.admin_ids,
    tagIds: s.tagIds,
    offerIds,
    stageNames,
    minStage,
    hasDisq,
    hasQual,
    text,
    allText: s.tagIds.length ? `${text}\n${s.tagIds.map((id) => ctx.tags[id - 1].name).join('\n').toLowerCase()}` : text,
    nameKey: s.name.toLowerCase(),
    messagesCount: s.messages_count,
    disqBy,
  };
}

/**
 * The CandidateMeta values that derive from the placements.
 * @param {Pick<Ctx, 'stageById'|'offerKind'>} ctx @param {PlacementSpec[]} placements
 */
function placementMeta(ctx, placements) {
  const stageNames = [];
  for (const p of placements) if (p.stage_id !== null) stageNames.push(ctx.stageById.get(p.stage_id).name);
  const hired = placements.some((p) => p.hired);
  // Status ignores talent-pool placements when the candidate is in a job: the
  // seed's status=disqualified search returns Arjun, who is disqualified from
  // his only job but still sits (qualified) in a talent pool.
  const jobPlacements = placements.filter((p) => ctx.offerKind.get(p.offer_id) === 'job');
  const decisive = jobPlacements.length ? jobPlacements : placements;
  const disqualified = decisive.length > 0 && decisive.every((p) => p.disq);
  return {
    status: /** @type {CandidateMeta['status']} */ (hired ? 'hired' : disqualified ? 'disqualified' : 'qualified'),
    offerIds: placements.map((p) => p.offer_id),
    stageNames,
    minStage: stageNames.length ? stageNames.slice().sort()[0] : null,
    hasDisq: placements.some((p) => p.disq),
    hasQual: placements.some((p) => !p.disq),
    disqBy: placements.map((p) => (p.disq ? p.disq.by : null)),
  };
}

/**
 * PlacementSpec of a stored detail placement (inverse of detailPlacement).
 * @param {any} p detail placement @param {number|null} by disqualifying admin (meta.disqBy)
 * @returns {PlacementSpec}
 */
function placementSpecOf(p, by) {
  return {
    id: p.id,
    offer_id: p.offer_id,
    stage_id: p.stage_id,
    position: p.position,
    created_at: p.created_at,
    updated_at: p.updated_at,
    updatedUs: usOf(p.updated_at),
    disq: p.disqualify_kind === undefined ? null : { kind: p.disqualify_kind, reason: p.disqualify_reason, by },
    hired: p.hired_at === null ? null : { at: p.hired_at, by: p.hired_by_id },
  };
}

/**
 * What buildDetail / metaOf / placementMeta need, from a generated data set.
 * @param {any} data @returns {Pick<Ctx, 'companyId'|'tags'|'stageById'|'offerKind'>}
 */
function contextOf(data) {
  return {
    companyId: data.companyId,
    tags: data.tags,
    stageById: data.index.stageById,
    offerKind: new Map(data.offers.map((/** @type {any} */ o) => [o.id, o.kind])),
  };
}

/**
 * @param {Ctx} ctx
 * @returns {{ specs: Spec[], deletedIds: number[] }}
 */
function buildCandidateSpecs(ctx) {
  /** @type {Spec[]} */
  const specs = ctx.o.includeSamples ? S.CANDIDATES.map(seedSpec) : [];
  const n = Math.max(0, ctx.o.candidates - specs.length);
  const times = randomTimes(ctx.rng, n, ctx.nowUs - 2 * YEAR_US, ctx.nowUs - 60 * SEC_US, 0.04);
  let placementId = 60000000;
  const nextPlacementId = () => ++placementId;
  /** @type {number[]} */
  const deletedIds = [];
  let id = 50000000;
  for (let i = 0; i < n; i++) {
    if (ctx.rng.chance(0.1)) deletedIds.push(id++); // ids of candidates deleted since
    specs.push(randomSpec(ctx, id++, times[i], nextPlacementId));
  }
  return { specs, deletedIds };
}

// ---------------------------------------------------------------- generate

/**
 * @typedef {object} Ctx
 * @property {GenerateOptions & Record<string, any>} o
 * @property {import('../kit').Rng} rng
 * @property {number} nowUs
 * @property {string} companyId
 * @property {any[]} admins
 * @property {{id:number,name:string}[]} tags
 * @property {any[]} offerSpecs
 * @property {Map<number, any>} stageById
 * @property {Map<number, string>} offerKind offer id → kind
 */

/**
 * Generate the whole data set. Pure and deterministic for given options.
 * @param {Partial<GenerateOptions>} [options]
 */
function generate(options = {}) {
  const o = { ...DEFAULTS, ...options };
  /** @type {Ctx} */
  const ctx = {
    o,
    rng: createRng(o.seed),
    nowUs: Math.floor(o.now) * 1000,
    companyId: String(o.companyId),
    admins: buildAdmins(),
    tags: W.TAG_NAMES.map((name, i) => ({ id: i + 1, name })),
    offerSpecs: [],
    stageById: new Map(),
    offerKind: new Map(),
  };
  ctx.offerSpecs = buildOfferSpecs(ctx);
  ctx.offerKind = new Map(ctx.offerSpecs.map((s) => [s.id, s.kind]));
  const stages = buildStages(ctx.offerSpecs);
  ctx.stageById = new Map(stages.map((s) => [s.id, s]));

  const { specs, deletedIds } = buildCandidateSpecs(ctx);
  const metaAll = specs.map((s) => metaOf(ctx, s));
  const order = specs.map((_, i) => i).sort((a, b) => metaAll[b].createdUs - metaAll[a].createdUs || specs[b].id - specs[a].id);
  const candidates = order.map((i) => buildDetail(ctx, specs[i]));
  const meta = order.map((i) => metaAll[i]);

  const counts = new Map(ctx.offerSpecs.map((s) => [s.id, { total: 0, disq: 0, hired: 0 }]));
  for (const s of specs) {
    for (const p of s.placements) {
      const n = /** @type {{total:number,disq:number,hired:number}} */ (counts.get(p.offer_id));
      n.total += 1;
      if (p.disq) n.disq += 1;
      if (p.hired) n.hired += 1;
    }
  }
  const offers = ctx.offerSpecs
    .slice()
    .sort((a, b) => b.createdUs - a.createdUs || b.id - a.id)
    .map((s) => renderOffer(s, /** @type {any} */ (counts.get(s.id))));

  const data = {
    options: o,
    companyId: ctx.companyId,
    companyIdValue: /^\d+$/.test(ctx.companyId) ? Number(ctx.companyId) : ctx.companyId,
    now: o.now,
    admins: ctx.admins,
    departments: S.DEPARTMENTS,
    tags: ctx.tags,
    disqualifyReasons: S.DISQUALIFY_REASONS,
    stages,
    offers,
    /** candidate detail objects, sorted by created_at desc, id desc (the default list order) */
    candidates,
    /** per-candidate derived values, aligned with `candidates` */
    meta,
    index: buildIndex(ctx, candidates, offers, stages),
    /** candidates referenced by "Admin deleted candidate" entries (absent from `candidates`) */
    deletedCandidates: /** @type {any[]} */ ([]),
    /** entries sorted by created_at desc, _id desc */
    auditLog: /** @type {any[]} */ ([]),
    /** @type {{ createdSec: number, actor: string, text: () => string }[]} */
    auditMeta: [],
    /** @type {Map<string, Int32Array>} sort orders, filled lazily by sortedOrder() */
    orders: new Map(),
  };
  Object.assign(data, buildAuditLog({ rng: createRng(`${o.seed}:audit`), nowUs: ctx.nowUs, count: o.auditLogEntries, data, specs, deletedIds }));
  return data;
}

/**
 * Lookup tables and pre-rendered reference objects.
 * @param {Ctx} ctx @param {any[]} candidates @param {any[]} offers @param {any[]} stages
 */
function buildIndex(ctx, candidates, offers, stages) {
  const offerRef = new Map();
  const hitOffer = new Map();
  for (const o of offers) {
    /** @type {Record<string, unknown>} */
    const ref = { department_id: o.department_id, guid: o.guid, id: o.id, kind: o.kind };
    if (o.kind === 'job') ref.lang_code = o.lang_code;
    Object.assign(ref, { location: o.location, position: o.position, slug: o.slug, status: o.status, title: o.title, type: 'Offer' });
    offerRef.set(o.id, ref);
    hitOffer.set(o.id, { id: o.id, kind: o.kind, slug: o.slug, status: o.status, title: o.title });
  }
  const stageRef = new Map();
  const stageDetailRef = new Map();
  for (const s of stages) {
    const ref = {
      category: s.category, created_at: s.created_at, fair_evaluations_enabled: false, group: s.group, id: s.id,
      locked: s.locked, name: s.name, placements_count: null, position: s.position, time_limit: null,
      type: 'Stage', updated_at: s.updated_at,
    };
    stageRef.set(s.id, ref);
    stageDetailRef.set(s.id, { action_templates: EMPTY, ...ref });
  }
  return {
    /** id → candidate detail object */
    candidateById: new Map(candidates.map((c) => [c.id, c])),
    offerById: new Map(offers.map((o) => [o.id, o])),
    stageById: ctx.stageById,
    adminById: new Map(ctx.admins.map((a) => [a.id, a])),
    adminRef: new Map(ctx.admins.map((a) => [a.id, { ...a, type: 'Admin' }])),
    offerRef,
    stageRef,
    stageDetailRef,
    hitOffer,
  };
}

module.exports = {
  DEFAULTS,
  generate,
  ...render,
  isoMicro,
  isoSecond,
  usOf,
  randomTimes,
  initialsOf,
  seedSpec,
  buildDetail,
  detailPlacement,
  metaOf,
  placementMeta,
  placementSpecOf,
  contextOf,
};
