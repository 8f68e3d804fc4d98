/**
 * Retries `check` until it stops throwing (or returns a truthy value), for waiting on asynchronous
 * effects such as projections catching up. A failure after `timeoutMs` rethrows the last error, so
 * the test reports what was still wrong rather than a bare timeout.
 *
 * The deadline is generous on purpose: a passing test never waits for it, it only bounds how long a
 * failing one takes to say so, and on a loaded machine (two cores shared with builds) effects that
 * take milliseconds here can take seconds.
 */
export async function eventually<T>(
  check: () => Promise<T> | T,
  { timeoutMs = 30_000, intervalMs = 25 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const result = await check();
      if (result !== false) return result;
      lastError = new Error('condition still false');
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw lastError;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
