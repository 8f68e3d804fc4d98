import { RateLimitedError } from '@omni/contracts';

/**
 * Failed logins per email and per client address in a sliding window. In memory: one gateway
 * instance sees its own share; with several instances the limit is per instance, which still
 * stops online guessing at a useful rate.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures = 10,
    private readonly windowMs = 15 * 60_000,
  ) {}

  assertAllowed(keys: readonly string[], now = Date.now()): void {
    for (const key of keys) {
      const recent = this.recent(key, now);
      if (recent.length >= this.maxFailures) {
        const retryAfterSeconds = Math.ceil((recent[0]! + this.windowMs - now) / 1000);
        throw new RateLimitedError('Too many failed logins; try again later', {
          details: { retryAfterSeconds },
        });
      }
    }
  }

  recordFailure(keys: readonly string[], now = Date.now()): void {
    for (const key of keys) this.failures.set(key, [...this.recent(key, now), now]);
  }

  reset(keys: readonly string[]): void {
    for (const key of keys) this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    const recent = (this.failures.get(key) ?? []).filter((at) => at > now - this.windowMs);
    if (recent.length === 0) this.failures.delete(key);
    return recent;
  }
}
