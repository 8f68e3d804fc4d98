import pg from 'pg';
import { jetstreamManager } from '@nats-io/jetstream';
import { connectNats, ensureServiceStream } from '@omni/messaging';
import {
  createTestDatabase,
  eventually,
  startTestNats,
  type TestDatabase,
  type TestNatsServer,
} from '@omni/testing';

describe('the per-suite test harness', () => {
  let db: TestDatabase;
  let nats: TestNatsServer;

  beforeAll(async () => {
    [db, nats] = await Promise.all([createTestDatabase(), startTestNats()]);
  });
  afterAll(async () => {
    await Promise.all([db?.drop(), nats?.dispose()]);
  });

  it('gives a fresh database of its own', async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query('select current_database() as name');
    await client.end();
    expect(rows[0].name).toBe(db.name);
  });

  it('gives a private JetStream server that survives a restart with its streams', async () => {
    const nc = await connectNats({ url: nats.url, name: 'harness-test' });
    await ensureServiceStream(nc, 'inventory');
    await ensureServiceStream(nc, 'inventory'); // idempotent
    await nats.restart();
    // A request sent while the client is still reconnecting times out: retry until it answers.
    const info = await eventually(async () =>
      (await jetstreamManager(nc, { timeout: 1_000 })).streams.info('INVENTORY'),
    );
    expect(info.config.subjects).toEqual(['inventory.>']);
    expect(info.config.max_age).toBe(0);
    await nc.close();
  });
});
