import { withAdvisoryLock, type StoredEvent, type Tx } from '@omni/event-store';
import type { Pool } from 'pg';

/** Logical table name → schema-qualified physical name (`inventory.product_list`). */
export type TableNames = Readonly<Record<string, string>>;

/**
 * A read model folded from the event log. It never names its tables directly: the names come in as
 * `t`, so the same code fills the live tables during commands and shadow tables during a rebuild.
 */
export interface Projection {
  readonly name: string;
  /** Logical names of the tables this projection owns. */
  readonly tables: readonly string[];
  /** Creates the tables and their indexes under the given names, if they do not exist. */
  createTables(tx: Tx, t: TableNames): Promise<void>;
  apply(tx: Tx, event: StoredEvent, t: TableNames): Promise<void>;
  /** Optional faster path for rebuilds: many events in one go (multi-row writes). */
  applyBatch?(tx: Tx, events: readonly StoredEvent[], t: TableNames): Promise<void>;
}

const SHADOW_SUFFIX = '__rebuild';
const RETIRED_SUFFIX = '__retired';

/** Anything that owns tables by logical name: a `Projection` or a `StreamProjection`. */
type TableOwner = Pick<Projection, 'tables'>;

export function liveTables(schema: string, projection: TableOwner): TableNames {
  return namesWith(schema, projection, '');
}

export function shadowTables(schema: string, projection: TableOwner): TableNames {
  return namesWith(schema, projection, SHADOW_SUFFIX);
}

export function retiredTables(schema: string, projection: TableOwner): TableNames {
  return namesWith(schema, projection, RETIRED_SUFFIX);
}

function namesWith(schema: string, projection: TableOwner, suffix: string): TableNames {
  return Object.fromEntries(projection.tables.map((table) => [table, `${schema}.${table}${suffix}`]));
}

/** Applies events to a projection, in one transaction the caller owns. */
export async function applyEvents(
  tx: Tx,
  projection: Projection,
  events: readonly StoredEvent[],
  t: TableNames,
): Promise<void> {
  if (projection.applyBatch) return projection.applyBatch(tx, events, t);
  for (const event of events) await projection.apply(tx, event, t);
}

export async function migrateProjections(pool: Pool, schema: string): Promise<void> {
  await pool.query(`
    SELECT pg_advisory_xact_lock(hashtext('${schema}.projections'));
    CREATE SCHEMA IF NOT EXISTS ${schema};
    CREATE TABLE IF NOT EXISTS ${schema}.projection_checkpoints (
      name text PRIMARY KEY,
      transaction_id xid8 NOT NULL,
      global_position bigint NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE IF NOT EXISTS ${schema}.stream_checkpoints (
      name text PRIMARY KEY,
      stream_sequence bigint NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
}

/** Creates the projection's live tables at service start (idempotent, serialised across instances). */
export async function ensureProjection(
  pool: Pool,
  schema: string,
  projection: Pick<Projection, 'name' | 'tables' | 'createTables'>,
): Promise<void> {
  await withAdvisoryLock(pool, `${schema}.projection.${projection.name}`, (tx) =>
    projection.createTables(tx, liveTables(schema, projection)),
  );
}

/**
 * The inline read models of a service as one step of its command processor: every batch's events are
 * written into each of them in the batch's transaction, so the service reads its own writes.
 */
export function inlineProjections(
  schema: string,
  projections: readonly Projection[],
): (tx: Tx, events: readonly StoredEvent[]) => Promise<void> {
  const live = projections.map((projection) => ({ projection, names: liveTables(schema, projection) }));
  return async (tx, events) => {
    for (const { projection, names } of live) await applyEvents(tx, projection, events, names);
  };
}

/**
 * Read models create their tables and indexes once, guarded by this, and leave their indexes unnamed:
 * PostgreSQL derives a unique name per table, so a shadow table (`orders.order_list__rebuild`) never
 * finds a live table's index under the name it wants, and a renamed table keeps working indexes.
 */
export async function tableExists(tx: Tx, qualifiedName: string): Promise<boolean> {
  const { rows } = await tx.query<{ exists: boolean }>('SELECT to_regclass($1) IS NOT NULL AS exists', [
    qualifiedName,
  ]);
  return rows[0]?.exists ?? false;
}
