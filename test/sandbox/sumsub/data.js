'use strict';
/**
 * Deterministic Sumsub audit trail events, kept in two orders:
 * - `events` / `tsMs`: (ts, id) ascending; its reverse is the ts-desc order of
 *   the legacy route, which binary-searches `tsMs`.
 * - `byId` / `ids` / `idTsMs`: id ascending, the order of /auditTrailEvents/list.
 * Generated ids grow with ts, so both orders start out equal; events added at
 * runtime (addEvents) get ids above all others whatever their ts, so `byId` is
 * in ts order only on its first `tsSorted` entries.
 */
const { createRng, flat, isoSeconds, lowerBound } = require('../kit');

/**
 * @typedef {object} GenerateOptions
 * @property {number} events
 * @property {number|string} seed
 * @property {number} now ms since epoch; events lie in the 30 days before it
 */

/** @type {Readonly<GenerateOptions>} */
const DEFAULTS = Object.freeze({
  events: 50000,
  seed: 2,
  now: Date.parse('2026-11-20T12:00:00Z'),
});

const DAY_MS = 86400000;

/** The eight documented activities, with relative frequencies. */
const ACTIVITIES = /** @type {[string, number][]} */ ([
  ['subject:loggedIn:dashboard:success', 6],
  ['subject:loggedIn:dashboard:failure', 1],
  ['subject:loggedOut:dashboard', 4],
  ['subject:loaded:applicant', 40],
  ['subject:loaded:applicantList', 20],
  ['subject:exported:applicantCsvList', 2],
  ['subject:downloaded:docImage', 12],
  ['subject:changed:applicant', 15],
]);

const APPLICANT_ACTIVITIES = new Set(['subject:loaded:applicant', 'subject:downloaded:docImage', 'subject:changed:applicant']);

const SUBJECTS = [
  'alice@example.com', 'bob@example.com', 'carol@example.com', 'dave@example.com', 'erin@example.com',
  'frank@example.com', 'grace@example.com', 'heidi@example.com', 'ivan@example.com', 'judy@example.com',
];

const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0',
  'okhttp/4.12.0',
  'axios/1.6.2',
];
const API_AGENTS = USER_AGENTS.slice(3);

/** Event fields other than id and ts, in output order. */
const FIELDS = ['clientId', 'activity', 'subjectName', 'ip', 'userAgent', 'xClientId', 'correlationId', 'applicantId', 'externalUserId', 'imageId', 'description'];

/** @type {Record<string, string[]>} possible descriptions; '' = none */
const DESCRIPTIONS = {
  'subject:loggedIn:dashboard:failure': ['Invalid password', 'Invalid 2FA code', 'Account is locked'],
  'subject:changed:applicant': ['', 'Review status changed to completed', 'Applicant data updated', 'Level changed to basic-kyc-level'],
  'subject:exported:applicantCsvList': ['Exported 125 applicants', 'Exported 2048 applicants', ''],
};

/**
 * @typedef {object} SumsubEvent list shape; the legacy shape is the same without `id`
 * @property {string} id 24 hex chars: epoch second (of ts, or later for added events), machine, sequence number
 * @property {string} ts "2022-10-06 08:23:28.715" (UTC, no zone)
 * @property {string} clientId
 * @property {string} activity
 * @property {string} subjectName
 * @property {string} ip
 * @property {string} userAgent
 * @property {string} xClientId
 * @property {string} correlationId
 * @property {string} applicantId
 * @property {string} externalUserId
 * @property {string} imageId
 * @property {string} description
 */

/** @param {number} ms → "2022-10-06 08:23:28.715" */
function formatTs(ms) {
  const iso = isoSeconds(ms);
  const frac = ms % 1000;
  return flat(`${iso.slice(0, 10)} ${iso.slice(11)}.${frac < 10 ? '00' : frac < 100 ? '0' : ''}${frac}`);
}

/** @param {number} sec @param {string} machine @param {number} seq */
function idOf(sec, machine, seq) {
  return flat(sec.toString(16).padStart(8, '0') + machine + seq.toString(16).padStart(10, '0'));
}

/** @param {import('../kit').Rng} rng */
function correlationIdOf(rng) {
  return flat(`req-${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`);
}

/**
 * n sorted event instants (ms) over the 30 days before now, with same-second
 * and same-millisecond bursts.
 * @param {import('../kit').Rng} rng @param {number} n @param {number} nowMs
 */
function eventTimes(rng, n, nowMs) {
  const t = new Float64Array(n);
  const from = nowMs - 30 * DAY_MS;
  for (let i = 0; i < n; i++) t[i] = from + Math.floor(rng.next() * (30 * DAY_MS - 1));
  t.sort();
  for (let i = 1; i < n; i++) {
    if (!rng.chance(0.06)) continue;
    const prev = t[i - 1];
    const room = 999 - (prev % 1000);
    t[i] = rng.chance(0.3) || room === 0 ? prev : prev + rng.int(1, room); // same ms, or same second
  }
  // the three newest events always share one second, two of them one millisecond
  if (n >= 3) {
    const end = Math.min(t[n - 3] - (t[n - 3] % 1000) + 999, nowMs - 1);
    t[n - 2] = end;
    t[n - 1] = end;
  }
  for (let i = 1; i < n; i++) if (t[i] < t[i - 1]) t[i] = t[i - 1];
  return t;
}

/**
 * @param {Partial<GenerateOptions>} [options]
 */
function generate(options = {}) {
  const o = { ...DEFAULTS, ...options };
  const rng = createRng(o.seed);
  const now = Math.floor(o.now);
  const n = Math.max(0, Math.floor(o.events));
  const clientId = 'sandbox-client';
  const machine = rng.hex(6);

  const applicants = Array.from({ length: Math.min(5000, Math.max(50, Math.ceil(n / 20))) }, (_, i) => ({
    applicantId: rng.hex(24),
    externalUserId: rng.chance(0.8) ? `user-${String(100000 + i)}` : '',
  }));
  const subjects = SUBJECTS.map((name, i) => ({
    name,
    ips: [`203.0.113.${10 + i}`, `198.51.100.${40 + i}`],
    userAgent: USER_AGENTS[i % 3],
  }));

  const tsMs = eventTimes(rng, n, now);
  /** @type {string[]} */
  const ids = new Array(n);
  /** @type {SumsubEvent[]} */
  const events = new Array(n);
  for (let i = 0; i < n; i++) {
    const activity = rng.weighted(ACTIVITIES);
    const subject = rng.pick(subjects);
    const api = !activity.includes(':dashboard') && rng.chance(0.25);
    const applicant = APPLICANT_ACTIVITIES.has(activity) ? rng.pick(applicants) : null;
    const descriptions = DESCRIPTIONS[activity];
    ids[i] = idOf(Math.floor(tsMs[i] / 1000), machine, i);
    events[i] = {
      id: ids[i],
      ts: formatTs(tsMs[i]),
      clientId,
      activity,
      subjectName: subject.name,
      ip: rng.pick(subject.ips),
      userAgent: rng.chance(0.15) ? '' : api ? rng.pick(API_AGENTS) : subject.userAgent,
      xClientId: rng.chance(0.1) ? '' : api ? 'API' : 'dashboard',
      correlationId: correlationIdOf(rng),
      applicantId: applicant ? applicant.applicantId : '',
      externalUserId: applicant ? applicant.externalUserId : '',
      imageId: activity === 'subject:downloaded:docImage' ? String(rng.int(100000000, 1999999999)) : '',
      description: descriptions ? rng.pick(descriptions) : '',
    };
  }
  const tsList = Array.from(tsMs);
  return {
    options: o,
    /** data "now" (ms): default from/to; sandbox.setNow() changes it */
    now,
    clientId,
    machine,
    activities: ACTIVITIES.map(([a]) => a),
    subjects: SUBJECTS,
    applicants,
    /** sorted by (ts, id) ascending */
    events,
    /** events[i] ts in ms, ascending */
    tsMs: tsList,
    /** events sorted by id ascending */
    byId: events.slice(),
    /** byId[i].id, ascending */
    ids,
    /** byId[i] ts in ms */
    idTsMs: tsList.slice(),
    /** byId[0, tsSorted) is also sorted by ts */
    tsSorted: n,
  };
}

/** @typedef {ReturnType<typeof generate>} Data */
/** @typedef {{ ts?: number|string } & Partial<Omit<SumsubEvent, 'id'|'ts'>>} EventSpec */

const TS = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d{3})?)$/;

/** ms number, "yyyy-MM-dd HH:mm:ss[.SSS]" (UTC) or undefined (now) → integer ms. @param {unknown} v */
function msOf(v) {
  const m = typeof v === 'string' ? TS.exec(v) : null;
  const ms = v === undefined ? Date.now() : m ? Date.parse(`${m[1]}T${m[2]}Z`) : typeof v === 'number' ? Math.floor(v) : NaN;
  if (!Number.isFinite(ms) || ms < 0) throw new TypeError(`invalid ts ${JSON.stringify(v)}: use ms or "yyyy-MM-dd HH:mm:ss.SSS"`);
  return ms;
}

/**
 * Add events (sandbox.addEvents). Each gets the next id, above every existing
 * one, and is inserted into both orders in place.
 * @param {Data} data
 * @param {EventSpec | EventSpec[]} specs
 * @param {import('../kit').Rng} rng for correlation ids
 * @returns {SumsubEvent[]}
 */
function addEvents(data, specs, rng) {
  return (Array.isArray(specs) ? specs : [specs]).map(({ ts, ...fields }) => {
    for (const [k, v] of Object.entries(fields)) {
      if (!FIELDS.includes(k) || typeof v !== 'string') throw new TypeError(`addEvents: bad field ${k}: ${JSON.stringify(v)}`);
    }
    const ms = msOf(ts);
    const last = data.ids[data.ids.length - 1];
    const sec = Math.max(last ? parseInt(last.slice(0, 8), 16) : 0, Math.floor(ms / 1000));
    const event = /** @type {SumsubEvent} */ ({
      id: idOf(sec, data.machine, data.byId.length),
      ts: formatTs(ms),
      ...Object.fromEntries(FIELDS.map((k) => [k, ''])),
      clientId: data.clientId,
      activity: 'subject:loaded:applicant',
      correlationId: correlationIdOf(rng),
      ...fields,
    });
    const at = lowerBound(data.tsMs, ms, true); // after its equals: the id is the largest
    data.events.splice(at, 0, event);
    data.tsMs.splice(at, 0, ms);
    if (data.tsSorted === data.byId.length && !(ms < data.idTsMs[data.tsSorted - 1])) data.tsSorted += 1;
    data.byId.push(event);
    data.ids.push(event.id);
    data.idTsMs.push(ms);
    return event;
  });
}

/** Legacy (/resources/auditTrailEvents) item: the event without `id`. @param {SumsubEvent} e */
function legacyItem(e) {
  return {
    ts: e.ts,
    clientId: e.clientId,
    activity: e.activity,
    subjectName: e.subjectName,
    ip: e.ip,
    userAgent: e.userAgent,
    xClientId: e.xClientId,
    correlationId: e.correlationId,
    applicantId: e.applicantId,
    externalUserId: e.externalUserId,
    imageId: e.imageId,
    description: e.description,
  };
}

module.exports = { DEFAULTS, ACTIVITIES, SUBJECTS, generate, addEvents, msOf, legacyItem, formatTs, correlationIdOf };
