import { sleepWithAbort } from 'n8n-workflow';

/** How often a caller looks again while every slot is held by a request still under way. */
const IN_FLIGHT_POLL_MS = 50;

/**
 * At most `max` requests in any `windowMs`, counted the way the API counts them: when they arrive.
 * We cannot see the arrival, only that it lies between the start and the answer, so a request holds
 * its slot from its start until `windowMs` after its answer (`take` gives the function that says
 * the answer is in). A request that reaches the API late (a new connection, a busy network) then
 * still counts for as long as the API counts it. A caller over the limit waits (n8n's sleep). Shared
 * by every item and node run of one n8n process that uses it.
 */
export class SlidingWindowLimiter {
	/** When each slot is free again: Infinity while its request is under way. */
	private readonly held: Array<{ until: number }> = [];

	constructor(
		readonly max: number,
		readonly windowMs: number,
	) {}

	/** Waits for a slot; call the function it gives once the answer (or the failure) is in. */
	async take(signal?: AbortSignal): Promise<() => void> {
		for (;;) {
			const now = Date.now();
			for (let i = this.held.length - 1; i >= 0; i--) {
				if (this.held[i].until <= now) this.held.splice(i, 1);
			}
			if (this.held.length < this.max) {
				const slot = { until: Infinity };
				this.held.push(slot);
				let done = false;
				return () => {
					if (done) return;
					done = true;
					slot.until = Date.now() + this.windowMs;
				};
			}
			const next = Math.min(...this.held.map((slot) => slot.until));
			await sleepWithAbort(next === Infinity ? IN_FLIGHT_POLL_MS : next - now + 1, signal);
		}
	}
}
