import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { newId, streamName, toCloudEvent } from '@omni/contracts';
import {
  ensureProjection,
  migrateProjections,
  streamProjection,
  type StreamProjection,
  type TableNames,
} from '@omni/projections';
import type pg from 'pg';
import { z } from 'zod';

/**
 * A stream projection for tests of the stream-fed machinery: every applied `counted` event leaves a
 * row with its number, how often it was applied, and in which transaction. `onApply` runs before
 * each event is applied to the given table (live or shadow), for a test to act in the middle of it.
 */
export function talliesOf(
  service: string,
  onApply?: (n: number, table: string) => Promise<void>,
): StreamProjection {
  return streamProjection({
    name: 'tallies',
    tables: ['tallies'],
    source: {
      service,
      filterSubject: `${service}.counter.>`,
      events: { [`${service}.counter.counted`]: z.object({ n: z.number() }) },
    },
    async createTables(tx, t: TableNames) {
      await tx.query(
        `CREATE TABLE IF NOT EXISTS ${t['tallies']} (n int PRIMARY KEY, applied int NOT NULL, txid xid8 NOT NULL)`,
      );
    },
    async apply(tx, event, t) {
      await onApply?.(event.data.n, t['tallies']!);
      await tx.query(
        `INSERT INTO ${t['tallies']} VALUES ($1, 1, pg_current_xact_id())
         ON CONFLICT (n) DO UPDATE SET applied = ${t['tallies']}.applied + 1`,
        [event.data.n],
      );
    },
  });
}

/**
 * The source `service`'s stream, and a schema of the same name holding the tallies read model (the
 * checkpoint table included), so each test starts from nothing.
 */
export async function createTallySource(
  nats: NatsConnection,
  pool: pg.Pool,
  service: string,
  onApply?: (n: number, table: string) => Promise<void>,
): Promise<StreamProjection> {
  await (await jetstreamManager(nats)).streams.add({ name: streamName(service), subjects: [`${service}.>`] });
  await pool.query(`CREATE SCHEMA ${service}`);
  await migrateProjections(pool, service);
  const projection = talliesOf(service, onApply);
  await ensureProjection(pool, service, projection);
  return projection;
}

/**
 * Publishes `counted` events numbered `from` to `to` to the source service's stream, in order (or
 * events of another type of the counter, which the tallies do not fold).
 */
export async function publishCounts(
  nats: NatsConnection,
  service: string,
  from: number,
  to: number,
  eventType = 'counted',
): Promise<void> {
  const js = jetstream(nats);
  for (let n = from; n <= to; n++) {
    const event = toCloudEvent({
      eventId: newId(),
      service,
      aggregate: 'counter',
      aggregateId: 'c1',
      eventType,
      data: { n },
      streamVersion: n,
      recordedAt: new Date(),
      metadata: { correlationId: 'c', causationId: 'c' },
    });
    await js.publish(`${service}.counter.c1.${eventType}`, JSON.stringify(event));
  }
}
