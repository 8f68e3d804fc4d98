import { newId, parseEvent, silentLogger, type CloudEvent } from '@omni/contracts';
import { inTransaction, type StoredEvent } from '@omni/event-store';
import type { Pool } from 'pg';
import { applyEvents, liveTables, type Projection, type TableNames } from './projection.js';
import { applyStreamEvents } from './stream-apply.js';
import type { StreamProjection } from './stream-projection.js';

/** An event as a projection spec writes it: the rest of a stored event is made up in order. */
export interface SpecEvent {
  readonly streamId: string;
  readonly type: string;
  readonly data: object;
  readonly recordedAt?: Date;
}

/**
 * Given these events, the read model is…: creates the projection's tables in `schema` and folds the
 * events into them as a command's transaction would (numbered per stream, in order), then answers the
 * table names to query. For projection specs against a test database.
 */
export async function givenEvents(
  pool: Pool,
  schema: string,
  projection: Projection,
  events: readonly SpecEvent[],
): Promise<TableNames> {
  const t = liveTables(schema, projection);
  const versions = new Map<string, number>();
  const stored = events.map((e, i): StoredEvent => {
    const version = (versions.get(e.streamId) ?? 0) + 1;
    versions.set(e.streamId, version);
    return {
      globalPosition: BigInt(i + 1),
      transactionId: 1n,
      streamId: e.streamId,
      streamVersion: version,
      eventId: newId(),
      eventType: e.type,
      data: e.data as Record<string, unknown>,
      metadata: { correlationId: 'spec', causationId: 'spec' },
      recordedAt: e.recordedAt ?? new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
    };
  });
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await projection.createTables(client, t);
    await applyEvents(client, projection, stored, t);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
  return t;
}

/** Another service's event as a stream projection spec writes it: the envelope is made up in order. */
export interface SpecStreamEvent {
  /** The CloudEvents type, e.g. `orders.order.placed`. */
  readonly type: string;
  /** The aggregate id (the CloudEvents `subject`). */
  readonly subject: string;
  readonly data: object;
  /** ISO time; by default one second apart from 2026-01-01T00:00:00Z. */
  readonly time?: string;
}

/**
 * Given these events on the source stream, the read model is…: creates a stream projection's tables
 * in `schema` and folds the events as its runner would, then answers the table names to query. A spec
 * event whose data breaks the contracts' schemas throws (live, it would be skipped with an error).
 */
export async function givenStreamEvents(
  pool: Pool,
  schema: string,
  projection: StreamProjection,
  events: readonly SpecStreamEvent[],
): Promise<TableNames> {
  const t = liveTables(schema, projection);
  const versions = new Map<string, number>();
  const batch = events.map((e, i) => {
    const version = (versions.get(e.subject) ?? 0) + 1;
    versions.set(e.subject, version);
    const event: CloudEvent = {
      specversion: '1.0',
      id: newId(),
      source: `omni/${projection.source.service}`,
      type: e.type,
      subject: e.subject,
      time: e.time ?? new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
      datacontenttype: 'application/json',
      data: e.data as Record<string, unknown>,
      streamversion: version,
      correlationid: 'spec',
      causationid: 'spec',
    };
    parseEvent(projection.source.events, event);
    return { seq: i + 1, event };
  });
  await inTransaction(pool, async (tx) => {
    await tx.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await projection.createTables(tx, t);
    await applyStreamEvents(tx, projection, batch, t, silentLogger);
  });
  return t;
}
