import type { JetStreamManager } from '@nats-io/jetstream';
import type { Pool } from 'pg';
import { START, type Position } from './types.js';

export const POSITION_HEADER = 'Omni-Position';

export function formatPosition(position: Position): string {
  return `${position.transactionId}:${position.globalPosition}`;
}

export function parsePosition(value: string | undefined): Position | undefined {
  const match = value?.match(/^(\d+):(\d+)$/);
  return match ? { transactionId: BigInt(match[1]!), globalPosition: BigInt(match[2]!) } : undefined;
}

export interface StreamHead {
  /** The store position of the last event the stream holds: publishing resumes after it. */
  readonly position: Position;
  /** The stream's last sequence: the next publish must expect exactly this (`Nats-Expected-Last-Sequence`). */
  readonly lastSequence: number;
}

/**
 * Where the relay stopped, read from the stream itself: the newest message that carries a store
 * position. Messages lost from the tail (an OS crash before fsync) or deleted are skipped, so the
 * relay rewinds and republishes them; PostgreSQL stays the truth.
 */
export async function readStreamHead(jsm: JetStreamManager, stream: string): Promise<StreamHead> {
  const { state } = await jsm.streams.info(stream);
  for (let seq = state.last_seq; seq >= Math.max(state.first_seq, 1) && state.messages > 0; seq--) {
    const message = await jsm.streams.getMessage(stream, { seq }).catch(() => null);
    const position = parsePosition(message?.header?.get(POSITION_HEADER));
    if (position) return { position, lastSequence: state.last_seq };
  }
  return { position: START, lastSequence: state.last_seq };
}

/**
 * The transaction id below which the log is final: no transaction older than it can still commit an
 * event. PostgreSQL's own horizon, `pg_snapshot_xmin`, counts every open transaction of the whole
 * server, so a transaction in another database (another service's, or anything else sharing the
 * server) held back publishing for as long as it stayed open: the relay's lag followed the length of
 * unrelated transactions (measured: p50 1 ms on a quiet server, 20–500 ms beside other databases' work;
 * see bench/README.md). A backend never changes database, so a transaction seen running in another
 * database cannot write here and is skipped. One that ended between the snapshot and the look at
 * `pg_stat_activity` is kept (its database is unknown), which only ever makes the horizon earlier.
 * Read events with `transaction_id` below it, from a snapshot taken after this one.
 */
export async function readVisibilityHorizon(db: Pick<Pool, 'query'>): Promise<bigint> {
  const { rows } = await db.query<{ horizon: string }>(
    `SELECT coalesce(
              (SELECT min(xid) FROM pg_snapshot_xip(pg_current_snapshot()) AS xid
                WHERE xid::text::bigint % 4294967296 NOT IN (
                  SELECT backend_xid::text::bigint FROM pg_stat_activity
                   WHERE backend_xid IS NOT NULL
                     AND datid IS DISTINCT FROM (SELECT oid FROM pg_database WHERE datname = current_database()))),
              pg_snapshot_xmax(pg_current_snapshot()))::text AS horizon`,
  );
  return BigInt(rows[0]!.horizon);
}
