'use strict';
// n8n-core's execution context starts an SSH clients manager with a 60 s interval; stop it after each
// test file so Jest exits on its own.
afterAll(async () => {
	const { Container } = require(require.resolve('@n8n/di', { paths: [require.resolve('n8n-core')] }));
	const { SSHClientsManager } = require('n8n-core/dist/execution-engine/ssh-clients-manager');
	await Container.get(SSHClientsManager).onShutdown();
});
