import { RateLimitedError } from '@omni/contracts';

/**
 * Failed logins in a sliding window, per account (guessing one password) and, with a higher limit,
 * per client address (spraying many accounts). In memory: with several gateway instances the limit
 * is per instance, which still stops online guessing at a useful rate.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxPerAccount = 10,
    private readonly maxPerAddress = 100,
    private readonly windowMs = 15 * 60_000,
  ) {}

  assertAllowed(account: string, address: string, now = Date.now()): void {
    for (const [key, max] of [
      [account, this.maxPerAccount],
      [address, this.maxPerAddress],
    ] as const) {
      const recent = this.recent(key, now);
      if (recent.length >= max) {
        const retryAfterSeconds = Math.ceil((recent[0]! + this.windowMs - now) / 1000);
        throw new RateLimitedError('Too many failed logins; try again later', {
          details: { retryAfterSeconds },
        });
      }
    }
  }

  recordFailure(account: string, address: string, now = Date.now()): void {
    for (const key of [account, address]) this.failures.set(key, [...this.recent(key, now), now]);
  }

  reset(account: string): void {
    this.failures.delete(account);
  }

  private recent(key: string, now: number): number[] {
    const recent = (this.failures.get(key) ?? []).filter((at) => at > now - this.windowMs);
    if (recent.length === 0) this.failures.delete(key);
    return recent;
  }
}
