'use strict';
// Our node and credential types, keyed as n8n keys them once the package is installed
// (`<package name>.<node name>`), loaded from the TypeScript sources (ts-jest) so coverage maps to
// them, or from the build (dist/) with PACKAGE_TYPES_FROM=dist (the benchmarks, in plain Node.js).
const { name: packageName } = require('../../package.json');

const root = process.env.PACKAGE_TYPES_FROM === 'dist' ? '../../dist' : '../..';
const { Recruitee } = require(`${root}/nodes/Recruitee/Recruitee.node`);
const { Sumsub } = require(`${root}/nodes/Sumsub/Sumsub.node`);
const { SumsubTrigger } = require(`${root}/nodes/Sumsub/SumsubTrigger.node`);
const { SumsubWebhookTrigger } = require(`${root}/nodes/Sumsub/SumsubWebhookTrigger.node`);
const { RecruiteeTrigger } = require(`${root}/nodes/Recruitee/RecruiteeTrigger.node`);
const { RecruiteeWebhookTrigger } = require(`${root}/nodes/Recruitee/RecruiteeWebhookTrigger.node`);
const { RecruiteeApi } = require(`${root}/credentials/RecruiteeApi.credentials`);
const { RecruiteeWebhookApi } = require(`${root}/credentials/RecruiteeWebhookApi.credentials`);
const { SumsubApi } = require(`${root}/credentials/SumsubApi.credentials`);
const { SumsubWebhookApi } = require(`${root}/credentials/SumsubWebhookApi.credentials`);

const nodeClasses = [
	Recruitee,
	RecruiteeTrigger,
	RecruiteeWebhookTrigger,
	Sumsub,
	SumsubTrigger,
	SumsubWebhookTrigger,
];
const credentialClasses = [RecruiteeApi, RecruiteeWebhookApi, SumsubApi, SumsubWebhookApi];

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
