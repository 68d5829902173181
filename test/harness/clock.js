'use strict';
// A clock the tests set: Date (and so Date.now) is faked, timers stay real (sockets, retries and
// n8n's sleep keep working). The sandboxes run in this process, so they see the same time.
function useClock() {
	const clock = {
		now: () => Date.now(),
		set: (ms) => jest.setSystemTime(ms),
		advance: (ms) => jest.setSystemTime(Date.now() + ms),
	};
	beforeEach(() => {
		jest.useFakeTimers({
			doNotFake: [
				'hrtime',
				'nextTick',
				'performance',
				'queueMicrotask',
				'requestAnimationFrame',
				'cancelAnimationFrame',
				'requestIdleCallback',
				'cancelIdleCallback',
				'setImmediate',
				'clearImmediate',
				'setInterval',
				'clearInterval',
				'setTimeout',
				'clearTimeout',
			],
			now: Math.floor(Date.now() / 1000) * 1000,
		});
	});
	afterEach(() => jest.useRealTimers());
	return clock;
}

/**
 * The clock, set to a fresh hour for every test (after `useClock`'s own setup), so the records one
 * test adds never fall into the windows another test polls.
 */
function useHourPerTest() {
	const clock = useClock();
	let hour = Math.floor(Date.now() / 3600e3) * 3600e3 + 86400e3;
	beforeEach(() => {
		hour += 3600e3;
		clock.set(hour);
	});
	return clock;
}

module.exports = { useClock, useHourPerTest };
