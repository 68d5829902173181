'use strict';
/**
 * `filters_json` parsing and compilation for /search/new/candidates and
 * /audit_log. A filter list compiles to one predicate over a row (candidate
 * meta or audit meta); every object must be fully understood, else 400.
 */

class FilterError extends Error {}

/**
 * @param {string|undefined} raw
 * @returns {Record<string, unknown>[]}
 */
function parseFiltersJson(raw) {
  if (raw === undefined) return [];
  let list;
  try {
    list = JSON.parse(raw);
  } catch {
    throw new FilterError('filters_json is invalid');
  }
  if (!Array.isArray(list) || !list.every(isPlainObject)) throw new FilterError('filters_json is invalid');
  return list;
}

/** @param {unknown} x @returns {x is Record<string, unknown>} */
function isPlainObject(x) {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** @param {Record<string, unknown>} f */
const unknown = (f) => new FilterError(`Unknown filter: ${JSON.stringify(f)}`);
/** @param {Record<string, unknown>} f */
const invalid = (f) => new FilterError(`Invalid filter: ${JSON.stringify(f)}`);

/**
 * The operator keys of `f` (all keys but `discriminator`), each in `allowed`, at least one.
 * @param {Record<string, unknown>} f @param {string} discriminator @param {readonly string[]} allowed
 */
function opsOf(f, discriminator, allowed) {
  const ops = Object.keys(f).filter((k) => k !== discriminator);
  if (!ops.length || ops.some((k) => !allowed.includes(k))) throw unknown(f);
  return ops;
}

/** A number, or a string of digits (epoch seconds may come as strings). @param {unknown} v */
function numberOf(v) {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  return NaN;
}

/** String or array of strings → array. @param {unknown} v @param {Record<string, unknown>} f */
function listOf(v, f) {
  const arr = Array.isArray(v) ? v : [v];
  if (!arr.every((x) => typeof x === 'string' || typeof x === 'number')) throw invalid(f);
  return arr;
}

/** Array of ids (numbers or digit strings) → Set of numbers. @param {unknown} v @param {Record<string, unknown>} f */
function idSetOf(v, f) {
  const arr = Array.isArray(v) ? v : [v];
  const nums = arr.map(numberOf);
  if (nums.some((n) => !Number.isInteger(n))) throw invalid(f);
  return new Set(nums);
}

const RANGE_OPS = ['gte', 'gt', 'lte', 'lt'];

/**
 * Numeric range on `get(row)`; null values never match.
 * @param {Record<string, unknown>} f @param {(row: any) => number|null} get
 */
function rangeFilter(f, get) {
  const tests = opsOf(f, 'field', RANGE_OPS).map((op) => {
    const bound = numberOf(f[op]);
    if (Number.isNaN(bound)) throw invalid(f);
    if (op === 'gte') return (/** @type {number} */ v) => v >= bound;
    if (op === 'gt') return (/** @type {number} */ v) => v > bound;
    if (op === 'lte') return (/** @type {number} */ v) => v <= bound;
    return (/** @type {number} */ v) => v < bound;
  });
  return (/** @type {any} */ row) => {
    const v = get(row);
    return v !== null && tests.every((t) => t(v));
  };
}

/** @param {Record<string, unknown>} f @param {(row: any) => string} get */
function textFilter(f, get) {
  opsOf(f, 'field', ['query']);
  if (typeof f.query !== 'string') throw invalid(f);
  const q = f.query.toLowerCase();
  return (/** @type {any} */ row) => get(row).includes(q);
}

/** in / not_in on a single string value. @param {Record<string, unknown>} f @param {(row: any) => string} get */
function inFilter(f, get) {
  const tests = opsOf(f, 'field', ['in', 'not_in']).map((op) => {
    const set = new Set(listOf(f[op], f).map(String));
    return op === 'in' ? (/** @type {string} */ v) => set.has(v) : (/** @type {string} */ v) => !set.has(v);
  });
  return (/** @type {any} */ row) => tests.every((t) => t(get(row)));
}

const ID_OPS = ['in', 'not_in', 'has_any', 'has_none', 'has_one_of', 'has_all_of', 'has_none_of'];

/**
 * Id operators on a single id or an id array. A boolean operand for has_any /
 * has_none means "has some value" / "has no value".
 * @param {Record<string, unknown>} f @param {(row: any) => number[]} get
 */
function idFilter(f, get) {
  const tests = opsOf(f, 'field', ID_OPS).map((op) => {
    if (typeof f[op] === 'boolean' && (op === 'has_any' || op === 'has_none')) {
      const want = (op === 'has_any') === f[op];
      return (/** @type {number[]} */ v) => v.length > 0 === want;
    }
    const ids = idSetOf(f[op], f);
    if (op === 'has_all_of') return (/** @type {number[]} */ v) => [...ids].every((id) => v.includes(id));
    const any = (/** @type {number[]} */ v) => v.some((id) => ids.has(id));
    return op === 'in' || op === 'has_any' || op === 'has_one_of' ? any : (/** @type {number[]} */ v) => !any(v);
  });
  return (/** @type {any} */ row) => {
    const v = get(row);
    return tests.every((t) => t(v));
  };
}

/**
 * `{"filter": name, <key>: {"in": [...]}}` objects.
 * @param {Record<string, unknown>} f @param {string} key @param {(row: any) => unknown[]} get @param {boolean} numeric
 */
function membershipFilter(f, key, get, numeric) {
  opsOf(f, 'filter', [key]);
  const inner = f[key];
  if (!isPlainObject(inner)) throw invalid(f);
  opsOf(inner, '', ['in']);
  /** @type {Set<unknown>} */
  const set = numeric ? idSetOf(inner.in, f) : new Set(listOf(inner.in, f).map(String));
  return (/** @type {any} */ row) => get(row).some((v) => set.has(v));
}

/**
 * @typedef {Record<string, (f: Record<string, unknown>) => (row: any) => boolean>} FilterTable
 */

/** @type {{ fields: FilterTable, filters: FilterTable }} */
const SEARCH_FILTERS = {
  fields: {
    all: (f) => textFilter(f, (m) => m.allText),
    status: (f) => inFilter(f, (m) => m.status),
    created_at: (f) => rangeFilter(f, (m) => m.createdSec),
    admin_id: (f) => idFilter(f, (m) => (m.adminId === null ? [] : [m.adminId])),
    assigned_admins_ids: (f) => idFilter(f, (m) => m.assigned),
    average_score: (f) => rangeFilter(f, (m) => m.rating),
  },
  filters: {
    jobs: (f) => membershipFilter(f, 'id', (m) => m.offerIds, true),
    tags: (f) => membershipFilter(f, 'id', (m) => m.tagIds, true),
    stages: (f) => membershipFilter(f, 'name', (m) => m.stageNames, false),
  },
};

/**
 * Audit log filters; `all` reads `row.text()` (built lazily, it is costly).
 * @type {{ fields: FilterTable, filters: FilterTable }}
 */
const AUDIT_FILTERS = {
  fields: {
    all: (f) => textFilter(f, (m) => m.text()),
    created_at: (f) => rangeFilter(f, (m) => m.createdSec),
    actor: (f) => inFilter(f, (m) => m.actor),
  },
  filters: {},
};

/**
 * @param {Record<string, unknown>[]} list parsed filters_json
 * @param {{ fields: FilterTable, filters: FilterTable }} table
 * @returns {((row: any) => boolean) | null} null when there is nothing to filter
 */
function compileFilters(list, table) {
  const preds = list.map((f) => {
    const hasField = typeof f.field === 'string';
    const hasFilter = typeof f.filter === 'string';
    if (hasField === hasFilter) throw unknown(f);
    const group = hasField ? table.fields : table.filters;
    const name = /** @type {string} */ (hasField ? f.field : f.filter);
    if (!Object.prototype.hasOwnProperty.call(group, name)) throw unknown(f);
    const make = group[name];
    return make(f);
  });
  if (!preds.length) return null;
  if (preds.length === 1) return preds[0];
  return (row) => preds.every((p) => p(row));
}

module.exports = { FilterError, parseFiltersJson, compileFilters, SEARCH_FILTERS, AUDIT_FILTERS };
