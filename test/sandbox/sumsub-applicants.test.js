'use strict';
// The Sumsub sandbox's applicant routes: every route's answer and errors, each switch for what
// Sumsub does not document, signatures over POST bodies, the POST rate limit, the test drivers,
// and faults after a write.
const sumsub = require('./sumsub');

const T0 = Date.parse('2026-11-21T10:00:00Z');
const CREATE = '/resources/applicants?levelName=basic-kyc-level';
const LINK = '/resources/sdkIntegrations/levels/-/websdkLink';
const TOKEN = '/resources/accessTokens/sdk';
const HEX24 = /^[0-9a-f]{24}$/;

/** A signed client for one sandbox; `body` objects are sent as JSON, strings as they are. */
function clientOf(getSandbox) {
  /**
   * @param {string} method @param {string} url path with query, exactly as sent
   * @param {unknown} [body] @param {{ contentType?: string|null, signedBody?: string, signedUrl?: string, headers?: object }} [o]
   */
  async function call(method, url, body, o = {}) {
    const s = getSandbox();
    const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
    const contentType = o.contentType === undefined ? 'application/json' : o.contentType;
    const headers = {
      ...s.signedHeaders(o.signedUrl ?? url, { method, body: o.signedBody ?? text }),
      ...(text && contentType && { 'content-type': contentType }),
      ...o.headers,
    };
    const res = await fetch(s.url + url, { method, headers, ...(text && { body: text }) });
    const raw = await res.text();
    return { status: res.status, json: raw ? JSON.parse(raw) : undefined };
  }
  /** The answer's JSON, after checking the status. */
  async function ok(method, url, body, status = 200) {
    const res = await call(method, url, body);
    expect([res.status, res.json]).toEqual([status, expect.anything()]);
    return res.json;
  }
  /** Sumsub's error body with this status; returns its description. */
  async function fails(method, url, body, status, o) {
    const res = await call(method, url, body, o);
    expect(res.status).toBe(status);
    expect(res.json).toEqual({ description: expect.any(String), code: status, correlationId: expect.stringMatching(/^req-[0-9a-f-]{36}$/) });
    return res.json.description;
  }
  return { call, ok, fails, get: (url) => ok('GET', url) };
}

const ada = (extra = {}) => ({
  externalUserId: 'recruitee-47628534',
  email: 'ada@example.test',
  phone: '+44 20 7946 0000',
  fixedInfo: {
    firstName: 'Ada',
    lastName: 'Lovelace',
    middleName: 'King',
    dob: '1815-12-10',
    country: 'GBR',
    nationality: 'GBR',
    placeOfBirth: 'London',
    gender: 'F',
  },
  metadata: [{ key: 'source', value: 'recruitee' }],
  ...extra,
});

describe('Sumsub sandbox applicants', () => {
  /** @type {Awaited<ReturnType<typeof sumsub.start>>} */
  let s;
  const { call, ok, fails, get } = clientOf(() => s);
  const create = (body, url = CREATE, status = 200) => ok('POST', url, body, status);
  const startWith = async (options = {}) => {
    await s?.close();
    let t = T0;
    s = await sumsub.start({ events: 100, clock: () => (t += 1000), ...options });
  };

  beforeEach(() => startWith());
  afterEach(async () => {
    await s.close();
    s = undefined;
  });

  describe('POST /resources/applicants', () => {
    test('200 with the applicant as Sumsub documents it, stored for the run', async () => {
      const a = await create(ada({ favouriteColour: 'green' }));
      expect(a).toEqual({
        id: expect.stringMatching(HEX24),
        createdAt: '2026-11-21 10:00:01',
        clientId: 'sandbox-client',
        inspectionId: expect.stringMatching(HEX24),
        externalUserId: 'recruitee-47628534',
        levelName: 'basic-kyc-level',
        email: 'ada@example.test',
        phone: '+44 20 7946 0000',
        fixedInfo: ada().fixedInfo,
        metadata: [{ key: 'source', value: 'recruitee' }],
        applicantPlatform: 'API',
        requiredIdDocs: { docSets: [expect.objectContaining({ idDocSetType: 'IDENTITY' }), expect.objectContaining({ idDocSetType: 'SELFIE' })] },
        review: {
          reviewId: expect.stringMatching(/^[A-Za-z0-9]{5}$/),
          attemptId: expect.stringMatching(/^[A-Za-z0-9]{5}$/),
          attemptCnt: 0,
          levelName: 'basic-kyc-level',
          createDate: '2026-11-21 10:00:01+0000',
          reviewStatus: 'init',
          priority: 0,
        },
        type: 'individual',
      });
      expect(a.id).not.toBe(a.inspectionId);
      expect(s.applicants).toEqual([a]);
      expect(s.applicantById(a.id)).toEqual(a);
      expect(s.applicantByExternalUserId('recruitee-47628534')).toEqual(a);
      expect(s.writes).toEqual({ applicantsCreated: 1, resets: 0, links: 0, tokens: 0 });
    });

    test('only externalUserId is required; absent optional fields are absent, unknown fixedInfo keys dropped', async () => {
      const a = await create({ externalUserId: 'u-1' });
      for (const k of ['email', 'phone', 'fixedInfo', 'metadata']) expect(a).not.toHaveProperty(k);
      const b = await create({ externalUserId: 'u-2', email: null, fixedInfo: { firstName: 'Bo', dateOfBirth: '1990-01-01' } });
      expect(b.fixedInfo).toEqual({ firstName: 'Bo' });
      expect(b).not.toHaveProperty('email');
    });

    test('each level gives its own docSets and type; ids are distinct and grow', async () => {
      const a = await create({ externalUserId: 'a' }, '/resources/applicants?levelName=id-and-liveness');
      const b = await create({ externalUserId: 'b' }, '/resources/applicants?levelName=kyb-level');
      expect([a.levelName, a.type, b.levelName, b.type]).toEqual(['id-and-liveness', 'individual', 'kyb-level', 'company']);
      expect(a.requiredIdDocs.docSets[1]).toMatchObject({ videoRequired: 'passiveLiveness' });
      expect(a.id < b.id).toBe(true);
    });

    test('a level name with a space, percent-encoded in the query', async () => {
      await startWith({ levels: ['KYC level 1'] });
      const a = await create({ externalUserId: 'x' }, '/resources/applicants?levelName=KYC%20level%201');
      expect(a.levelName).toBe('KYC level 1');
    });

    test('createStatus: 201', async () => {
      await startWith({ createStatus: 201 });
      await create({ externalUserId: 'x' }, CREATE, 201);
    });

    test('no levelName → 400; an unknown level → 404 (unknownLevel: 400 → 400)', async () => {
      expect(await fails('POST', '/resources/applicants', ada(), 400)).toBe("Required request parameter 'levelName' is not present");
      expect(await fails('POST', '/resources/applicants?levelName=', ada(), 400)).toMatch(/levelName/);
      expect(await fails('POST', '/resources/applicants?levelName=gold', ada(), 404)).toBe("Level 'gold' not found");
      await startWith({ unknownLevel: 400 });
      expect(await fails('POST', '/resources/applicants?levelName=gold', ada(), 400)).toBe("Level 'gold' not found");
      expect(s.applicants).toEqual([]);
    });

    const bad = [
      ['no externalUserId', { email: 'a@b.co' }, "Missing required field 'externalUserId'"],
      ['blank externalUserId', { externalUserId: '  ' }, "Missing required field 'externalUserId': it is blank"],
      ['numeric externalUserId', { externalUserId: 47628534 }, "Invalid 'externalUserId': expected a string, got 47628534"],
      ['malformed email', ada({ email: 'ada@example' }), "Invalid 'email': 'ada@example' is not a valid email address"],
      ['empty email', ada({ email: '' }), "Invalid 'email': '' is not a valid email address"],
      ['phone with letters', ada({ phone: 'call me' }), "Invalid 'phone': 'call me' is not a valid phone number"],
      ['dob not yyyy-MM-dd', ada({ fixedInfo: { dob: '10.12.1815' } }), "Invalid 'fixedInfo.dob': '10.12.1815' is not a date in the format yyyy-MM-dd"],
      ['dob not a date', ada({ fixedInfo: { dob: '1990-02-30' } }), "Invalid 'fixedInfo.dob': '1990-02-30' is not a date in the format yyyy-MM-dd"],
      ['dob with a time', ada({ fixedInfo: { dob: '1990-02-03T00:00:00Z' } }), /fixedInfo\.dob/],
      ['alpha-2 country', ada({ fixedInfo: { country: 'GB' } }), "Invalid 'fixedInfo.country': 'GB' is not an ISO 3166-1 alpha-3 country code"],
      ['unknown alpha-3 country', ada({ fixedInfo: { country: 'XYZ' } }), /fixedInfo\.country.*'XYZ'/],
      ['lower-case country', ada({ fixedInfo: { country: 'gbr' } }), /fixedInfo\.country.*'gbr'/],
      ['bad nationality', ada({ fixedInfo: { nationality: 'British' } }), /fixedInfo\.nationality.*'British'/],
      ['bad countryOfBirth', ada({ fixedInfo: { countryOfBirth: 'UK' } }), /fixedInfo\.countryOfBirth/],
      ['bad gender', ada({ fixedInfo: { gender: 'female' } }), "Invalid 'fixedInfo.gender': 'female', expected 'M' or 'F'"],
      ['fixedInfo not an object', ada({ fixedInfo: 'Ada' }), /'fixedInfo': expected an object/],
      ['a number for a name', ada({ fixedInfo: { firstName: 1 } }), "Invalid 'fixedInfo.firstName': expected a string, got 1"],
      ['address with a bad country', ada({ fixedInfo: { addresses: [{ town: 'London', country: 'UK' }] } }), /fixedInfo\.addresses\[0\]\.country/],
      ['metadata not an array', ada({ metadata: { source: 'x' } }), /'metadata': expected an array/],
      ['metadata without key', ada({ metadata: [{ value: 'x' }] }), "Missing required field 'metadata[0].key'"],
      ['metadata value an object', ada({ metadata: [{ key: 'k', value: { a: 1 } }] }), /'metadata\[0\]\.value': expected a string/],
    ];
    test.each(bad)('%s → 400 naming the field, nothing created', async (_name, body, description) => {
      expect(await fails('POST', CREATE, body, 400)).toEqual(typeof description === 'string' ? description : expect.stringMatching(description));
      expect([s.applicants.length, s.writes.applicantsCreated]).toEqual([0, 0]);
    });

    test('valid edge values pass: Kosovo XKX, gender M, addresses, an empty metadata value', async () => {
      const a = await create(
        ada({ fixedInfo: { country: 'XKX', gender: 'M', dob: '2000-02-29', addresses: [{ street: '1 Main St', town: 'Pristina', country: 'XKX', x: 1 }] }, metadata: [{ key: 'k', value: null }] }),
      );
      expect(a.fixedInfo).toEqual({ dob: '2000-02-29', gender: 'M', country: 'XKX', addresses: [{ street: '1 Main St', town: 'Pristina', country: 'XKX' }] });
      expect(a.metadata).toEqual([{ key: 'k', value: '' }]);
    });

    test('coerceScalars: numbers are taken for string fields (stored as strings)', async () => {
      await startWith({ coerceScalars: true });
      const a = await create({ externalUserId: 47628534, phone: 442079460000, metadata: [{ key: 'id', value: 7 }] });
      expect([a.externalUserId, a.phone, a.metadata]).toEqual(['47628534', '442079460000', [{ key: 'id', value: '7' }]]);
      expect(s.applicantByExternalUserId('47628534')).toBe(s.applicants[0]);
    });

    test('the body: empty → 400, not JSON → 415, unparsable or not an object → 400', async () => {
      expect(await fails('POST', CREATE, undefined, 400)).toBe('Required request body is missing');
      expect(await fails('POST', CREATE, ada(), 415, { contentType: 'text/plain' })).toMatch(/Content type 'text\/plain' not supported/);
      expect(await fails('POST', CREATE, ada(), 415, { contentType: null })).toMatch(/Content type 'text\/plain;charset=UTF-8' not supported/); // fetch's default
      expect(await fails('POST', CREATE, '{"externalUserId":', 400)).toBe('Malformed JSON request body');
      expect(await fails('POST', CREATE, '[]', 400)).toBe('Request body must be a JSON object');
      const a = await ok('POST', CREATE, JSON.stringify({ externalUserId: 'ct' }), 200);
      expect(a.externalUserId).toBe('ct'); // application/json; a charset parameter is fine too:
      expect((await call('POST', CREATE, { externalUserId: 'cs' }, { contentType: 'application/json; charset=utf-8' })).status).toBe(200);
    });

    test('a duplicate externalUserId → 409 naming the existing applicant; nothing created', async () => {
      const a = await create(ada());
      const description = await fails('POST', CREATE, ada({ email: 'other@example.test' }), 409);
      expect(description).toBe(`Applicant with external user id 'recruitee-47628534' already exists: ${a.id}`);
      // on another level too: externalUserId is unique per account
      await fails('POST', '/resources/applicants?levelName=id-and-liveness', ada(), 409);
      expect(s.applicants).toHaveLength(1);
      expect(s.writes.applicantsCreated).toBe(1);
      // the same id differing only in case is another user
      await create(ada({ externalUserId: 'RECRUITEE-47628534' }));
    });

    test('duplicateExternalUserId: 400', async () => {
      await startWith({ duplicateExternalUserId: 400 });
      const a = await create(ada());
      expect(await fails('POST', CREATE, ada(), 400)).toContain(a.id);
    });
  });

  describe('GET /resources/applicants/{id}/one and /-;externalUserId={id}/one', () => {
    test('by id and by externalUserId: the applicant with its current review', async () => {
      const a = await create(ada());
      expect(await get(`/resources/applicants/${a.id}/one`)).toEqual(a);
      expect(await get(`/resources/applicants/-;externalUserId=${a.externalUserId}/one`)).toEqual(a);
      s.setReview(a.id, { reviewStatus: 'pending' });
      expect((await get(`/resources/applicants/${a.id}/one`)).review.reviewStatus).toBe('pending');
    });

    test('externalUserId is percent-decoded: spaces, slashes, semicolons, unicode', async () => {
      for (const id of ['candidate 42', 'a/b', 'x;y=z', 'Zoë+1@example.test', '100%']) {
        const a = await create({ externalUserId: id });
        expect(await get(`/resources/applicants/-;externalUserId=${encodeURIComponent(id)}/one`)).toEqual(a);
      }
      // not encoded: a slash splits the path, a bad escape is refused
      await fails('GET', '/resources/applicants/-;externalUserId=a/b/one', undefined, 404);
      expect(await fails('GET', '/resources/applicants/-;externalUserId=100%/one', undefined, 400)).toMatch(/percent-encoded/);
    });

    test('unknown → 404 with Sumsub\'s error body', async () => {
      expect(await fails('GET', '/resources/applicants/0123456789abcdef01234567/one', undefined, 404)).toBe('Applicant not found: 0123456789abcdef01234567');
      expect(await fails('GET', '/resources/applicants/-;externalUserId=nobody/one', undefined, 404)).toBe("Applicant with external user id 'nobody' not found");
      await fails('GET', '/resources/applicants/-/one', undefined, 404);
    });
  });

  describe('GET /resources/applicants/{id}/status and setReview', () => {
    test('the review through its life: init, pending, completed GREEN; RED with labels; onHold', async () => {
      const a = await create(ada());
      const status = () => get(`/resources/applicants/${a.id}/status`);
      expect(await status()).toEqual(a.review);
      expect(await status()).not.toHaveProperty('reviewResult');

      const pending = s.setReview(a.id, { reviewStatus: 'pending' });
      expect(pending).toEqual({ ...a.review, attemptId: expect.stringMatching(/^[A-Za-z0-9]{5}$/), attemptCnt: 1, startDate: '2026-11-21 10:00:02+0000', reviewStatus: 'pending' });
      expect(pending.attemptId).not.toBe(a.review.attemptId);
      expect(await status()).toEqual(pending);

      s.setReview(a.id, { reviewStatus: 'completed', reviewAnswer: 'GREEN' });
      expect(await status()).toEqual({ ...pending, reviewDate: '2026-11-21 10:00:03+0000', reviewResult: { reviewAnswer: 'GREEN' }, reviewStatus: 'completed' });

      s.setReview(a.id, {
        reviewStatus: 'completed',
        reviewAnswer: 'RED',
        rejectLabels: ['UNSATISFACTORY_PHOTOS', 'SCREENSHOTS'],
        reviewRejectType: 'FINAL',
        moderationComment: 'We do not accept screenshots.',
        clientComment: 'Screenshots are not accepted.',
      });
      expect((await status()).reviewResult).toEqual({
        moderationComment: 'We do not accept screenshots.',
        clientComment: 'Screenshots are not accepted.',
        reviewAnswer: 'RED',
        rejectLabels: ['UNSATISFACTORY_PHOTOS', 'SCREENSHOTS'],
        reviewRejectType: 'FINAL',
      });
      s.setReview(a.id, { reviewStatus: 'completed', reviewAnswer: 'RED' });
      expect((await status()).reviewResult).toEqual({ reviewAnswer: 'RED', rejectLabels: [], reviewRejectType: 'RETRY' });

      const onHold = await (s.setReview(a.id, { reviewStatus: 'onHold' }), status());
      expect(onHold.reviewStatus).toBe('onHold');
      expect(onHold).not.toHaveProperty('reviewResult');
      expect(onHold).not.toHaveProperty('reviewDate');
      expect(onHold.attemptCnt).toBe(1);
      expect((await get(`/resources/applicants/${a.id}/one`)).review).toEqual(onHold);
    });

    test('every documented status can be set', async () => {
      const a = await create(ada());
      for (const reviewStatus of ['init', 'pending', 'prechecked', 'queued', 'onHold']) {
        s.setReview(a.id, { reviewStatus });
        expect((await get(`/resources/applicants/${a.id}/status`)).reviewStatus).toBe(reviewStatus);
      }
    });

    test('setReview refuses what Sumsub would not show', async () => {
      const a = await create(ada());
      expect(() => s.setReview('0123456789abcdef01234567', { reviewStatus: 'pending' })).toThrow(TypeError);
      expect(() => s.setReview(a.id, { reviewStatus: 'approved' })).toThrow(/reviewStatus one of/);
      expect(() => s.setReview(a.id, { reviewStatus: 'completed' })).toThrow(/GREEN' or 'RED/);
      expect(() => s.setReview(a.id, { reviewStatus: 'pending', reviewAnswer: 'GREEN' })).toThrow(/only comes with reviewStatus completed/);
      expect(() => s.setReview(a.id, { reviewStatus: 'completed', reviewAnswer: 'GREEN', rejectLabels: ['X'] })).toThrow(/GREEN takes no/);
      expect(() => s.setReview(a.id, { reviewStatus: 'completed', reviewAnswer: 'RED', reviewRejectType: 'SOFT' })).toThrow(/FINAL/);
      expect(() => s.setReview(a.id, { reviewStatus: 'completed', reviewAnswer: 'RED', rejectLabels: 'X' })).toThrow(/array of strings/);
      expect(() => s.setReview(a.id, { reviewStatus: 'pending', note: 'x' })).toThrow(/unknown keys note/);
      expect(s.applicantById(a.id).review.reviewStatus).toBe('init');
    });

    test('unknown applicant → 404', async () => {
      await fails('GET', '/resources/applicants/0123456789abcdef01234567/status', undefined, 404);
    });
  });

  describe('POST /resources/applicants/{id}/reset', () => {
    test('{ok: 1}; back to init without a result; allowed in init, completed and onHold', async () => {
      const a = await create(ada());
      expect(await ok('POST', `/resources/applicants/${a.id}/reset`)).toEqual({ ok: 1 });
      s.setReview(a.id, { reviewStatus: 'pending' });
      s.setReview(a.id, { reviewStatus: 'completed', reviewAnswer: 'RED', rejectLabels: ['FORGERY'], reviewRejectType: 'FINAL' });
      expect(await ok('POST', `/resources/applicants/${a.id}/reset`)).toEqual({ ok: 1 });
      const review = await get(`/resources/applicants/${a.id}/status`);
      expect(review).toEqual({ ...a.review, attemptId: expect.any(String), attemptCnt: 1, reviewStatus: 'init' });
      s.setReview(a.id, { reviewStatus: 'onHold' });
      expect(await ok('POST', `/resources/applicants/${a.id}/reset`)).toEqual({ ok: 1 });
      expect(s.writes.resets).toBe(3);
    });

    test.each(['pending', 'queued', 'prechecked'])('refused while %s: 400 naming the status (resetRefusal: 409 → 409)', async (reviewStatus) => {
      const a = await create(ada());
      s.setReview(a.id, { reviewStatus });
      expect(await fails('POST', `/resources/applicants/${a.id}/reset`, undefined, 400)).toBe(`Applicant ${a.id} cannot be reset in status '${reviewStatus}': it is being checked`);
      expect(s.applicantById(a.id).review.reviewStatus).toBe(reviewStatus);
      await startWith({ resetRefusal: 409 });
      const b = await create(ada());
      s.setReview(b.id, { reviewStatus });
      expect(await fails('POST', `/resources/applicants/${b.id}/reset`, undefined, 409)).toContain(`'${reviewStatus}'`);
      expect(s.writes.resets).toBe(0);
    });

    test('unknown applicant → 404; a reset with a (signed) body is fine', async () => {
      await fails('POST', '/resources/applicants/0123456789abcdef01234567/reset', undefined, 404);
      const a = await create(ada());
      expect(await ok('POST', `/resources/applicants/${a.id}/reset`, {})).toEqual({ ok: 1 });
    });
  });

  describe('GET /resources/applicants/-/levels', () => {
    test('{items, totalItems} with the seeded levels', async () => {
      const { items, totalItems } = await get('/resources/applicants/-/levels');
      expect(items.map((l) => l.name)).toEqual(['basic-kyc-level', 'id-and-liveness', 'kyb-level']);
      expect(totalItems).toBe(3);
      expect(items[0]).toEqual({
        id: expect.stringMatching(HEX24),
        name: 'basic-kyc-level',
        desc: expect.any(String),
        applicantType: 'individual',
        requiredIdDocs: { docSets: expect.any(Array) },
        createdAt: '2025-01-15 09:30:00',
        modifiedAt: '2025-01-15 09:30:00',
      });
      expect(items[2].applicantType).toBe('company');
      expect(s.levels).toEqual(items);
    });

    test('levelsRoute: false → 404 (the other routes still know the levels)', async () => {
      await startWith({ levelsRoute: false });
      expect(await fails('GET', '/resources/applicants/-/levels', undefined, 404)).toBe('Not found');
      await create(ada());
    });

    test('the levels option replaces them; bad values make start reject', async () => {
      await startWith({ levels: ['gold', { name: 'company-gold', applicantType: 'company', desc: 'KYB' }] });
      const { items } = await get('/resources/applicants/-/levels');
      expect(items.map((l) => [l.name, l.applicantType, l.desc])).toEqual([
        ['gold', 'individual', ''],
        ['company-gold', 'company', 'KYB'],
      ]);
      await fails('POST', CREATE, ada(), 404);
      await expect(sumsub.start({ events: 10, levels: [] })).rejects.toThrow(TypeError);
      await expect(sumsub.start({ events: 10, levels: [{ name: 'x', applicantType: 'robot' }] })).rejects.toThrow(TypeError);
    });
  });

  describe('WebSDK links', () => {
    const link = (extra = {}) => ({ levelName: 'basic-kyc-level', userId: 'recruitee-47628534', ttlInSecs: 1800, ...extra });

    test('new route: {url}, recorded with what was asked', async () => {
      const body = link({ applicantIdentifiers: { email: 'ada@example.test', phone: '+44 20 7946 0000' }, externalActionId: 'act-1', redirect: { successUrl: 'https://example.test/ok' } });
      const { url, ...rest } = await ok('POST', LINK, body);
      expect(rest).toEqual({});
      expect(url).toMatch(/^https:\/\/in\.sumsub\.com\/websdk\/p\/sbx_[A-Za-z0-9]{16}$/);
      expect(s.issuedLinks).toEqual([
        {
          url,
          route: 'new',
          levelName: 'basic-kyc-level',
          userId: 'recruitee-47628534',
          ttlInSecs: 1800,
          applicantIdentifiers: { email: 'ada@example.test', phone: '+44 20 7946 0000' },
          externalActionId: 'act-1',
          redirect: { successUrl: 'https://example.test/ok' },
          createdAt: T0 + 1000,
          expiresAt: T0 + 1000 + 1800 * 1000,
        },
      ]);
      const again = await ok('POST', LINK, link());
      expect(again.url).not.toBe(url); // every call issues a new link
      expect(s.writes.links).toBe(2);
      expect(s.applicants).toEqual([]); // a link creates no applicant
    });

    const badLinks = [
      ['no levelName', 400, { userId: 'u', ttlInSecs: 60 }, "Missing required field 'levelName'"],
      ['unknown level', 404, link({ levelName: 'gold' }), "Level 'gold' not found"],
      ['no userId', 400, link({ userId: undefined }), "Missing required field 'userId'"],
      ['blank userId', 400, link({ userId: '' }), "Missing required field 'userId': it is blank"],
      ['no ttlInSecs', 400, link({ ttlInSecs: undefined }), "Missing required field 'ttlInSecs'"],
      ['ttlInSecs 0', 400, link({ ttlInSecs: 0 }), "Invalid 'ttlInSecs': expected a positive integer number of seconds, got 0"],
      ['negative ttlInSecs', 400, link({ ttlInSecs: -60 }), /'ttlInSecs'/],
      ['fractional ttlInSecs', 400, link({ ttlInSecs: 1.5 }), /'ttlInSecs'/],
      ['ttlInSecs as a string', 400, link({ ttlInSecs: '1800' }), "Invalid 'ttlInSecs': expected a positive integer number of seconds, got '1800'"],
      ['bad identifier email', 400, link({ applicantIdentifiers: { email: 'nope' } }), "Invalid 'applicantIdentifiers.email': 'nope' is not a valid email address"],
      ['identifiers not an object', 400, link({ applicantIdentifiers: 'ada@example.test' }), /'applicantIdentifiers': expected an object/],
      ['redirect not an object', 400, link({ redirect: 'https://example.test' }), /'redirect': expected an object/],
    ];
    test.each(badLinks)('new route, %s → %i', async (_name, status, body, description) => {
      expect(await fails('POST', LINK, body, status)).toEqual(typeof description === 'string' ? description : expect.stringMatching(description));
      expect(s.issuedLinks).toEqual([]);
    });

    test('new route, unknownLevel: 400 and coerceScalars (ttlInSecs "1800")', async () => {
      await startWith({ unknownLevel: 400, coerceScalars: true });
      await fails('POST', LINK, link({ levelName: 'gold' }), 400);
      await ok('POST', LINK, link({ ttlInSecs: '1800', userId: 42 }));
      expect(s.issuedLinks[0]).toMatchObject({ ttlInSecs: 1800, userId: '42' });
    });

    test('old route: levels/{levelName}/websdkLink?ttlInSecs=&externalUserId=', async () => {
      const { url } = await ok('POST', '/resources/sdkIntegrations/levels/basic-kyc-level/websdkLink?ttlInSecs=600&externalUserId=recruitee%2042&lang=de');
      expect(url).toMatch(/^https:\/\/in\.sumsub\.com\/websdk\/p\/sbx_/);
      expect(s.issuedLinks).toEqual([{ url, route: 'old', levelName: 'basic-kyc-level', userId: 'recruitee 42', ttlInSecs: 600, lang: 'de', createdAt: T0 + 1000, expiresAt: T0 + 1000 + 600000 }]);
      // an optional JSON body is recorded as sent
      await ok('POST', '/resources/sdkIntegrations/levels/basic-kyc-level/websdkLink?ttlInSecs=600&externalUserId=u', { email: 'ada@example.test' });
      expect(s.issuedLinks[1].body).toEqual({ email: 'ada@example.test' });
      // a level name with a space
      await startWith({ levels: ['KYC level 1'] });
      await ok('POST', '/resources/sdkIntegrations/levels/KYC%20level%201/websdkLink?ttlInSecs=600&externalUserId=u');
    });

    test('old route errors: unknown level, missing or bad ttlInSecs, missing externalUserId', async () => {
      const old = (q, level = 'basic-kyc-level') => `/resources/sdkIntegrations/levels/${level}/websdkLink${q}`;
      expect(await fails('POST', old('?ttlInSecs=600&externalUserId=u', 'gold'), undefined, 404)).toBe("Level 'gold' not found");
      expect(await fails('POST', old('?externalUserId=u'), undefined, 400)).toBe("Missing required field 'ttlInSecs'");
      expect(await fails('POST', old('?ttlInSecs=ten&externalUserId=u'), undefined, 400)).toMatch(/'ttlInSecs'.*'ten'/);
      expect(await fails('POST', old('?ttlInSecs=0&externalUserId=u'), undefined, 400)).toMatch(/'ttlInSecs'/);
      expect(await fails('POST', old('?ttlInSecs=600'), undefined, 400)).toBe("Missing required field 'externalUserId'");
      expect(s.writes.links).toBe(0);
    });

    test("websdkLinkRoute: 'old' → the new route answers 404; 'new' → the old one does", async () => {
      const oldUrl = '/resources/sdkIntegrations/levels/basic-kyc-level/websdkLink?ttlInSecs=600&externalUserId=u';
      await startWith({ websdkLinkRoute: 'old' });
      expect(await fails('POST', LINK, link(), 404)).toBe('Not found');
      await ok('POST', oldUrl);
      await startWith({ websdkLinkRoute: 'new' });
      expect(await fails('POST', oldUrl, undefined, 404)).toBe('Not found');
      await ok('POST', LINK, link());
      expect(s.issuedLinks.map((l) => l.route)).toEqual(['new']);
    });
  });

  describe('POST /resources/accessTokens/sdk', () => {
    const token = (extra = {}) => ({ userId: 'recruitee-47628534', levelName: 'id-and-liveness', ttlInSecs: 600, ...extra });

    test('{token, userId}, recorded', async () => {
      const res = await ok('POST', TOKEN, token({ applicantIdentifiers: { email: 'ada@example.test' } }));
      expect(res).toEqual({ token: expect.stringMatching(/^_act-sbx-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/), userId: 'recruitee-47628534' });
      expect(s.issuedTokens).toEqual([
        { token: res.token, userId: 'recruitee-47628534', levelName: 'id-and-liveness', ttlInSecs: 600, applicantIdentifiers: { email: 'ada@example.test' }, createdAt: T0 + 1000, expiresAt: T0 + 1000 + 600000 },
      ]);
      expect((await ok('POST', TOKEN, token())).token).not.toBe(res.token);
      expect(s.writes.tokens).toBe(2);
    });

    test.each([
      ['no userId', 400, token({ userId: undefined }), /'userId'/],
      ['no levelName', 400, token({ levelName: undefined }), /'levelName'/],
      ['unknown level', 404, token({ levelName: 'gold' }), /Level 'gold' not found/],
      ['no ttlInSecs', 400, token({ ttlInSecs: undefined }), /'ttlInSecs'/],
      ['ttlInSecs 0', 400, token({ ttlInSecs: 0 }), /'ttlInSecs'/],
      ['bad identifier phone', 400, token({ applicantIdentifiers: { phone: 'x' } }), /'applicantIdentifiers\.phone'/],
    ])('%s → %i', async (_name, status, body, description) => {
      expect(await fails('POST', TOKEN, body, status)).toMatch(description);
      expect(s.issuedTokens).toEqual([]);
    });

    test('not JSON → 415', async () => {
      await fails('POST', TOKEN, token(), 415, { contentType: 'application/x-www-form-urlencoded' });
    });
  });

  describe('routing', () => {
    test('a known path with another method → 405; unknown paths → 404', async () => {
      const a = await create(ada());
      await fails('GET', '/resources/applicants', undefined, 405);
      await fails('POST', `/resources/applicants/${a.id}/one`, {}, 405);
      await fails('GET', `/resources/applicants/${a.id}/reset`, undefined, 405);
      await fails('GET', TOKEN, undefined, 405);
      await fails('DELETE', `/resources/applicants/${a.id}/one`, undefined, 405);
      await fails('GET', `/resources/applicants/${a.id}`, undefined, 404);
      await fails('POST', '/resources/applicants/-/levels', {}, 405);
      expect((await get('/resources/status/api')).ok).toBe(1);
    });
  });

  describe('signatures over POST bodies', () => {
    test('the body is part of the signature: changed after signing → 401 4003, nothing created', async () => {
      const sent = JSON.stringify(ada());
      const signed = JSON.stringify(ada({ externalUserId: 'someone-else' }));
      const res = await call('POST', CREATE, sent, { signedBody: signed });
      expect(res).toEqual({
        status: 401,
        json: { description: 'Request signature mismatch', code: 401, correlationId: expect.any(String), errorCode: 4003, errorName: 'app-token-signature-mismatch' },
      });
      // signed without the body
      expect((await call('POST', CREATE, sent, { signedBody: '' })).json.errorCode).toBe(4003);
      // re-serialised after signing (same JSON value, other bytes)
      expect((await call('POST', CREATE, JSON.stringify(ada(), null, 2), { signedBody: sent })).json.errorCode).toBe(4003);
      // the query is signed too
      expect((await call('POST', CREATE, sent, { signedUrl: '/resources/applicants?levelName=id-and-liveness' })).json.errorCode).toBe(4003);
      expect(s.applicants).toEqual([]);
      expect(s.writes.applicantsCreated).toBe(0);
    });

    test('the exact bytes as sent are what is verified: whitespace and non-ASCII text pass when signed as sent', async () => {
      const sent = `{ "externalUserId" : "zoë-${'ü'.repeat(3)}",\n  "fixedInfo": {"firstName": "Zoë"} }`;
      const a = await ok('POST', CREATE, sent);
      expect([a.externalUserId, a.fixedInfo.firstName]).toEqual(['zoë-üüü', 'Zoë']);
      for (const [url, body] of [
        [LINK, { levelName: 'basic-kyc-level', userId: 'u', ttlInSecs: 60 }],
        [TOKEN, { levelName: 'basic-kyc-level', userId: 'u', ttlInSecs: 60 }],
        [`/resources/applicants/${a.id}/reset`, undefined],
      ]) {
        expect((await call('POST', url, body, { signedBody: JSON.stringify({ other: 1 }) })).json.errorCode).toBe(4003);
        await ok('POST', url, body);
      }
      expect(s.writes).toEqual({ applicantsCreated: 1, resets: 1, links: 1, tokens: 1 });
    });

    test('the other authentication failures hold for POST routes', async () => {
      expect((await call('POST', CREATE, ada(), { headers: { 'X-App-Token': 'sbx:other' } })).json.errorCode).toBe(4001);
      const stale = s.signedHeaders(CREATE, { method: 'POST', body: JSON.stringify(ada()), ts: Math.floor(Date.now() / 1000) - 120 });
      expect((await call('POST', CREATE, ada(), { headers: stale })).json.errorCode).toBe(4004);
      expect((await call('POST', CREATE, ada(), { headers: { 'X-App-Access-Sig': '' } })).json.errorCode).toBe(4000);
      expect(s.applicants).toEqual([]);
    });
  });

  describe('postRateLimit', () => {
    test('POSTs beyond the limit → 429 (counted); GETs are not counted by it', async () => {
      await startWith({ postRateLimit: { max: 3, windowMs: 60000 } });
      for (let i = 0; i < 3; i++) await create({ externalUserId: `u${i}` });
      for (let i = 0; i < 5; i++) await get('/resources/applicants/-/levels');
      expect(await fails('POST', CREATE, { externalUserId: 'u3' }, 429)).toBe('Too many requests');
      expect(await fails('POST', TOKEN, { userId: 'u', levelName: 'basic-kyc-level', ttlInSecs: 60 }, 429)).toBe('Too many requests');
      expect([s.postRateLimited(), s.rateLimited(), s.applicants.length]).toEqual([2, 0, 3]);
    });

    test('the window slides', async () => {
      await startWith({ postRateLimit: { max: 2, windowMs: 300 } });
      await create({ externalUserId: 'a' });
      await create({ externalUserId: 'b' });
      await fails('POST', CREATE, { externalUserId: 'c' }, 429);
      await new Promise((r) => setTimeout(r, 350));
      await create({ externalUserId: 'c' });
      expect(s.postRateLimited()).toBe(1);
    });

    test('rateLimit counts every request but POSTs', async () => {
      await startWith({ rateLimit: { max: 2, windowMs: 60000 } });
      for (let i = 0; i < 4; i++) await create({ externalUserId: `u${i}` });
      await get('/resources/applicants/-/levels');
      await get('/resources/status/api');
      await fails('GET', '/resources/status/api', undefined, 429);
      expect([s.rateLimited(), s.postRateLimited()]).toEqual([1, 0]);
    });

    test('a bad postRateLimit makes start reject', async () => {
      await expect(sumsub.start({ events: 10, postRateLimit: { max: 5 } })).rejects.toThrow(TypeError);
    });
  });

  describe('faults after the write', () => {
    test('create answered by a reset after the write: the applicant exists; a retry gets 409 with its id', async () => {
      s.inject({ method: 'POST', path: '/resources/applicants', after: true, mode: 'reset' });
      await expect(call('POST', CREATE, ada())).rejects.toThrow();
      expect(s.applicants).toHaveLength(1);
      const [a] = s.applicants;
      expect(s.requests.at(-1)).toMatchObject({ method: 'POST', applied: true, injected: true, fault: 'reset', status: null });
      expect(s.writes.applicantsCreated).toBe(1);
      expect(await fails('POST', CREATE, ada(), 409)).toBe(`Applicant with external user id '${a.externalUserId}' already exists: ${a.id}`);
      expect(await get(`/resources/applicants/-;externalUserId=${a.externalUserId}/one`)).toEqual(a);
    });

    test('create answered by a 502 or cut off after the write; a fault before the write creates nothing', async () => {
      s.inject({ method: 'POST', path: '/resources/applicants', after: true, status: 502 });
      expect((await call('POST', CREATE, ada())).status).toBe(502);
      s.inject({ method: 'POST', path: '/resources/applicants', mode: 'truncate' });
      await expect(call('POST', CREATE, ada({ externalUserId: 'b' }))).rejects.toThrow();
      s.inject({ method: 'POST', path: '/resources/applicants', status: 503 });
      expect((await call('POST', CREATE, ada({ externalUserId: 'c' }))).status).toBe(503);
      expect(s.applicants.map((a) => a.externalUserId)).toEqual(['recruitee-47628534', 'b']);
    });

    test('links, tokens and resets after-faulted took effect too', async () => {
      const a = await create(ada());
      s.inject({ method: 'POST', path: LINK, after: true, status: 504 });
      s.inject({ method: 'POST', path: TOKEN, after: true, mode: 'reset' });
      s.inject({ method: 'POST', path: `/resources/applicants/${a.id}/reset`, after: true, status: 502 });
      expect((await call('POST', LINK, { levelName: 'basic-kyc-level', userId: 'u', ttlInSecs: 60 })).status).toBe(504);
      await expect(call('POST', TOKEN, { levelName: 'basic-kyc-level', userId: 'u', ttlInSecs: 60 })).rejects.toThrow();
      expect((await call('POST', `/resources/applicants/${a.id}/reset`)).status).toBe(502);
      expect(s.writes).toEqual({ applicantsCreated: 1, resets: 1, links: 1, tokens: 1 });
    });
  });

  describe('drivers', () => {
    test('addApplicant seeds without a request (not counted); same checks as the route', async () => {
      const a = s.addApplicant({ externalUserId: 'seeded', email: 'seed@example.test' });
      expect(a).toMatchObject({ externalUserId: 'seeded', levelName: 'basic-kyc-level', review: { reviewStatus: 'init' } });
      expect(await get(`/resources/applicants/${a.id}/one`)).toEqual(a);
      expect(s.writes.applicantsCreated).toBe(0);
      expect(() => s.addApplicant({ externalUserId: 'seeded' })).toThrow(/already exists/);
      expect(() => s.addApplicant({ externalUserId: 'x', levelName: 'gold' })).toThrow(/Level 'gold' not found/);
      expect(() => s.addApplicant({ externalUserId: 'x', fixedInfo: { dob: '1990-13-01' } })).toThrow(TypeError);
      await fails('POST', CREATE, { externalUserId: 'seeded' }, 409);
    });

    test('applicants is the live list; lookups miss with undefined', async () => {
      const list = s.applicants;
      await create(ada());
      expect(list).toHaveLength(1);
      expect(s.applicantById('nope')).toBeUndefined();
      expect(s.applicantByExternalUserId('nope')).toBeUndefined();
    });

    test('same calls, same ids (seeded)', async () => {
      const first = await create(ada());
      await startWith();
      const second = await create(ada());
      expect(second).toEqual(first);
    });

    test.each([
      ['createStatus', 204],
      ['unknownLevel', 422],
      ['duplicateExternalUserId', 422],
      ['resetRefusal', 403],
      ['websdkLinkRoute', 'legacy'],
      ['levelsRoute', 'yes'],
      ['coerceScalars', 1],
    ])('a bad %s makes start reject', async (option, value) => {
      await expect(sumsub.start({ events: 10, [option]: value })).rejects.toThrow(new RegExp(`option ${option}`));
    });
  });
});
