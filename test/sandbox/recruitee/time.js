'use strict';
/** Time helpers shared by the Recruitee generator modules (microsecond precision). */

const SEC_US = 1e6;
const DAY_US = 86400 * SEC_US;
const YEAR_US = 365 * DAY_US;

const { flat, isoSeconds } = require('../kit');

/** @param {number} n @param {number} width */
const pad = (n, width) => String(n).padStart(width, '0');

/** @param {number} us microseconds since epoch (integer) → "2023-02-07T07:09:08.809894Z" */
function isoMicro(us) {
  return flat(`${isoSeconds(Math.floor(us / 1000))}.${pad(us % SEC_US, 6)}Z`);
}

/** @param {string} iso "…T07:09:08.809894Z" → microseconds since epoch */
function usOf(iso) {
  return Date.parse(iso.slice(0, 19) + 'Z') * 1000 + Number(iso.slice(20, 26).padEnd(6, '0'));
}

/**
 * Whole-second form used by search hits and the audit log: "2023-02-07T07:09:08Z".
 * @param {string|null} iso
 */
function isoSecond(iso) {
  return iso === null ? null : flat(iso.slice(0, 19) + 'Z');
}

/** @param {number} sec epoch seconds → "2023-02-07T07:09:08Z" */
function isoOfSecond(sec) {
  return flat(`${isoSeconds(sec * 1000)}Z`);
}

/**
 * Random instant in [us, us + maxSpanUs), capped below nowUs - 1 (returns us when no room).
 * @param {import('../kit').Rng} rng @param {number} us @param {number} maxSpanUs @param {number} nowUs
 */
function later(rng, us, maxSpanUs, nowUs) {
  return us + Math.floor(rng.next() * Math.max(0, Math.min(maxSpanUs, nowUs - 1 - us)));
}

/**
 * n sorted, strictly increasing random instants (µs) in [fromUs, toUs); with
 * probability burstP an instant lands in the same second as its predecessor.
 * @param {import('../kit').Rng} rng
 * @param {number} n @param {number} fromUs @param {number} toUs @param {number} burstP
 */
function randomTimes(rng, n, fromUs, toUs, burstP) {
  const t = new Float64Array(n);
  const span = toUs - fromUs;
  for (let i = 0; i < n; i++) t[i] = fromUs + Math.floor(rng.next() * span);
  t.sort();
  for (let i = 1; i < n; i++) {
    if (burstP && rng.chance(burstP)) {
      const room = Math.floor(t[i - 1] / SEC_US) * SEC_US + SEC_US - 1 - t[i - 1];
      if (room > 1) t[i] = t[i - 1] + 1 + Math.floor(rng.next() * Math.min(room - 1, 400000));
    }
    if (t[i] <= t[i - 1]) t[i] = t[i - 1] + 1;
  }
  return t;
}

module.exports = { SEC_US, DAY_US, YEAR_US, isoMicro, usOf, isoSecond, isoOfSecond, later, randomTimes };
