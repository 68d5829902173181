// Copies the non-TypeScript assets n8n needs next to the compiled files:
// icons (light and dark SVG) and codex files (*.node.json).
const { src, dest, parallel } = require('gulp');

function icons() {
	return src('icons/**/*.svg', { encoding: false }).pipe(dest('dist/icons'));
}

function codex() {
	return src('nodes/**/*.node.json').pipe(dest('dist/nodes'));
}

exports['build:assets'] = parallel(icons, codex);
exports.default = exports['build:assets'];
