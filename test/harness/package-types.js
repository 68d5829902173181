'use strict';
// Our node and credential types, keyed as n8n keys them once the package is installed
// (`<package name>.<node name>`), loaded from the TypeScript sources (ts-jest) so coverage maps to them.
const { name: packageName } = require('../../package.json');

const { Recruitee } = require('../../nodes/Recruitee/Recruitee.node');
const { Sumsub } = require('../../nodes/Sumsub/Sumsub.node');
const { SumsubTrigger } = require('../../nodes/Sumsub/SumsubTrigger.node');
const { RecruiteeTrigger } = require('../../nodes/Recruitee/RecruiteeTrigger.node');
const { RecruiteeApi } = require('../../credentials/RecruiteeApi.credentials');
const { SumsubApi } = require('../../credentials/SumsubApi.credentials');

const nodeClasses = [Recruitee, RecruiteeTrigger, Sumsub, SumsubTrigger];
const credentialClasses = [RecruiteeApi, SumsubApi];

const nodeTypes = {};
for (const NodeClass of nodeClasses) {
	const instance = new NodeClass();
	nodeTypes[`${packageName}.${instance.description.name}`] = instance;
}

const credentialTypes = {};
for (const CredentialClass of credentialClasses) {
	const instance = new CredentialClass();
	credentialTypes[instance.name] = instance;
}

module.exports = { packageName, nodeTypes, credentialTypes };
