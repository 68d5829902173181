'use strict';
// Note → Create and Get Many; Candidate → Attach File from binary data.
const { useRecruitee, rl, jsonOf } = require('../../harness/recruitee');

const api = useRecruitee({ candidates: 20, maxAttachmentBytes: 64 * 1024 });
const CANDIDATE = 47628534;
const writes = () => api.sandbox.requests.filter((r) => r.method !== 'GET');

describe('Note → Create / Get Many', () => {
	test('plain text is escaped as Recruitee shows notes as HTML; visibility; returns the note', async () => {
		const { items, error } = await api.run({
			resource: 'note',
			operation: 'create',
			candidateId: rl(String(CANDIDATE)),
			text: 'Call <Monday> & then\nsend the offer',
			visibility: 'private',
		});
		expect(error).toBeUndefined();
		const body = 'Call &lt;Monday&gt; &amp; then<br>send the offer';
		expect(JSON.parse(writes()[0].body)).toEqual({ note: { body, visibility: { level: 'private' } } });
		expect(jsonOf(items)).toEqual([api.sandbox.notesOf(CANDIDATE)[0]]);
		expect(jsonOf(items)[0]).toMatchObject({ body, visibility: { level: 'private' }, candidate_id: CANDIDATE });
	});

	test('Get Many: newest first, Limit', async () => {
		for (const text of ['one', 'two', 'three']) {
			await api.run({ resource: 'note', operation: 'create', candidateId: rl(String(CANDIDATE)), text });
		}
		const all = await api.run({ resource: 'note', operation: 'getAll', candidateId: rl(String(CANDIDATE)), returnAll: true });
		expect(jsonOf(all.items).map((n) => n.body).slice(0, 3)).toEqual(['three', 'two', 'one']);
		const two = await api.run({ resource: 'note', operation: 'getAll', candidateId: rl(String(CANDIDATE)), limit: 2 });
		expect(jsonOf(two.items).map((n) => n.body)).toEqual(['three', 'two']);
	});

	test('empty text: refused before any request', async () => {
		const { error } = await api.run({ resource: 'note', operation: 'create', candidateId: rl(String(CANDIDATE)), text: ' \n ' });
		expect(error.message).toBe('Invalid parameter "Text": is empty: a note needs text [item 0]');
		expect(api.sandbox.requests).toEqual([]);
	});

	test('the answer lost after the note was added: found by its text, not added twice', async () => {
		api.sandbox.inject({ method: 'POST', path: /\/notes$/, after: true, mode: 'reset' });
		const before = api.sandbox.notesOf(CANDIDATE).length;
		const { items, error } = await api.run({ resource: 'note', operation: 'create', candidateId: rl(String(CANDIDATE)), text: 'Lost answer' });
		expect(error).toBeUndefined();
		expect(api.sandbox.notesOf(CANDIDATE)).toHaveLength(before + 1);
		expect(jsonOf(items)[0]).toMatchObject({ body: 'Lost answer' });
		expect(writes()).toHaveLength(1);
	});

	test('the answer stops in the middle after the note was added: timed out, then found by its text, not added twice', async () => {
		api.sandbox.inject({ method: 'POST', path: /\/notes$/, after: true, mode: 'stall' });
		const before = api.sandbox.notesOf(CANDIDATE).length;
		const { items, error } = await api.run({
			resource: 'note',
			operation: 'create',
			candidateId: rl(String(CANDIDATE)),
			text: 'Stalled answer',
			options: { timeoutSeconds: 0.5 },
		});
		expect(error).toBeUndefined();
		expect(api.sandbox.notesOf(CANDIDATE)).toHaveLength(before + 1);
		expect(jsonOf(items)[0]).toMatchObject({ body: 'Stalled answer' });
		expect(writes()).toHaveLength(1);
	});

	test('lost before it reached Recruitee (a reset, not applied): the item fails saying the note may have been added', async () => {
		api.sandbox.inject({ method: 'POST', path: /\/notes$/, mode: 'reset' });
		const before = api.sandbox.notesOf(CANDIDATE).length;
		const { error } = await api.run({ resource: 'note', operation: 'create', candidateId: rl(String(CANDIDATE)), text: 'Never arrived' });
		expect(error.message).toBe(`Recruitee may have added the note to candidate ${CANDIDATE}, but did not confirm it [item 0]`);
		expect(error.description).toContain('The write may have happened: it was not sent again, so as not to do it twice.');
		expect(api.sandbox.notesOf(CANDIDATE)).toHaveLength(before);
		expect(writes()).toHaveLength(1);
	});
});

describe('Candidate → Attach File', () => {
	const pdf = Buffer.from(`%PDF-1.4\n${'\u0000\u00ff binary \r\n'.repeat(200)}%%EOF`, 'latin1');
	const withFile = (bytes = pdf, fileName = 'Ann Lee CV.pdf') => [
		{ json: {}, binary: { cv: { data: bytes.toString('base64'), mimeType: 'application/pdf', fileName } } },
	];
	const attach = (extra = {}) => ({
		resource: 'candidate',
		operation: 'attachFile',
		candidateId: rl(String(CANDIDATE)),
		binaryPropertyName: 'cv',
		...extra,
	});

	test('the bytes arrive intact, as multipart attachment[file] with attachment[candidate_id]', async () => {
		const { items, error } = await api.run(attach(), { input: withFile() });
		expect(error).toBeUndefined();
		const [attachment] = jsonOf(items);
		expect(attachment).toMatchObject({ candidate_id: CANDIDATE, filename: 'Ann Lee CV.pdf', content_type: 'application/pdf', size: pdf.length, set_as_cv: false });
		expect(api.sandbox.attachmentBytes(attachment.id).equals(pdf)).toBe(true);
		expect(writes()[0].headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
	});

	test('Set as CV, with another file name', async () => {
		const { items, error } = await api.run(attach({ setAsCv: true, fileName: 'cv.pdf' }), { input: withFile() });
		expect(error).toBeUndefined();
		const cv = api.sandbox.cvOf(CANDIDATE);
		expect(cv).toMatchObject({ filename: 'cv.pdf', size: pdf.length });
		expect(api.sandbox.attachmentBytes(cv.id).equals(pdf)).toBe(true);
		expect(jsonOf(items)[0]).toMatchObject({ set_as_cv: true, candidate: { candidate: { id: CANDIDATE } } });
	});

	test('a missing binary field names it, and the fields the item has', async () => {
		const { error } = await api.run(attach({ binaryPropertyName: 'data' }), { input: withFile() });
		expect(error.message).toBe('Invalid parameter "Input Binary Field": the item has no binary field "data" [item 0]');
		expect(error.description).toBe('Its binary fields: cv.');
		expect(writes()).toEqual([]);
	});

	test('a file above what the node sends (20 MB): refused before any request', async () => {
		const { error } = await api.run(attach(), { input: withFile(Buffer.alloc(21 * 1024 * 1024, 7)) });
		expect(error.message).toBe('The file in "cv" is too large for Recruitee: 21.0 MB [item 0]');
		expect(api.sandbox.requests).toEqual([]);
	});

	test('a file too large for Recruitee: its 413 says so', async () => {
		const big = Buffer.alloc(70 * 1024, 1);
		const { error } = await api.run(attach(), { input: withFile(big) });
		expect(error.message).toBe('Recruitee rejected the request (HTTP 413) [item 0]');
		expect(error.description).toContain('Attachment is too large');
	});

	test('the answer lost after the upload: found by name and size, not attached twice', async () => {
		api.sandbox.inject({ method: 'POST', path: /\/attachments$/, after: true, status: 502 });
		const before = api.sandbox.attachmentsOf(CANDIDATE).length;
		const { error } = await api.run(attach({ fileName: 'once.pdf' }), { input: withFile() });
		expect(error).toBeUndefined();
		expect(api.sandbox.attachmentsOf(CANDIDATE)).toHaveLength(before + 1);
		expect(writes()).toHaveLength(1);
	});
});
