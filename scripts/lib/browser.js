'use strict';
// The browser the UI test and the screenshots drive: the distribution's Chromium (Debian's package
// `chromium`), installed by this script with apt-get when it is missing, and driven by playwright-core
// (an npm package that ships no browser and downloads none). Nothing comes from a browser vendor's CDN.

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);

function log(message) {
	process.stderr.write(`[browser] ${message}\n`);
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs apt-get as root: directly, or through passwordless sudo (GitHub's runners). */
function aptGet(args) {
	const [command, prefix] = isRoot() ? ['apt-get', []] : ['sudo', ['-n', 'apt-get']];
	execFileSync(command, [...prefix, ...args], {
		stdio: ['ignore', 'ignore', 'inherit'],
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
	});
}

/** The path of a Chromium executable; installs Debian's `chromium` package once if there is none. */
function ensureChromium() {
	const found = CANDIDATES.find((file) => fs.existsSync(file));
	if (found) return found;
	if (!fs.existsSync('/usr/bin/apt-get')) {
		throw new Error(
			'No Chromium found and no apt-get to install one. Install your distribution\'s Chromium ' +
				'package, or set CHROMIUM_PATH to a Chromium or Chrome executable.',
		);
	}
	log('installing Debian\'s chromium package (once)…');
	const started = Date.now();
	try {
		aptGet(['update', '-qq']);
		aptGet(['install', '-y', '-qq', '--no-install-recommends', 'chromium']);
	} catch (error) {
		throw new Error(
			`Could not install Chromium with apt-get (${error.message.split('\n')[0]}). It needs root or ` +
				'passwordless sudo. Install the `chromium` package yourself, or set CHROMIUM_PATH.',
		);
	}
	log(`chromium installed in ${Math.round((Date.now() - started) / 1000)} s`);
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
