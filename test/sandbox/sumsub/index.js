'use strict';
/**
 * Sumsub API sandbox: signed requests (X-App-Token / X-App-Access-Ts /
 * X-App-Access-Sig, over the body bytes too) to /resources/status/api,
 * /resources/auditTrailEvents and /resources/auditTrailEvents/list over a
 * generated event set, and the applicant routes of applicants.js (applicants,
 * review status, reset, levels, WebSDK links, SDK access tokens).
 *
 *   const { start, sign } = require('./test/sandbox/sumsub');
 *   const sandbox = await start();
 *   const url = '/resources/auditTrailEvents?limit=5';
 *   const ts = String(Math.floor(Date.now() / 1000));
 *   fetch(sandbox.url + url, { headers: { 'X-App-Token': sandbox.appToken, 'X-App-Access-Ts': ts,
 *     'X-App-Access-Sig': sign({ secretKey: sandbox.secretKey, ts, method: 'GET', url }) } });
 */
const crypto = require('node:crypto');
const { STATUS_CODES } = require('node:http');
const { createSandbox, createRng, reply, intParam, lowerBound } = require('../kit');
const D = require('./data');
const { createApplicants, APPLICANT_DEFAULTS } = require('./applicants');

/**
 * What the list endpoint does with filters next to a `forwardMarker`. Sumsub's docs say to give the
 * filters on the first request and the marker on the next ones; they do not say what the marker
 * carries, so each plausible behaviour is a mode:
 * - `carried` (a): the marker carries the first request's filters; a later request may repeat them
 *   (the same values), different ones are refused with 400.
 * - `position` (b): the marker is a position only; each request is filtered by its own parameters
 *   (a request without them gets Sumsub's defaults: since yesterday, until now, any activity).
 * - `ignored` (c): the marker is a position only and the filters of later requests are ignored:
 *   every event after the marker, of any activity, subject and time.
 * - `rejected` (d): the marker carries the filters; any filter next to it is refused with 400.
 * @typedef {'carried'|'position'|'ignored'|'rejected'} MarkerFilters
 */

/**
 * @typedef {import('./data').GenerateOptions & import('./applicants').ApplicantOptions & {
 *   port: number, host: string, appToken: string, secretKey: string, maxSkewSeconds: number, listEnabled: boolean,
 *   rateLimit: { max: number, windowMs: number } | null, markerFilters: MarkerFilters, ignoreFilters: boolean
 * }} SumsubOptions
 */

/** @type {Readonly<SumsubOptions>} */
const DEFAULTS = Object.freeze({
  ...D.DEFAULTS,
  ...APPLICANT_DEFAULTS,
  port: 0,
  host: '127.0.0.1',
  appToken: 'sbx:test-app-token',
  secretKey: 'test-secret-key',
  maxSkewSeconds: 60,
  listEnabled: true,
  /** @type {{ max: number, windowMs: number } | null} every request but POST (GET 300 per 5 s), e.g. { max: 300, windowMs: 5000 } */
  rateLimit: null,
  /** @type {MarkerFilters} */
  markerFilters: 'carried',
  /** Both routes ignore from, to, activity and subjectName: every event (an API that does not filter). */
  ignoreFilters: false,
});

const MARKER_FILTERS = ['carried', 'position', 'ignored', 'rejected'];

/** @typedef {import('../kit').Reply} Reply */
/** @typedef {ReturnType<typeof D.generate>} Data */
/** @typedef {Record<string, string>} Query */

/**
 * Lowercase hex HMAC-SHA256(secretKey, ts + METHOD + url + body), as Sumsub.
 * @param {{ secretKey: string, ts: string|number, method: string, url: string, body?: string|Buffer }} a
 *   url: path with query exactly as sent
 */
function sign({ secretKey, ts, method, url, body = '' }) {
  return crypto
    .createHmac('sha256', secretKey)
    .update(`${ts}${method.toUpperCase()}${url}`)
    .update(body)
    .digest('hex');
}

// ---------------------------------------------------------------- query parsing

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** `yyyy-MM-dd HH:mm:ss` (UTC) → ms, or NaN. @param {string} raw */
function parseDateTime(raw) {
  const m = DATE_TIME.exec(raw);
  if (!m) return NaN;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  return back.getUTCMonth() === mo - 1 && back.getUTCDate() === d && h < 24 && mi < 60 && s < 60 ? ms : NaN;
}

/** Absent and empty parameters are the same. @param {string|undefined} v */
const norm = (v) => (v === undefined || v === '' ? null : v);

const FILTER_KEYS = /** @type {const} */ (['from', 'to', 'activity', 'subjectName']);

/**
 * @typedef {{ from: string|null, to: string|null, activity: string|null, subjectName: string|null }} RawFilters
 * @typedef {{ fromMs: number, toMs: number, activity: string|null, subjectName: string|null }} Filters
 */

/** @param {Record<string, string|undefined>} q @returns {RawFilters} */
function rawFilters(q) {
  return { from: norm(q.from), to: norm(q.to), activity: norm(q.activity), subjectName: norm(q.subjectName) };
}

/** @type {RawFilters} */
const NO_FILTERS = Object.freeze({ from: null, to: null, activity: null, subjectName: null });

/** Every event, whatever its time, activity and subject. @type {Filters} */
const EVERYTHING = Object.freeze({ fromMs: -Infinity, toMs: Infinity, activity: null, subjectName: null });

/**
 * Resolve from/to: `from` from the start of its second (default now - 1 day),
 * `to` to the end of its second (default now). Returns the bad parameter's name on error.
 * @param {Data} data @param {RawFilters} raw @returns {Filters | string}
 */
function resolveFilters(data, raw) {
  const fromMs = raw.from === null ? data.now - 86400000 : parseDateTime(raw.from);
  if (Number.isNaN(fromMs)) return 'from';
  const toMs = raw.to === null ? data.now : parseDateTime(raw.to) + 999;
  if (Number.isNaN(toMs)) return 'to';
  return { fromMs, toMs, activity: raw.activity, subjectName: raw.subjectName };
}

/** @param {Filters} f @returns {((e: import('./data').SumsubEvent) => boolean) | null} */
function eventPredicate(f) {
  if (f.activity === null && f.subjectName === null) return null;
  return (e) => (f.activity === null || e.activity === f.activity) && (f.subjectName === null || e.subjectName === f.subjectName);
}

/** [lo, hi) index range of events with fromMs <= ts <= toMs. @param {Data} data @param {Filters} f */
function tsRange(data, f) {
  return [lowerBound(data.tsMs, f.fromMs), lowerBound(data.tsMs, f.toMs, true)];
}

/**
 * Up to `limit` matching events in id order from byId index `start`, and
 * whether more follow. byId is ts-sorted on [0, tsSorted) (binary search
 * there); later events (added at runtime) are checked one by one.
 * @param {Data} data @param {Filters} f @param {number} start @param {number} limit
 */
function listPage(data, f, start, limit) {
  const match = eventPredicate(f);
  const sorted = data.tsSorted;
  const ranges = [
    [Math.max(start, lowerBound(data.idTsMs, f.fromMs, false, sorted)), lowerBound(data.idTsMs, f.toMs, true, sorted)],
    [Math.max(start, sorted), data.byId.length],
  ];
  /** @type {import('./data').SumsubEvent[]} */
  const items = [];
  for (const [lo, hi] of ranges) {
    for (let k = lo; k < hi; k++) {
      if (k >= sorted && (data.idTsMs[k] < f.fromMs || data.idTsMs[k] > f.toMs)) continue;
      if (match && !match(data.byId[k])) continue;
      if (items.length === limit) return { items, more: true };
      items.push(data.byId[k]);
    }
  }
  return { items, more: false };
}

// ---------------------------------------------------------------- forward markers

/** @param {string} after @param {RawFilters} raw */
function encodeMarker(after, raw) {
  return Buffer.from(JSON.stringify({ v: 1, after, ...raw })).toString('base64url');
}

/** @param {string} marker @returns {{ after: string } & RawFilters | null} */
function decodeMarker(marker) {
  try {
    const m = JSON.parse(Buffer.from(marker, 'base64url').toString('utf8'));
    const okString = (/** @type {unknown} */ v) => v === null || typeof v === 'string';
    if (m && m.v === 1 && typeof m.after === 'string' && /^[0-9a-f]{24}$/.test(m.after) && FILTER_KEYS.every((k) => okString(m[k]))) {
      return { after: m.after, from: m.from, to: m.to, activity: m.activity, subjectName: m.subjectName };
    }
  } catch {
    // fall through
  }
  return null;
}

// ---------------------------------------------------------------- handler

/**
 * @typedef {{ method: string, re: RegExp, run: (record: import('../kit').RecordedRequest, body: Buffer, params: string[]) => Reply }} Route
 */

/**
 * @param {Data} data
 * @param {SumsubOptions} opts
 * @param {() => string} correlationId
 * @param {Route[]} [extraRoutes] the applicant routes
 * @returns {((record: import('../kit').RecordedRequest, body: Buffer) => Reply) & { rateLimitedCount: () => number, postRateLimitedCount: () => number }}
 */
function createHandler(data, opts, correlationId, extraRoutes = []) {
  /** @param {number} code @param {string} description @param {object} [extra] */
  const error = (code, description, extra) => reply(code, { description, code, correlationId: correlationId(), ...extra });
  /** @param {number} errorCode @param {string} errorName @param {string} description */
  const authError = (errorCode, errorName, description) => error(401, description, { errorCode, errorName });
  /** @param {string} name */
  const badDate = (name) => error(400, `Invalid date format for '${name}', expected yyyy-MM-dd HH:mm:ss`);

  /** @param {import('../kit').RecordedRequest} r @param {Buffer} body @returns {Reply|null} */
  function verify(r, body) {
    const token = r.headers['x-app-token'];
    const ts = r.headers['x-app-access-ts'];
    const sig = r.headers['x-app-access-sig'];
    if (typeof token !== 'string' || typeof ts !== 'string' || typeof sig !== 'string' || !token || !ts || !sig) {
      return authError(4000, 'app-token-invalid-format', 'App token has invalid format');
    }
    if (token !== opts.appToken) return authError(4001, 'app-token-not-found', 'App token not found');
    if (!/^\d{1,12}$/.test(ts) || Math.abs(Date.now() / 1000 - Number(ts)) > opts.maxSkewSeconds) {
      return authError(4004, 'app-token-request-expired', 'Request timestamp is expired or invalid');
    }
    const expected = Buffer.from(sign({ secretKey: opts.secretKey, ts, method: r.method, url: r.url, body }));
    const given = Buffer.from(sig);
    if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
      return authError(4003, 'app-token-signature-mismatch', 'Request signature mismatch');
    }
    return null;
  }

  /** @param {Query} q @returns {Reply} */
  function legacyEvents(q) {
    const f = opts.ignoreFilters ? EVERYTHING : resolveFilters(data, rawFilters(q));
    if (typeof f === 'string') return badDate(f);
    const limit = intParam(q.limit, 10);
    const offset = intParam(q.offset, 0);
    if (!(limit >= 1 && limit <= 20000)) return error(400, 'Invalid limit: must be an integer between 1 and 20000');
    if (Number.isNaN(offset)) return error(400, 'Invalid offset: must be a non-negative integer');
    const [lo, hi] = tsRange(data, f);
    const match = eventPredicate(f);
    const items = [];
    let skipped = match ? 0 : offset;
    for (let k = hi - 1 - (match ? 0 : offset); k >= lo && items.length < limit; k--) {
      const e = data.events[k];
      if (match && !match(e)) continue;
      if (skipped < offset) skipped += 1;
      else items.push(D.legacyItem(e));
    }
    return reply(200, { items });
  }

  /** @param {Query} q @returns {Reply} */
  function listEvents(q) {
    if (!opts.listEnabled) return error(403, 'Audit trail events list is not enabled for your account', { errorName: 'forbidden' });
    const limit = intParam(q.limit, 1000);
    if (!(limit >= 1 && limit <= 1000)) return error(400, 'Invalid limit: must be an integer between 1 and 1000');
    let raw = rawFilters(q);
    let after = null;
    /** @type {Filters | null} null: resolve `raw` */
    let fixed = opts.ignoreFilters ? EVERYTHING : null;
    if (q.forwardMarker !== undefined) {
      const m = decodeMarker(q.forwardMarker);
      if (!m) return error(400, 'Invalid forwardMarker');
      const given = FILTER_KEYS.filter((k) => q[k] !== undefined);
      switch (opts.markerFilters) {
        case 'carried':
          if (given.some((k) => raw[k] !== m[k])) return error(400, 'Request parameters do not match the forwardMarker');
          raw = { from: m.from, to: m.to, activity: m.activity, subjectName: m.subjectName };
          break;
        case 'rejected':
          if (given.length) return error(400, `Parameters not allowed together with forwardMarker: ${given.join(', ')}`);
          raw = { from: m.from, to: m.to, activity: m.activity, subjectName: m.subjectName };
          break;
        case 'ignored':
          fixed = EVERYTHING;
          break;
        default: // 'position': this request's own parameters
      }
      after = m.after;
    }
    const f = fixed ?? resolveFilters(data, raw);
    if (typeof f === 'string') return badDate(f);
    const { items, more } = listPage(data, f, after === null ? 0 : lowerBound(data.ids, after, true), limit);
    /** @type {{ items: unknown[], forwardMarker?: string }} */
    const out = { items };
    const carries = opts.markerFilters === 'carried' || opts.markerFilters === 'rejected';
    if (more) out.forwardMarker = encodeMarker(items[items.length - 1].id, carries ? raw : NO_FILTERS);
    return reply(200, out);
  }

  /** The audit trail routes, then the applicant routes. @type {Route[]} */
  const routes = [
    { method: 'GET', re: /^\/resources\/status\/api$/, run: () => reply(200, { ok: 1 }) },
    { method: 'GET', re: /^\/resources\/auditTrailEvents$/, run: (r) => legacyEvents(r.query) },
    { method: 'GET', re: /^\/resources\/auditTrailEvents\/list$/, run: (r) => listEvents(r.query) },
    ...extraRoutes,
  ];

  /**
   * A sliding-window limit: null while under it, else a 429 (counted).
   * @param {() => { max: number, windowMs: number } | null} limitOf
   */
  function windowLimit(limitOf) {
    /** @type {number[]} */
    const stamps = [];
    const limiter = () => {
      const limit = limitOf();
      if (!limit) return null;
      const now = Date.now();
      while (stamps.length && stamps[0] <= now - limit.windowMs) stamps.shift();
      if (stamps.length >= limit.max) {
        limiter.refused += 1;
        return error(429, 'Too many requests');
      }
      stamps.push(now);
      return null;
    };
    limiter.refused = 0;
    return limiter;
  }
  // Sumsub's documented rate limits, each enforced when its option is set: POST 50 per 5 s
  // (`postRateLimit`), GET 300 per 5 s (`rateLimit`, which counts every request that is not a POST).
  const getLimit = windowLimit(() => opts.rateLimit);
  const postLimit = windowLimit(() => opts.postRateLimit);

  const handle = (/** @type {import('../kit').RecordedRequest} */ record, /** @type {Buffer} */ body) => {
    const denied = verify(record, body) || (record.method === 'POST' ? postLimit() : getLimit());
    if (denied) return denied;
    let pathKnown = false;
    for (const route of routes) {
      const hit = route.re.exec(record.path);
      if (!hit) continue;
      pathKnown = true;
      if (route.method === record.method) return route.run(record, body, hit.slice(1));
    }
    return pathKnown ? error(405, 'Method not allowed') : error(404, 'Not found');
  };
  return Object.assign(handle, { rateLimitedCount: () => getLimit.refused, postRateLimitedCount: () => postLimit.refused });
}

/**
 * Seeded "req-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" ids for error bodies.
 * @param {number|string} seed
 */
function correlationIds(seed) {
  const rng = createRng(`${seed}:correlation`);
  return () => D.correlationIdOf(rng);
}

/**
 * @typedef {import('../kit').Sandbox & ReturnType<typeof createApplicants>['helpers'] & {
 *   data: Data, appToken: string, secretKey: string, rateLimited: () => number, postRateLimited: () => number,
 *   sign: (a: { ts?: string|number, method?: string, url: string, body?: string|Buffer }) => string,
 *   signedHeaders: (url: string, a?: { method?: string, body?: string|Buffer, ts?: string|number }) => Record<string, string>,
 *   addEvents: (specs: import('./data').EventSpec | import('./data').EventSpec[]) => import('./data').SumsubEvent[],
 *   setNow: (ms?: number|string) => void
 * }} SumsubSandbox
 */

/**
 * Start a Sumsub sandbox on 127.0.0.1.
 * @param {Partial<SumsubOptions>} [options]
 * @returns {Promise<SumsubSandbox>}
 */
async function start(options = {}) {
  const opts = { ...DEFAULTS, ...options };
  if (!MARKER_FILTERS.includes(opts.markerFilters)) throw new TypeError(`markerFilters: one of ${MARKER_FILTERS.join(', ')}`);
  const data = D.generate(opts);
  const correlationId = correlationIds(opts.seed);
  /** @param {number} code @param {string} description */
  const error = (code, description) => reply(code, { description, code, correlationId: correlationId() });
  const applicants = createApplicants(data, opts, error);
  const handler = createHandler(data, opts, correlationId, applicants.routes);
  const sandbox = await createSandbox({
    handle: handler,
    errorBody: (status) => ({ description: STATUS_CODES[status] || 'Error', code: status, correlationId: correlationId() }),
    port: opts.port,
    host: opts.host,
    seed: opts.seed,
  });
  /** @type {SumsubSandbox['sign']} */
  const signWith = ({ ts = Math.floor(Date.now() / 1000), method = 'GET', url, body = '' }) =>
    sign({ secretKey: opts.secretKey, ts, method, url, body });
  const addedRng = createRng(`${opts.seed}:added`);
  Object.defineProperties(sandbox, Object.getOwnPropertyDescriptors(applicants.helpers)); // keeps the getters live
  return /** @type {SumsubSandbox} */ (Object.assign(sandbox, {
    data,
    /** How many requests the `rateLimit` (every method but POST) refused. */
    rateLimited: handler.rateLimitedCount,
    /** How many POST requests the `postRateLimit` refused. */
    postRateLimited: handler.postRateLimitedCount,
    appToken: opts.appToken,
    secretKey: opts.secretKey,
    sign: signWith,
    /** @type {SumsubSandbox['signedHeaders']} */
    signedHeaders: (url, { method = 'GET', body = '', ts = Math.floor(Date.now() / 1000) } = {}) => ({
      'X-App-Token': opts.appToken,
      'X-App-Access-Ts': String(ts),
      'X-App-Access-Sig': signWith({ ts, method, url, body }),
    }),
    /** @type {SumsubSandbox['addEvents']} */
    addEvents: (specs) => D.addEvents(data, specs, addedRng),
    /** @type {SumsubSandbox['setNow']} */
    setNow: (ms) => {
      data.now = D.msOf(ms);
    },
  }));
}

module.exports = { start, sign, DEFAULTS, MARKER_FILTERS, createHandler, generate: D.generate, parseDateTime };
