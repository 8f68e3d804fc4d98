import { startTestPostgres } from './postgres.js';

/** Handed from the global setup to the global teardown (Jest runs both in its main process). */
export const TEST_POSTGRES_KEY = '__omniTestPostgres';

/**
 * Jest global setup of the suites that need PostgreSQL: resolves the server once for the whole run
 * and hands its URL to every suite through OMNI_TEST_POSTGRES_URL, so a machine without a
 * PostgreSQL service starts one embedded server per run, not one per suite.
 */
export default async function setUpTestPostgres(): Promise<void> {
  if (process.env.OMNI_TEST_POSTGRES_URL) return; // set by the user, or by another project's setup
  const server = await startTestPostgres();
  process.env.OMNI_TEST_POSTGRES_URL = server.url;
  if (server.origin === 'embedded') {
    process.stdout.write(`\n${server.description}\n`);
    (globalThis as Record<string, unknown>)[TEST_POSTGRES_KEY] = server;
  }
}
