import { newId } from '@omni/contracts';
import type { StoredEvent } from '@omni/event-store';
import type { Pool } from 'pg';
import { applyEvents, liveTables, type Projection, type TableNames } from './projection.js';

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
