'use strict';
// The browser the UI test and the screenshots drive: the distribution's Chromium (Debian's package
// `chromium`), installed by this script with apt-get when it is missing, and driven by playwright-core
// (an npm package that ships no browser and downloads none). Nothing comes from a browser vendor's CDN.

const fs = require('node:fs');

const { aptInstall } = require('./apt');

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);

function log(message) {
	process.stderr.write(`[browser] ${message}\n`);
}

/** The path of a Chromium executable; installs Debian's `chromium` package once if there is none. */
function ensureChromium() {
	const found = CANDIDATES.find((file) => fs.existsSync(file));
	if (found) return found;
	if (process.env.CHROMIUM_PATH) throw new Error(`CHROMIUM_PATH is ${process.env.CHROMIUM_PATH}, which does not exist`);
	aptInstall(['chromium'], { why: 'the editor test (and npm run screenshots)', log });
	const installed = CANDIDATES.find((file) => fs.existsSync(file));
	if (!installed) throw new Error('apt-get installed chromium, but no /usr/bin/chromium was found');
	return installed;
}

/**
 * Starts headless Chromium. The flags keep it off the network it cannot reach here (background
 * updates, sync, QUIC) and let it run as root, as CI does.
 */
async function launchChromium() {
	const { chromium } = require('playwright-core');
	return chromium.launch({
		executablePath: ensureChromium(),
		headless: true,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--disable-dev-shm-usage',
		],
	});
}

module.exports = { ensureChromium, launchChromium };
