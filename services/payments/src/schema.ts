import { migrateEventStore, withAdvisoryLock } from '@omni/event-store';
import { ensureProjection, migrateProjections } from '@omni/projections';
import type { Pool } from 'pg';
import { ORDER_VIEW_DDL } from './projections/orderView/projection.js';
import { paymentListProjection } from './projections/paymentList/projection.js';

/** Creates or upgrades everything payments keeps in its schema; idempotent and safe concurrently. */
export async function migratePaymentsSchema(pool: Pool, schema: string): Promise<void> {
  await migrateEventStore(pool, schema);
  await migrateProjections(pool, schema);
  await withAdvisoryLock(pool, `${schema}.migrations`, (tx) => tx.query(ORDER_VIEW_DDL(schema)));
  await ensureProjection(pool, schema, paymentListProjection);
}
