'use strict';
/**
 * The Sumsub applicant routes: create, get (by id or externalUserId), review
 * status, reset, the levels list, WebSDK links (new and old form) and SDK access
 * tokens. State lives here for the run; the test drivers (`setReview`,
 * `applicantById`, `issuedLinks`, …) are merged into the sandbox.
 *
 * Every route runs after index.js has checked the signature (over the body
 * bytes too) and the rate limits. Where Sumsub's docs are silent, each plausible
 * behaviour is an option (APPLICANT_DEFAULTS, CHOICES); none is confirmed.
 */
const { reply, createRng, isoSeconds } = require('../kit');

/** @typedef {import('../kit').Reply} Reply */
/** @typedef {import('../kit').RecordedRequest} RecordedRequest */

/**
 * @typedef {object} ApplicantOptions
 * @property {200|201} createStatus status of a successful POST /resources/applicants (Sumsub answers 200)
 * @property {404|400} unknownLevel status when a levelName is not one of the account's levels (every route)
 * @property {409|400} duplicateExternalUserId status when an applicant with that externalUserId exists
 * @property {400|409} resetRefusal status of a reset refused while pending, queued or prechecked
 * @property {'both'|'new'|'old'} websdkLinkRoute which WebSDK link route exists ('new': levels/-/websdkLink with a JSON body)
 * @property {boolean} levelsRoute false: GET /resources/applicants/-/levels answers 404
 * @property {boolean} coerceScalars true: numbers are accepted for string fields and digit strings for ttlInSecs (Jackson-like)
 * @property {{ max: number, windowMs: number } | null} postRateLimit POST limit (Sumsub: 50 per 5 s); null: none
 * @property {(string | LevelSpec)[] | null} levels the account's levels; null: the three default ones
 * @property {string} websdkHost host of the issued WebSDK links
 * @property {() => number} clock ms since epoch of each write (createdAt, review dates, link expiry)
 *
 * @typedef {{ name: string, applicantType?: 'individual'|'company', desc?: string }} LevelSpec
 */

/** @type {Readonly<ApplicantOptions>} */
const APPLICANT_DEFAULTS = Object.freeze({
  createStatus: /** @type {200} */ (200),
  unknownLevel: /** @type {404} */ (404),
  duplicateExternalUserId: /** @type {409} */ (409),
  resetRefusal: /** @type {400} */ (400),
  websdkLinkRoute: /** @type {'both'} */ ('both'),
  levelsRoute: true,
  coerceScalars: false,
  postRateLimit: null,
  levels: null,
  websdkHost: 'in.sumsub.com',
  clock: () => Date.now(),
});

/** @type {Record<string, readonly unknown[]>} allowed values of the switches */
const CHOICES = {
  createStatus: [200, 201],
  unknownLevel: [404, 400],
  duplicateExternalUserId: [409, 400],
  resetRefusal: [400, 409],
  websdkLinkRoute: ['both', 'new', 'old'],
  levelsRoute: [true, false],
  coerceScalars: [false, true],
};

const REVIEW_STATUSES = ['init', 'pending', 'prechecked', 'queued', 'completed', 'onHold'];
/** Sumsub: "You cannot reset applicants that are currently being checked" [doc]. */
const RESET_REFUSED = new Set(['pending', 'queued', 'prechecked']);

/** ISO 3166-1 alpha-3 (the 249 codes of iso-codes) and XKX (Kosovo, which Sumsub uses). */
const ALPHA3 = new Set(
  `
ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD BGR BHR
BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD COG COK COL
COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH FIN FJI FLK
FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY HKG HMD HND HRV
HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO
LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG
MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN
PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM SLB SLE
SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK TKL TKM TLS TON TTO
TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB VIR VNM VUT WLF WSM XKX YEM ZAF ZMB ZWE
`
    .trim()
    .split(/\s+/),
);

const IDENTITY = { idDocSetType: 'IDENTITY', types: ['PASSPORT', 'ID_CARD', 'DRIVERS', 'RESIDENCE_PERMIT'] };
/** @type {Record<string, { applicantType: 'individual'|'company', desc: string, docSets: object[] }>} */
const DEFAULT_LEVELS = {
  'basic-kyc-level': { applicantType: 'individual', desc: 'Identity document and selfie', docSets: [IDENTITY, { idDocSetType: 'SELFIE', types: ['SELFIE'] }] },
  'id-and-liveness': {
    applicantType: 'individual',
    desc: 'Identity document and liveness check',
    docSets: [IDENTITY, { idDocSetType: 'SELFIE', types: ['SELFIE'], videoRequired: 'passiveLiveness' }],
  },
  'kyb-level': { applicantType: 'company', desc: 'Company verification', docSets: [{ idDocSetType: 'COMPANY', types: ['COMPANY_DOC'] }] },
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Loose phone check (a guess: Sumsub's rule is undocumented): digits, spaces, + ( ) - . and 4..20 digits. */
const PHONE = /^\+?[\d\s().-]+$/;
const DOB = /^(\d{4})-(\d{2})-(\d{2})$/;
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** fixedInfo fields kept as plain strings. */
const INFO_STRINGS = ['firstName', 'lastName', 'middleName', 'firstNameEn', 'lastNameEn', 'middleNameEn', 'legalName', 'placeOfBirth', 'stateOfBirth', 'tin'];
/** fixedInfo fields that are ISO 3166-1 alpha-3 country codes. */
const INFO_COUNTRIES = ['country', 'nationality', 'countryOfBirth', 'taxResidenceCountry'];
/** Address fields kept as plain strings (plus `country`, alpha-3). */
const ADDRESS_STRINGS = ['street', 'streetEn', 'subStreet', 'subStreetEn', 'town', 'townEn', 'state', 'stateEn', 'postCode', 'buildingNumber', 'flatNumber', 'formattedAddress'];

/** A refused request: its status and Sumsub's `description`. */
class Refusal extends Error {
  /** @param {number} status @param {string} description */
  constructor(status, description) {
    super(description);
    this.status = status;
  }
}

/** @param {number} status @param {string} description @returns {never} */
function refuse(status, description) {
  throw new Refusal(status, description);
}

/** @param {unknown} v */
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
/** @param {unknown} v */
const show = (v) => (typeof v === 'string' ? `'${v}'` : JSON.stringify(v));

/** "2026-11-20 12:00:00" (UTC) @param {number} ms */
const sumsubTime = (ms) => isoSeconds(ms).replace('T', ' ');
/** "2026-11-20 12:00:00+0000": the form of review dates @param {number} ms */
const reviewTime = (ms) => `${sumsubTime(ms)}+0000`;

/**
 * @param {{ clientId: string }} data the generated data set (for clientId)
 * @param {Partial<ApplicantOptions> & { seed?: number|string }} options
 * @param {(status: number, description: string) => Reply} error Sumsub's error reply
 */
function createApplicants(data, options, error) {
  /** @type {ApplicantOptions} */
  const o = { ...APPLICANT_DEFAULTS };
  for (const k of Object.keys(APPLICANT_DEFAULTS)) {
    const v = /** @type {any} */ (options)[k];
    if (v !== undefined) /** @type {any} */ (o)[k] = v;
  }
  for (const [k, values] of Object.entries(CHOICES)) {
    if (!values.includes(/** @type {any} */ (o)[k])) throw new TypeError(`option ${k}: ${JSON.stringify(/** @type {any} */ (o)[k])} is not one of ${values.join(', ')}`);
  }
  const limit = o.postRateLimit;
  if (limit !== null && !(isObject(limit) && limit.max >= 0 && limit.windowMs > 0)) throw new TypeError('option postRateLimit: null or { max, windowMs }');
  const rng = createRng(`${options.seed ?? 2}:applicants`);
  const machine = rng.hex(6);
  let seq = 0;
  /** A fresh 24-hex id: epoch second, machine, sequence (like Sumsub's ObjectIds). @param {number} ms */
  const newId = (ms) => Math.floor(ms / 1000).toString(16).padStart(8, '0') + machine + (seq++).toString(16).padStart(10, '0');

  const levels = levelsOf(o.levels, rng);
  /** @type {any[]} creation order */
  const applicants = [];
  /** @type {Map<string, any>} */
  const byId = new Map();
  /** @type {Map<string, any>} */
  const byExternal = new Map();
  /** @type {any[]} */
  const issuedLinks = [];
  /** @type {any[]} */
  const issuedTokens = [];
  const counts = { applicantsCreated: 0, resets: 0, links: 0, tokens: 0 };
  let lastMs = 0;
  /** ms of this write: the clock, never before the previous write. */
  const nowMs = () => (lastMs = Math.max(Math.floor(o.clock()), lastMs));

  // ------------------------------------------------------------ bodies and fields

  /**
   * The request body as a JSON object. Empty → 400; not sent as JSON → 415; unparsable or not an object → 400.
   * @param {RecordedRequest} record @param {Buffer} body
   * @returns {Record<string, any>}
   */
  function jsonBody(record, body) {
    if (body.length === 0) refuse(400, 'Required request body is missing');
    const type = String(record.headers['content-type'] || '');
    if (!/json/i.test(type)) refuse(415, `Content type '${type}' not supported: send application/json`);
    let v;
    try {
      v = JSON.parse(body.toString('utf8'));
    } catch {
      refuse(400, 'Malformed JSON request body');
    }
    if (!isObject(v)) refuse(400, 'Request body must be a JSON object');
    return v;
  }

  /**
   * A string field: absent/null → undefined; a string (or, with coerceScalars, a finite number) → the string.
   * @param {unknown} v @param {string} field @param {boolean} [required] @returns {string|undefined}
   */
  function str(v, field, required = false) {
    if (v === undefined || v === null) {
      if (required) refuse(400, `Missing required field '${field}'`);
      return undefined;
    }
    if (typeof v === 'number' && o.coerceScalars && Number.isFinite(v)) v = String(v);
    if (typeof v !== 'string') refuse(400, `Invalid '${field}': expected a string, got ${show(v)}`);
    if (required && !v.trim()) refuse(400, `Missing required field '${field}': it is blank`);
    return v;
  }

  /** @param {unknown} v @param {string} field */
  function email(v, field) {
    const s = str(v, field);
    if (s !== undefined && !EMAIL.test(s)) refuse(400, `Invalid '${field}': ${show(s)} is not a valid email address`);
    return s;
  }

  /** @param {unknown} v @param {string} field */
  function phone(v, field) {
    const s = str(v, field);
    const digits = s === undefined ? 0 : s.replace(/\D/g, '').length;
    if (s !== undefined && !(PHONE.test(s) && digits >= 4 && digits <= 20)) refuse(400, `Invalid '${field}': ${show(s)} is not a valid phone number`);
    return s;
  }

  /** @param {unknown} v @param {string} field */
  function country(v, field) {
    const s = str(v, field);
    if (s !== undefined && !ALPHA3.has(s)) refuse(400, `Invalid '${field}': ${show(s)} is not an ISO 3166-1 alpha-3 country code`);
    return s;
  }

  /** @param {unknown} v @param {string} field */
  function dob(v, field) {
    const s = str(v, field);
    if (s === undefined) return s;
    const m = DOB.exec(s);
    const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
    if (!m || new Date(ms).toISOString().slice(0, 10) !== s) refuse(400, `Invalid '${field}': ${show(s)} is not a date in the format yyyy-MM-dd`);
    return s;
  }

  /** A positive integer (JSON number; with coerceScalars also a digit string). @param {unknown} v @param {string} field */
  function ttl(v, field) {
    if (v === undefined || v === null) refuse(400, `Missing required field '${field}'`);
    const n = typeof v === 'string' && o.coerceScalars && /^\d{1,9}$/.test(v) ? Number(v) : v;
    if (!(typeof n === 'number' && Number.isInteger(n) && n > 0)) refuse(400, `Invalid '${field}': expected a positive integer number of seconds, got ${show(v)}`);
    return /** @type {number} */ (n);
  }

  /** @param {unknown} raw @returns {Record<string, any>|undefined} */
  function fixedInfoOf(raw) {
    if (raw === undefined || raw === null) return undefined;
    if (!isObject(raw)) refuse(400, `Invalid 'fixedInfo': expected an object, got ${show(raw)}`);
    const r = /** @type {Record<string, any>} */ (raw);
    /** @type {Record<string, any>} */
    const f = {};
    for (const k of INFO_STRINGS) f[k] = str(r[k], `fixedInfo.${k}`);
    f.dob = dob(r.dob, 'fixedInfo.dob');
    const gender = str(r.gender, 'fixedInfo.gender');
    if (gender !== undefined && gender !== 'M' && gender !== 'F') refuse(400, `Invalid 'fixedInfo.gender': ${show(gender)}, expected 'M' or 'F'`);
    f.gender = gender;
    for (const k of INFO_COUNTRIES) f[k] = country(r[k], `fixedInfo.${k}`);
    if (r.addresses !== undefined && r.addresses !== null) {
      if (!Array.isArray(r.addresses)) refuse(400, `Invalid 'fixedInfo.addresses': expected an array, got ${show(r.addresses)}`);
      f.addresses = r.addresses.map((a, i) => {
        if (!isObject(a)) refuse(400, `Invalid 'fixedInfo.addresses[${i}]': expected an object, got ${show(a)}`);
        /** @type {Record<string, any>} */
        const out = {};
        for (const k of ADDRESS_STRINGS) out[k] = str(a[k], `fixedInfo.addresses[${i}].${k}`);
        out.country = country(a.country, `fixedInfo.addresses[${i}].country`);
        return prune(out);
      });
    }
    return prune(f);
  }

  /** @param {unknown} raw @returns {{ key: string, value: string }[]|undefined} */
  function metadataOf(raw) {
    if (raw === undefined || raw === null) return undefined;
    if (!Array.isArray(raw)) refuse(400, `Invalid 'metadata': expected an array of {key, value}, got ${show(raw)}`);
    return raw.map((m, i) => {
      if (!isObject(m)) refuse(400, `Invalid 'metadata[${i}]': expected an object {key, value}, got ${show(m)}`);
      const key = /** @type {string} */ (str(m.key, `metadata[${i}].key`, true));
      const value = str(m.value, `metadata[${i}].value`) ?? '';
      return { key, value };
    });
  }

  /** Validated applicant fields of a create body (unknown keys ignored). @param {Record<string, any>} b */
  function applicantFields(b) {
    return {
      externalUserId: /** @type {string} */ (str(b.externalUserId, 'externalUserId', true)),
      email: email(b.email, 'email'),
      phone: phone(b.phone, 'phone'),
      fixedInfo: fixedInfoOf(b.fixedInfo),
      metadata: metadataOf(b.metadata),
    };
  }

  /** @param {unknown} raw @returns {{ email?: string, phone?: string }|undefined} */
  function identifiersOf(raw) {
    if (raw === undefined || raw === null) return undefined;
    if (!isObject(raw)) refuse(400, `Invalid 'applicantIdentifiers': expected an object, got ${show(raw)}`);
    const r = /** @type {Record<string, any>} */ (raw);
    return prune({ email: email(r.email, 'applicantIdentifiers.email'), phone: phone(r.phone, 'applicantIdentifiers.phone') });
  }

  /** The level of this name, or the `unknownLevel` refusal. @param {string|undefined} name */
  function levelOf(name) {
    const level = name === undefined ? undefined : levels.find((l) => l.name === name);
    if (!level) refuse(o.unknownLevel, `Level '${name}' not found`);
    return /** @type {any} */ (level);
  }

  // ------------------------------------------------------------ applicants

  /**
   * Store a new applicant (no checks beyond the fields' own).
   * @param {any} level @param {ReturnType<typeof applicantFields>} f
   */
  function insert(level, f) {
    const ms = nowMs();
    const id = newId(ms);
    const applicant = prune({
      id,
      createdAt: sumsubTime(ms),
      clientId: data.clientId,
      inspectionId: newId(ms),
      externalUserId: f.externalUserId,
      levelName: level.name,
      email: f.email,
      phone: f.phone,
      fixedInfo: f.fixedInfo,
      metadata: f.metadata,
      applicantPlatform: 'API',
      requiredIdDocs: { docSets: structuredClone(level.requiredIdDocs.docSets) },
      review: {
        reviewId: rng.string(5, ALNUM),
        attemptId: rng.string(5, ALNUM),
        attemptCnt: 0,
        levelName: level.name,
        createDate: reviewTime(ms),
        reviewStatus: 'init',
        priority: 0,
      },
      type: level.applicantType,
    });
    applicants.push(applicant);
    byId.set(id, applicant);
    byExternal.set(f.externalUserId, applicant);
    return applicant;
  }

  /** POST /resources/applicants?levelName= @param {RecordedRequest} record @param {Buffer} body */
  function createApplicant(record, body) {
    const name = record.query.levelName;
    if (!name) refuse(400, "Required request parameter 'levelName' is not present");
    const level = levelOf(name);
    const f = applicantFields(jsonBody(record, body));
    const existing = byExternal.get(f.externalUserId);
    if (existing) refuse(o.duplicateExternalUserId, `Applicant with external user id '${f.externalUserId}' already exists: ${existing.id}`);
    const applicant = insert(level, f);
    counts.applicantsCreated += 1;
    return reply(o.createStatus, applicant);
  }

  /** @param {string} id */
  function applicantOr404(id) {
    const a = byId.get(id);
    if (!a) refuse(404, `Applicant not found: ${id}`);
    return a;
  }

  /** GET /resources/applicants/{id}/one @param {RecordedRequest} _r @param {Buffer} _b @param {string[]} params */
  const getApplicant = (_r, _b, [id]) => reply(200, applicantOr404(id));

  /** GET /resources/applicants/-;externalUserId={id}/one (the id percent-encoded) @param {RecordedRequest} _r @param {Buffer} _b @param {string[]} params */
  function getByExternalUserId(_r, _b, [raw]) {
    let id;
    try {
      id = decodeURIComponent(raw);
    } catch {
      refuse(400, `Invalid externalUserId: '${raw}' is not correctly percent-encoded`);
    }
    const a = byExternal.get(/** @type {string} */ (id));
    if (!a) refuse(404, `Applicant with external user id '${id}' not found`);
    return reply(200, a);
  }

  /** GET /resources/applicants/{id}/status @param {RecordedRequest} _r @param {Buffer} _b @param {string[]} params */
  const getStatus = (_r, _b, [id]) => reply(200, applicantOr404(id).review);

  /** POST /resources/applicants/{id}/reset @param {RecordedRequest} _r @param {Buffer} _b @param {string[]} params */
  function resetApplicant(_r, _b, [id]) {
    const a = applicantOr404(id);
    const status = a.review.reviewStatus;
    if (RESET_REFUSED.has(status)) refuse(o.resetRefusal, `Applicant ${id} cannot be reset in status '${status}': it is being checked`);
    nowMs();
    const { reviewId, attemptId, attemptCnt, levelName, createDate, priority } = a.review;
    a.review = { reviewId, attemptId, attemptCnt, levelName, createDate, reviewStatus: 'init', priority };
    counts.resets += 1;
    return reply(200, { ok: 1 });
  }

  /** GET /resources/applicants/-/levels */
  const listLevels = () => reply(200, { items: levels, totalItems: levels.length });

  // ------------------------------------------------------------ WebSDK links and access tokens

  /**
   * Record and answer an issued link.
   * @param {'new'|'old'} route @param {Record<string, any>} fields
   */
  function issueLink(route, fields) {
    const ms = nowMs();
    const url = `https://${o.websdkHost}/websdk/p/sbx_${rng.string(16, ALNUM)}`;
    issuedLinks.push(prune({ url, route, ...fields, createdAt: ms, expiresAt: ms + fields.ttlInSecs * 1000 }));
    counts.links += 1;
    return reply(200, { url });
  }

  /** POST /resources/sdkIntegrations/levels/-/websdkLink @param {RecordedRequest} record @param {Buffer} body */
  function websdkLink(record, body) {
    const b = jsonBody(record, body);
    const levelName = /** @type {string} */ (str(b.levelName, 'levelName', true));
    levelOf(levelName);
    const userId = /** @type {string} */ (str(b.userId, 'userId', true));
    const ttlInSecs = ttl(b.ttlInSecs, 'ttlInSecs');
    const applicantIdentifiers = identifiersOf(b.applicantIdentifiers);
    const externalActionId = str(b.externalActionId, 'externalActionId');
    if (b.redirect !== undefined && b.redirect !== null && !isObject(b.redirect)) refuse(400, `Invalid 'redirect': expected an object, got ${show(b.redirect)}`);
    return issueLink('new', { levelName, userId, ttlInSecs, applicantIdentifiers, externalActionId, redirect: b.redirect ?? undefined });
  }

  /**
   * POST /resources/sdkIntegrations/levels/{levelName}/websdkLink?ttlInSecs=&externalUserId=[&lang=]
   * @param {RecordedRequest} record @param {Buffer} body @param {string[]} params
   */
  function websdkLinkOld(record, body, [rawLevel]) {
    if (rawLevel === '-') refuse(404, 'Not found'); // the new route's path, when only the old route exists
    let levelName = rawLevel;
    try {
      levelName = decodeURIComponent(rawLevel);
    } catch {
      // kept raw: not a known level
    }
    levelOf(levelName);
    const q = record.query;
    const ttlInSecs = ttl(q.ttlInSecs === undefined ? undefined : /^\d{1,9}$/.test(q.ttlInSecs) ? Number(q.ttlInSecs) : q.ttlInSecs, 'ttlInSecs');
    const userId = /** @type {string} */ (str(q.externalUserId, 'externalUserId', true));
    const parsed = body.length ? jsonBody(record, body) : undefined;
    return issueLink('old', { levelName, userId, ttlInSecs, lang: q.lang, body: parsed });
  }

  /** POST /resources/accessTokens/sdk @param {RecordedRequest} record @param {Buffer} body */
  function accessToken(record, body) {
    const b = jsonBody(record, body);
    const userId = /** @type {string} */ (str(b.userId, 'userId', true));
    const levelName = /** @type {string} */ (str(b.levelName, 'levelName', true));
    levelOf(levelName);
    const ttlInSecs = ttl(b.ttlInSecs, 'ttlInSecs');
    const applicantIdentifiers = identifiersOf(b.applicantIdentifiers);
    const ms = nowMs();
    const token = `_act-sbx-${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`;
    issuedTokens.push(prune({ token, userId, levelName, ttlInSecs, applicantIdentifiers, createdAt: ms, expiresAt: ms + ttlInSecs * 1000 }));
    counts.tokens += 1;
    return reply(200, { token, userId });
  }

  // ------------------------------------------------------------ routes and helpers

  /**
   * @typedef {{ method: string, re: RegExp, run: (record: RecordedRequest, body: Buffer, params: string[]) => Reply }} Route
   */
  /** @type {Route[]} */
  const table = [
    { method: 'POST', re: /^\/resources\/applicants$/, run: createApplicant },
    ...(o.levelsRoute ? [{ method: 'GET', re: /^\/resources\/applicants\/-\/levels$/, run: listLevels }] : []),
    { method: 'GET', re: /^\/resources\/applicants\/-;externalUserId=([^/]*)\/one$/, run: getByExternalUserId },
    { method: 'GET', re: /^\/resources\/applicants\/([^/;-][^/;]*)\/one$/, run: getApplicant },
    { method: 'GET', re: /^\/resources\/applicants\/([^/;-][^/;]*)\/status$/, run: getStatus },
    { method: 'POST', re: /^\/resources\/applicants\/([^/;-][^/;]*)\/reset$/, run: resetApplicant },
    ...(o.websdkLinkRoute !== 'old' ? [{ method: 'POST', re: /^\/resources\/sdkIntegrations\/levels\/-\/websdkLink$/, run: websdkLink }] : []),
    ...(o.websdkLinkRoute !== 'new' ? [{ method: 'POST', re: /^\/resources\/sdkIntegrations\/levels\/([^/]+)\/websdkLink$/, run: websdkLinkOld }] : []),
    { method: 'POST', re: /^\/resources\/accessTokens\/sdk$/, run: accessToken },
  ];
  /** Same routes, refusals turned into Sumsub's error body. @type {Route[]} */
  const routes = table.map((r) => ({
    ...r,
    run: (record, body, params) => {
      try {
        return r.run(record, body, params);
      } catch (err) {
        if (err instanceof Refusal) return error(err.status, err.message);
        throw err;
      }
    },
  }));

  /**
   * Test driver: set an applicant's review as Sumsub's reviewers would.
   * @param {string} applicantId
   * @param {{ reviewStatus: string, reviewAnswer?: 'GREEN'|'RED', rejectLabels?: string[], reviewRejectType?: 'FINAL'|'RETRY',
   *   moderationComment?: string, clientComment?: string }} spec
   */
  function setReview(applicantId, spec) {
    const a = byId.get(applicantId);
    if (!a) throw new TypeError(`setReview: no applicant ${applicantId}`);
    const { reviewStatus, reviewAnswer, rejectLabels, reviewRejectType, moderationComment, clientComment, ...other } = spec || /** @type {any} */ ({});
    if (Object.keys(other).length) throw new TypeError(`setReview: unknown keys ${Object.keys(other).join(', ')}`);
    if (!REVIEW_STATUSES.includes(reviewStatus)) throw new TypeError(`setReview: reviewStatus one of ${REVIEW_STATUSES.join(', ')}`);
    const completed = reviewStatus === 'completed';
    if (completed && reviewAnswer !== 'GREEN' && reviewAnswer !== 'RED') throw new TypeError("setReview: a completed review needs reviewAnswer 'GREEN' or 'RED'");
    if (!completed && [reviewAnswer, rejectLabels, reviewRejectType, moderationComment, clientComment].some((v) => v !== undefined)) {
      throw new TypeError('setReview: a review result only comes with reviewStatus completed');
    }
    if (reviewAnswer === 'GREEN' && (reviewRejectType !== undefined || rejectLabels?.length)) throw new TypeError('setReview: GREEN takes no reject labels or type');
    if (reviewRejectType !== undefined && reviewRejectType !== 'FINAL' && reviewRejectType !== 'RETRY') throw new TypeError("setReview: reviewRejectType 'FINAL' or 'RETRY'");
    if (rejectLabels !== undefined && !(Array.isArray(rejectLabels) && rejectLabels.every((l) => typeof l === 'string'))) throw new TypeError('setReview: rejectLabels is an array of strings');
    const ms = nowMs();
    const prev = a.review;
    const { reviewId, levelName, createDate, priority } = prev;
    let { attemptId, attemptCnt, startDate } = prev;
    if (prev.reviewStatus === 'init' && reviewStatus !== 'init') {
      // a new attempt: the applicant submitted
      attemptId = rng.string(5, ALNUM);
      attemptCnt += 1;
      startDate = reviewTime(ms);
    }
    if (reviewStatus === 'init') startDate = undefined;
    a.review = prune({
      reviewId,
      attemptId,
      attemptCnt,
      levelName,
      createDate,
      startDate,
      reviewDate: completed ? reviewTime(ms) : undefined,
      reviewResult: completed
        ? prune({
            moderationComment,
            clientComment,
            reviewAnswer,
            rejectLabels: reviewAnswer === 'RED' ? (rejectLabels ?? []) : undefined,
            reviewRejectType: reviewAnswer === 'RED' ? (reviewRejectType ?? 'RETRY') : undefined,
          })
        : undefined,
      reviewStatus,
      priority,
    });
    return structuredClone(a.review);
  }

  /**
   * Test seeding without a request: the same checks as POST /resources/applicants (TypeError instead of
   * an answer), not counted in `writes`.
   * @param {{ levelName?: string, externalUserId: string, email?: string, phone?: string, fixedInfo?: object, metadata?: object[] }} spec
   */
  function addApplicant(spec) {
    try {
      const { levelName = levels[0].name, ...fields } = spec || /** @type {any} */ ({});
      const level = levelOf(levelName);
      const f = applicantFields(fields);
      if (byExternal.has(f.externalUserId)) refuse(409, `Applicant with external user id '${f.externalUserId}' already exists`);
      return insert(level, f);
    } catch (err) {
      if (err instanceof Refusal) throw new TypeError(`addApplicant: ${err.message}`);
      throw err;
    }
  }

  /** Helpers for tests, merged into the sandbox (getters stay live). */
  const helpers = {
    /** Every applicant, in creation order (the live array). */
    get applicants() {
      return applicants;
    },
    /** The stored applicant (live object, as GET …/one renders it), or undefined. @param {string} id */
    applicantById: (id) => byId.get(id),
    /** The stored applicant with this externalUserId (exact), or undefined. @param {string} externalUserId */
    applicantByExternalUserId: (externalUserId) => byExternal.get(externalUserId),
    setReview,
    addApplicant,
    /** The account's levels (the items of GET /resources/applicants/-/levels). */
    get levels() {
      return levels;
    },
    /** Issued WebSDK links `{url, route, levelName, userId, ttlInSecs, …, createdAt, expiresAt}` (live array). */
    get issuedLinks() {
      return issuedLinks;
    },
    /** Issued SDK access tokens `{token, userId, levelName, ttlInSecs, applicantIdentifiers?, createdAt, expiresAt}` (live array). */
    get issuedTokens() {
      return issuedTokens;
    },
    /** Counts of the writes that took effect: applicantsCreated, resets, links, tokens. */
    get writes() {
      return { ...counts };
    },
  };

  return { routes, helpers, options: o };
}

/**
 * The account's levels in the list route's item shape.
 * @param {(string|LevelSpec)[]|null} specs @param {import('../kit').Rng} rng
 */
function levelsOf(specs, rng) {
  const list = specs === null ? Object.keys(DEFAULT_LEVELS) : specs;
  if (!Array.isArray(list) || !list.length) throw new TypeError('option levels: a non-empty array of names or { name, applicantType?, desc? }');
  const created = '2025-01-15 09:30:00';
  return list.map((spec) => {
    const s = typeof spec === 'string' ? { name: spec } : spec;
    if (!s || typeof s.name !== 'string' || !s.name) throw new TypeError(`option levels: bad level ${JSON.stringify(spec)}`);
    const known = DEFAULT_LEVELS[s.name];
    const applicantType = s.applicantType ?? known?.applicantType ?? 'individual';
    if (applicantType !== 'individual' && applicantType !== 'company') throw new TypeError(`option levels: applicantType of ${s.name}`);
    return {
      id: rng.hex(24),
      name: s.name,
      desc: s.desc ?? known?.desc ?? '',
      applicantType,
      requiredIdDocs: { docSets: structuredClone(known?.docSets ?? [IDENTITY]) },
      createdAt: created,
      modifiedAt: created,
    };
  });
}

/** The object without its undefined values (key order kept). @template {Record<string, any>} T @param {T} obj @returns {T} */
function prune(obj) {
  for (const k of Object.keys(obj)) if (obj[k] === undefined) delete obj[k];
  return obj;
}

module.exports = { createApplicants, APPLICANT_DEFAULTS, CHOICES, REVIEW_STATUSES, ALPHA3 };
