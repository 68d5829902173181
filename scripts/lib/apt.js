'use strict';
// Debian/Ubuntu packages the tests need (Chromium, PostgreSQL, Redis), installed by the project's
// own scripts with apt-get when missing: as root (this project's CI), or through passwordless sudo
// (GitHub's runners). Nothing else installs system packages.

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function canSudo() {
	try {
		execFileSync('sudo', ['-n', 'true'], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

/**
 * Installs `packages` with apt-get (update first). `why` names what needs them, for the error
 * that says how to install them by hand when this cannot.
 */
function aptInstall(packages, { why, log = (m) => process.stderr.write(`[apt] ${m}\n`) }) {
	const byHand = `install ${packages.join(' ')} (Debian/Ubuntu: sudo apt-get install -y ${packages.join(' ')}) and run it again`;
	if (!fs.existsSync('/usr/bin/apt-get')) throw new Error(`${why} needs ${packages.join(' and ')}: ${byHand}`);
	const sudo = !isRoot();
	if (sudo && !canSudo()) {
		throw new Error(`${why} needs ${packages.join(' and ')}, and installing them needs root or passwordless sudo: ${byHand}`);
	}
	log(`installing ${packages.join(', ')} with apt-get (once)…`);
	const started = Date.now();
	const run = (args) =>
		execFileSync(sudo ? 'sudo' : 'apt-get', sudo ? ['-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args] : args, {
			stdio: ['ignore', 'ignore', 'inherit'],
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		});
	try {
		run(['update', '-qq']);
		run(['install', '-y', '-qq', '--no-install-recommends', ...packages]);
	} catch (error) {
		throw new Error(`apt-get could not install ${packages.join(' and ')} (${error.message.split('\n')[0]}): ${byHand}`);
	}
	log(`installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

module.exports = { aptInstall };
