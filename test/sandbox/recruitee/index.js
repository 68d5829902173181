'use strict';
/**
 * Recruitee API sandbox: GET /c/:companyId/{candidates, candidates/:id, offers,
 * offers/:id, search/new/candidates, audit_log} over a generated data set, and
 * the write routes of writes.js (candidates, notes, placements, attachments).
 *
 *   const sandbox = await require('./test/sandbox/recruitee').start({ candidates: 200 });
 *   fetch(`${sandbox.url}/c/90598/candidates?limit=10`, { headers: { authorization: 'Bearer recruitee-test-token' } });
 */
const { STATUS_CODES } = require('node:http');
const { createSandbox, reply, intParam } = require('../kit');
const D = require('./data');
const { FilterError, parseFiltersJson, compileFilters, SEARCH_FILTERS, AUDIT_FILTERS } = require('./filters');
const { createMutations } = require('./mutate');
const { createWrites, WRITE_DEFAULTS } = require('./writes');

/**
 * @typedef {import('./data').GenerateOptions & import('./writes').WriteOptions & { port: number, host: string, token: string, candidateQuery: CandidateQuery, auditLogPageCap: number }} RecruiteeOptions
 */

/**
 * How `GET /candidates?query=` matches, which Recruitee does not document (lower-cased name and
 * emails against the lower-cased query):
 * - `substring`: the query is a substring of the name or an email;
 * - `allWords`: every word of the query is a word of the name or an email;
 * - `anyWord`: one word of the query is (a full-text OR: `sam@example.com` finds everyone at
 *   example.com).
 * Words are runs of letters and digits.
 * @typedef {'substring'|'allWords'|'anyWord'} CandidateQuery
 */
/** @type {readonly CandidateQuery[]} */
const CANDIDATE_QUERIES = ['substring', 'allWords', 'anyWord'];

/** @param {string} text */
const wordsOf = (text) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * The candidate predicate of a `query`, or undefined when the query has no word to match.
 * @param {CandidateQuery} mode @param {string} query
 * @returns {((m: import('./data').CandidateMeta) => boolean) | undefined}
 */
function queryMatcher(mode, query) {
  const text = query.toLowerCase();
  if (mode === 'substring') return (m) => m.text.includes(text);
  const wanted = wordsOf(text);
  if (wanted.length === 0) return undefined;
  /** @type {WeakMap<object, Set<string>>} */
  const words = new WeakMap();
  /** @param {import('./data').CandidateMeta} m */
  const wordsOfMeta = (m) => {
    let set = words.get(m);
    if (!set) words.set(m, (set = new Set(wordsOf(m.text))));
    return set;
  };
  return mode === 'allWords'
    ? (m) => wanted.every((w) => wordsOfMeta(m).has(w))
    : (m) => wanted.some((w) => wordsOfMeta(m).has(w));
}

/** @type {Readonly<RecruiteeOptions>} */
const DEFAULTS = Object.freeze({
  ...D.DEFAULTS,
  ...WRITE_DEFAULTS,
  candidateQuery: /** @type {CandidateQuery} */ ('substring'),
  auditLogPageCap: 100,
  port: 0,
  host: '127.0.0.1',
  token: 'recruitee-test-token',
});

/** @typedef {import('../kit').Reply} Reply */
/** @typedef {ReturnType<typeof D.generate>} Data */
/** @typedef {Record<string, string>} Query */

const notFound = () => reply(404, { error: 'Not found' });
/** @param {string} name */
const invalid422 = (name) => reply(422, { errors: [`${name} is invalid`] });
/** @param {string} message */
const bad400 = (message) => reply(400, { error: message });

// ---------------------------------------------------------------- /candidates

const CREATED_AFTER = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?Z?$/;

/** `yyyy-mm-ddThh:mm:ss[.ffffff][Z]` (UTC) → µs since epoch, or NaN. @param {string} raw */
function parseCreatedAfter(raw) {
  const m = CREATED_AFTER.exec(raw);
  if (!m) return NaN;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return NaN;
  return ms * 1000 + Number((m[7] || '').padEnd(6, '0'));
}

/**
 * Predicates of GET /candidates, or a Reply for an invalid parameter.
 * @param {Data} data @param {Query} q @param {CandidateQuery} queryMode
 * @returns {((m: import('./data').CandidateMeta) => boolean)[] | Reply}
 */
function candidateFilters(data, q, queryMode) {
  /** @type {((m: import('./data').CandidateMeta) => boolean)[]} */
  const preds = [];
  if (q.created_after !== undefined) {
    const after = parseCreatedAfter(q.created_after);
    if (Number.isNaN(after)) return invalid422('created_after');
    preds.push((m) => m.createdUs > after);
  }
  if (q.disqualified === 'true') preds.push((m) => m.hasDisq);
  if (q.qualified === 'true') preds.push((m) => m.hasQual);
  if (q.ids !== undefined && q.ids.trim() !== '') {
    const parts = q.ids.split(',').map((x) => x.trim()).filter(Boolean);
    if (!parts.every((x) => /^\d+$/.test(x))) return invalid422('ids');
    const ids = new Set(parts.map(Number));
    preds.push((m) => ids.has(m.id));
  }
  if (q.offer_id !== undefined) {
    const id = /^\d+$/.test(q.offer_id) ? Number(q.offer_id) : NaN;
    if (!data.index.offerById.has(id)) return notFound();
    preds.push((m) => m.offerIds.includes(id));
  }
  if (q.query !== undefined && q.query !== '') {
    const matches = queryMatcher(queryMode, q.query);
    if (matches) preds.push(matches);
  }
  return preds;
}

/** @param {Data} data @param {Query} q @param {CandidateQuery} queryMode @returns {Reply} */
function listCandidates(data, q, queryMode) {
  const limit = intParam(q.limit, Infinity);
  const offset = intParam(q.offset, 0);
  if (q.limit !== undefined && !(limit >= 1 && limit <= 10000)) return invalid422('limit');
  if (Number.isNaN(offset)) return invalid422('offset');
  const sort = q.sort === undefined ? 'by_date' : q.sort;
  if (sort !== 'by_date' && sort !== 'by_last_message') return invalid422('sort');
  const preds = candidateFilters(data, q, queryMode);
  if (!Array.isArray(preds)) return preds;

  const order = D.sortedOrder(data, sort === 'by_date' ? 'created_at_desc' : 'by_last_message');
  const page = [];
  let skipped = 0;
  for (let k = 0; k < order.length && page.length < limit; k++) {
    const i = order[k];
    const m = data.meta[i];
    if (!preds.every((p) => p(m))) continue;
    if (skipped < offset) skipped += 1;
    else page.push(i);
  }
  const withMessages = q.with_messages === 'true' || q.with_my_messages === 'true';
  const candidates = page.map((i) => D.renderListItem(data.candidates[i], data.meta[i], withMessages));
  return reply(200, {
    candidates,
    generated_at: D.isoMicro(Math.floor(data.now) * 1000),
    references: D.renderReferences(data, page.map((i) => data.candidates[i])),
  });
}

/** @param {Data} data @param {Query} _q @param {string[]} params @returns {Reply} */
function getCandidate(data, _q, [rawId]) {
  const candidate = /^\d+$/.test(rawId) ? data.index.candidateById.get(Number(rawId)) : undefined;
  if (candidate === undefined) return notFound();
  return reply(200, { candidate, references: D.renderReferences(data, [candidate], true) });
}

// ---------------------------------------------------------------- /offers

/** @type {Record<string, (o: any) => boolean>} */
const SCOPES = {
  active: (o) => o.status === 'published' || o.status === 'internal',
  archived: (o) => o.status === 'archived',
  not_archived: (o) => o.status !== 'archived',
  published: (o) => o.status === 'published',
};

/** @param {Data} data @param {Query} q @returns {Reply} */
function listOffers(data, q) {
  if (q.kind !== undefined && q.kind !== 'job' && q.kind !== 'talent_pool') return invalid422('kind');
  if (q.scope !== undefined && !Object.prototype.hasOwnProperty.call(SCOPES, q.scope)) return invalid422('scope');
  if (q.view_mode !== undefined && q.view_mode !== 'brief' && q.view_mode !== 'default') return invalid422('view_mode');
  const inScope = q.scope === undefined ? () => true : SCOPES[q.scope];
  const offers = data.offers.filter((o) => (q.kind === undefined || o.kind === q.kind) && inScope(o));
  return reply(200, { offers: q.view_mode === 'brief' ? offers.map(D.renderOfferBrief) : offers });
}

/** @param {Data} data @param {Query} _q @param {string[]} params @returns {Reply} */
function getOffer(data, _q, [rawId]) {
  const offer = /^\d+$/.test(rawId) ? data.index.offerById.get(Number(rawId)) : undefined;
  return offer ? reply(200, { offer }) : notFound();
}

// ---------------------------------------------------------------- /search/new/candidates

/** @type {Record<string, string>} sort_by → sortedOrder key */
const SEARCH_SORTS = {
  created_at_desc: 'created_at_desc',
  relevance_desc: 'created_at_desc',
  created_at_asc: 'created_at_asc',
  candidate_name_asc: 'candidate_name_asc',
  candidate_rating_desc: 'candidate_rating_desc',
  candidate_stage_name_asc: 'candidate_stage_name_asc',
};

/**
 * Run `fn` and turn a FilterError into a 400.
 * @param {() => Reply} fn @returns {Reply}
 */
function withFilterErrors(fn) {
  try {
    return fn();
  } catch (err) {
    if (err instanceof FilterError) return bad400(err.message);
    throw err;
  }
}

/** @param {Data} data @param {Query} q @returns {Reply} */
function searchCandidates(data, q) {
  const limit = intParam(q.limit, 60);
  const page = intParam(q.page, 1);
  if (!(limit >= 1)) return bad400('limit is invalid');
  if (limit > 10000) return reply(500, { error: 'Internal server error' });
  if (!(page >= 1)) return bad400('page is invalid');
  const sortBy = q.sort_by === undefined ? 'created_at_desc' : q.sort_by;
  if (!Object.prototype.hasOwnProperty.call(SEARCH_SORTS, sortBy)) return bad400('sort_by is invalid');
  return withFilterErrors(() => {
    const pred = compileFilters(parseFiltersJson(q.filters_json), SEARCH_FILTERS);
    const order = D.sortedOrder(data, SEARCH_SORTS[sortBy]);
    const from = (page - 1) * limit;
    const hits = [];
    let total = 0;
    for (let k = 0; k < order.length; k++) {
      const i = order[k];
      if (pred && !pred(data.meta[i])) continue;
      if (total >= from && total < from + limit) hits.push(D.renderHit(data, i));
      total += 1;
    }
    return reply(200, { aggregations: null, hits, total });
  });
}

// ---------------------------------------------------------------- /audit_log

/**
 * `limit` above `pageCap` is served as `pageCap` (silently, pages numbered at that size): how far
 * Recruitee goes is undocumented.
 * @param {Data} data @param {Query} q @param {number} pageCap @returns {Reply}
 */
function auditLog(data, q, pageCap) {
  const page = intParam(q.page, 1);
  const limit = intParam(q.limit, 20);
  if (!(page >= 1)) return bad400('page is invalid');
  if (!(limit >= 1)) return bad400('limit is invalid');
  const size = Math.min(limit, pageCap);
  return withFilterErrors(() => {
    const pred = compileFilters(parseFiltersJson(q.filters_json), AUDIT_FILTERS);
    const from = (page - 1) * size;
    const entries = [];
    let total = 0;
    for (let i = 0; i < data.auditLog.length; i++) {
      if (pred && !pred(data.auditMeta[i])) continue;
      if (total >= from && total < from + size) entries.push(data.auditLog[i]);
      total += 1;
    }
    return reply(200, { aggregations: null, entries, total });
  });
}

// ---------------------------------------------------------------- routing

/**
 * @typedef {{ method: string, re: RegExp, family: string, run: (data: Data, q: Query, params: string[], record: import('../kit').RecordedRequest, body: Buffer, opts: { candidateQuery: CandidateQuery, auditLogPageCap: number }) => Reply }} Route
 */

/** The read routes. `family` decides the wrong-company answer: 'candidates' → 422, 'offers' → 403. @type {Route[]} */
const ROUTES = [
  { method: 'GET', re: /^\/candidates$/, family: 'candidates', run: (data, q, _p, _r, _b, opts) => listCandidates(data, q, opts.candidateQuery) },
  { method: 'GET', re: /^\/candidates\/([^/]+)$/, family: 'candidates', run: getCandidate },
  { method: 'GET', re: /^\/offers$/, family: 'offers', run: listOffers },
  { method: 'GET', re: /^\/offers\/([^/]+)$/, family: 'offers', run: getOffer },
  { method: 'GET', re: /^\/search\/new\/candidates$/, family: 'candidates', run: searchCandidates },
  { method: 'GET', re: /^\/audit_log$/, family: 'offers', run: (data, q, _p, _r, _b, opts) => auditLog(data, q, opts.auditLogPageCap) },
];

/** @param {string} s */
function safeDecode(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * @param {Data} data
 * @param {{ token: string, companyId: string|number, candidateQuery?: CandidateQuery, auditLogPageCap?: number }} opts
 * @param {Route[]} [extraRoutes] the write routes
 * @returns {(record: import('../kit').RecordedRequest, body?: Buffer) => Reply}
 */
function createHandler(data, opts, extraRoutes = []) {
  const companyId = String(opts.companyId);
  const candidateQuery = opts.candidateQuery ?? DEFAULTS.candidateQuery;
  if (!CANDIDATE_QUERIES.includes(candidateQuery)) {
    throw new TypeError(`option candidateQuery: ${JSON.stringify(candidateQuery)} is not one of ${CANDIDATE_QUERIES.join(', ')}`);
  }
  const auditLogPageCap = opts.auditLogPageCap ?? DEFAULTS.auditLogPageCap;
  if (!(Number.isInteger(auditLogPageCap) && auditLogPageCap >= 1)) {
    throw new TypeError(`option auditLogPageCap: ${JSON.stringify(auditLogPageCap)} is not a whole number of 1 or more`);
  }
  const routeOptions = { candidateQuery, auditLogPageCap };
  const routes = [...ROUTES, ...extraRoutes];
  return (record, body = Buffer.alloc(0)) => {
    const auth = /^Bearer +(\S+) *$/i.exec(String(record.headers.authorization || ''));
    if (!auth || auth[1] !== opts.token) return reply(401, { error: 'Unauthorized' }, { 'www-authenticate': 'Bearer' });
    const m = /^\/c\/([^/]+)(\/.*)$/.exec(record.path);
    if (!m) return notFound();
    /** @type {string[]} */
    const allowed = [];
    for (const route of routes) {
      const hit = route.re.exec(m[2]);
      if (!hit) continue;
      if (route.method !== record.method) {
        if (!allowed.includes(route.method)) allowed.push(route.method);
        continue;
      }
      if (safeDecode(m[1]) !== companyId) {
        return route.family === 'candidates' ? reply(422, { error: 'Company id is invalid' }) : reply(403, { errors: ['Forbidden'] });
      }
      return route.run(data, record.query, hit.slice(1).map(safeDecode), record, body, routeOptions);
    }
    return allowed.length ? reply(405, { error: 'Method not allowed' }, { allow: allowed.join(', ') }) : notFound();
  };
}

/**
 * @typedef {import('../kit').Sandbox & PublicMutations & ReturnType<typeof createWrites>['helpers'] & {
 *   data: Data, token: string, companyId: string, baseUrl: string
 * }} RecruiteeSandbox
 * @typedef {Pick<ReturnType<typeof createMutations>, 'addCandidate'|'addAuditEntry'|'moveCandidate'|'disqualifyCandidate'|'requalifyCandidate'|'setNow'>} PublicMutations
 */

/**
 * Start a Recruitee sandbox on 127.0.0.1.
 * @param {Partial<RecruiteeOptions>} [options]
 * @returns {Promise<RecruiteeSandbox>}
 */
async function start(options = {}) {
  const opts = { ...DEFAULTS, ...options };
  const data = D.generate(opts);
  const mut = createMutations(data);
  const writes = createWrites(data, mut, opts);
  const sandbox = await createSandbox({
    handle: createHandler(data, opts, writes.routes),
    errorBody: (status) => ({ error: status === 500 ? 'Internal server error' : STATUS_CODES[status] || 'Error' }),
    port: opts.port,
    host: opts.host,
    seed: opts.seed,
  });
  const companyId = String(opts.companyId);
  const { addCandidate, addAuditEntry, moveCandidate, disqualifyCandidate, requalifyCandidate, setNow } = mut;
  Object.assign(sandbox, { addCandidate, addAuditEntry, moveCandidate, disqualifyCandidate, requalifyCandidate, setNow });
  Object.defineProperties(sandbox, Object.getOwnPropertyDescriptors(writes.helpers)); // keeps the `writes` getter live
  return /** @type {RecruiteeSandbox} */ (Object.assign(sandbox, { data, token: opts.token, companyId, baseUrl: `${sandbox.url}/c/${companyId}` }));
}

module.exports = { start, DEFAULTS, createHandler, generate: D.generate };
