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

module.exports = { useClock };
