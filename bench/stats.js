'use strict';
// Medians and ratios with their spread, as every part of the bench reports them.

const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * A ratio of two contenders (or of two measures of one), with its spread: the median of one over the
 * median of the other, and the least and the most of the run-by-run ratios (run i of each: the runs
 * take turns, so a pair shares the machine's load). The median ratio always lies within the spread.
 */
function ratio(numerators, denominators) {
	const perRun = numerators.map((value, i) => value / denominators[i]);
	const round = (x) => Number(x.toFixed(2));
	return {
		value: round(median(numerators) / median(denominators)),
		spread: [round(Math.min(...perRun)), round(Math.max(...perRun))],
	};
}

/** `1.08× (1.03–1.15)`: a ratio and its spread over the runs (just the ratio after one run). */
const showRatio = (value, spread) => {
	if (value === null || value === undefined) return 'n/a';
	const x = (n) => n.toFixed(2);
	return spread && spread[0] !== spread[1]
		? `${x(value)}× (${x(spread[0])}–${x(spread[1])})`
		: `${x(value)}×`;
};

module.exports = { median, ratio, showRatio };
