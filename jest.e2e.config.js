'use strict';

/** End-to-end: the packed package in a real n8n (see test/e2e). Run `npm run build` first. */
/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.test.js'],
	globalSetup: '<rootDir>/test/e2e/harness/global-setup.js',
	maxWorkers: 1,
	testTimeout: 300000,
};
