import { MikroORM } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { withAdvisoryLock } from '@omni/event-store';
import type { Pool } from 'pg';
import { EmailDelivery, NotificationPreference } from './entities.js';
import { Migration20261129000000PreferencesAndDeliveries } from './migrations/Migration20261129000000_preferences_and_deliveries.js';

/** Every migration, in order: listed, not discovered from files, so the built service needs no glob. */
const MIGRATIONS = [
  { name: 'Migration20261129000000_preferences_and_deliveries', class: Migration20261129000000PreferencesAndDeliveries },
];

/**
 * MikroORM over the service's own database and schema, for the state that is not event-sourced. It
 * has its own small connection pool: MikroORM cannot join a transaction of the command processor,
 * which is why the delivery queue is written there in SQL (see application/email-queue.ts).
 */
export async function openOrm(databaseUrl: string, schema: string): Promise<MikroORM> {
  return MikroORM.init({
    clientUrl: databaseUrl,
    schema,
    entities: [NotificationPreference, EmailDelivery],
    extensions: [Migrator],
    pool: { min: 0, max: 4 },
    migrations: {
      migrationsList: MIGRATIONS,
      schema,
      tableName: 'mikro_orm_migrations',
      snapshot: false,
      snapshotOnMigrate: false,
      silent: true,
    },
  });
}

/** Runs pending migrations once, whichever replica starts first (the service's migration lock). */
export async function migrateOrm(orm: MikroORM, pool: Pool, schema: string): Promise<void> {
  await withAdvisoryLock(pool, `${schema}.migrations`, async () => {
    await orm.migrator.up();
  });
}
