/**
 * The sampled part of the operations dashboard: dead letters counted per consuming service from the
 * DLQ stream, a service that does not answer its health RPC shown without relay lag, and a sample
 * without relay lag keeping the last one known (another replica answered).
 */
import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { connectNats, createRpcClient, ensureDeadLetterStream } from '@omni/messaging';
import { createTestDatabase, startTestNats, type TestDatabase, type TestNatsServer } from '@omni/testing';
import pg from 'pg';
import { sampleHealth, writeHealthSamples } from '../src/operations/health-sampler.js';
import { operationsDashboard } from '../src/projections/operationsDashboard/query.js';
import { ANALYTICS_STREAM_PROJECTIONS } from '../src/projections/index.js';
import { migrateAnalyticsSchema } from '../src/schema.js';
import { givenStreamEvents } from '@omni/projections';

let database: TestDatabase;
let pool: pg.Pool;
let server: TestNatsServer;
let nats: NatsConnection;
const SCHEMA = 'spec_health';

beforeAll(async () => {
  [database, server] = await Promise.all([createTestDatabase(), startTestNats()]);
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  nats = await connectNats({ url: server.url, name: 'health-sampler-spec' });
  await ensureDeadLetterStream(nats);
  for (const projection of ANALYTICS_STREAM_PROJECTIONS)
    await givenStreamEvents(pool, SCHEMA, projection, []);
  await migrateAnalyticsSchema(pool, SCHEMA);
});

afterAll(async () => {
  await nats?.close();
  await server?.dispose();
  await pool?.end();
  await database?.drop();
});

const services = async () => (await operationsDashboard(pool, SCHEMA, new Date())).services;

describe('sampling service health', () => {
  describe('when consumers gave up on messages', () => {
    it('counts the dead letters of each consuming service', async () => {
      const js = jetstream(nats);
      await js.publish('dlq.ORDERS.payments-orders', '{}');
      await js.publish('dlq.ORDERS.payments-orders', '{}');
      await js.publish('dlq.INVENTORY.orders-inventory', '{}');

      const samples = await sampleHealth(nats, createRpcClient(nats), 100);
      const byService = Object.fromEntries(samples.map((s) => [s.service, s]));
      expect(byService['payments']).toMatchObject({ deadLetters: 2 });
      expect(byService['orders']).toMatchObject({ deadLetters: 1 });
      expect(byService['inventory']).toMatchObject({ deadLetters: 0 });
    });
  });

  describe('when no service answers its health RPC', () => {
    it('has no relay lag for any of them', async () => {
      const samples = await sampleHealth(nats, createRpcClient(nats), 100);
      expect(samples.every((s) => s.relayLag === null)).toBe(true);
      expect(samples.map((s) => s.service)).not.toContain('gateway');
    });
  });

  describe('when a sample has no relay lag for a service that had one', () => {
    it('keeps the last relay lag known and takes the new dead letters and time', async () => {
      const first = new Date('2026-03-02T10:00:00.000Z');
      const second = new Date('2026-03-02T10:00:05.000Z');
      await writeHealthSamples(
        pool,
        SCHEMA,
        [{ service: 'orders', relayLag: { events: 4, seconds: 1.5 }, deadLetters: 0 }],
        first,
      );
      await writeHealthSamples(pool, SCHEMA, [{ service: 'orders', relayLag: null, deadLetters: 3 }], second);
      expect(await services()).toEqual([
        {
          service: 'orders',
          relayLagEvents: 4,
          relayLagSeconds: 1.5,
          deadLetters: 3,
          sampledAt: second.toISOString(),
        },
      ]);
    });
  });
});
