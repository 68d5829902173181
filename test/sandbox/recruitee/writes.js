'use strict';
/**
 * The Recruitee write routes (candidates, notes, placements, attachments) and
 * the reads that only make sense next to them (notes, attachments, disqualify
 * reasons, an offer's placements by stage). Bodies are validated here; the
 * changes themselves go through mutate.js, so every read route sees them.
 * Notes and attachments live in this module's state.
 */
const { reply } = require('../kit');
const { isoMicro } = require('./time');
const { boundaryOf, parseMultipart, MultipartError } = require('./multipart');

/** @typedef {import('../kit').Reply} Reply */
/** @typedef {import('../kit').RecordedRequest} RecordedRequest */
/** @typedef {[field: string, message: string]} FieldError */

/**
 * @typedef {object} WriteOptions
 * @property {'replace'|'merge'} tagsOnPatch what `candidate.tags` does on PATCH /candidates/:id
 * @property {'candidate'|'empty'} deleteAnswer DELETE answers: 200 with the record, or 204 without a body
 * @property {boolean} disqualifyRoutes false: PATCH /placements/:id/disqualify and /requalify answer 404
 * @property {number} maxAttachmentBytes larger files → 413
 * @property {'list'|'fields'|'error'} validationErrors the 422 body of the write routes
 * @property {'first'|'apply'} newPlacementStage where a placement without stage_id lands
 * @property {string} tokenAdmin name of the admin the token belongs to (writes are attributed to them)
 * @property {() => number} clock ms since epoch of each write
 */

/** @type {Readonly<WriteOptions>} */
const WRITE_DEFAULTS = Object.freeze({
  tagsOnPatch: /** @type {const} */ ('replace'),
  deleteAnswer: /** @type {const} */ ('candidate'),
  disqualifyRoutes: true,
  maxAttachmentBytes: 20 * 1024 * 1024,
  validationErrors: /** @type {const} */ ('list'),
  newPlacementStage: /** @type {const} */ ('first'),
  tokenAdmin: 'Ishwar Gautam',
  clock: () => Date.now(),
});

/** @type {Record<string, readonly string[]>} allowed values of the string options */
const CHOICES = {
  tagsOnPatch: ['replace', 'merge'],
  deleteAnswer: ['candidate', 'empty'],
  validationErrors: ['list', 'fields', 'error'],
  newPlacementStage: ['first', 'apply'],
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_RE = /^https?:\/\/[^\s/]+\S*$/i;
const ID = /^\d{1,15}$/;
const S3 = 'https://recruitee-main.s3.eu-central-1.amazonaws.com/attachments';
/** Lists of strings of a candidate, in the order they are validated. */
const LISTS = ['emails', 'phones', 'links', 'social_links', 'sources', 'tags'];

const notFound = () => reply(404, { error: 'Not found' });
/** @type {Reply} */
const NO_CONTENT = Object.freeze({ status: 204, headers: {}, body: '' });

/** "disqualify_reason_id" → "Disqualify reason" (Rails' humanize). @param {string} field */
function humanize(field) {
  const s = field.replace(/_id$/, '').replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A digit string or a non-negative integer → number, else NaN. @param {unknown} v */
function idOf(v) {
  if (typeof v === 'number') return Number.isSafeInteger(v) && v >= 0 ? v : NaN;
  return typeof v === 'string' && ID.test(v) ? Number(v) : NaN;
}

/** @param {unknown} v */
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * @param {any} data generated data set
 * @param {ReturnType<typeof import('./mutate').createMutations>} mut
 * @param {Partial<WriteOptions>} [options]
 */
function createWrites(data, mut, options = {}) {
  /** @type {WriteOptions} */
  const o = { ...WRITE_DEFAULTS, ...options };
  for (const [k, values] of Object.entries(CHOICES)) {
    if (!values.includes(/** @type {any} */ (o)[k])) throw new TypeError(`option ${k}: ${JSON.stringify(/** @type {any} */ (o)[k])} is not one of ${values.join(', ')}`);
  }
  if (!(o.maxAttachmentBytes >= 0)) throw new TypeError('option maxAttachmentBytes: a number of bytes');
  const admin = mut.adminNamed(o.tokenAdmin);
  const actor = o.tokenAdmin;

  /** @type {Map<number, any[]>} candidate id → notes, newest first */
  const notes = new Map();
  /** @type {Map<number, { attachment: any, bytes: Buffer }>} attachment id → record and bytes */
  const attachments = new Map();
  /** @type {Map<number, number>} candidate id → the attachment id of its CV (set_as_cv) */
  const cvs = new Map();
  let lastNoteId = 71000000;
  let lastAttachmentId = 72000000;
  let lastWriteUs = 0;
  const counts = {
    candidatesCreated: 0,
    candidatesUpdated: 0,
    candidatesDeleted: 0,
    notesCreated: 0,
    placementsCreated: 0,
    placementsDeleted: 0,
    stageChanges: 0,
    disqualifications: 0,
    requalifications: 0,
    attachmentsCreated: 0,
    cvsSet: 0,
  };
  /** @type {Map<number, any[]>} offer id → its stages in pipeline order */
  const stagesOfOffer = new Map();
  for (const st of data.stages) {
    if (!stagesOfOffer.has(st.offer_id)) stagesOfOffer.set(st.offer_id, []);
    /** @type {any[]} */ (stagesOfOffer.get(st.offer_id)).push(st);
  }

  /** µs of this write: the clock, strictly after the previous write. */
  function writeUs() {
    lastWriteUs = Math.max(Math.round(o.clock() * 1000), lastWriteUs + 1);
    return lastWriteUs;
  }

  // ------------------------------------------------------------ request bodies and errors

  /**
   * 422 in the configured shape.
   * @param {FieldError[]} errors
   */
  function invalid(errors) {
    const full = errors.map(([f, m]) => `${humanize(f)} ${m}`);
    if (o.validationErrors === 'error') return reply(422, { error: full.join(', ') });
    if (o.validationErrors === 'list') return reply(422, { errors: full });
    /** @type {Record<string, string[]>} */
    const byField = {};
    for (const [f, m] of errors) (byField[f] ??= []).push(m);
    return reply(422, { errors: byField });
  }

  /**
   * The JSON body (object), {} when empty or not sent as JSON, or a 400 Reply.
   * @param {RecordedRequest} record @param {Buffer} body
   * @returns {Record<string, any> | Reply}
   */
  function jsonBody(record, body) {
    if (body.length === 0 || !/\bjson\b/i.test(String(record.headers['content-type'] || ''))) return {};
    try {
      const v = JSON.parse(body.toString('utf8'));
      return isObject(v) ? v : {};
    } catch {
      return reply(400, { error: 'Malformed JSON body' });
    }
  }

  /** @param {unknown} x @returns {x is Reply} */
  const isReply = (x) => isObject(x) && typeof (/** @type {any} */ (x).status) === 'number' && typeof (/** @type {any} */ (x).body) === 'string';

  /**
   * Validated candidate fields of a create (name required) or an update (only the keys present).
   * Unknown keys are ignored.
   * @param {Record<string, any>} raw @param {boolean} create @param {FieldError[]} errors
   * @returns {import('./mutate').CandidateFields}
   */
  function candidateFields(raw, create, errors) {
    /** @type {Record<string, any>} */
    const f = {};
    if (create || raw.name !== undefined) {
      if (raw.name !== null && raw.name !== undefined && typeof raw.name !== 'string') errors.push(['name', 'is invalid']);
      else if (!raw.name || !raw.name.trim()) errors.push(['name', "can't be blank"]);
      else f.name = raw.name.trim();
    }
    for (const k of LISTS) {
      if (raw[k] === undefined) continue;
      const v = raw[k] === null ? [] : raw[k];
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) {
        errors.push([k, 'is invalid']);
        continue;
      }
      let items = v.map((x) => x.trim());
      if (k === 'emails') {
        const bad = items.filter((x) => !EMAIL.test(x));
        if (bad.length) errors.push(['emails', `is invalid: ${bad.join(', ')}`]);
      } else if (k === 'tags') {
        if (items.some((x) => x === '')) errors.push(['tags', 'is invalid: a tag is blank']);
      } else {
        items = items.filter((x) => x !== '');
      }
      f[k] = [...new Set(items)];
    }
    if (raw.cover_letter !== undefined) {
      if (raw.cover_letter !== null && typeof raw.cover_letter !== 'string') errors.push(['cover_letter', 'is invalid']);
      else f.cover_letter = raw.cover_letter;
    }
    if (raw.remote_cv_url !== undefined) {
      if (raw.remote_cv_url !== null && !(typeof raw.remote_cv_url === 'string' && URL_RE.test(raw.remote_cv_url.trim()))) errors.push(['remote_cv_url', 'is invalid']);
      else f.remote_cv_url = raw.remote_cv_url === null ? null : raw.remote_cv_url.trim();
    }
    return f;
  }

  /** The stored candidate for an id (number or digit string), or undefined. @param {unknown} raw @returns {any} */
  function candidateOf(raw) {
    const id = idOf(raw);
    return Number.isNaN(id) ? undefined : data.index.candidateById.get(id);
  }

  /** @param {any} offer */
  const stagesOf = (offer) => stagesOfOffer.get(offer.id) || [];

  /** Where a new placement lands in an offer: null in a talent pool. @param {any} offer */
  function defaultStageId(offer) {
    const stages = stagesOf(offer);
    if (offer.kind !== 'job' || !stages.length) return null;
    const st = (o.newPlacementStage === 'apply' && stages.find((s) => s.category === 'apply')) || stages[0];
    return st.id;
  }

  // ------------------------------------------------------------ candidates

  /**
   * POST /candidates and POST /offers/:id/candidates.
   * @param {Record<string, any>} body @param {number[]|null} fixedOffers the route's offer, or null: read `offers`
   */
  function create(body, fixedOffers) {
    /** @type {FieldError[]} */
    const errors = [];
    if (!isObject(body.candidate)) return invalid([['candidate', "can't be blank"]]);
    const fields = candidateFields(body.candidate, true, errors);
    /** @type {number[]} */
    let offerIds = [];
    if (fixedOffers) offerIds = fixedOffers;
    else if (body.offers !== undefined && body.offers !== null) {
      if (!Array.isArray(body.offers)) errors.push(['offers', 'is invalid']);
      else {
        for (const raw of body.offers) {
          const id = idOf(raw);
          if (!data.index.offerById.has(id)) errors.push(['offers', `is invalid: no offer ${JSON.stringify(raw)}`]);
          else if (!offerIds.includes(id)) offerIds.push(id);
        }
      }
    }
    if (errors.length) return invalid(errors);
    const placements = offerIds.map((id) => ({ offerId: id, stageId: defaultStageId(data.index.offerById.get(id)) }));
    const candidate = mut.insertCandidate({ ...fields, name: /** @type {string} */ (fields.name), atUs: writeUs(), actor, placements });
    counts.candidatesCreated += 1;
    counts.placementsCreated += placements.length;
    return reply(201, { candidate });
  }

  /** @param {any} _data @param {any} _q @param {string[]} _params @param {RecordedRequest} record @param {Buffer} raw */
  function createCandidate(_data, _q, _params, record, raw) {
    const body = jsonBody(record, raw);
    return isReply(body) ? body : create(body, null);
  }

  /** @param {any} _data @param {any} _q @param {string[]} params @param {RecordedRequest} record @param {Buffer} raw */
  function createOnOffer(_data, _q, [rawId], record, raw) {
    const offer = ID.test(rawId) ? data.index.offerById.get(Number(rawId)) : undefined;
    if (!offer) return notFound();
    const body = jsonBody(record, raw);
    return isReply(body) ? body : create(body, [offer.id]);
  }

  /** @param {any} _data @param {any} _q @param {string[]} params @param {RecordedRequest} record @param {Buffer} raw */
  function updateCandidate(_data, _q, [rawId], record, raw) {
    const c = candidateOf(rawId);
    if (!c) return notFound();
    const body = jsonBody(record, raw);
    if (isReply(body)) return body;
    if (!isObject(body.candidate)) return invalid([['candidate', "can't be blank"]]);
    /** @type {FieldError[]} */
    const errors = [];
    const fields = candidateFields(body.candidate, false, errors);
    if (errors.length) return invalid(errors);
    if (fields.tags && o.tagsOnPatch === 'merge') fields.tags = [...new Set([...c.tags, ...fields.tags])];
    const candidate = mut.updateCandidate(c.id, fields, writeUs());
    counts.candidatesUpdated += 1;
    return reply(200, { candidate });
  }

  /** @param {any} _data @param {any} _q @param {string[]} params */
  function deleteCandidate(_data, _q, [rawId]) {
    const c = candidateOf(rawId);
    if (!c) return notFound();
    const candidate = mut.deleteCandidate(c.id, writeUs(), actor);
    counts.candidatesDeleted += 1;
    return o.deleteAnswer === 'empty' ? NO_CONTENT : reply(200, { candidate });
  }

  // ------------------------------------------------------------ notes

  /** @param {any} _data @param {any} _q @param {string[]} params @param {RecordedRequest} record @param {Buffer} raw */
  function createNote(_data, _q, [rawId], record, raw) {
    const c = candidateOf(rawId);
    if (!c) return notFound();
    const body = jsonBody(record, raw);
    if (isReply(body)) return body;
    const n = body.note;
    if (!isObject(n)) return invalid([['note', "can't be blank"]]);
    /** @type {FieldError[]} */
    const errors = [];
    if (n.body !== undefined && n.body !== null && typeof n.body !== 'string') errors.push(['body', 'is invalid']);
    else if (!n.body || !n.body.trim()) errors.push(['body', "can't be blank"]);
    let level = 'public';
    if (n.visibility !== undefined && n.visibility !== null) {
      if (!isObject(n.visibility) || (n.visibility.level !== 'public' && n.visibility.level !== 'private')) errors.push(['visibility', 'is invalid: level must be public or private']);
      else level = n.visibility.level;
    }
    if (errors.length) return invalid(errors);
    const note = {
      id: ++lastNoteId,
      body: n.body,
      visibility: { level },
      created_at: isoMicro(writeUs()),
      admin_id: admin.id,
      candidate_id: c.id,
    };
    if (!notes.has(c.id)) notes.set(c.id, []);
    /** @type {any[]} */ (notes.get(c.id)).unshift(note);
    c.notes_count += 1;
    counts.notesCreated += 1;
    return reply(201, { note });
  }

  /** @param {any} _data @param {any} _q @param {string[]} params */
  function listNotes(_data, _q, [rawId]) {
    const c = candidateOf(rawId);
    return c ? reply(200, { notes: notes.get(c.id) || [] }) : notFound();
  }

  // ------------------------------------------------------------ placements

  /** @param {any} _data @param {any} _q @param {string[]} _params @param {RecordedRequest} record @param {Buffer} raw */
  function createPlacement(_data, _q, _params, record, raw) {
    const body = jsonBody(record, raw);
    if (isReply(body)) return body;
    /** @type {FieldError[]} */
    const errors = [];
    const c = candidateOf(body.candidate_id);
    if (body.candidate_id === undefined || body.candidate_id === null) errors.push(['candidate_id', "can't be blank"]);
    else if (!c) errors.push(['candidate_id', 'is invalid']);
    const offer = data.index.offerById.get(idOf(body.offer_id));
    if (body.offer_id === undefined || body.offer_id === null) errors.push(['offer_id', "can't be blank"]);
    else if (!offer) errors.push(['offer_id', 'is invalid']);
    /** @type {number|null} */
    let stageId = null;
    if (offer) {
      if (body.stage_id === undefined || body.stage_id === null) stageId = defaultStageId(offer);
      else {
        stageId = idOf(body.stage_id);
        if (!stagesOf(offer).some((s) => s.id === stageId)) errors.push(['stage_id', `is invalid: not a stage of offer ${offer.id}`]);
      }
      if (c && c.placements.some((/** @type {any} */ p) => p.offer_id === offer.id)) errors.push(['offer_id', 'has already been taken: the candidate is on this offer']);
    }
    if (errors.length) return invalid(errors);
    const placement = mut.addPlacement(c.id, offer.id, stageId, writeUs(), actor);
    counts.placementsCreated += 1;
    return reply(201, { placement });
  }

  /** @param {string} rawId */
  const placementOf = (rawId) => (ID.test(rawId) ? mut.placementById(Number(rawId)) : undefined);

  /** @param {any} _data @param {any} _q @param {string[]} params */
  function deletePlacement(_data, _q, [rawId]) {
    const found = placementOf(rawId);
    if (!found) return notFound();
    const placement = mut.removePlacement(found.placement.id, writeUs(), actor);
    counts.placementsDeleted += 1;
    return o.deleteAnswer === 'empty' ? NO_CONTENT : reply(200, { placement });
  }

  /** The placement as stored now. @param {number} placementId */
  const current = (placementId) => /** @type {{ placement: any }} */ (mut.placementById(placementId)).placement;

  /** @param {any} _data @param {any} _q @param {string[]} params @param {RecordedRequest} record @param {Buffer} raw */
  function changeStage(_data, _q, [rawId], record, raw) {
    const found = placementOf(rawId);
    if (!found) return notFound();
    const body = jsonBody(record, raw);
    if (isReply(body)) return body;
    const { candidate, placement } = found;
    const rawStage = body.stage_id !== undefined ? body.stage_id : isObject(body.placement) ? body.placement.stage_id : undefined;
    if (rawStage === undefined || rawStage === null) return invalid([['stage_id', "can't be blank"]]);
    const stage = stagesOf(data.index.offerById.get(placement.offer_id)).find((s) => s.id === idOf(rawStage));
    if (!stage) return invalid([['stage_id', `is invalid: not a stage of offer ${placement.offer_id}`]]);
    if (stage.id !== placement.stage_id) {
      const at = isoMicro(writeUs());
      mut.moveCandidate(candidate.id, { offerId: placement.offer_id, stageName: stage.name, created_at: at, actor });
      counts.stageChanges += 1;
    }
    return reply(200, { placement: current(placement.id) });
  }

  /** @param {any} _data @param {any} _q @param {string[]} params @param {RecordedRequest} record @param {Buffer} raw */
  function disqualify(_data, _q, [rawId], record, raw) {
    const found = placementOf(rawId);
    if (!found) return notFound();
    const body = jsonBody(record, raw);
    if (isReply(body)) return body;
    const { candidate, placement } = found;
    if (body.disqualify_reason_id === undefined || body.disqualify_reason_id === null) return invalid([['disqualify_reason_id', "can't be blank"]]);
    const reason = data.disqualifyReasons.find((/** @type {any} */ r) => r.id === idOf(body.disqualify_reason_id));
    if (!reason) return invalid([['disqualify_reason_id', 'is invalid']]);
    if (placement.disqualify_reason !== reason.name) {
      const at = isoMicro(writeUs());
      mut.disqualifyCandidate(candidate.id, { offerId: placement.offer_id, reason: reason.name, created_at: at, actor });
      counts.disqualifications += 1;
    }
    return reply(200, { placement: current(placement.id) });
  }

  /** @param {any} _data @param {any} _q @param {string[]} params */
  function requalify(_data, _q, [rawId]) {
    const found = placementOf(rawId);
    if (!found) return notFound();
    const { candidate, placement } = found;
    if (placement.disqualify_kind !== undefined) {
      mut.requalifyCandidate(candidate.id, { offerId: placement.offer_id, created_at: isoMicro(writeUs()), actor });
      counts.requalifications += 1;
    }
    return reply(200, { placement: current(placement.id) });
  }

  /** GET /offers/:id/placements: the pipeline's stages, each with its placements (talent pools: none). @param {any} _data @param {any} _q @param {string[]} params */
  function offerPlacements(_data, _q, [rawId]) {
    const offer = ID.test(rawId) ? data.index.offerById.get(Number(rawId)) : undefined;
    if (!offer) return notFound();
    const stages = stagesOf(offer).map((s) => ({ id: s.id, name: s.name, category: s.category, placements: /** @type {any[]} */ ([]) }));
    const byId = new Map(stages.map((s) => [s.id, s]));
    if (stages.length) {
      for (const c of data.candidates) {
        for (const p of c.placements) if (p.offer_id === offer.id && byId.has(p.stage_id)) byId.get(p.stage_id)?.placements.push(p);
      }
    }
    return reply(200, { stages });
  }

  /** GET /disqualify_reasons */
  function disqualifyReasons() {
    return reply(200, { disqualify_reasons: data.disqualifyReasons.map((/** @type {any} */ r) => ({ id: r.id, name: r.name })) });
  }

  // ------------------------------------------------------------ attachments

  /** @param {any} _data @param {any} _q @param {string[]} _params @param {RecordedRequest} record @param {Buffer} raw */
  function createAttachment(_data, _q, _params, record, raw) {
    const boundary = boundaryOf(record.headers['content-type']);
    if (!boundary) return invalid([['file', "can't be blank"]]);
    let parts;
    try {
      parts = parseMultipart(raw, boundary);
    } catch (err) {
      if (err instanceof MultipartError) return reply(400, { error: `Malformed multipart body: ${err.message}` });
      throw err;
    }
    const file = parts.find((p) => p.name === 'attachment[file]');
    // the real API answers 500 to a bare "file" field [code]
    if (!file && parts.some((p) => p.name === 'file')) return reply(500, { error: 'Internal server error' });
    if (!file || file.filename === null || file.filename === '') return invalid([['file', "can't be blank"]]);
    if (file.data.length > o.maxAttachmentBytes) {
      return reply(413, { error: `Attachment is too large: ${file.data.length} bytes, the limit is ${o.maxAttachmentBytes}` });
    }
    const idPart = parts.find((p) => p.name === 'attachment[candidate_id]');
    /** @type {any} */
    let candidate = null;
    if (idPart && idPart.data.length) {
      candidate = candidateOf(idPart.data.toString('utf8').trim());
      if (!candidate) return invalid([['candidate_id', 'is invalid']]);
    }
    const attachment = store(file.filename, file.contentType || 'application/octet-stream', Buffer.from(file.data), candidate ? candidate.id : null);
    if (candidate) candidate.attachments_count += 1;
    counts.attachmentsCreated += 1;
    return reply(201, { attachment });
  }

  /**
   * @param {string} filename @param {string} contentType @param {Buffer} bytes @param {number|null} candidateId
   */
  function store(filename, contentType, bytes, candidateId) {
    const id = ++lastAttachmentId;
    const attachment = {
      id,
      candidate_id: candidateId,
      filename,
      content_type: contentType,
      size: bytes.length,
      url: `${S3}/${id}/${encodeURIComponent(filename)}`,
      created_at: isoMicro(writeUs()),
    };
    attachments.set(id, { attachment, bytes });
    return attachment;
  }

  /** @param {number} candidateId newest first */
  function attachmentsOf(candidateId) {
    const out = [];
    for (const { attachment } of attachments.values()) if (attachment.candidate_id === candidateId) out.push(attachment);
    return out.reverse();
  }

  /** @param {any} _data @param {any} _q @param {string[]} params */
  function listAttachments(_data, _q, [rawId]) {
    const c = candidateOf(rawId);
    return c ? reply(200, { attachments: attachmentsOf(c.id) }) : notFound();
  }

  /** PATCH /candidates/:id/set_as_cv/:attachment_id @param {any} _data @param {any} _q @param {string[]} params */
  function setAsCv(_data, _q, [rawId, rawAttachmentId]) {
    const c = candidateOf(rawId);
    const old = ID.test(rawAttachmentId) ? attachments.get(Number(rawAttachmentId)) : undefined;
    if (!c || !old) return notFound();
    const owner = old.attachment.candidate_id;
    if (owner !== null && owner !== c.id) return invalid([['attachment', 'is invalid: it belongs to another candidate']]);
    attachments.delete(old.attachment.id);
    const a = store(old.attachment.filename, old.attachment.content_type, old.bytes, c.id);
    if (owner === null) c.attachments_count += 1;
    cvs.set(c.id, a.id);
    c.cv_url = c.cv_original_url = a.url;
    c.cv_processing_status = 'ok';
    const candidate = mut.updateCandidate(c.id, {}, writeUs());
    counts.cvsSet += 1;
    return reply(200, { candidate });
  }

  // ------------------------------------------------------------ routes and helpers

  /**
   * Routes: `family` decides the wrong-company answer ('candidates' → 422, 'offers' → 403).
   * @type {{ method: string, re: RegExp, family: string, run: (data: any, q: Record<string, string>, params: string[], record: RecordedRequest, body: Buffer) => Reply }[]}
   */
  const routes = [
    { method: 'POST', re: /^\/candidates$/, family: 'candidates', run: createCandidate },
    { method: 'PATCH', re: /^\/candidates\/([^/]+)$/, family: 'candidates', run: updateCandidate },
    { method: 'DELETE', re: /^\/candidates\/([^/]+)$/, family: 'candidates', run: deleteCandidate },
    { method: 'GET', re: /^\/candidates\/([^/]+)\/notes$/, family: 'candidates', run: listNotes },
    { method: 'POST', re: /^\/candidates\/([^/]+)\/notes$/, family: 'candidates', run: createNote },
    { method: 'GET', re: /^\/candidates\/([^/]+)\/attachments$/, family: 'candidates', run: listAttachments },
    { method: 'PATCH', re: /^\/candidates\/([^/]+)\/set_as_cv\/([^/]+)$/, family: 'candidates', run: setAsCv },
    { method: 'GET', re: /^\/offers\/([^/]+)\/placements$/, family: 'offers', run: offerPlacements },
    { method: 'POST', re: /^\/offers\/([^/]+)\/candidates$/, family: 'offers', run: createOnOffer },
    { method: 'POST', re: /^\/placements$/, family: 'offers', run: createPlacement },
    { method: 'DELETE', re: /^\/placements\/([^/]+)$/, family: 'offers', run: deletePlacement },
    { method: 'PATCH', re: /^\/placements\/([^/]+)\/change_stage$/, family: 'offers', run: changeStage },
    ...(o.disqualifyRoutes
      ? [
          { method: 'PATCH', re: /^\/placements\/([^/]+)\/disqualify$/, family: 'offers', run: disqualify },
          { method: 'PATCH', re: /^\/placements\/([^/]+)\/requalify$/, family: 'offers', run: requalify },
        ]
      : []),
    { method: 'GET', re: /^\/disqualify_reasons$/, family: 'offers', run: disqualifyReasons },
    { method: 'POST', re: /^\/attachments$/, family: 'offers', run: createAttachment },
  ];

  /** Helpers for tests, merged into the sandbox. */
  const helpers = {
    /** The stored candidate (detail shape), or undefined (unknown or deleted). @param {number|string} id */
    candidateById: (id) => data.index.candidateById.get(Number(id)),
    /** Candidates with this exact address (case-insensitive), in the default list order. @param {string} email */
    candidatesByEmail(email) {
      const e = String(email).trim().toLowerCase();
      return data.candidates.filter((/** @type {any} */ c) => c.emails.some((/** @type {string} */ x) => x.toLowerCase() === e));
    },
    /**
     * How many candidates have each of these addresses (case-insensitive), counted in one pass over
     * the candidates (for many addresses, where `candidatesByEmail` would scan once per address).
     * @param {Iterable<string>} emails
     * @returns {Map<string, number>} each address as given → its number of candidates
     */
    candidateCountsByEmail(emails) {
      const given = [...emails];
      const key = (/** @type {string} */ e) => String(e).trim().toLowerCase();
      /** @type {Map<string, number>} */
      const counts = new Map(given.map((e) => [key(e), 0]));
      for (const c of data.candidates) {
        for (const e of new Set(c.emails.map(key))) {
          const n = counts.get(e);
          if (n !== undefined) counts.set(e, n + 1);
        }
      }
      return new Map(given.map((e) => [e, /** @type {number} */ (counts.get(key(e)))]));
    },
    /** Notes added through the API, newest first. @param {number|string} candidateId */
    notesOf: (candidateId) => (notes.get(Number(candidateId)) || []).slice(),
    /** The candidate's placements (detail shape), [] when unknown. @param {number|string} candidateId */
    placementsOf: (candidateId) => (data.index.candidateById.get(Number(candidateId))?.placements || []).slice(),
    /** A copy of the placement (detail shape, with candidate_id), or undefined. @param {number|string} placementId */
    placementById(placementId) {
      const found = mut.placementById(Number(placementId));
      return found && { ...found.placement };
    },
    /** Attachments uploaded for the candidate, newest first. @param {number|string} candidateId */
    attachmentsOf: (candidateId) => attachmentsOf(Number(candidateId)),
    /** Orphan attachments (uploaded without attachment[candidate_id]). */
    orphanAttachments: () => attachmentsOf(/** @type {any} */ (null)),
    /** An attachment record (any candidate or none), or undefined. @param {number|string} id */
    attachmentById: (id) => attachments.get(Number(id))?.attachment,
    /** The stored bytes of an attachment, or undefined. @param {number|string} id */
    attachmentBytes: (id) => attachments.get(Number(id))?.bytes,
    /** The attachment a candidate's CV points to (set_as_cv), or undefined. @param {number|string} candidateId */
    cvOf: (candidateId) => attachments.get(/** @type {number} */ (cvs.get(Number(candidateId))))?.attachment,
    /** Counts of the writes that took effect (no-ops and refused requests not counted). */
    get writes() {
      return { ...counts };
    },
  };

  return { routes, helpers, options: o };
}

module.exports = { createWrites, WRITE_DEFAULTS };
