import { migrateEventStore, withAdvisoryLock } from '@omni/event-store';
import { ensureProjection, migrateProjections } from '@omni/projections';
import type { Pool } from 'pg';
import { orderDetailsProjection } from './projections/orderDetails/projection.js';
import { PRICE_LIST_DDL } from './projections/priceList/projection.js';

/** Creates or upgrades everything orders keeps in its schema; idempotent and safe concurrently. */
export async function migrateOrdersSchema(pool: Pool, schema: string): Promise<void> {
  await migrateEventStore(pool, schema);
  await migrateProjections(pool, schema);
  await withAdvisoryLock(pool, `${schema}.migrations`, (tx) => tx.query(PRICE_LIST_DDL(schema)));
  await ensureProjection(pool, schema, orderDetailsProjection);
}
