'use strict';
/**
 * Shared plumbing for the loopback sandbox API servers: a seeded PRNG, an HTTP
 * server wrapper, request recording and a fault-injection queue.
 *
 * Handlers are pure: `handle(record, bodyBuffer)` returns (or resolves to) a
 * Reply `{ status, headers, body }` and never touches the socket. The kit
 * writes it, which lets faults such as 'truncate' reuse the normal answer.
 */
const http = require('node:http');
const zlib = require('node:zlib');

// ---------------------------------------------------------------- PRNG

/**
 * mulberry32: tiny, fast, deterministic 32-bit PRNG.
 * @param {number} seed
 * @returns {() => number} uniform in [0, 1)
 */
function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * @typedef {object} Rng
 * @property {() => number} next uniform in [0, 1)
 * @property {(min: number, max: number) => number} int inclusive bounds
 * @property {<T>(items: readonly T[]) => T} pick
 * @property {(p: number) => boolean} chance
 * @property {<T>(pairs: readonly [T, number][]) => T} weighted pairs of [value, weight]
 * @property {(length: number, alphabet: string) => string} string
 * @property {(length: number) => string} hex lowercase hex string
 */

/**
 * @param {number|string} seed
 * @returns {Rng}
 */
function createRng(seed) {
  /** @type {WeakMap<object, number>} total weight per pairs array */
  const totals = new WeakMap();
  const next = mulberry32(typeof seed === 'number' ? seed : hashString(String(seed)));
  /** @type {Rng} */
  const rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
    weighted(pairs) {
      let total = totals.get(pairs);
      if (total === undefined) {
        total = 0;
        for (const [, w] of pairs) total += w;
        totals.set(pairs, total);
      }
      let x = next() * total;
      for (const [value, w] of pairs) {
        x -= w;
        if (x < 0) return value;
      }
      return pairs[pairs.length - 1][0];
    },
    string(length, alphabet) {
      let s = '';
      for (let i = 0; i < length; i++) s += alphabet[Math.floor(next() * alphabet.length)];
      return flat(s);
    },
    hex(length) {
      let s = '';
      while (s.length < length) s += Math.floor(next() * 0x100000000).toString(16).padStart(8, '0');
      return flat(s.slice(0, length));
    },
  };
  return rng;
}

/** FNV-1a, to turn string seeds into numbers. @param {string} s */
function hashString(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

// ---------------------------------------------------------------- replies

/**
 * @typedef {object} Reply
 * @property {number} status
 * @property {Record<string, string>} headers
 * @property {string} body
 */

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * Build a JSON reply. `obj` may be a pre-serialised string.
 * @param {number} status
 * @param {unknown} obj
 * @param {Record<string, string>} [extraHeaders]
 * @returns {Reply}
 */
function reply(status, obj, extraHeaders) {
  const body = typeof obj === 'string' ? obj : JSON.stringify(obj);
  return { status, headers: { 'content-type': JSON_TYPE, ...extraHeaders }, body };
}

/**
 * Write a Reply to a response.
 * @param {http.ServerResponse} res
 * @param {Reply} r
 */
function send(res, r) {
  const body = Buffer.from(r.body);
  res.writeHead(r.status, { ...r.headers, 'content-length': String(body.length) });
  res.end(body);
}

/**
 * Write a JSON answer directly.
 * @param {http.ServerResponse} res
 * @param {number} status
 * @param {unknown} obj
 * @param {Record<string, string>} [extraHeaders]
 */
function json(res, status, obj, extraHeaders) {
  send(res, reply(status, obj, extraHeaders));
}

// ---------------------------------------------------------------- server

/**
 * @typedef {object} StartedServer
 * @property {string} url e.g. http://127.0.0.1:5701
 * @property {number} port
 * @property {() => Promise<void>} close closes the server and every open connection
 */

/**
 * @param {http.RequestListener} handler
 * @param {{ port?: number, host?: string }} [options]
 * @returns {Promise<StartedServer>}
 */
function startServer(handler, { port = 0, host = '127.0.0.1' } = {}) {
  const server = http.createServer(handler);
  server.keepAliveTimeout = 2000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = /** @type {import('node:net').AddressInfo} */ (server.address());
      const urlHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${urlHost}:${address.port}`,
        port: address.port,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

// ---------------------------------------------------------------- recording

/**
 * @typedef {object} RecordedRequest
 * @property {string} method
 * @property {string} url raw req.url, exactly as received
 * @property {string} path raw path, without the query
 * @property {Record<string, string>} query last value wins for repeated keys
 * @property {string} rawQuery text after '?', '' when none
 * @property {Record<string, string|string[]|undefined>} headers lowercased names
 * @property {string} body raw body decoded as UTF-8
 * @property {number} receivedAt ms since epoch
 * @property {number|null} [status] status sent (null: no answer, socket reset)
 * @property {true} [injected] set when a fault answered this request
 * @property {string} [fault] which fault: a status code or a mode
 * @property {true} [applied] set when the sandbox's handler ran (a write took effect, if it was one):
 *   normal answers, 'truncate' faults and faults with `after: true`; absent when a fault answered instead
 */

/**
 * @param {http.IncomingMessage} req
 * @param {Buffer} body
 * @returns {RecordedRequest}
 */
function recordOf(req, body) {
  const url = req.url || '/';
  const q = url.indexOf('?');
  const rawQuery = q === -1 ? '' : url.slice(q + 1);
  return {
    method: req.method || 'GET',
    url,
    path: q === -1 ? url : url.slice(0, q),
    query: Object.fromEntries(new URLSearchParams(rawQuery)),
    rawQuery,
    headers: { ...req.headers },
    body: body.toString('utf8'),
    receivedAt: Date.now(),
  };
}

// ---------------------------------------------------------------- faults

/**
 * @typedef {'reset'|'truncate'|'stall'|'html'|'empty'} FaultMode
 * @typedef {object} FaultSpec
 * @property {string} [method] matches case-insensitively
 * @property {string|RegExp} [path] exact path, or a RegExp tested on the path (no query)
 * @property {(r: RecordedRequest) => boolean} [match] extra predicate
 * @property {number} [status] answer with this status
 * @property {string|object} [body] default: the sandbox's error body for the status
 * @property {Record<string, string>} [headers]
 * @property {number} [times] default 1; Infinity allowed
 * @property {number} [delayMs] wait before answering; with no status/mode: delay, then answer normally
 * @property {FaultMode} [mode]
 * @property {boolean} [after] run the handler first (a write takes effect), then answer with the fault
 * @property {boolean} [gzip] truncate/stall: the answer compressed (`content-encoding: gzip`), as
 *   APIs send it to clients that accept it; half of the compressed bytes are sent
 *
 * @typedef {object} FaultRateSpec
 * @property {number} rate probability per matching request, 0..1 (0 disables)
 * @property {string[]} [kinds] default ['429','503','reset']: status codes or modes
 * @property {number|string} [seed]
 * @property {string} [method]
 * @property {string|RegExp} [path]
 * @property {boolean} [after] every random fault comes after the handler ran (afterShare 1)
 * @property {number} [afterShare] 0..1: share of the random faults that come after the handler ran
 * @property {string[]} [afterKinds] kinds of those after-faults; default `kinds`
 */

const MODES = new Set(['reset', 'truncate', 'stall', 'html', 'empty']);

/**
 * @param {{ method?: string, path?: string|RegExp, match?: (r: RecordedRequest) => boolean }} spec
 * @param {RecordedRequest} record
 */
function faultMatches(spec, record) {
  if (spec.method && spec.method.toUpperCase() !== record.method) return false;
  if (spec.path instanceof RegExp) {
    spec.path.lastIndex = 0;
    if (!spec.path.test(record.path)) return false;
  } else if (spec.path !== undefined && spec.path !== record.path) return false;
  return !spec.match || spec.match(record);
}

/**
 * Fault queue with optional random transient faults.
 * @param {number|string} defaultSeed
 */
function createFaults(defaultSeed) {
  /** @type {(FaultSpec & { remaining: number })[]} */
  const queue = [];
  /** @type {(FaultRateSpec & { rng: Rng, kinds: string[], afterKinds: string[], share: number }) | null} */
  let random = null;

  /** @param {FaultSpec} spec */
  function inject(spec) {
    if (!spec || (spec.status === undefined && !spec.mode && !spec.delayMs)) {
      throw new TypeError('inject() needs a status, a mode or a delayMs');
    }
    if (spec.mode && !MODES.has(spec.mode)) throw new TypeError(`unknown fault mode ${spec.mode}`);
    const entry = { ...spec, remaining: spec.times === undefined ? 1 : spec.times };
    queue.push(entry);
    return entry;
  }

  /** @param {FaultRateSpec} spec */
  function faultRate(spec) {
    if (!spec || !(spec.rate > 0)) {
      random = null;
      return;
    }
    const kinds = spec.kinds && spec.kinds.length ? spec.kinds : ['429', '503', 'reset'];
    const afterKinds = spec.afterKinds && spec.afterKinds.length ? spec.afterKinds : kinds;
    for (const k of [...kinds, ...afterKinds]) {
      if (!MODES.has(k) && !/^\d{3}$/.test(k)) throw new TypeError(`unknown fault kind ${k}`);
    }
    const share = spec.afterShare !== undefined ? spec.afterShare : spec.after ? 1 : 0;
    if (!(share >= 0 && share <= 1)) throw new TypeError(`afterShare must be in 0..1, not ${spec.afterShare}`);
    random = { ...spec, kinds, afterKinds, share, rng: createRng(spec.seed === undefined ? defaultSeed : spec.seed) };
  }

  function clear() {
    queue.length = 0;
    random = null;
  }

  /**
   * Consume and return the fault for this request, if any.
   * @param {RecordedRequest} record
   * @returns {FaultSpec | null}
   */
  function take(record) {
    for (let i = 0; i < queue.length; i++) {
      const f = queue[i];
      if (f.remaining <= 0 || !faultMatches(f, record)) continue;
      f.remaining -= 1;
      if (f.remaining <= 0) queue.splice(i, 1);
      return f;
    }
    if (random && faultMatches(random, record) && random.rng.next() < random.rate) {
      // no extra draw unless the share is strictly between 0 and 1: the sequences of plain rates stay as they were
      const after = random.share >= 1 || (random.share > 0 && random.rng.next() < random.share);
      const kind = random.rng.pick(after ? random.afterKinds : random.kinds);
      if (MODES.has(kind)) return { mode: /** @type {FaultMode} */ (kind), ...(after && { after }) };
      const status = Number(kind);
      return { status, headers: status === 429 ? { 'retry-after': '0' } : {}, ...(after && { after }) };
    }
    return null;
  }

  return { inject, faultRate, clear, take };
}

// ---------------------------------------------------------------- sandbox

/**
 * @typedef {object} Sandbox
 * @property {string} url
 * @property {number} port
 * @property {RecordedRequest[]} requests live array, in arrival order
 * @property {number} peakInFlight the most requests answered at once since the last clearRequests()
 * @property {() => void} clearRequests empties `requests` in place
 * @property {(spec: FaultSpec) => FaultSpec & { remaining: number }} inject
 * @property {(spec: FaultRateSpec) => void} faultRate
 * @property {() => void} clearFaults
 * @property {boolean} finishSendingFirst when true, a request is handled only once every answer
 *   already begun has been handed to the network in full (default false: handled at once)
 * @property {() => Promise<void>} close
 * @property {any} [data]
 */

/**
 * @param {object} options
 * @param {(record: RecordedRequest, body: Buffer) => Reply | Promise<Reply>} options.handle
 * @param {(status: number) => object} options.errorBody default body of injected/internal errors
 * @param {number} [options.port]
 * @param {string} [options.host]
 * @param {number|string} [options.seed] default seed of faultRate()
 * @returns {Promise<Sandbox>}
 */
async function createSandbox({ handle, errorBody, port = 0, host = '127.0.0.1', seed = 1 }) {
  /** @type {RecordedRequest[]} */
  const requests = [];
  const faults = createFaults(seed);
  /** @type {Set<NodeJS.Timeout>} */
  const timers = new Set();

  /** @param {number} ms */
  const sleep = (ms) =>
    new Promise((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve(undefined);
      }, ms);
      timers.add(t);
    });

  /** @param {RecordedRequest} record @param {Buffer} body */
  async function normal(record, body) {
    record.applied = true;
    try {
      return await handle(record, body);
    } catch (err) {
      return reply(500, errorBody(500), { 'x-sandbox-error': String(err && /** @type {Error} */ (err).message).slice(0, 200) });
    }
  }

  /**
   * @param {FaultSpec} fault
   * @param {RecordedRequest} record
   * @param {Buffer} body
   * @param {http.ServerResponse} res
   * @param {Reply} [done] the handler's reply, when it already ran (after-faults)
   */
  async function answerFault(fault, record, body, res, done) {
    if (fault.delayMs) await sleep(fault.delayMs);
    if (fault.mode === 'reset') {
      record.status = null;
      res.socket?.destroy();
    } else if (fault.mode === 'truncate' || fault.mode === 'stall') {
      const r = done || (await normal(record, body));
      const full = fault.gzip ? zlib.gzipSync(Buffer.from(r.body)) : Buffer.from(r.body);
      record.status = r.status;
      const encoding = fault.gzip ? { 'content-encoding': 'gzip' } : {};
      res.writeHead(r.status, { ...r.headers, ...encoding, 'content-length': String(full.length) });
      // truncate: the connection is lost; stall: it stays open and the rest never comes (until the
      // client gives up or the sandbox closes)
      const half = full.subarray(0, Math.floor(full.length / 2));
      if (fault.mode === 'truncate') res.write(half, () => res.socket?.destroy());
      else res.write(half);
    } else if (fault.mode === 'html') {
      record.status = 200;
      send(res, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<html><body><h1>Service temporarily unavailable</h1></body></html>' });
    } else if (fault.mode === 'empty') {
      record.status = 200;
      send(res, { status: 200, headers: { 'content-type': JSON_TYPE }, body: '' });
    } else {
      const status = /** @type {number} */ (fault.status);
      const b = fault.body === undefined ? errorBody(status) : fault.body;
      record.status = status;
      send(res, reply(status, b, fault.headers));
    }
  }

  /** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
  async function listener(req, res) {
    /** @type {Buffer[]} */
    const chunks = [];
    try {
      for await (const chunk of req) chunks.push(chunk);
    } catch {
      return; // client went away mid-body
    }
    const body = Buffer.concat(chunks);
    const record = recordOf(req, body);
    requests.push(record);
    inFlight++;
    peakInFlight = Math.max(peakInFlight, inFlight);
    try {
      if (finishSendingFirst) await allSent();
      const fault = faults.take(record);
      if (fault && fault.after) {
        // the handler runs first, so a write takes effect; then the fault answers instead of its reply
        const done = await normal(record, body);
        if (fault.status !== undefined || fault.mode) {
          record.injected = true;
          record.fault = fault.mode || String(fault.status);
          await answerFault(fault, record, body, res, done);
          return;
        }
        if (fault.delayMs) await sleep(fault.delayMs);
        record.status = done.status;
        send(res, done);
        return;
      }
      if (fault && (fault.status !== undefined || fault.mode)) {
        record.injected = true;
        record.fault = fault.mode || String(fault.status);
        await answerFault(fault, record, body, res);
        return;
      }
      if (fault && fault.delayMs) await sleep(fault.delayMs);
      const r = await normal(record, body);
      record.status = r.status;
      send(res, r);
    } finally {
      inFlight--;
      track(res);
    }
  }

  /**
   * The sandbox is one process that builds an answer all at once. A large answer is handed to the
   * network over several turns of the event loop, and building the next answer in between holds
   * the rest of it up, which a real API (other servers build the next page) does not do. With
   * `finishSendingFirst`, a request waits until the answers already begun are sent in full.
   */
  let finishSendingFirst = false;
  /** Answers begun and not yet handed to the network in full; who waits for none to be left. */
  let sending = 0;
  /** @type {Array<() => void>} */
  let waiting = [];
  /** @param {http.ServerResponse} res */
  function track(res) {
    if (res.writableFinished || res.destroyed) return;
    sending++;
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      sending--;
      if (sending === 0) {
        const ready = waiting;
        waiting = [];
        for (const go of ready) go();
      }
    };
    res.once('finish', end);
    res.once('close', end);
  }
  /** @returns {Promise<void> | undefined} */
  const allSent = () => (sending === 0 ? undefined : new Promise((resolve) => waiting.push(() => resolve(undefined))));
  /** Requests being answered now, and the most at once since the last clearRequests(). */
  let inFlight = 0;
  let peakInFlight = 0;

  const server = await startServer(listener, { port, host });
  return {
    url: server.url,
    port: server.port,
    requests,
    /** The most requests the sandbox was answering at once since the last clearRequests(). */
    get peakInFlight() {
      return peakInFlight;
    },
    clearRequests: () => {
      requests.length = 0;
      peakInFlight = inFlight;
    },
    get finishSendingFirst() {
      return finishSendingFirst;
    },
    set finishSendingFirst(on) {
      finishSendingFirst = Boolean(on);
    },
    inject: faults.inject,
    faultRate: faults.faultRate,
    clearFaults: faults.clear,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await server.close();
    },
  };
}

// ---------------------------------------------------------------- small helpers

/**
 * Parse an optional non-negative integer query value.
 * @param {string|undefined} raw
 * @param {number} fallback returned when raw is undefined
 * @returns {number} NaN when malformed
 */
function intParam(raw, fallback) {
  if (raw === undefined) return fallback;
  return /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
}

/**
 * Flatten a string built by concatenation. V8 keeps such strings as trees of
 * "cons" nodes (~300 B for a 27-char timestamp); reading a character flattens
 * them, which matters when a generator keeps millions of them alive.
 * @param {string} s
 */
function flat(s) {
  s.charCodeAt(0);
  return s;
}

const DAY_MS = 86400000;
/** @type {Map<number, string>} day number → "2023-02-07T" */
const dayPrefixes = new Map();
/** @param {number} n */
const pad2 = (n) => (n < 10 ? `0${n}` : String(n));

/**
 * "2023-02-07T07:09:08" (UTC) for an integer ms instant. Faster than
 * toISOString() when formatting many instants: the date part is cached.
 * @param {number} ms
 */
function isoSeconds(ms) {
  const day = Math.floor(ms / DAY_MS);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    if (dayPrefixes.size > 20000) dayPrefixes.clear();
    dayPrefixes.set(day, prefix);
  }
  const s = Math.floor((ms - day * DAY_MS) / 1000);
  return `${prefix}${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}`;
}

/**
 * First index in [lo, hi) for which `before(i)` is false; `before` must be true
 * for a prefix of the range and false after it.
 * @param {number} lo @param {number} hi @param {(i: number) => boolean} before
 */
function bisect(lo, hi, before) {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * First index in the sorted array whose value is >= x (or > x when strict),
 * searching [0, end).
 * @param {ArrayLike<number>|string[]} arr ascending (at least on [0, end))
 * @param {number|string} x
 * @param {boolean} [strict]
 * @param {number} [end]
 */
function lowerBound(arr, x, strict = false, end = arr.length) {
  return bisect(0, end, (i) => arr[i] < x || (strict && arr[i] === x));
}

module.exports = {
  mulberry32,
  createRng,
  reply,
  send,
  json,
  startServer,
  createFaults,
  createSandbox,
  intParam,
  bisect,
  lowerBound,
  flat,
  isoSeconds,
};
