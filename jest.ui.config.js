'use strict';

/**
 * The editor in a real browser (test/ui): headless Chromium drives the n8n the e2e suite installs,
 * against the sandboxes. Run `npm run build` first.
 */
/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/ui'],
	testMatch: ['**/*.ui.test.js'],
	globalSetup: '<rootDir>/test/ui/harness/global-setup.js',
	globalTeardown: '<rootDir>/test/ui/harness/global-teardown.js',
	maxWorkers: 1,
	testTimeout: 300000,
};
