import { sleepWithAbort } from 'n8n-workflow';

/**
 * At most `max` starts in any `windowMs`: a caller over the limit waits (n8n's sleep) until the
 * oldest start leaves the window. Shared by every item and node run of one n8n process that uses it.
 */
export class SlidingWindowLimiter {
	private readonly starts: number[] = [];

	constructor(
		readonly max: number,
		readonly windowMs: number,
	) {}

	async take(signal?: AbortSignal): Promise<void> {
		for (;;) {
			const now = Date.now();
			while (this.starts.length && this.starts[0] <= now - this.windowMs) this.starts.shift();
			if (this.starts.length < this.max) {
				this.starts.push(now);
				return;
			}
			await sleepWithAbort(this.starts[0] + this.windowMs - now + 1, signal);
		}
	}
}
