'use strict';
// The Recruitee sandbox's write routes: every route's answer and errors, the switches for what
// Recruitee does not document, multipart uploads, faults after the write, and reads that see writes.
const recruitee = require('./recruitee');

/** Key structure of a JSON value (key order included): scalars and null are '·', arrays shown by their first object. */
function shape(v) {
  if (Array.isArray(v)) return v.length && v[0] && typeof v[0] === 'object' ? [shape(v[0])] : [];
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shape(x)]));
  return '·';
}

const JOB = 1209655; // Senior Marketer (Sample): default pipeline, stages 8176668..8176675
const JOB2 = 1209656; // Recruiter (Sample): no interview stage
const POOL = 1209653; // a talent pool
const FIRST = 8176668; // Referred, first stage of JOB
const APPLIED = 8176670;
const ONSITE = 8176672;

/** A client for one sandbox. */
function clientOf(getSandbox) {
  async function call(method, path, body, headers = {}) {
    const r = getSandbox();
    const init = { method, headers: { authorization: `Bearer ${r.token}`, ...headers } };
    if (body instanceof FormData || typeof body === 'string' || Buffer.isBuffer(body)) init.body = body;
    else if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers['content-type'] = 'application/json';
    }
    const res = await fetch(r.baseUrl + path, init);
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, json: text ? JSON.parse(text) : undefined };
  }
  async function ok(method, path, body, status = 200) {
    const res = await call(method, path, body);
    expect([res.status, res.json]).toEqual([status, expect.anything()]);
    return res.json;
  }
  return { call, ok, get: (path) => ok('GET', path) };
}

describe('Recruitee sandbox writes', () => {
  /** @type {Awaited<ReturnType<typeof recruitee.start>>} */
  let r;
  const { call, ok, get } = clientOf(() => r);
  const create = (candidate, offers, status = 201) => ok('POST', '/candidates', { candidate, ...(offers && { offers }) }, status);
  const search = async (filters) => (await get(`/search/new/candidates?limit=10000&filters_json=${encodeURIComponent(JSON.stringify(filters))}`)).hits;

  beforeEach(async () => {
    // a second per write: entries of one second are in _id order (as generated), not in the order written
    let t = Date.parse('2026-11-21T00:00:00Z');
    r = await recruitee.start({ candidates: 200, auditLogEntries: 200, clock: () => (t += 1000) });
  });
  afterEach(async () => r.close());

  describe('candidates', () => {
    test('POST /candidates: 201 {candidate} in the detail shape, one placement per offer in its first stage', async () => {
      const before = (await get(`/offers/${JOB}`)).offer;
      const { candidate: c } = await create(
        {
          name: '  Ada Lovelace ',
          emails: ['Ada@Example.test'],
          phones: ['+44 20 7946 0000', ''],
          links: ['https://ada.example.test'],
          social_links: ['https://www.linkedin.com/in/ada'],
          sources: ['n8n'],
          tags: ['Mathematics', 'Sales'],
          cover_letter: 'Dear team,',
          remote_cv_url: 'https://files.example.test/ada.pdf',
          favourite_colour: 'green', // unknown keys are ignored
        },
        [JOB, String(POOL), JOB],
      );
      expect(shape(c)).toEqual(shape((await get('/candidates/47628534')).candidate));
      expect(c).toMatchObject({
        name: 'Ada Lovelace',
        initials: 'AL',
        emails: ['Ada@Example.test'],
        phones: ['+44 20 7946 0000'],
        links: ['https://ada.example.test'],
        social_links: ['https://www.linkedin.com/in/ada'],
        sources: ['n8n'],
        tags: ['Mathematics', 'Sales'],
        cover_letter: 'Dear team,',
        cv_url: 'https://files.example.test/ada.pdf',
        admin_id: 322453,
        source: 'manual',
      });
      expect(c).not.toHaveProperty('favourite_colour');
      expect(c.placements.map((p) => [p.offer_id, p.stage_id, p.candidate_id])).toEqual([
        [JOB, FIRST, c.id],
        [POOL, null, c.id],
      ]);
      expect(r.candidateById(c.id)).toBe(r.data.index.candidateById.get(c.id));
      expect(r.writes).toMatchObject({ candidatesCreated: 1, placementsCreated: 2 });

      // reads see it
      expect((await get(`/candidates/${c.id}`)).candidate).toEqual(c);
      expect((await get('/candidates?limit=1')).candidates[0].id).toBe(c.id);
      expect((await get('/candidates?query=ada%40example.test')).candidates.map((x) => x.id)).toEqual([c.id]);
      expect((await get('/candidates?query=ADA%40EXAMPLE.TEST')).candidates.map((x) => x.id)).toEqual([c.id]);
      expect((await get(`/candidates?offer_id=${JOB}&limit=10000`)).candidates.map((x) => x.id)).toContain(c.id);
      expect((await search([{ field: 'all', query: 'ada@example.test' }])).map((h) => h.id)).toEqual([c.id]);
      expect((await search([{ field: 'all', query: 'mathematics' }])).map((h) => h.id)).toEqual([c.id]);
      const mathsTag = r.data.tags.find((t) => t.name === 'Mathematics');
      expect(mathsTag.id).toBe(21); // a new company tag, after the generated 20
      expect((await search([{ filter: 'tags', id: { in: [mathsTag.id] } }])).map((h) => h.id)).toEqual([c.id]);
      const hit = (await search([{ field: 'all', query: 'lovelace' }]))[0];
      expect(hit).toMatchObject({ tags: ['Mathematics', 'Sales'], sources: ['n8n'], placements: [{ stage: { id: FIRST, name: 'Referred' } }, { stage: null }] });
      const stages = (await get(`/offers/${JOB}/placements`)).stages;
      expect(stages.find((s) => s.id === FIRST).placements).toContainEqual(c.placements[0]);
      const after = (await get(`/offers/${JOB}`)).offer;
      expect([after.candidates_count, after.qualified_candidates_count]).toEqual([before.candidates_count + 1, before.qualified_candidates_count + 1]);
      const entries = (await get('/audit_log?limit=3')).entries;
      expect(entries.map((e) => e.event_name).sort()).toEqual(['Admin assigned candidate to offer', 'Admin assigned candidate to offer', 'Admin created candidate']);
      expect(entries.every((e) => e.actor === 'Ishwar Gautam' && JSON.stringify(e).includes(String(c.id)))).toBe(true);
      expect(r.candidatesByEmail('ada@example.TEST')).toEqual([c]);
    });

    test('GET /candidates?query is a case-insensitive substring of name and emails: an exact address can match others too', async () => {
      const a = (await create({ name: 'One', emails: ['sam@example.test'] })).candidate;
      const b = (await create({ name: 'Two', emails: ['xsam@example.test'] })).candidate;
      const found = (await get('/candidates?query=SAM%40example.test')).candidates.map((x) => x.id);
      expect(found).toEqual([b.id, a.id]);
      expect(r.candidatesByEmail('sam@example.test').map((x) => x.id)).toEqual([a.id]);
    });

    test('candidateCountsByEmail counts candidates per address in one pass: case-insensitive, a candidate once however often it lists the address', async () => {
      await create({ name: 'One', emails: ['sam@example.test'] });
      await create({ name: 'Two', emails: ['SAM@example.test', 'other@example.test'] });
      await create({ name: 'Three', emails: ['xsam@example.test', 'Twice@example.test', 'twice@EXAMPLE.test'] });
      const counts = r.candidateCountsByEmail(['Sam@Example.test', 'twice@example.test', 'nobody@example.test', 'other@example.test']);
      expect([...counts]).toEqual([
        ['Sam@Example.test', 2],
        ['twice@example.test', 1],
        ['nobody@example.test', 0],
        ['other@example.test', 1],
      ]);
      for (const [email, count] of counts) expect(r.candidatesByEmail(email)).toHaveLength(count);
      expect(r.candidateCountsByEmail([])).toEqual(new Map());
    });

    test('POST /candidates: ids, placement ids and timestamps grow; the same calls give the same ids', async () => {
      const a = (await create({ name: 'A' }, [JOB])).candidate;
      const b = (await create({ name: 'B' }, [JOB])).candidate;
      expect(b.id).toBe(a.id + 1);
      expect(b.placements[0].id).toBe(a.placements[0].id + 1);
      expect(b.created_at > a.created_at).toBe(true);
      expect(a.placements).toHaveLength(1);
      const other = await recruitee.start({ candidates: 200, auditLogEntries: 200 });
      try {
        const res = await fetch(`${other.baseUrl}/candidates`, {
          method: 'POST',
          headers: { authorization: `Bearer ${other.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ candidate: { name: 'A' }, offers: [JOB] }),
        });
        expect((await res.json()).candidate.id).toBe(a.id);
      } finally {
        await other.close();
      }
    });

    test('POST /offers/:id/candidates creates straight onto that offer; unknown offer → 404', async () => {
      const { candidate } = await ok('POST', `/offers/${JOB2}/candidates`, { candidate: { name: 'Direct Hire', emails: ['direct@example.test'] }, offers: [JOB] }, 201);
      expect(candidate.placements.map((p) => [p.offer_id, p.stage_id])).toEqual([[JOB2, 8176676]]);
      expect((await call('POST', '/offers/1/candidates', { candidate: { name: 'X' } })).json).toEqual({ error: 'Not found' });
      expect((await call('POST', '/offers/1/candidates', { candidate: { name: 'X' } })).status).toBe(404);
      expect((await call('POST', `/offers/${JOB}/candidates`, { candidate: { name: '' } })).json).toEqual({ errors: ["Name can't be blank"] });
    });

    test('POST /candidates validation: 422 {errors}; bad JSON 400; nothing stored', async () => {
      const count = r.data.candidates.length;
      const bad = async (body, errors) => {
        const res = await call('POST', '/candidates', body);
        expect([res.status, res.json]).toEqual([422, { errors }]);
      };
      await bad({ candidate: { name: ' ' } }, ["Name can't be blank"]);
      await bad({ candidate: {} }, ["Name can't be blank"]);
      await bad({ candidate: { name: 7 } }, ['Name is invalid']);
      await bad({}, ["Candidate can't be blank"]);
      await bad({ candidate: 'Ada' }, ["Candidate can't be blank"]);
      await bad({ candidate: { name: 'A', emails: ['a@example.test', 'not-an-email', 'b@c'] } }, ['Emails is invalid: not-an-email, b@c']);
      await bad({ candidate: { name: 'A', emails: 'a@example.test' } }, ['Emails is invalid']);
      await bad({ candidate: { name: 'A', tags: ['ok', ' '] } }, ['Tags is invalid: a tag is blank']);
      await bad({ candidate: { name: 'A', phones: [5] } }, ['Phones is invalid']);
      await bad({ candidate: { name: 'A', remote_cv_url: 'ftp://x' } }, ['Remote cv url is invalid']);
      await bad({ candidate: { name: 'A', cover_letter: {} } }, ['Cover letter is invalid']);
      await bad({ candidate: { name: 'A' }, offers: [JOB, 1] }, ['Offers is invalid: no offer 1']);
      await bad({ candidate: { name: 'A' }, offers: JOB }, ['Offers is invalid']);
      await bad({ candidate: { name: '' }, offers: ['x'] }, ["Name can't be blank", 'Offers is invalid: no offer "x"']);
      // a body not sent as JSON is not read
      expect((await call('POST', '/candidates', JSON.stringify({ candidate: { name: 'A' } }), { 'content-type': 'text/plain' })).status).toBe(422);
      const malformed = await call('POST', '/candidates', '{"candidate":', { 'content-type': 'application/json' });
      expect([malformed.status, malformed.json]).toEqual([400, { error: 'Malformed JSON body' }]);
      expect(r.data.candidates).toHaveLength(count);
      expect(r.writes.candidatesCreated).toBe(0);
    });

    test('PATCH /candidates/:id changes only the fields sent; 404 for unknown ids', async () => {
      const { candidate: c } = await create({ name: 'Grace Hopper', emails: ['grace@example.test'], phones: ['1'], tags: ['Navy'] }, [JOB]);
      const { candidate: u } = await ok('PATCH', `/candidates/${c.id}`, { candidate: { name: 'Grace B. Hopper', emails: ['hopper@example.test'], unknown: 1 } });
      expect(u).toMatchObject({ id: c.id, name: 'Grace B. Hopper', initials: 'GB', emails: ['hopper@example.test'], phones: ['1'], tags: ['Navy'] });
      expect(u.updated_at > c.created_at).toBe(true);
      expect((await get(`/candidates/${c.id}`)).candidate).toEqual(u);
      expect((await get('/candidates?query=hopper%40example.test')).candidates.map((x) => x.id)).toEqual([c.id]);
      expect((await get('/candidates?query=grace%40example.test')).candidates).toEqual([]);
      expect((await search([{ field: 'all', query: 'grace b. hopper' }])).map((h) => h.id)).toEqual([c.id]);
      expect((await ok('PATCH', `/candidates/${c.id}`, { candidate: {} })).candidate.name).toBe('Grace B. Hopper');
      expect((await ok('PATCH', `/candidates/${c.id}`, { candidate: { cover_letter: null, phones: null } })).candidate).toMatchObject({ cover_letter: null, phones: [] });
      const bad = await call('PATCH', `/candidates/${c.id}`, { candidate: { name: '', emails: ['x'] } });
      expect([bad.status, bad.json]).toEqual([422, { errors: ["Name can't be blank", 'Emails is invalid: x'] }]);
      expect((await call('PATCH', `/candidates/${c.id}`, { name: 'flat' })).json).toEqual({ errors: ["Candidate can't be blank"] });
      for (const id of ['1', 'abc']) {
        const res = await call('PATCH', `/candidates/${id}`, { candidate: { name: 'X' } });
        expect([res.status, res.json]).toEqual([404, { error: 'Not found' }]);
      }
      expect(r.writes.candidatesUpdated).toBe(3);
    });

    test('PATCH tags, tagsOnPatch "replace" (default): the list sent is the new list', async () => {
      const { candidate: c } = await create({ name: 'T', tags: ['Sales', 'Remote'] });
      expect((await ok('PATCH', `/candidates/${c.id}`, { candidate: { tags: ['Python'] } })).candidate.tags).toEqual(['Python']);
      expect((await search([{ field: 'all', query: 'remote' }])).map((h) => h.id)).not.toContain(c.id);
      expect((await ok('PATCH', `/candidates/${c.id}`, { candidate: { tags: [] } })).candidate.tags).toEqual([]);
    });

    test('DELETE /candidates/:id: 200 with the candidate as it was; gone from every read; 404 after', async () => {
      const { candidate: c } = await create({ name: 'Gone Soon', emails: ['gone@example.test'] }, [JOB]);
      const before = (await get(`/offers/${JOB}`)).offer;
      const del = await ok('DELETE', `/candidates/${c.id}`);
      expect(del).toEqual({ candidate: c });
      expect((await call('GET', `/candidates/${c.id}`)).status).toBe(404);
      expect((await call('DELETE', `/candidates/${c.id}`)).status).toBe(404);
      expect((await call('GET', `/candidates/${c.id}/notes`)).status).toBe(404);
      expect((await get('/candidates?query=gone%40example.test')).candidates).toEqual([]);
      expect(await search([{ field: 'all', query: 'gone soon' }])).toEqual([]);
      expect((await get(`/offers/${JOB}`)).offer.candidates_count).toBe(before.candidates_count - 1);
      expect(r.candidateById(c.id)).toBeUndefined();
      expect(r.placementsOf(c.id)).toEqual([]);
      const entry = (await get('/audit_log?limit=1')).entries[0];
      expect(entry).toMatchObject({ event_name: 'Admin deleted candidate', candidate: { id: c.id, name: 'Gone Soon', emails: ['gone@example.test'] } });
      expect(entry.details.offers.map((o) => o.id)).toEqual([JOB]);
      // the id stays taken
      expect((await create({ name: 'Next' })).candidate.id).toBe(c.id + 1);
      expect(r.writes.candidatesDeleted).toBe(1);
    });

    test('405 with Allow for a method a path does not take; wrong company and token as on the reads', async () => {
      const res = await call('PUT', '/candidates/47628534', { candidate: { name: 'X' } });
      expect([res.status, res.json, res.headers.get('allow')]).toEqual([405, { error: 'Method not allowed' }, 'GET, PATCH, DELETE']);
      expect((await call('POST', '/audit_log')).headers.get('allow')).toBe('GET');
      expect((await call('POST', '/nowhere')).status).toBe(404);
      const wrong = async (path, method, body) => {
        const x = await fetch(`${r.url}/c/1${path}`, { method, headers: { authorization: `Bearer ${r.token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
        return [x.status, await x.json()];
      };
      expect(await wrong('/candidates', 'POST', { candidate: { name: 'X' } })).toEqual([422, { error: 'Company id is invalid' }]);
      expect(await wrong('/placements', 'POST', {})).toEqual([403, { errors: ['Forbidden'] }]);
      const anon = await fetch(`${r.baseUrl}/candidates`, { method: 'POST', body: '{}' });
      expect(anon.status).toBe(401);
      expect(r.writes.candidatesCreated).toBe(0);
    });
  });

  describe('notes', () => {
    test('POST and GET /candidates/:id/notes: newest first, 422 for an empty body or a bad level, 404 for unknown candidates', async () => {
      const id = 47628534;
      const a = await ok('POST', `/candidates/${id}/notes`, { note: { body: 'First &amp; <b>bold</b><br>line', visibility: { level: 'private' } } }, 201);
      expect(a).toEqual({ note: { id: 71000001, body: 'First &amp; <b>bold</b><br>line', visibility: { level: 'private' }, created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/), admin_id: 322453, candidate_id: id } });
      const b = await ok('POST', `/candidates/${id}/notes`, { note: { body: 'Second' } }, 201);
      expect(b.note).toMatchObject({ id: 71000002, visibility: { level: 'public' } });
      expect(await get(`/candidates/${id}/notes`)).toEqual({ notes: [b.note, a.note] });
      expect(r.notesOf(id)).toEqual([b.note, a.note]);
      expect((await get(`/candidates/${id}`)).candidate.notes_count).toBe(2);
      expect(await get('/candidates/47318282/notes')).toEqual({ notes: [] });
      const bad = async (body, errors) => expect((await call('POST', `/candidates/${id}/notes`, body)).json).toEqual({ errors });
      await bad({ note: { body: '  ' } }, ["Body can't be blank"]);
      await bad({ note: { body: 'x', visibility: { level: 'team' } } }, ['Visibility is invalid: level must be public or private']);
      await bad({ note: { body: 'x', visibility: 'public' } }, ['Visibility is invalid: level must be public or private']);
      await bad({ body: 'x' }, ["Note can't be blank"]);
      expect((await call('POST', `/candidates/${id}/notes`, { note: { body: '' } })).status).toBe(422);
      expect((await call('POST', '/candidates/1/notes', { note: { body: 'x' } })).status).toBe(404);
      expect((await call('GET', '/candidates/1/notes')).status).toBe(404);
      expect(r.writes.notesCreated).toBe(2);
    });
  });

  describe('placements, stages and disqualification', () => {
    test('GET /offers/:id carries pipeline_template.stages; GET /offers/:id/placements groups placements by stage; GET /disqualify_reasons', async () => {
      const offer = (await get(`/offers/${JOB}`)).offer;
      expect(offer.pipeline_template.stages.map((s) => [s.id, s.name, s.category])).toEqual(
        r.data.stages.filter((s) => s.offer_id === JOB).map((s) => [s.id, s.name, s.category]),
      );
      const { stages } = await get(`/offers/${JOB}/placements`);
      expect(stages.map((s) => s.id)).toEqual(offer.pipeline_template.stages.map((s) => s.id));
      expect(Object.keys(stages[0])).toEqual(['id', 'name', 'category', 'placements']);
      const all = r.data.candidates.flatMap((c) => c.placements.filter((p) => p.offer_id === JOB));
      expect(stages.flatMap((s) => s.placements).length).toBe(all.length);
      for (const s of stages) for (const p of s.placements) expect(p.stage_id).toBe(s.id);
      expect(await get(`/offers/${POOL}/placements`)).toEqual({ stages: [] });
      expect((await call('GET', '/offers/1/placements')).status).toBe(404);
      const { disqualify_reasons } = await get('/disqualify_reasons');
      expect(disqualify_reasons[0]).toEqual({ id: 727738, name: 'Not a fit' });
      expect(disqualify_reasons).toHaveLength(7);
    });

    test('POST /placements: first stage or the stage given; 422 when already on the offer, a stage of another pipeline, unknown ids', async () => {
      const { candidate: c } = await create({ name: 'Placed' });
      const { placement: p } = await ok('POST', '/placements', { candidate_id: c.id, offer_id: JOB }, 201);
      expect(shape(p)).toEqual(shape(r.data.index.candidateById.get(47628534).placements[0]));
      expect(p).toMatchObject({ candidate_id: c.id, offer_id: JOB, stage_id: FIRST });
      const { placement: q } = await ok('POST', '/placements', { candidate_id: String(c.id), offer_id: JOB2, stage_id: 8176678 }, 201);
      expect(q.stage_id).toBe(8176678);
      expect((await ok('POST', '/placements', { candidate_id: c.id, offer_id: POOL }, 201)).placement.stage_id).toBeNull();
      expect(r.placementsOf(c.id).map((x) => x.offer_id)).toEqual([JOB, JOB2, POOL]);
      expect((await get(`/candidates/${c.id}`)).candidate.placements).toEqual(r.placementsOf(c.id));
      expect((await get('/audit_log?limit=1')).entries[0]).toMatchObject({ event_name: 'Admin assigned candidate to offer', offer: { id: POOL } });
      const bad = async (body, errors) => {
        const res = await call('POST', '/placements', body);
        expect([res.status, res.json]).toEqual([422, { errors }]);
      };
      await bad({ candidate_id: c.id, offer_id: JOB }, ['Offer has already been taken: the candidate is on this offer']);
      const other = (await create({ name: 'Other' })).candidate;
      await bad({ candidate_id: other.id, offer_id: JOB, stage_id: 8176678 }, [`Stage is invalid: not a stage of offer ${JOB}`]);
      await bad({ candidate_id: other.id, offer_id: POOL, stage_id: FIRST }, [`Stage is invalid: not a stage of offer ${POOL}`]);
      await bad({ candidate_id: 1, offer_id: 2 }, ['Candidate is invalid', 'Offer is invalid']);
      await bad({}, ["Candidate can't be blank", "Offer can't be blank"]);
      expect(r.placementsOf(other.id)).toEqual([]);
      expect(r.writes.placementsCreated).toBe(3);
    });

    test('PATCH /placements/:id/change_stage with {stage_id} or {placement:{stage_id}}: moved everywhere, with the audit entry of moveCandidate', async () => {
      const { candidate: c } = await create({ name: 'Mover', emails: ['mover@example.test'] }, [JOB]);
      const pid = c.placements[0].id;
      const { placement } = await ok('PATCH', `/placements/${pid}/change_stage`, { stage_id: APPLIED });
      expect(placement).toMatchObject({ id: pid, stage_id: APPLIED, offer_id: JOB });
      const entry = (await get('/audit_log?limit=1')).entries[0];
      expect(entry).toMatchObject({
        event_name: 'Admin changed candidate stage',
        actor: 'Ishwar Gautam',
        admin: { id: 322453 },
        details: { previous_stage: { id: FIRST, name: 'Referred' }, stage: { id: APPLIED, name: 'Applied' }, placement: { id: pid, candidate_id: c.id, stage_id: APPLIED } },
      });
      const sample = r.moveCandidate(c.id, { offerId: JOB, stageName: 'Evaluation' });
      expect(shape(entry)).toEqual(shape(sample));
      const again = await ok('PATCH', `/placements/${pid}/change_stage`, { placement: { stage_id: String(ONSITE) } });
      expect(again.placement.stage_id).toBe(ONSITE);
      expect((await search([{ filter: 'stages', name: { in: ['On-site interview'] } }])).map((h) => h.id)).toContain(c.id);
      expect((await get(`/offers/${JOB}/placements`)).stages.find((s) => s.id === ONSITE).placements.map((p) => p.id)).toContain(pid);
      // the same stage again: 200, no change, no entry
      const total = (await get('/audit_log?limit=1')).total;
      expect((await ok('PATCH', `/placements/${pid}/change_stage`, { stage_id: ONSITE })).placement.stage_id).toBe(ONSITE);
      expect((await get('/audit_log?limit=1')).total).toBe(total);
      expect(r.writes.stageChanges).toBe(2);
      const bad = async (body, errors) => expect((await call('PATCH', `/placements/${pid}/change_stage`, body)).json).toEqual({ errors });
      await bad({}, ["Stage can't be blank"]);
      await bad({ stage_id: 8176678 + 100 }, [`Stage is invalid: not a stage of offer ${JOB}`]);
      expect((await call('PATCH', '/placements/1/change_stage', { stage_id: APPLIED })).status).toBe(404);
    });

    test('disqualify and requalify: filters, counters, audit entries; unknown reason 422', async () => {
      const { candidate: c } = await create({ name: 'Disq Ualified' }, [JOB]);
      const pid = c.placements[0].id;
      const before = (await get(`/offers/${JOB}`)).offer;
      const { placement } = await ok('PATCH', `/placements/${pid}/disqualify`, { disqualify_reason_id: 727740 });
      expect(placement).toMatchObject({ id: pid, disqualify_kind: 'admin', disqualify_reason: 'Underqualified' });
      expect(Object.keys(placement).slice(0, 4)).toEqual(['candidate_id', 'created_at', 'disqualify_kind', 'disqualify_reason']);
      const dq = (await get('/audit_log?limit=1')).entries[0];
      expect(dq).toMatchObject({ event_name: 'Admin disqualified candidate', actor: 'Ishwar Gautam', details: { disqualify_reason: { id: 727740, name: 'Underqualified' }, placement: { id: pid } } });
      expect((await get('/candidates?disqualified=true&limit=10000')).candidates.map((x) => x.id)).toContain(c.id);
      expect((await search([{ field: 'status', in: ['disqualified'] }])).map((h) => h.id)).toContain(c.id);
      expect((await get(`/offers/${JOB}`)).offer.disqualified_candidates_count).toBe(before.disqualified_candidates_count + 1);
      // same reason again: no change, no entry
      const total = (await get('/audit_log?limit=1')).total;
      await ok('PATCH', `/placements/${pid}/disqualify`, { disqualify_reason_id: '727740' });
      expect((await get('/audit_log?limit=1')).total).toBe(total);

      const bad = async (body, errors) => expect((await call('PATCH', `/placements/${pid}/disqualify`, body)).json).toEqual({ errors });
      await bad({ disqualify_reason_id: 1 }, ['Disqualify reason is invalid']);
      await bad({}, ["Disqualify reason can't be blank"]);

      const re = await ok('PATCH', `/placements/${pid}/requalify`);
      expect(re.placement).not.toHaveProperty('disqualify_kind');
      expect(re.placement).not.toHaveProperty('disqualify_reason');
      const rq = (await get('/audit_log?limit=1')).entries[0];
      expect(rq).toMatchObject({ event_name: 'Admin requalified candidate', actor: 'Ishwar Gautam', admin: { id: 322453 }, details: { admin: { id: 322453 }, placement: { id: pid, candidate_id: c.id } } });
      expect((await get('/candidates?qualified=true&limit=10000')).candidates.map((x) => x.id)).toContain(c.id);
      expect((await get(`/offers/${JOB}`)).offer.disqualified_candidates_count).toBe(before.disqualified_candidates_count);
      await ok('PATCH', `/placements/${pid}/requalify`); // already qualified: no entry
      expect((await get('/audit_log?limit=1')).entries[0]._id).toBe(rq._id);
      expect(r.writes).toMatchObject({ disqualifications: 1, requalifications: 1 });
      expect((await call('PATCH', '/placements/1/disqualify', { disqualify_reason_id: 727738 })).status).toBe(404);
      expect((await call('PATCH', '/placements/1/requalify')).status).toBe(404);
    });

    test('DELETE /placements/:id: 200 with the placement as it was; the audit entry; counters', async () => {
      const { candidate: c } = await create({ name: 'Leaving' }, [JOB, JOB2]);
      const [p] = c.placements;
      const before = (await get(`/offers/${JOB}`)).offer;
      expect(await ok('DELETE', `/placements/${p.id}`)).toEqual({ placement: p });
      expect(r.placementsOf(c.id).map((x) => x.offer_id)).toEqual([JOB2]);
      expect((await get(`/candidates?offer_id=${JOB}&limit=10000`)).candidates.map((x) => x.id)).not.toContain(c.id);
      expect((await get(`/offers/${JOB}`)).offer.candidates_count).toBe(before.candidates_count - 1);
      expect((await get('/audit_log?limit=1')).entries[0]).toMatchObject({ event_name: 'Admin deassigned candidate from offer', details: { placement: { id: p.id } } });
      expect((await call('DELETE', `/placements/${p.id}`)).status).toBe(404);
      expect((await call('PATCH', `/placements/${p.id}/change_stage`, { stage_id: APPLIED })).status).toBe(404);
      // back on the offer: a new placement
      expect((await ok('POST', '/placements', { candidate_id: c.id, offer_id: JOB }, 201)).placement.id).not.toBe(p.id);
      expect(r.writes.placementsDeleted).toBe(1);
    });

    test('a generated candidate: its placements can be moved, disqualified and removed too', async () => {
      const c = r.data.candidates.find((x) => x.placements.some((p) => p.stage_id !== null && p.disqualify_kind === undefined));
      const p = c.placements.find((x) => x.stage_id !== null && x.disqualify_kind === undefined);
      const target = r.data.stages.find((s) => s.offer_id === p.offer_id && s.id !== p.stage_id);
      expect((await ok('PATCH', `/placements/${p.id}/change_stage`, { stage_id: target.id })).placement.stage_id).toBe(target.id);
      expect((await ok('PATCH', `/placements/${p.id}/disqualify`, { disqualify_reason_id: 727738 })).placement.disqualify_reason).toBe('Not a fit');
      expect((await ok('DELETE', `/placements/${p.id}`)).placement.id).toBe(p.id);
      expect(r.placementsOf(c.id).map((x) => x.id)).not.toContain(p.id);
    });
  });

  describe('attachments', () => {
    /** Every byte value, plus sequences that look like multipart syntax. */
    const BINARY = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), Buffer.from('\r\n--\r\n\r\n--x--\r\n'), Buffer.alloc(3000, 0xff), Buffer.from([0x0d])]);

    /** A multipart body built by hand (fields: [name, value] or [name, Buffer, filename, type]). */
    function multipart(fields, boundary = 'sandbox-boundary-1234') {
      const chunks = [];
      for (const [name, value, filename, type] of fields) {
        let head = `--${boundary}\r\nContent-Disposition: form-data; name="${name}"`;
        if (filename !== undefined) head += `; filename="${filename}"`;
        head += '\r\n';
        if (type) head += `Content-Type: ${type}\r\n`;
        chunks.push(Buffer.from(`${head}\r\n`), Buffer.isBuffer(value) ? value : Buffer.from(String(value)), Buffer.from('\r\n'));
      }
      chunks.push(Buffer.from(`--${boundary}--\r\n`));
      return { body: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` };
    }
    const upload = (fields, query = '') => {
      const { body, type } = multipart(fields);
      return call('POST', `/attachments${query}`, body, { 'content-type': type });
    };

    test('POST /attachments (fetch FormData): 201 {attachment}, the bytes kept exactly; listed on the candidate', async () => {
      const id = 47628534;
      const form = new FormData();
      form.append('attachment[candidate_id]', String(id));
      form.append('attachment[file]', new Blob([BINARY], { type: 'application/pdf' }), 'CV Jasprit ü.pdf');
      const res = await call('POST', '/attachments', form);
      expect(res.status).toBe(201);
      const a = res.json.attachment;
      expect(a).toEqual({
        id: 72000001,
        candidate_id: id,
        filename: 'CV Jasprit ü.pdf',
        content_type: 'application/pdf',
        size: BINARY.length,
        url: `https://recruitee-main.s3.eu-central-1.amazonaws.com/attachments/72000001/${encodeURIComponent('CV Jasprit ü.pdf')}`,
        created_at: expect.stringMatching(/Z$/),
      });
      expect(r.attachmentBytes(a.id).equals(BINARY)).toBe(true);
      expect(await get(`/candidates/${id}/attachments`)).toEqual({ attachments: [a] });
      expect(r.attachmentsOf(id)).toEqual([a]);
      expect((await get(`/candidates/${id}`)).candidate.attachments_count).toBe(1);
      expect(r.writes.attachmentsCreated).toBe(1);
    });

    test('POST /attachments (hand-built body): binary intact, default content type; field order does not matter', async () => {
      const res = await upload([['attachment[file]', BINARY, 'blob.bin'], ['attachment[candidate_id]', '47318282']]);
      expect(res.status).toBe(201);
      expect(res.json.attachment).toMatchObject({ candidate_id: 47318282, content_type: 'application/octet-stream', size: BINARY.length, filename: 'blob.bin' });
      expect(r.attachmentBytes(res.json.attachment.id)).toEqual(BINARY);
      const empty = await upload([['attachment[file]', Buffer.alloc(0), 'empty.txt', 'text/plain'], ['attachment[candidate_id]', '47318282']]);
      expect(empty.json.attachment).toMatchObject({ size: 0, content_type: 'text/plain' });
    });

    test('a bare "file" field → 500 (as the real API); candidate_id only in the query → an orphan; errors', async () => {
      const bare = await upload([['file', BINARY, 'cv.pdf', 'application/pdf'], ['attachment[candidate_id]', '47628534']]);
      expect([bare.status, bare.json]).toEqual([500, { error: 'Internal server error' }]);
      const orphan = await upload([['attachment[file]', Buffer.from('%PDF-1.4'), 'cv.pdf', 'application/pdf']], '?candidate_id=47628534&attachment%5Bcandidate_id%5D=47628534');
      expect(orphan.status).toBe(201);
      expect(orphan.json.attachment.candidate_id).toBeNull();
      expect(r.orphanAttachments()).toEqual([orphan.json.attachment]);
      expect(r.attachmentsOf(47628534)).toEqual([]);
      const bad = async (fields, errors, status = 422) => {
        const res = await upload(fields);
        expect([res.status, res.json]).toEqual([status, { errors }]);
      };
      await bad([['attachment[candidate_id]', '47628534']], ["File can't be blank"]);
      await bad([['attachment[file]', 'just text'], ['attachment[candidate_id]', '47628534']], ["File can't be blank"]);
      await bad([['attachment[file]', BINARY, 'x.bin'], ['attachment[candidate_id]', '1']], ['Candidate is invalid']);
      const json = await call('POST', '/attachments', { attachment: { candidate_id: 47628534 } });
      expect([json.status, json.json]).toEqual([422, { errors: ["File can't be blank"] }]);
      const cut = multipart([['attachment[file]', BINARY, 'x.bin']]);
      const malformed = await call('POST', '/attachments', cut.body.subarray(0, 300), { 'content-type': cut.type });
      expect([malformed.status, malformed.json]).toEqual([400, { error: 'Malformed multipart body: no closing boundary' }]);
      expect(r.writes.attachmentsCreated).toBe(1);
    });

    test('PATCH /candidates/:id/set_as_cv/:attachment_id: the CV is a new attachment id, the old one is gone', async () => {
      const id = 47628534;
      const up = await upload([['attachment[file]', BINARY, 'cv.pdf', 'application/pdf'], ['attachment[candidate_id]', String(id)]]);
      const old = up.json.attachment;
      const { candidate } = await ok('PATCH', `/candidates/${id}/set_as_cv/${old.id}`);
      const cv = r.cvOf(id);
      expect(cv.id).not.toBe(old.id);
      expect(cv).toMatchObject({ candidate_id: id, filename: 'cv.pdf', content_type: 'application/pdf', size: BINARY.length });
      expect(candidate).toMatchObject({ id, cv_url: cv.url, cv_original_url: cv.url, attachments_count: 1 });
      expect(shape(candidate)).toEqual(shape((await get('/candidates/47318282')).candidate));
      expect(await get(`/candidates/${id}/attachments`)).toEqual({ attachments: [cv] });
      expect(r.attachmentBytes(cv.id).equals(BINARY)).toBe(true);
      expect(r.attachmentBytes(old.id)).toBeUndefined();
      expect((await call('PATCH', `/candidates/${id}/set_as_cv/${old.id}`)).status).toBe(404);
      // an orphan can become a candidate's CV; another candidate's attachment cannot
      const orphan = (await upload([['attachment[file]', Buffer.from('o'), 'o.txt']])).json.attachment;
      expect((await ok('PATCH', `/candidates/47318282/set_as_cv/${orphan.id}`)).candidate.cv_url).toBe(r.cvOf(47318282).url);
      expect(r.orphanAttachments()).toEqual([]);
      const theirs = await call('PATCH', `/candidates/47318282/set_as_cv/${cv.id}`);
      expect([theirs.status, theirs.json]).toEqual([422, { errors: ['Attachment is invalid: it belongs to another candidate'] }]);
      expect((await call('PATCH', `/candidates/1/set_as_cv/${cv.id}`)).status).toBe(404);
      expect(r.writes.cvsSet).toBe(2);
    });
  });

  describe('faults on writes', () => {
    test('after: true: the write takes effect, then the client sees a reset; recorded applied and injected', async () => {
      r.inject({ method: 'POST', path: `/c/${r.companyId}/candidates`, mode: 'reset', after: true });
      await expect(call('POST', '/candidates', { candidate: { name: 'Ghost Write', emails: ['ghost@example.test'] } })).rejects.toThrow();
      expect(r.candidatesByEmail('ghost@example.test')).toHaveLength(1);
      const rec = r.requests.at(-1);
      expect(rec).toMatchObject({ method: 'POST', applied: true, injected: true, fault: 'reset', status: null });
      expect(JSON.parse(rec.body)).toEqual({ candidate: { name: 'Ghost Write', emails: ['ghost@example.test'] } });
      expect((await get('/candidates?query=ghost%40example.test')).candidates).toHaveLength(1);
      expect(r.requests.at(-1).applied).toBe(true);
    });

    test('a fault before the handler: nothing written, not applied', async () => {
      r.inject({ method: 'POST', status: 503, headers: { 'retry-after': '0' } });
      const res = await call('POST', '/candidates', { candidate: { name: 'Never', emails: ['never@example.test'] } });
      expect(res.status).toBe(503);
      expect(r.candidatesByEmail('never@example.test')).toEqual([]);
      expect(r.requests.at(-1)).toMatchObject({ injected: true, fault: '503', status: 503 });
      expect(r.requests.at(-1)).not.toHaveProperty('applied');
    });

    test('after-faults: a status, truncate (the handler runs once), and delay then reset (a timeout)', async () => {
      r.inject({ method: 'POST', path: /\/notes$/, status: 502, after: true });
      const res = await call('POST', '/candidates/47628534/notes', { note: { body: 'one' } });
      expect([res.status, res.json]).toEqual([502, { error: 'Bad Gateway' }]);
      expect(r.notesOf(47628534).map((n) => n.body)).toEqual(['one']);

      r.inject({ method: 'POST', path: /\/notes$/, mode: 'truncate', after: true });
      await expect(call('POST', '/candidates/47628534/notes', { note: { body: 'two' } })).rejects.toThrow();
      expect(r.notesOf(47628534).map((n) => n.body)).toEqual(['two', 'one']);
      expect(r.requests.at(-1)).toMatchObject({ applied: true, fault: 'truncate', status: 201 });

      r.inject({ method: 'PATCH', mode: 'reset', delayMs: 300, after: true });
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 50);
      const pid = r.placementsOf(47628534)[0].id;
      await expect(
        fetch(`${r.baseUrl}/placements/${pid}/change_stage`, {
          method: 'PATCH',
          signal: controller.signal,
          headers: { authorization: `Bearer ${r.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ stage_id: 8176676 }),
        }),
      ).rejects.toThrow();
      clearTimeout(timer);
      expect(r.placementsOf(47628534)[0].stage_id).toBe(8176676); // moved although the client gave up
      expect(r.requests.at(-1).applied).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 350));
      expect(r.requests.at(-1)).toMatchObject({ fault: 'reset', status: null });
    });

    test('faultRate with afterShare: seeded; the after-faults wrote, the others did not', async () => {
      r.faultRate({ rate: 0.3, kinds: ['503'], afterShare: 0.5, afterKinds: ['reset', '504'], method: 'POST', seed: 7 });
      const outcomes = [];
      for (let i = 0; i < 60; i++) {
        const email = `rate${i}@example.test`;
        const res = await call('POST', '/candidates', { candidate: { name: `Rate ${i}`, emails: [email] } }).catch(() => ({ status: 'reset' }));
        outcomes.push([res.status, r.candidatesByEmail(email).length]);
      }
      const recs = r.requests.filter((x) => x.method === 'POST');
      const injected = recs.filter((x) => x.injected);
      const after = injected.filter((x) => x.applied);
      expect(injected.length).toBeGreaterThan(5);
      expect(after.length).toBeGreaterThan(0);
      expect(after.length).toBeLessThan(injected.length);
      for (const x of injected) expect(x.applied ? ['reset', '504'] : ['503']).toContain(x.fault);
      for (const [status, stored] of outcomes) expect(stored).toBe(status === 503 ? 0 : 1);
      expect(r.writes.candidatesCreated).toBe(60 - injected.filter((x) => !x.applied).length);
      // the same seed gives the same faults
      const other = await recruitee.start({ candidates: 200, auditLogEntries: 200 });
      try {
        other.faultRate({ rate: 0.3, kinds: ['503'], afterShare: 0.5, afterKinds: ['reset', '504'], method: 'POST', seed: 7 });
        const faults = [];
        for (let i = 0; i < 60; i++) {
          await fetch(`${other.baseUrl}/candidates`, { method: 'POST', headers: { authorization: `Bearer ${other.token}`, 'content-type': 'application/json' }, body: '{}' }).catch(() => null);
          faults.push(other.requests.at(-1).fault);
        }
        expect(faults).toEqual(recs.map((x) => x.fault));
      } finally {
        await other.close();
      }
      expect(() => r.faultRate({ rate: 0.1, afterShare: 2 })).toThrow('afterShare');
      expect(() => r.faultRate({ rate: 0.1, afterKinds: ['boom'] })).toThrow('unknown fault kind boom');
    });

    test('faultRate({after: true}) and unchanged sequences without afterShare', async () => {
      r.faultRate({ rate: 1, kinds: ['reset'], after: true, method: 'POST' });
      await expect(call('POST', '/candidates', { candidate: { name: 'Always After', emails: ['after@example.test'] } })).rejects.toThrow();
      expect(r.candidatesByEmail('after@example.test')).toHaveLength(1);
      // without afterShare the rng is drawn exactly as before: same faults as a plain faultRate
      const plain = require('./kit').createFaults(3);
      plain.faultRate({ rate: 0.5, kinds: ['429', '503', 'reset'] });
      const shared = require('./kit').createFaults(3);
      shared.faultRate({ rate: 0.5, kinds: ['429', '503', 'reset'], afterShare: 0 });
      const rec = { method: 'GET', path: '/x' };
      const seq = (f) => Array.from({ length: 50 }, () => JSON.stringify(f.take(rec)));
      const a = seq(plain);
      expect(seq(shared)).toEqual(a);
      expect(a.filter((x) => x !== 'null').length).toBeGreaterThan(10);
      expect(a.some((x) => x.includes('"after"'))).toBe(false);
    });
  });
});

describe('Recruitee sandbox write switches', () => {
  /** @type {Awaited<ReturnType<typeof recruitee.start>>} */
  let r;
  const { call, ok } = clientOf(() => r);
  afterEach(async () => r?.close());

  test('candidateQuery "allWords" and "anyWord": GET /candidates?query matches words of the name and emails', async () => {
    const people = [
      ['Sam Lee', 'sam@example.test'],
      ['Sam Other', 'xsam@example.test'],
      ['Kim Sam', 'kim@elsewhere.test'],
      ['Ann Example', 'ann@test.example'],
    ];
    const found = async (query) => (await ok('GET', `/candidates?query=${encodeURIComponent(query)}&limit=10000`)).candidates.map((x) => x.name).filter((n) => people.some(([name]) => name === n)).sort();
    for (const [candidateQuery, expected] of [
      ['substring', { 'SAM@example.test': ['Sam Lee', 'Sam Other'], 'sam lee': ['Sam Lee'], '@': ['Ann Example', 'Kim Sam', 'Sam Lee', 'Sam Other'] }],
      ['allWords', { 'SAM@example.test': ['Sam Lee', 'Sam Other'], 'sam@x': [], 'sam lee': ['Sam Lee'], 'example test': ['Ann Example', 'Sam Lee', 'Sam Other'], '@': ['Ann Example', 'Kim Sam', 'Sam Lee', 'Sam Other'] }],
      ['anyWord', { 'SAM@example.test': ['Ann Example', 'Kim Sam', 'Sam Lee', 'Sam Other'], 'lee': ['Sam Lee'], 'nobody': [] }],
    ]) {
      r = await recruitee.start({ candidates: 20, auditLogEntries: 10, candidateQuery });
      for (const [name, email] of people) await ok('POST', '/candidates', { candidate: { name, emails: [email] } }, 201);
      for (const [query, names] of Object.entries(expected)) expect([candidateQuery, query, await found(query)]).toEqual([candidateQuery, query, names]);
      await r.close();
      r = undefined;
    }
    await expect(recruitee.start({ candidates: 10, candidateQuery: 'fuzzy' })).rejects.toThrow('option candidateQuery: "fuzzy" is not one of substring, allWords, anyWord');
    await expect(recruitee.start({ candidates: 10, auditLogPageCap: 0 })).rejects.toThrow('option auditLogPageCap: 0 is not a whole number of 1 or more');
  });

  test('tagsOnPatch "merge": the tags sent are added to the candidate\'s', async () => {
    r = await recruitee.start({ candidates: 50, auditLogEntries: 50, tagsOnPatch: 'merge' });
    const { candidate: c } = await ok('POST', '/candidates', { candidate: { name: 'M', tags: ['Sales', 'Remote'] } }, 201);
    expect((await ok('PATCH', `/candidates/${c.id}`, { candidate: { tags: ['Python', 'Sales'] } })).candidate.tags).toEqual(['Sales', 'Remote', 'Python']);
    expect((await ok('PATCH', `/candidates/${c.id}`, { candidate: { tags: [] } })).candidate.tags).toEqual(['Sales', 'Remote', 'Python']);
  });

  test('deleteAnswer "empty": DELETE answers 204 without a body (candidates and placements)', async () => {
    r = await recruitee.start({ candidates: 50, auditLogEntries: 50, deleteAnswer: 'empty' });
    const { candidate: c } = await ok('POST', '/candidates', { candidate: { name: 'E' }, offers: [JOB, JOB2] }, 201);
    const p = await call('DELETE', `/placements/${c.placements[0].id}`);
    expect([p.status, p.text, p.headers.get('content-type')]).toEqual([204, '', null]);
    const res = await call('DELETE', `/candidates/${c.id}`);
    expect([res.status, res.text]).toEqual([204, '']);
    expect(r.candidateById(c.id)).toBeUndefined();
    expect((await call('DELETE', `/candidates/${c.id}`)).status).toBe(404);
  });

  test('disqualifyRoutes false: the disqualify and requalify paths answer 404, nothing changes', async () => {
    r = await recruitee.start({ candidates: 50, auditLogEntries: 50, disqualifyRoutes: false });
    const { candidate: c } = await ok('POST', '/candidates', { candidate: { name: 'D' }, offers: [JOB] }, 201);
    const pid = c.placements[0].id;
    for (const path of [`/placements/${pid}/disqualify`, `/placements/${pid}/requalify`]) {
      const res = await call('PATCH', path, { disqualify_reason_id: 727738 });
      expect([res.status, res.json]).toEqual([404, { error: 'Not found' }]);
    }
    expect(r.placementsOf(c.id)[0]).not.toHaveProperty('disqualify_kind');
    expect((await ok('PATCH', `/placements/${pid}/change_stage`, { stage_id: APPLIED })).placement.stage_id).toBe(APPLIED);
  });

  test('validationErrors "fields" and "error": the other plausible 422 bodies', async () => {
    r = await recruitee.start({ candidates: 50, auditLogEntries: 50, validationErrors: 'fields' });
    const body = { candidate: { name: '', emails: ['x'] }, offers: [1] };
    expect((await call('POST', '/candidates', body)).json).toEqual({ errors: { name: ["can't be blank"], emails: ['is invalid: x'], offers: ['is invalid: no offer 1'] } });
    await r.close();
    r = await recruitee.start({ candidates: 50, auditLogEntries: 50, validationErrors: 'error' });
    expect((await call('POST', '/candidates', body)).json).toEqual({ error: "Name can't be blank, Emails is invalid: x, Offers is invalid: no offer 1" });
  });

  test('newPlacementStage "apply", maxAttachmentBytes, tokenAdmin and clock', async () => {
    let t = Date.parse('2026-12-01T08:00:00Z');
    r = await recruitee.start({ candidates: 50, auditLogEntries: 50, newPlacementStage: 'apply', maxAttachmentBytes: 1000, tokenAdmin: 'Emma Larsen', clock: () => t });
    const { candidate: c } = await ok('POST', '/candidates', { candidate: { name: 'Clocked' }, offers: [JOB] }, 201);
    expect(c).toMatchObject({ created_at: '2026-12-01T08:00:00.000000Z', admin_id: 322490, placements: [{ stage_id: APPLIED }] });
    const second = (await ok('POST', '/candidates', { candidate: { name: 'Same ms' } }, 201)).candidate;
    expect(second.created_at).toBe('2026-12-01T08:00:00.000001Z'); // strictly after the previous write
    t += 5000;
    expect((await ok('POST', `/candidates/${c.id}/notes`, { note: { body: 'n' } }, 201)).note).toMatchObject({ admin_id: 322490, created_at: '2026-12-01T08:00:05.000000Z' });
    expect((await ok('POST', '/placements', { candidate_id: second.id, offer_id: JOB }, 201)).placement.stage_id).toBe(APPLIED);
    const entries = r.data.auditLog.slice(0, 2);
    expect(entries.map((e) => e.actor)).toEqual(['Emma Larsen', 'Emma Larsen']);
    const form = (n) => {
      const f = new FormData();
      f.append('attachment[file]', new Blob([Buffer.alloc(n, 1)]), 'big.bin');
      f.append('attachment[candidate_id]', String(c.id));
      return f;
    };
    expect((await call('POST', '/attachments', form(1000))).status).toBe(201);
    const big = await call('POST', '/attachments', form(1001));
    expect([big.status, big.json]).toEqual([413, { error: 'Attachment is too large: 1001 bytes, the limit is 1000' }]);
    expect(r.attachmentsOf(c.id)).toHaveLength(1);
  });

  test('defaults of the write switches', () => {
    expect(recruitee.DEFAULTS).toMatchObject({
      tagsOnPatch: 'replace',
      deleteAnswer: 'candidate',
      disqualifyRoutes: true,
      validationErrors: 'list',
      newPlacementStage: 'first',
      candidateQuery: 'substring',
      auditLogPageCap: 100,
      maxAttachmentBytes: 20 * 1024 * 1024,
      tokenAdmin: 'Ishwar Gautam',
    });
    r = undefined;
  });

  test('bad option values throw', async () => {
    await expect(recruitee.start({ candidates: 10, tagsOnPatch: 'append' })).rejects.toThrow('tagsOnPatch');
    await expect(recruitee.start({ candidates: 10, tokenAdmin: 'Nobody' })).rejects.toThrow('unknown admin');
    r = undefined;
  });
});
