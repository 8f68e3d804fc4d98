// The whole system for a script (test:postman, chaos): started as `npm start` starts it, on a fresh
// database and a private nats-server (startSystem from @omni/testing), and everything it started
// stopped afterwards. The PostgreSQL server is resolved here once, as Jest's global setup does for the
// tests (OMNI_TEST_POSTGRES_URL, else 127.0.0.1:5432, else an embedded one): an embedded server would
// otherwise outlive the script and keep it from exiting.
import { startSystem, startTestPostgres } from '@omni/testing';

/** Runs `work(system)` against a started system; stops the system and its servers whatever happens. */
export async function withPrivateSystem(options, work) {
  const postgres = await startTestPostgres();
  const previousUrl = process.env.OMNI_TEST_POSTGRES_URL;
  process.env.OMNI_TEST_POSTGRES_URL = postgres.url;
  try {
    const system = await startSystem(options);
    try {
      return await work(system);
    } finally {
      await system.stop();
    }
  } finally {
    if (previousUrl === undefined) delete process.env.OMNI_TEST_POSTGRES_URL;
    else process.env.OMNI_TEST_POSTGRES_URL = previousUrl;
    await postgres.stop();
  }
}
