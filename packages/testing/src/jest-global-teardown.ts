import { TEST_POSTGRES_KEY } from './jest-global-setup.js';
import type { ResolvedServer } from './servers/resolve.js';

/** Stops the PostgreSQL the global setup started, if it started one. */
export default async function tearDownTestPostgres(): Promise<void> {
  const server = (globalThis as Record<string, unknown>)[TEST_POSTGRES_KEY] as ResolvedServer | undefined;
  delete (globalThis as Record<string, unknown>)[TEST_POSTGRES_KEY];
  await server?.stop();
}
