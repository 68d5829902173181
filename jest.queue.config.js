'use strict';

/**
 * The package in n8n's queue mode (see test/queue): run it with `npm run test:queue`, which starts
 * Postgres and Redis first (test/queue/run.js). Run `npm run build` first.
 */
/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/queue'],
	testMatch: ['**/*.queue.js'],
	globalSetup: '<rootDir>/test/queue/harness/global-setup.js',
	maxWorkers: 1,
	testTimeout: 300000,
};
