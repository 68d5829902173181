'use strict';

/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.js'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/', '/test/ui/'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
	},
	moduleFileExtensions: ['ts', 'js', 'json'],
	setupFiles: ['<rootDir>/test/harness/setup-env.js'],
	setupFilesAfterEnv: ['<rootDir>/test/harness/setup-after-env.js'],
	collectCoverageFrom: ['nodes/**/*.ts', 'credentials/**/*.ts'],
	// Under node_modules so linters (which do not read .gitignore) leave the report alone.
	coverageDirectory: 'node_modules/.cache/coverage',
	coverageReporters: ['text-summary', 'text', 'lcov'],
	coverageThreshold: { global: { lines: 90 } },
	testTimeout: 30000,
};
