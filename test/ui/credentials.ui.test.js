'use strict';
// The credential dialogs: n8n's connection test passes with the sandbox values, and a wrong token,
// company or secret shows our message naming the field to fix (and never the value typed).
const { context, useEditor } = require('./harness/context');

const editor = useEditor();
const { recruitee, sumsub } = context;
const credential = (id) => context.credentials.find((c) => c.id === id);

afterEach(async () => {
	expect(await editor().takeErrorNotices()).toEqual([]);
	expect(editor().takeErrors()).toEqual([]);
});

test.each([
	['Recruitee sandbox'],
	['Sumsub sandbox'],
	['Recruitee webhook (sandbox)'],
	['Sumsub webhook (sandbox)'],
])('"%s" opens, and its connection test passes', async (name) => {
	const e = editor();
	await e.step(`open the credential "${name}"`, () => e.openCredential(name));
	const result = await e.step('read the connection test', () => e.credentialTestResult());
	expect(result).toEqual({ ok: true, text: expect.stringMatching(/tested successfully/) });
	await e.closeCredential();
});

const WRONG = 'not-the-right-value-7f3a';

test.each([
	[
		'Recruitee API',
		'a wrong API Token',
		() => ({ companyId: credential('exRecruiteeCred').data.companyId, apiToken: WRONG, baseUrl: recruitee.url }),
		/^Recruitee rejected the API Token\. Copy it again from Settings/,
	],
	[
		'Recruitee API',
		'a wrong Company ID',
		() => ({ companyId: '4242', apiToken: credential('exRecruiteeCred').data.apiToken, baseUrl: recruitee.url }),
		/^Recruitee accepted the token but not the Company ID\./,
	],
	[
		'Sumsub API',
		'a wrong Secret Key',
		() => ({ appToken: credential('exSumsubCred').data.appToken, secretKey: WRONG, baseUrl: sumsub.url }),
		/the Secret Key is wrong\. Paste the secret key of this app token again\./,
	],
	[
		'Sumsub API',
		'an App Token Sumsub does not know',
		() => ({ appToken: `sbx:${WRONG}`, secretKey: credential('exSumsubCred').data.secretKey, baseUrl: sumsub.url }),
		/^Sumsub does not know this App Token \(4001 app-token-not-found\)\. Check App Token/,
	],
])('a new %s credential with %s shows our message for that field', async (type, what, values, message) => {
	const e = editor();
	await e.step(`create a ${type} credential`, () => e.newCredential(type));
	await e.step('fill it in', () => e.fillCredential(values()));
	const result = await e.step('save it (n8n tests it)', () => e.saveCredential());
	expect(result.ok).toBe(false);
	expect(result.text).toMatch(message);
	expect(result.text).not.toContain(WRONG);
	await e.closeCredential();
});
