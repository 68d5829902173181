'use strict';
/**
 * multipart/form-data parsing on Buffers (binary safe), for POST /attachments.
 * RFC 7578: parts separated by CRLF "--boundary", each with its headers, a blank
 * line and the content; the last boundary is followed by "--".
 */

/**
 * @typedef {object} Part
 * @property {string} name form field name (Content-Disposition name)
 * @property {string|null} filename null for plain fields
 * @property {string|null} contentType the part's Content-Type, null when absent
 * @property {Buffer} data the content, as sent
 */

class MultipartError extends Error {}

/**
 * The boundary of a multipart/form-data content type, or null when it is not one.
 * @param {string|string[]|undefined} contentType
 */
function boundaryOf(contentType) {
  const ct = String(contentType || '');
  if (!/^\s*multipart\/form-data\s*(;|$)/i.test(ct)) return null;
  const m = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(ct);
  return m ? m[1] || m[2] : null;
}

/**
 * A Content-Disposition parameter: quoted (with \" escapes) or a token; `name*` (RFC 5987) wins.
 * @param {string} header @param {string} name
 */
function dispositionParam(header, name) {
  const ext = new RegExp(`;\\s*${name}\\*\\s*=\\s*([^']*)'[^']*'([^;]*)`, 'i').exec(header);
  if (ext) {
    try {
      return decodeURIComponent(ext[2].trim());
    } catch {
      // fall through to the plain parameter
    }
  }
  const m = new RegExp(`;\\s*${name}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]*))`, 'i').exec(header);
  if (!m) return null;
  return m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2];
}

/**
 * Parse a multipart/form-data body. Throws MultipartError when it is malformed
 * (no opening or closing boundary, a part without a blank line or a name).
 * @param {Buffer} body @param {string} boundary
 * @returns {Part[]}
 */
function parseMultipart(body, boundary) {
  const delimiter = Buffer.from(`--${boundary}`);
  const next = Buffer.from(`\r\n--${boundary}`);
  let at = body.indexOf(delimiter);
  if (at === -1) throw new MultipartError('no boundary in the body');
  at += delimiter.length;
  /** @type {Part[]} */
  const parts = [];
  for (;;) {
    if (body[at] === 0x2d && body[at + 1] === 0x2d) return parts; // "--": the closing boundary
    const lineEnd = body.indexOf('\r\n', at);
    if (lineEnd === -1) throw new MultipartError('unterminated boundary line');
    const headEnd = body.indexOf('\r\n\r\n', lineEnd);
    if (headEnd === -1) throw new MultipartError('part without a header block');
    const end = body.indexOf(next, headEnd + 4);
    if (end === -1) throw new MultipartError('no closing boundary');
    /** @type {Record<string, string>} */
    const headers = {};
    for (const line of body.subarray(lineEnd + 2, headEnd).toString('utf8').split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const disposition = headers['content-disposition'] || '';
    const name = /^form-data\b/i.test(disposition) ? dispositionParam(disposition, 'name') : null;
    if (name === null) throw new MultipartError('part without a form-data name');
    parts.push({
      name,
      filename: dispositionParam(disposition, 'filename'),
      contentType: headers['content-type'] || null,
      data: body.subarray(headEnd + 4, end),
    });
    at = end + next.length;
  }
}

module.exports = { boundaryOf, parseMultipart, MultipartError };
