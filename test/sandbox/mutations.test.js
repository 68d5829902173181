'use strict';
// The sandboxes' runtime mutation methods: every added or changed record is visible through each
// route and filter that should see it, in the right order (same-second records included), and ids grow.
const recruitee = require('./recruitee');
const sumsub = require('./sumsub');

/** Key structure of a JSON value (key order included): scalars and null are '·', arrays shown by their first object. */
function shape(v) {
  if (Array.isArray(v)) return v.length && v[0] && typeof v[0] === 'object' ? [shape(v[0])] : [];
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shape(x)]));
  return '·';
}

const isoSec = (ms) => new Date(ms).toISOString().slice(0, 19) + 'Z';

describe('Recruitee sandbox mutations', () => {
  /** @type {Awaited<ReturnType<typeof recruitee.start>>} */
  let r;
  const get = async (path, query = {}) => {
    const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
    const res = await fetch(`${r.baseUrl}${path}?${qs}`, { headers: { authorization: `Bearer ${r.token}` } });
    expect(res.status).toBe(200);
    return res.json();
  };
  const search = (filters, extra = {}) => get('/search/new/candidates', { filters_json: filters, limit: '10000', ...extra });
  const audit = (filters, extra = {}) => get('/audit_log', { ...(filters && { filters_json: filters }), limit: '100', ...extra });
  const NOW = Date.parse('2026-11-20T12:00:00Z');
  const job = () => r.data.offers.find((o) => o.id === 1209655); // Senior Marketer (Sample), default pipeline
  const pool = () => r.data.offers.find((o) => o.kind === 'talent_pool');

  beforeEach(async () => {
    r = await recruitee.start({ candidates: 300, auditLogEntries: 300 });
  });
  afterEach(async () => r.close());

  test('addCandidate: detail shape, next id, visible in /candidates with its filters and order', async () => {
    const generated = (await get('/candidates/47628534')).candidate; // seed: one qualified placement
    const maxId = Math.max(...r.data.candidates.map((c) => c.id), ...r.data.deletedCandidates.map((d) => d.id));
    const offer = job();
    const c = r.addCandidate({ created_at: NOW + 1500, name: 'Quinn Mutation', emails: ['quinn@example.test'], offerId: offer.id, stageName: 'Phone interview' });
    expect(c.id).toBe(maxId + 1);
    expect(c.created_at).toBe('2026-11-20T12:00:01.500000Z');
    expect(shape(c)).toEqual(shape(generated));
    expect(c.placements[0]).toMatchObject({ candidate_id: c.id, offer_id: offer.id, stage_id: r.data.stages.find((s) => s.offer_id === offer.id && s.name === 'Phone interview').id });

    const byId = await get(`/candidates/${c.id}`);
    expect(byId.candidate).toEqual(c);
    expect(byId.references.map((x) => `${x.type}:${x.id}`)).toEqual(expect.arrayContaining([`Offer:${offer.id}`, `Stage:${c.placements[0].stage_id}`, 'Admin:322453']));

    const list = await get('/candidates', { limit: '3' });
    expect(list.candidates[0].id).toBe(c.id);
    expect(Object.keys(list.candidates[0])).toEqual(Object.keys(list.candidates[1]));
    const q = { limit: '10000' };
    expect((await get('/candidates', { ...q, created_after: '2026-11-20T12:00:01.499999' })).candidates.map((x) => x.id)).toEqual([c.id]);
    expect((await get('/candidates', { ...q, created_after: '2026-11-20T12:00:01.500000Z' })).candidates).toEqual([]);
    expect((await get('/candidates', { ...q, ids: `${c.id},1` })).candidates.map((x) => x.id)).toEqual([c.id]);
    expect((await get('/candidates', { ...q, query: 'QUINN@example' })).candidates.map((x) => x.id)).toEqual([c.id]);
    expect((await get('/candidates', { ...q, offer_id: String(offer.id) })).candidates.map((x) => x.id)).toContain(c.id);
    expect((await get('/candidates', { ...q, qualified: 'true' })).candidates.map((x) => x.id)).toContain(c.id);
    expect((await get('/candidates', { ...q, disqualified: 'true' })).candidates.map((x) => x.id)).not.toContain(c.id);
  });

  test('addCandidate: order by created_at desc then id desc, also for past and same-instant records', async () => {
    const a = r.addCandidate({ created_at: '2026-11-20T12:00:05Z' });
    const b = r.addCandidate({ created_at: '2026-11-20T12:00:05Z' }); // same microsecond
    const c = r.addCandidate({ created_at: '2026-11-20T12:00:05.000001Z' });
    const old = r.addCandidate({ created_at: '2025-12-01T10:00:00.123456Z' }); // lands among the generated ones
    expect([a.id, b.id, c.id, old.id]).toEqual([a.id, a.id + 1, a.id + 2, a.id + 3]);
    const all = (await get('/candidates')).candidates;
    expect(all.slice(0, 3).map((x) => x.id)).toEqual([c.id, b.id, a.id]);
    expect(all.map((x) => x.id)).toContain(old.id);
    const key = (x) => [x.created_at, String(x.id).padStart(12, '0')].join(' ');
    expect(all.map(key)).toEqual(all.map(key).sort().reverse());
    expect(all).toHaveLength(r.data.candidates.length);
    // by_last_message and search sorts are recomputed with the new candidates
    expect((await get('/candidates', { sort: 'by_last_message' })).candidates).toHaveLength(all.length);
    const asc = await search([], { sort_by: 'created_at_asc' });
    expect(asc.hits.slice(-3).map((h) => h.id)).toEqual([a.id, b.id, c.id]);
  });

  test('addCandidate: search hits, filters and offer counters', async () => {
    const offer = job();
    const before = (await get(`/offers/${offer.id}`)).offer;
    const total = (await search([])).total;
    const c = r.addCandidate({ created_at: NOW + 10_000, name: 'Rhea Searchable', offerId: offer.id, stageName: 'Evaluation' });
    const d = r.addCandidate({ created_at: NOW + 11_000, offerId: offer.id, disqualified: true, disqualifyReason: 'Overqualified' });
    const p = r.addCandidate({ created_at: NOW + 12_000, offerId: pool().id });
    const all = await search([]);
    expect(all.total).toBe(total + 3);
    expect(all.hits.slice(0, 3).map((h) => h.id)).toEqual([p.id, d.id, c.id]);
    expect(shape(all.hits[2])).toEqual(shape(all.hits.find((h) => h.id === 47628534)));
    expect(all.hits[2]).toMatchObject({ created_at: '2026-11-20T12:00:10Z', name: 'Rhea Searchable', placements: [{ stage: { name: 'Evaluation' }, offer: { id: offer.id } }] });
    expect(all.hits[1].placements[0]).toMatchObject({ disqualified: true, disqualify_reason: 'Overqualified', disqualified_by: 322453 });
    expect(p.placements[0].stage_id).toBeNull();

    const ids = async (filters) => (await search(filters)).hits.map((h) => h.id);
    const t = Math.floor(NOW / 1000);
    expect(await ids([{ field: 'created_at', gte: t + 10, lte: t + 11 }])).toEqual([d.id, c.id]);
    expect(await ids([{ field: 'created_at', gt: t + 10, lt: t + 12 }])).toEqual([d.id]);
    expect(await ids([{ field: 'created_at', gte: t + 10 }, { field: 'status', in: ['disqualified'] }])).toEqual([d.id]);
    expect(await ids([{ field: 'created_at', gte: t + 10 }, { field: 'status', in: ['qualified'] }])).toEqual([p.id, c.id]);
    expect(await ids([{ field: 'created_at', gte: t + 10 }, { filter: 'jobs', id: { in: [offer.id] } }])).toEqual([d.id, c.id]);
    expect(await ids([{ filter: 'stages', name: { in: ['Evaluation'] } }])).toContain(c.id);
    expect(await ids([{ field: 'all', query: 'rhea searchable' }])).toEqual([c.id]);
    expect(await ids([{ field: 'created_at', gte: t + 10 }, { field: 'admin_id', in: [322453] }])).toEqual([p.id, d.id, c.id]);

    const after = (await get(`/offers/${offer.id}`)).offer;
    expect(after.candidates_count).toBe(before.candidates_count + 2);
    expect(after.qualified_candidates_count).toBe(before.qualified_candidates_count + 1);
    expect(after.disqualified_candidates_count).toBe(before.disqualified_candidates_count + 1);
    expect((await get('/offers')).offers.find((o) => o.id === offer.id)).toEqual(after);
  });

  test('addCandidate: "Admin created candidate" entry at the same created_at, unless audit: false', async () => {
    const { total } = await audit();
    const c = r.addCandidate({ created_at: NOW + 20_700, name: 'Audit Trail' });
    const quiet = r.addCandidate({ created_at: NOW + 21_000, audit: false });
    const log = await audit();
    expect(log.total).toBe(total + 1);
    const entry = log.entries[0];
    expect(entry).toMatchObject({ event_name: 'Admin created candidate', created_at: '2026-11-20T12:00:20Z', actor: 'Ishwar Gautam' });
    expect(entry.candidate).toEqual({ emails: c.emails, id: c.id, name: 'Audit Trail' });
    expect(shape(entry)).toEqual(shape(r.data.auditLog.find((e) => e.event_name === 'Admin created candidate' && e !== entry && e.ip_address)));
    expect(JSON.stringify(log.entries)).not.toContain(String(quiet.id));
  });

  test('addCandidate: bad specs throw', () => {
    expect(() => r.addCandidate({ offerId: 1 })).toThrow('unknown offer 1');
    expect(() => r.addCandidate({ offerId: job().id, stageName: 'Nope' })).toThrow('has no stage "Nope"');
    expect(() => r.addCandidate({ offerId: pool().id, stageName: 'Applied' })).toThrow('talent pool');
    expect(() => r.addCandidate({ stageName: 'Applied' })).toThrow('need an offerId');
    expect(() => r.addCandidate({ created_at: 'yesterday' })).toThrow('invalid time');
    expect(() => r.addCandidate({ actor: 'Nobody' })).toThrow('unknown admin');
  });

  test('addAuditEntry: every event type in the seed shape, newest first, same-second entries by _id desc', async () => {
    const { total } = await audit();
    const events = [...new Set(r.data.auditLog.map((e) => e.event_name))];
    expect(events).toHaveLength(10);
    const at = NOW + 30_000;
    const added = events.map((event_name) => r.addAuditEntry({ event_name, created_at: at + 250 }));
    for (const e of added) {
      const sample = r.data.auditLog.find((x) => x.event_name === e.event_name && !added.includes(x));
      expect([e.event_name, shape(e)]).toEqual([e.event_name, shape(sample)]);
      expect(e._id).toMatch(/^[A-Za-z0-9_-]{20}$/);
      expect(e.created_at).toBe(isoSec(at));
    }
    expect(new Set(r.data.auditLog.map((e) => e._id)).size).toBe(r.data.auditLog.length);
    const log = await audit();
    expect(log.total).toBe(total + 10);
    expect(log.entries.slice(0, 10).map((e) => e._id)).toEqual(added.map((e) => e._id).sort().reverse());
    expect(log.entries.slice(0, 10)).toEqual(expect.arrayContaining(added));
    const key = (e) => `${e.created_at} ${e._id}`;
    const all = (await audit(null, { limit: '100', page: '1' })).entries;
    expect(all.map(key)).toEqual(all.map(key).sort().reverse());
  });

  test('addAuditEntry: created_at, actor and all filters; page boundaries', async () => {
    const at = NOW + 40_000;
    const a = r.addAuditEntry({ event_name: 'Admin viewed candidate', created_at: isoSec(at), actor: 'Emma Larsen' });
    const b = r.addAuditEntry({ event_name: 'Admin viewed candidate', created_at: at + 999 });
    const c = r.addAuditEntry({ event_name: 'Admin viewed candidate', created_at: at + 1000 });
    const sec = at / 1000;
    const ids = async (filters) => (await audit(filters)).entries.map((e) => e._id);
    const sameSecond = [a, b].map((e) => e._id).sort().reverse();
    expect(await ids([{ field: 'created_at', gte: sec }])).toEqual([c._id, ...sameSecond]);
    expect(await ids([{ field: 'created_at', gte: sec, lt: sec + 1 }])).toEqual(sameSecond);
    expect(await ids([{ field: 'created_at', gt: sec }])).toEqual([c._id]);
    expect(await ids([{ field: 'created_at', gte: sec }, { field: 'actor', in: 'Emma Larsen' }])).toEqual([a._id]);
    expect(await ids([{ field: 'created_at', gte: sec }, { field: 'actor', not_in: ['Emma Larsen'] }])).toEqual([c._id, b._id]);
    expect(await ids([{ field: 'all', query: a.candidate.name }])).toContain(a._id);
    expect(a).toMatchObject({ actor: 'Emma Larsen', admin: { id: 322490 }, details: { admin: { id: 322490 } } });
    const page2 = await get('/audit_log', { limit: '2', page: '2' });
    expect(page2.entries[0]._id).toBe(sameSecond[1]);
  });

  test('addAuditEntry: subject, stage and reason options', () => {
    const offer = job();
    const c = r.addCandidate({ created_at: NOW, offerId: offer.id, emails: ['x@example.test'] });
    const stageId = (name) => r.data.stages.find((s) => s.offer_id === offer.id && s.name === name).id;
    const moved = r.addAuditEntry({ event_name: 'Admin changed candidate stage', candidateId: c.id, offerId: offer.id, stageName: 'Offer', previousStageName: 'Applied', actor: 'Priya Sharma' });
    expect(moved.details.stage).toMatchObject({ id: stageId('Offer'), name: 'Offer', pipeline_template_id: 663997 });
    expect(moved.details.previous_stage).toMatchObject({ id: stageId('Applied'), name: 'Applied' });
    expect(moved.details.placement).toMatchObject({ candidate_id: c.id, offer_id: offer.id, stage_id: stageId('Offer') });
    expect(moved.actor).toBe('Priya Sharma');
    const dq = r.addAuditEntry({ event_name: 'Admin disqualified candidate', candidateId: c.id, disqualifyReason: 'No response', actor: 'Lukas Novak' });
    expect(dq.details.disqualify_reason).toEqual({ id: 727744, name: 'No response' });
    expect(dq.actor).toBe('Lukas Novak');
    expect(r.addAuditEntry({ event_name: 'Admin created event request link', candidateId: c.id }).details.interview_request_link.email).toBe('x@example.test');
    const system = r.addAuditEntry({ event_name: 'Candidate field visibility changed', candidateId: c.id });
    expect(system).toMatchObject({ actor: 'System', admin: null, details: { field: { candidate_id: c.id } } });
    const deleted = r.addAuditEntry({ event_name: 'Admin deleted candidate' });
    expect(r.data.index.candidateById.has(deleted.candidate.id)).toBe(false);
    expect(r.addCandidate({ created_at: NOW }).id).toBe(deleted.candidate.id + 1);
    // the placement itself is untouched: addAuditEntry only logs
    expect(r.data.index.candidateById.get(c.id).placements[0].stage_id).toBe(stageId('Referred'));
    expect(() => r.addAuditEntry({ event_name: 'Admin sneezed' })).toThrow('unknown event_name');
    expect(() => r.addAuditEntry({ event_name: 'Admin changed candidate stage', candidateId: c.id, stageName: 'Nope' })).toThrow('fits');
    expect(() => r.addAuditEntry({ event_name: 'Admin disqualified candidate', candidateId: c.id, disqualifyReason: 'Bored' })).toThrow('unknown disqualify reason');
  });

  test('moveCandidate: placement stage changes everywhere, with its audit entry', async () => {
    const offer = job();
    const c = r.addCandidate({ created_at: NOW, offerId: offer.id, stageName: 'Applied' });
    const stages = async (name) => (await search([{ filter: 'stages', name: { in: [name] } }])).hits.map((h) => h.id);
    expect(await stages('Applied')).toContain(c.id);
    const entry = r.moveCandidate(c.id, { offerId: offer.id, stageName: 'On-site interview', created_at: NOW + 50_000 });
    expect(await stages('On-site interview')).toContain(c.id);
    expect(await stages('Applied')).not.toContain(c.id);
    expect(entry).toMatchObject({ event_name: 'Admin changed candidate stage', created_at: '2026-11-20T12:00:50Z', details: { previous_stage: { name: 'Applied' }, stage: { name: 'On-site interview' }, placement: { candidate_id: c.id } } });
    expect((await audit()).entries[0]).toEqual(entry);
    const detail = (await get(`/candidates/${c.id}`)).candidate;
    expect(detail.placements[0]).toMatchObject({ stage_id: entry.details.stage.id, updated_at: '2026-11-20T12:00:50.000000Z' });
    expect(detail.updated_at).toBe('2026-11-20T12:00:50.000000Z');
    const sorted = await search([{ field: 'created_at', gte: NOW / 1000 }], { sort_by: 'candidate_stage_name_asc' });
    expect(sorted.hits.find((h) => h.id === c.id).placements[0].stage.name).toBe('On-site interview');
    expect(() => r.moveCandidate(c.id, { offerId: pool().id, stageName: 'Applied' })).toThrow('no placement in offer');
  });

  test('disqualifyCandidate: filters, status, counters and its audit entry', async () => {
    const offer = job();
    const c = r.addCandidate({ created_at: NOW, offerId: offer.id });
    const before = (await get(`/offers/${offer.id}`)).offer;
    const entry = r.disqualifyCandidate(c.id, { reason: 'Position filled', created_at: NOW + 60_000, actor: 'Saugat Acharya' });
    expect(entry).toMatchObject({ event_name: 'Admin disqualified candidate', actor: 'Saugat Acharya', details: { disqualify_reason: { name: 'Position filled' }, placement: { candidate_id: c.id, offer_id: offer.id } } });
    expect(shape(entry)).toEqual(shape(r.data.auditLog.find((e) => e.event_name === 'Admin disqualified candidate' && e !== entry)));
    expect((await audit()).entries[0]).toEqual(entry);
    expect((await get('/candidates', { disqualified: 'true' })).candidates.map((x) => x.id)).toContain(c.id);
    expect((await get('/candidates', { qualified: 'true' })).candidates.map((x) => x.id)).not.toContain(c.id);
    const hit = (await search([{ field: 'status', in: ['disqualified'] }])).hits.find((h) => h.id === c.id);
    expect(hit.placements[0]).toMatchObject({ disqualified: true, disqualify_reason: 'Position filled', disqualified_by: 322384, disqualified_by_name: 'Saugat Acharya' });
    const placement = (await get(`/candidates/${c.id}`)).candidate.placements[0];
    expect(Object.keys(placement).slice(0, 4)).toEqual(['candidate_id', 'created_at', 'disqualify_kind', 'disqualify_reason']);
    const after = (await get(`/offers/${offer.id}`)).offer;
    expect([after.candidates_count, after.qualified_candidates_count, after.disqualified_candidates_count]).toEqual([before.candidates_count, before.qualified_candidates_count - 1, before.disqualified_candidates_count + 1]);
  });

  test('setNow: generated_at', async () => {
    r.setNow(Date.parse('2027-01-02T03:04:05.678Z'));
    expect((await get('/candidates', { limit: '1' })).generated_at).toBe('2027-01-02T03:04:05.678000Z');
  });
});

describe('Sumsub sandbox mutations', () => {
  /** @type {Awaited<ReturnType<typeof sumsub.start>>} */
  let s;
  const NOW = Date.parse('2026-11-20T12:00:00Z');
  const fmt = (ms) => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
  const call = async (path, query = {}) => {
    const url = `${path}?${new URLSearchParams(query)}`.replace(/\?$/, '');
    const res = await fetch(s.url + url, { headers: s.signedHeaders(url) });
    expect(res.status).toBe(200);
    return res.json();
  };
  const legacy = async (query) => (await call('/resources/auditTrailEvents', { limit: '20000', ...query })).items;
  /** Every page of the list endpoint, following forwardMarker. */
  async function listAll(query, limit = '100') {
    const items = [];
    let page = await call('/resources/auditTrailEvents/list', { limit, ...query });
    items.push(...page.items);
    while (page.forwardMarker) {
      page = await call('/resources/auditTrailEvents/list', { limit, forwardMarker: page.forwardMarker });
      items.push(...page.items);
    }
    return items;
  }
  const sorted = (events, cmp) => events.slice().sort(cmp);
  const byId = (a, b) => (a.id < b.id ? -1 : 1);
  const byTsDesc = (a, b) => (a.ts < b.ts ? 1 : a.ts > b.ts ? -1 : a.id < b.id ? 1 : -1);
  const strip = (e) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== 'id'));

  beforeEach(async () => {
    s = await sumsub.start({ events: 3000 });
  });
  afterEach(async () => s.close());

  test('addEvents: defaults, and ids above all others, growing in insertion order whatever the ts', () => {
    const maxId = s.data.ids[s.data.ids.length - 1];
    const existing = s.data.events[1500];
    const added = s.addEvents([
      { ts: NOW - 5 * 86400e3 }, // older than most existing events
      { ts: existing.ts, activity: 'subject:changed:applicant', subjectName: 'zoe@example.com', applicantId: 'a1' },
      { ts: '2026-11-20 11:59:59.999' },
    ]);
    expect(added.map((e) => e.id)).toEqual(sorted(added, byId).map((e) => e.id));
    expect(added[0].id > maxId).toBe(true);
    expect(new Set(added.map((e) => e.id)).size).toBe(3);
    expect(Object.keys(added[0])).toEqual(Object.keys(existing));
    expect(added[0]).toMatchObject({ ts: '2026-11-15 12:00:00.000', activity: 'subject:loaded:applicant', clientId: existing.clientId, subjectName: '', ip: '', description: '', correlationId: expect.stringMatching(/^req-/) });
    expect(added[1]).toMatchObject({ ts: existing.ts, activity: 'subject:changed:applicant', subjectName: 'zoe@example.com', applicantId: 'a1' });
    const [single] = s.addEvents({ ts: NOW - 1 });
    expect(single.id > added[2].id).toBe(true);
    expect(s.data.events).toHaveLength(3004);
    expect(() => s.addEvents({ ts: 'yesterday' })).toThrow('invalid ts');
    expect(() => s.addEvents({ id: 'x' })).toThrow('bad field id');
    expect(() => s.addEvents({ ip: 7 })).toThrow('bad field ip');
  });

  test('list endpoint: id order, new events after the others even when older, from/to and filters see them', async () => {
    const existing = s.data.events[2000];
    const added = s.addEvents([
      { ts: NOW - 10 * 86400e3 + 1234, subjectName: 'old@example.com' },
      { ts: existing.ts, subjectName: 'tie@example.com' },
      { ts: existing.ts, subjectName: 'tie@example.com' },
      { ts: NOW - 500 },
      { ts: NOW - 500 }, // same millisecond
      { ts: NOW - 100 }, // same second
    ]);
    const all = { from: fmt(NOW - 31 * 86400e3), to: fmt(NOW) };
    const items = await listAll(all, '250');
    expect(items.map((e) => e.id)).toEqual(sorted(s.data.events, byId).map((e) => e.id));
    expect(items.slice(-6)).toEqual(added);
    expect(items).toHaveLength(3006);

    // from/to: just the old event's second
    const sec = added[0].ts.slice(0, 19);
    const window = await listAll({ from: sec, to: sec }, '1');
    expect(window).toEqual(sorted(s.data.events.filter((e) => e.ts.startsWith(sec)), byId));
    expect(window).toContainEqual(added[0]);
    expect(await listAll({ ...all, subjectName: 'old@example.com' })).toEqual([added[0]]);
    expect(await listAll({ ...all, subjectName: 'tie@example.com' }, '1')).toEqual([added[1], added[2]]);
    // the default window (the day before the data "now") holds the three newest
    const defaults = await listAll({}, '1000');
    expect(defaults.slice(-3)).toEqual(added.slice(3));
    expect(defaults.map((e) => e.id)).toEqual(sorted(defaults, byId).map((e) => e.id));
    // a marker taken before events are added still continues after them
    const first = await call('/resources/auditTrailEvents/list', { limit: '1', ...all, subjectName: 'tie@example.com' });
    const [later] = s.addEvents({ ts: NOW - 20 * 86400e3, subjectName: 'tie@example.com' });
    const rest = await call('/resources/auditTrailEvents/list', { limit: '5', forwardMarker: first.forwardMarker });
    expect(rest.items).toEqual([added[2], later]);
    expect(rest.forwardMarker).toBeUndefined();
  });

  test('legacy endpoint: ts desc with ties by id desc, offset paging, from/to and filters see new events', async () => {
    const existing = s.data.events[2500];
    const added = s.addEvents([
      { ts: existing.ts, activity: 'subject:exported:applicantCsvList', subjectName: 'csv@example.com' },
      { ts: existing.ts, activity: 'subject:exported:applicantCsvList', subjectName: 'csv@example.com' },
      { ts: NOW - 3 * 86400e3 },
      { ts: NOW - 300 },
      { ts: NOW - 300 },
    ]);
    const all = { from: fmt(NOW - 31 * 86400e3), to: fmt(NOW) };
    const expected = sorted(s.data.events, byTsDesc).map(strip);
    expect(await legacy(all)).toEqual(expected);
    expect((await legacy({})).slice(0, 2)).toEqual([strip(added[4]), strip(added[3])]);
    expect(await legacy({ ...all, offset: '1', limit: '2' })).toEqual(expected.slice(1, 3));
    const csv = await legacy({ ...all, activity: 'subject:exported:applicantCsvList', subjectName: 'csv@example.com' });
    expect(csv).toEqual([strip(added[1]), strip(added[0])]);
    const sec = existing.ts.slice(0, 19);
    const window = await legacy({ from: sec, to: sec });
    expect(window).toEqual(expected.filter((e) => e.ts.startsWith(sec)));
    expect(window).toEqual(expect.arrayContaining([strip(added[0]), strip(added[1])]));
    expect(await legacy({ from: fmt(NOW - 3 * 86400e3), to: fmt(NOW - 3 * 86400e3) })).toEqual(expected.filter((e) => e.ts.startsWith(fmt(NOW - 3 * 86400e3))));
  });

  test('setNow moves the default window', async () => {
    const later = Date.parse('2026-12-01T00:00:00Z');
    const [e] = s.addEvents({ ts: later - 1000, subjectName: 'future@example.com' });
    expect(await legacy({ subjectName: 'future@example.com' })).toEqual([]);
    s.setNow(later);
    expect(await legacy({ subjectName: 'future@example.com' })).toEqual([strip(e)]);
    expect((await call('/resources/auditTrailEvents/list', { subjectName: 'future@example.com' })).items).toEqual([e]);
    s.setNow('2026-12-02 00:00:00.000');
    expect(s.data.now).toBe(later + 86400e3);
  });
});
