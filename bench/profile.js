#!/usr/bin/env node
'use strict';
// Sums up a V8 CPU profile written by `npm run bench -- --cpu-prof <dir>`: where the time went.
//   node bench/profile.js <file.cpuprofile> [--top N] [text...]
// Prints the functions with the most time of their own (self), then, for each text given, the
// functions whose name or file contains it with the time spent in them and below (total).

const fs = require('node:fs');

const argv = process.argv.slice(2);
const file = argv.shift();
if (!file) {
	console.error('usage: node bench/profile.js <file.cpuprofile> [--top N] [text...]');
	process.exit(2);
}
const topAt = argv.indexOf('--top');
const top = topAt === -1 ? 25 : Number(argv.splice(topAt, 2)[1]);
const patterns = argv;

const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map();
for (const node of profile.nodes)
	for (const child of node.children ?? []) parentOf.set(child, node.id);

/** `name file:line`, the file shortened to its last two segments. */
const label = ({ callFrame: f }) =>
	`${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;

// Microseconds sampled in each node.
const sampled = new Map();
profile.samples.forEach((id, i) => sampled.set(id, (sampled.get(id) ?? 0) + profile.timeDeltas[i]));

const self = new Map();
const total = new Map();
for (const [id, micros] of sampled) {
	self.set(label(nodes.get(id)), (self.get(label(nodes.get(id))) ?? 0) + micros);
	// Once per function up the stack, however often it recurses.
	const seen = new Set();
	for (let at = id; at !== undefined; at = parentOf.get(at)) {
		const name = label(nodes.get(at));
		if (seen.has(name)) continue;
		seen.add(name);
		total.set(name, (total.get(name) ?? 0) + micros);
	}
}

const ms = (micros) => (micros / 1000).toFixed(0).padStart(7);
const all = [...sampled.values()].reduce((a, b) => a + b, 0);
console.log(`${ms(all)} ms sampled in all\n\nself time:`);
for (const [name, micros] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) {
	console.log(`${ms(micros)}  ${name}`);
}
for (const pattern of patterns) {
	console.log(`\ntotal time, "${pattern}":`);
	const matching = [...total].filter(([name]) => name.includes(pattern));
	for (const [name, micros] of matching.sort((a, b) => b[1] - a[1]).slice(0, top)) {
		console.log(`${ms(micros)}  ${name}`);
	}
}
