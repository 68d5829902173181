'use strict';
// A driver for n8n's editor in headless Chromium, used by the UI test and by `npm run screenshots`.
// It speaks in what a person sees: the nodes panel, a node's panel (NDV), its lists, the credential
// dialog. It waits for what the UI shows, never for a fixed time. Every step that fails leaves a
// screenshot under .artifacts/ui/ (git-ignored) and names it in the error.

const fs = require('node:fs');
const path = require('node:path');

const { launchChromium } = require('../../../scripts/lib/browser');
const { ROOT } = require('../../../scripts/lib/runtime');

const ARTIFACTS = path.join(ROOT, '.artifacts', 'ui');

/**
 * Browser console errors that are n8n's own, offline: it asks n8n.io for banners and templates and
 * the npm registry for a community package's details, none of which this machine can reach.
 */
const OFFLINE_NOISE = [
	/Failed to fetch dynamic banners/,
	/net::ERR_NAME_NOT_RESOLVED/,
	/net::ERR_CERT_AUTHORITY_INVALID/,
	/net::ERR_INTERNET_DISCONNECTED/,
	/net::ERR_CONNECTION_REFUSED/,
];
/**
 * Local requests that fail by design in n8n's community edition: the credential dialog asks for
 * external secrets, an enterprise feature, and gets 404.
 */
const COMMUNITY_EDITION_404 = [/\/rest\/external-secrets\//];
/** Hosts the editor may try to reach that are not this n8n. */
const isLocal = (url) => /^(https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/|data:|blob:)/.test(url);

const slug = (text) =>
	String(text)
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 80);

class Editor {
	/** Opens a logged-in browser page on the n8n at `url`. */
	static async open({ url, login, viewport = { width: 1440, height: 900 } }) {
		const browser = await launchChromium();
		const { selectors } = require('playwright-core');
		selectors.setTestIdAttribute('data-test-id');
		const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
		const response = await context.request.post(`${url}/rest/login`, {
			data: { emailOrLdapLoginId: login.email, password: login.password },
		});
		if (response.status() !== 200) {
			await browser.close();
			throw new Error(`could not log in to ${url} as ${login.email}: HTTP ${response.status()}`);
		}
		// Every notice (toast) the editor shows, recorded as it appears: error notices can vanish.
		await context.addInitScript(() => {
			window.__notices = [];
			const seen = new WeakSet();
			new MutationObserver(() => {
				for (const el of document.querySelectorAll('.el-notification')) {
					if (seen.has(el)) continue;
					seen.add(el);
					window.__notices.push({
						error: Boolean(el.querySelector('.el-notification--error')) || el.className.includes('error'),
						title: el.querySelector('.el-notification__title')?.textContent?.trim() ?? '',
						content: el.querySelector('.el-notification__content')?.textContent?.trim() ?? '',
					});
				}
			}).observe(document, { childList: true, subtree: true });
		});
		const page = await context.newPage();
		return new Editor(browser, context, page, url);
	}

	constructor(browser, context, page, url) {
		this.browser = browser;
		this.context = context;
		this.page = page;
		this.url = url;
		/** Browser console errors and page errors, except n8n's offline noise. */
		this.errors = [];
		/** Requests that failed, to hosts that are not this n8n (the offline noise's cause). */
		this.offline = [];
		this.localFailures = [];
		page.on('console', (message) => {
			if (message.type() !== 'error') return;
			const text = message.text();
			if (OFFLINE_NOISE.some((pattern) => pattern.test(text))) return;
			// A response that failed: recorded with its address by the response handler below.
			if (/^Failed to load resource: the server responded with a status of/.test(text)) return;
			this.errors.push(text);
		});
		page.on('response', (response) => {
			if (response.status() < 400 || !isLocal(response.url())) return;
			if (response.status() === 404 && COMMUNITY_EDITION_404.some((p) => p.test(response.url()))) return;
			this.errors.push(`HTTP ${response.status()} ${response.request().method()} ${response.url()}`);
		});
		page.on('pageerror', (error) => this.errors.push(`page error: ${error.message}`));
		page.on('requestfailed', (request) => {
			(isLocal(request.url()) ? this.localFailures : this.offline).push(request.url());
		});
		page.setDefaultTimeout(20_000);
	}

	async close() {
		await this.browser.close();
	}

	/** Console errors seen since the last call (and forgets them). */
	takeErrors() {
		return this.errors.splice(0);
	}

	/** The notices the editor showed since the last call, error or not (and forgets them). */
	async takeNotices() {
		return this.page.evaluate(() => (window.__notices ?? []).splice(0));
	}

	/** The error notices the editor showed since the last call. */
	async takeErrorNotices() {
		return (await this.takeNotices()).filter((n) => n.error);
	}

	/**
	 * Runs one step; when it fails, keeps a screenshot of the page under .artifacts/ui/ and names it
	 * in the error, with the console errors seen so far.
	 */
	async step(name, fn) {
		try {
			return await fn();
		} catch (error) {
			fs.mkdirSync(ARTIFACTS, { recursive: true });
			const file = path.join(ARTIFACTS, `${new Date().toISOString().replace(/[:.]/g, '-')}-${slug(name)}.png`);
			await this.page.screenshot({ path: file, fullPage: true }).catch(() => {});
			const errors = this.errors.length ? `\nbrowser console errors:\n  ${this.errors.join('\n  ')}` : '';
			const failure = new Error(
				`UI step "${name}" failed: ${error.message}\nscreenshot: ${path.relative(ROOT, file)}${errors}`,
				{ cause: error },
			);
			failure.stack = `${failure.message}\n${(error.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)).join('\n')}`;
			throw failure;
		}
	}

	// ---- workflows and the canvas ----

	/** A new, empty workflow in the editor. */
	async newWorkflow() {
		await this.page.goto('about:blank');
		await this.page.goto(`${this.url}/workflow/new`);
		
		await this.page.getByTestId('canvas-plus-button').waitFor();
	}

	/** A saved workflow, by id, on the canvas. */
	async openWorkflow(id) {
		await this.page.goto(`${this.url}/workflow/${id}`);
		
		await this.page.getByTestId('canvas-node').first().waitFor();
	}

	canvasNode(name) {
		return this.page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
	}

	/** Fits the workflow into the canvas (for a picture of it). */
	async zoomToFit() {
		await this.page.getByTestId('zoom-to-fit').click();
	}

	// ---- the nodes panel ----

	/** Opens the nodes panel from the canvas, searches for `text`; returns the names listed. */
	async searchNodes(text) {
		const plus = this.page.getByTestId('canvas-plus-button');
		if (await plus.isVisible()) await plus.click();
		else await this.page.getByTestId('node-creator-plus-button').click();
		await this.page.getByTestId('node-creator-search-bar').fill(text);
		const names = this.page.getByTestId('node-creator').getByTestId('node-creator-item-name');
		await names.first().waitFor();
		return (await names.allInnerTexts()).map((t) => t.trim());
	}

	/** Clicks a node listed in the nodes panel (after `searchNodes`). */
	async chooseNode(name) {
		await this.page
			.getByTestId('node-creator')
			.getByTestId('node-creator-item-name')
			.filter({ hasText: new RegExp(`^\\s*${escapeRegExp(name)}\\s*$`) })
			.click();
	}

	/**
	 * Chooses `item` among the nodes the panel lists for `search`, then its first action or trigger
	 * event when the panel lists them (or `action`, by its text); resolves when the node's panel is open.
	 */
	async addNode(search, item, action) {
		const listed = await this.searchNodes(search);
		if (!listed.includes(item)) {
			throw new Error(`the nodes panel lists ${JSON.stringify(listed)} for "${search}", not "${item}"`);
		}
		await this.chooseNode(item);
		const creator = this.page.getByTestId('node-creator');
		// A node with actions or trigger events slides in a "Node details" panel listing them.
		await this.ndv().or(creator.getByText('Node details', { exact: true })).first().waitFor();
		if (await this.ndv().isVisible()) return [];
		await this.page.waitForFunction(
			() => !document.querySelector('[data-test-id="node-creator"] [class*="-enter-active"], [data-test-id="node-creator"] [class*="-leave-active"]'),
		);
		const choices = creator.locator('aside').last().getByTestId('node-creator-item-name');
		await choices.first().waitFor();
		const texts = (await choices.allInnerTexts()).map((t) => t.trim());
		const index = action === undefined ? 0 : texts.indexOf(action);
		if (index < 0) throw new Error(`"${item}" lists ${JSON.stringify(texts)}, not "${action}"`);
		await choices.nth(index).click();
		await this.ndv().getByTestId('node-parameters').waitFor();
		return texts;
	}

	/** Adds n8n's Manual Trigger to an empty canvas (regular nodes are added after a trigger). */
	async addManualTrigger() {
		await this.searchNodes('Manual Trigger');
		await this.page.keyboard.press('Enter');
		await this.page.getByTestId('canvas-trigger-node').waitFor();
		await this.closePanels();
	}

	/** Closes the node panel (its close button) and the nodes panel (Escape), whichever is open. */
	async closePanels() {
		if (await this.ndv().isVisible()) {
			await this.ndv().getByTestId('ndv-close-button').click();
			await this.ndv().waitFor({ state: 'hidden' });
		}
		const creator = this.page.getByTestId('node-creator');
		if (await creator.isVisible()) {
			await this.page.keyboard.press('Escape');
			await creator.waitFor({ state: 'hidden' });
		}
	}

	// ---- a node's panel (NDV) ----

	ndv() {
		return this.page.getByTestId('ndv');
	}

	async openNode(name) {
		await this.canvasNode(name).dblclick();
		await this.ndv().waitFor();
		await this.ndv().getByTestId('node-parameters').waitFor();
	}

	/**
	 * The labels of the parameters the panel shows, top level only, in order (credential selector
	 * and notices left out), once the panel has settled.
	 */
	async shownParameters() {
		const parameters = this.ndv().getByTestId('node-parameters');
		await parameters.waitFor();
		let previous;
		// Settled: the same list twice in a row, read on successive animation frames.
		for (let i = 0; i < 50; i++) {
			const labels = await parameters.evaluate((root) => {
				const wrapper = root.querySelector('.parameter-input-list-wrapper');
				if (!wrapper) return [];
				return [...wrapper.children]
					.filter((el) => el.matches('[data-test-id="parameter-item"]'))
					.map((el) => {
						// The credential selector sits in the first parameter's container: skip its label.
						const label = [...el.querySelectorAll('label .n8n-text, .n8n-input-label .n8n-text')].find(
							(l) => !l.closest('[data-test-id="credentials-label"]'),
						);
						return label ? label.textContent.replace(/\s+/g, ' ').trim() : null;
					})
					.filter(Boolean);
			});
			const key = JSON.stringify(labels);
			if (key === previous) return labels;
			previous = key;
			await this.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
		}
		return JSON.parse(previous);
	}

	/** The parameter's input (by parameter name) in the open panel. */
	parameter(name) {
		return this.ndv().getByTestId(`parameter-input-${name}`);
	}

	/**
	 * Opens the dropdown of `trigger` (a select); resolves with its own options (the list its input
	 * names in aria-controls, not another dropdown still fading out).
	 */
	async openDropdown(trigger) {
		await trigger.click();
		const id = await trigger.locator('input[aria-controls]').first().getAttribute('aria-controls');
		const items = this.page.locator(`[id="${id}"] .el-select-dropdown__item`);
		await items.first().waitFor();
		return items;
	}

	/** The option of an open dropdown labelled exactly so (its title, when it also has a description). */
	static option(items, label) {
		return items
			.locator('xpath=descendant-or-self::*')
			.filter({ hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) })
			.first();
	}

	/** Picks an option of a dropdown parameter by its label; waits for the panel to show it. */
	async selectOption(name, label) {
		const items = await this.openDropdown(this.parameter(name));
		await Editor.option(items, label).click();
		await this.page.waitForFunction(
			({ name, label }) => {
				const input = document.querySelector(`[data-test-id="ndv"] [data-test-id="parameter-input-${name}"] input`);
				return input && input.value === label;
			},
			{ name, label },
		);
	}

	/** Adds an option of a collection ("Add Filter", "Add Option", …) by its label. */
	async addToCollection(label, nth = 0) {
		const items = await this.openDropdown(this.ndv().getByTestId('collection-parameter-add').nth(nth));
		await Editor.option(items, label).click();
	}

	/** Picks options of a multi-option parameter by their labels; waits until each shows as chosen. */
	async selectOptions(name, labels) {
		const items = await this.openDropdown(this.parameter(name));
		for (const label of labels) {
			await Editor.option(items, label).click();
			await this.parameter(name).locator('.el-tag, .el-select__tags-text').filter({ hasText: label }).first().waitFor();
		}
		await this.page.keyboard.press('Escape');
	}

	/** The options a dropdown parameter offers (opens it, reads them, closes it). */
	async optionsOf(name) {
		const items = await this.openDropdown(this.parameter(name));
		const texts = (await items.allInnerTexts()).map((t) => t.split('\n')[0].trim());
		await this.page.keyboard.press('Escape');
		return texts;
	}

	// ---- lists: a resource locator's "From list" ----

	/** Opens a resource locator's list; resolves with the items it shows once they have loaded. */
	async openList(name) {
		await this.ndv().getByTestId(`resource-locator-${name}`).getByTestId('rlc-input').click();
		return this.listItems();
	}

	/** The items of the open list (waits for the first, or the list's "no results" text). */
	async listItems() {
		const items = this.page.locator('[data-test-id="rlc-item"]:visible');
		await items.first().waitFor();
		return (await items.allInnerTexts()).map((t) => t.trim());
	}

	/** Types into the open list's search box; resolves with the items once they all match. */
	async searchList(text, matches) {
		await this.page.locator('[data-test-id="rlc-search"] input, input[data-test-id="rlc-search"]').fill(text);
		await this.page.waitForFunction(
			(source) => {
				const items = [...document.querySelectorAll('[data-test-id="rlc-item"]')].filter((i) => i.checkVisibility());
				return items.length > 0 && items.every((i) => new RegExp(source, 'i').test(i.textContent));
			},
			matches.source,
		);
		return this.listItems();
	}

	/** Clicks an item of the open list by its text; waits for the list to close. */
	async chooseListItem(text) {
		await this.page
			.locator('[data-test-id="rlc-item"]:visible')
			.filter({ hasText: new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`) })
			.first()
			.click();
		await this.page.getByTestId('rlc-search').waitFor({ state: 'hidden' });
	}

	// ---- credentials ----

	credentialModal() {
		return this.page.getByTestId('editCredential-modal');
	}

	/** Opens a saved credential from the Credentials list, by name; n8n tests it on opening. */
	async openCredential(name) {
		await this.page.goto(`${this.url}/home/credentials`);
		
		await this.page.getByTestId('resources-list-item').filter({ hasText: name }).first().click();
		await this.credentialModal().waitFor();
	}

	/** "Create credential" → the type, by its display name → Continue; the empty dialog opens. */
	async newCredential(typeName) {
		await this.page.goto(`${this.url}/home/credentials`);
		
		await this.page.getByTestId('add-resource-credential').click();
		await this.page.getByTestId('new-credential-type-select').click();
		await this.page.keyboard.type(typeName);
		await this.page
			.getByTestId('new-credential-type-select-option')
			.filter({ hasText: new RegExp(`^\\s*${escapeRegExp(typeName)}\\s*$`) })
			.click();
		await this.page.getByTestId('new-credential-type-button').click();
		await this.credentialModal().waitFor();
	}

	/** Fills the dialog's fields, by their names in the credential type. */
	async fillCredential(values) {
		for (const [name, value] of Object.entries(values)) {
			const input = this.credentialModal().getByTestId(`parameter-input-${name}`).locator('input, textarea').first();
			await input.fill(String(value));
		}
	}

	/** Saves the dialog (which tests the credential); resolves with the test's outcome as shown. */
	async saveCredential() {
		await this.credentialModal().getByTestId('credential-save-button').click();
		return this.credentialTestResult();
	}

	/**
	 * The connection test's outcome the dialog shows: { ok: true } on n8n's success banner, else
	 * { ok: false, text } with the failure banner's text.
	 */
	async credentialTestResult() {
		const modal = this.credentialModal();
		const success = modal.getByTestId('credentials-config-container-test-success');
		const failure = modal.getByText(/Couldn.t connect with these settings/);
		await success.or(failure).first().waitFor({ timeout: 30_000 });
		if (await success.isVisible()) return { ok: true, text: (await success.innerText()).trim() };
		// The reason shows under the banner once "More details" is clicked.
		const banner = modal.locator('.el-tag').filter({ hasText: /Couldn.t connect with these settings/ });
		await banner.getByText('More details', { exact: true }).click();
		const details = banner.locator('[class*="_details_"]');
		await details.waitFor();
		return { ok: false, text: (await details.innerText()).replace(/\s+/g, ' ').trim() };
	}

	async closeCredential() {
		await this.credentialModal().locator('.el-dialog__close').first().click();
		await this.credentialModal().waitFor({ state: 'hidden' });
	}

	// ---- saving ----

	/**
	 * Saves the workflow (Ctrl+S); resolves with the saved workflow, read back through the REST API
	 * once `until(workflow)` holds (the save is asynchronous).
	 */
	async saveAndRead(until = (workflow) => workflow.nodes?.length > 0) {
		await this.closePanels();
		await this.page.keyboard.press('Control+s');
		await this.page.waitForURL(/\/workflow\/(?!new)[^/?]+/);
		const id = /\/workflow\/([^/?]+)/.exec(this.page.url())[1];
		for (const started = Date.now(); ; ) {
			const response = await this.context.request.get(`${this.url}/rest/workflows/${id}`);
			if (response.status() === 200) {
				const { data } = await response.json();
				if (until(data)) return data;
			}
			if (Date.now() - started > 20_000) throw new Error(`workflow ${id} was not saved within 20 s`);
			await new Promise((r) => setTimeout(r, 200));
		}
	}

	/** Types into a text or number parameter (replacing its value). */
	async fill(name, value) {
		const input = this.parameter(name).locator('input, textarea, .cm-content').first();
		await input.click();
		await input.fill(String(value));
		await this.page.keyboard.press('Tab');
	}

	// ---- running a node ----

	/**
	 * "Execute step" in the open panel; resolves when the output panel shows the run: { count } (the
	 * number of items it says it shows) or { error } (the error's message and description as shown).
	 */
	async executeStep() {
		await this.ndv().getByTestId('node-execute-button').click();
		const output = this.ndv().getByTestId('output-panel');
		const error = output.getByTestId('node-error-message');
		const count = output.getByTestId('ndv-items-count');
		await error.or(count).first().waitFor({ timeout: 120_000 });
		if (await error.isVisible()) {
			const description = output.getByTestId('node-error-description');
			const more = (await description.count()) ? ` ${(await description.innerText()).trim()}` : '';
			return { error: `${(await error.innerText()).trim()}${more}` };
		}
		return { count: (await count.innerText()).trim() };
	}

	/**
	 * A webhook trigger's "Execute step": n8n listens on the test URL; `deliver(testUrl)` sends a
	 * delivery there. Resolves like `executeStep` once the output panel shows it.
	 */
	async listenAndDeliver(deliver) {
		await this.ndv().getByText('Webhook URLs', { exact: true }).click();
		const address = this.ndv().getByText(/\/webhook-test\//).first();
		await address.waitFor();
		const testUrl = (await address.innerText()).trim();
		await this.ndv().getByTestId('node-execute-button').click();
		const output = this.ndv().getByTestId('output-panel');
		await this.ndv().getByText('Listening for test event', { exact: true }).waitFor();
		await deliver(testUrl);
		const count = output.getByTestId('ndv-items-count');
		const error = output.getByTestId('node-error-message');
		await error.or(count).first().waitFor({ timeout: 60_000 });
		if (await error.isVisible()) return { error: (await error.innerText()).trim() };
		return { count: (await count.innerText()).trim() };
	}

	/** Closes the notices on screen (before a picture). */
	async dismissNotices() {
		const notices = this.page.locator('.el-notification');
		while (await notices.count()) {
			const notice = await notices.first().elementHandle();
			await notice.$('.el-notification__closeBtn').then((button) => button?.click());
			await notice.waitForElementState('hidden');
		}
	}

	/** Types into a JSON (code editor) parameter, replacing its text. */
	async fillJson(name, text) {
		const editor = this.parameter(name).locator('.cm-content').first();
		await editor.click();
		await this.page.keyboard.press('Control+a');
		await this.page.keyboard.press('Delete');
		await editor.fill(text);
		await this.page.waitForFunction(
			({ name, text }) =>
				document.querySelector(`[data-test-id="ndv"] [data-test-id="parameter-input-${name}"] .cm-content`)?.textContent === text,
			{ name, text },
		);
	}
}

function escapeRegExp(text) {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

module.exports = { Editor, ARTIFACTS, escapeRegExp };
