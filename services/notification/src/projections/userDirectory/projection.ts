import { gatewayEvents, type Role, type TypedEvent } from '@omni/contracts';
import { prepared, type Tx } from '@omni/event-store';
import type { Pool } from 'pg';
import { streamProjection, tableExists, type TableNames } from '@omni/projections';

type GatewayEvent = TypedEvent<typeof gatewayEvents>;

/**
 * Notification's own view of the gateway's users (stream `GATEWAY`): who has which role (low stock
 * goes to every manager and clerk), their e-mail address, and who is deactivated (notified no more).
 * A row only moves forward by stream version, so a replayed or late event never undoes a change.
 */
export const userDirectoryProjection = streamProjection({
  name: 'users',
  tables: ['user_directory'],
  source: { service: 'gateway', filterSubject: 'gateway.user.>', events: gatewayEvents },

  async createTables(tx: Tx, t: TableNames) {
    if (await tableExists(tx, t['user_directory']!)) return;
    await tx.query(`
      CREATE TABLE ${t['user_directory']} (
        user_id uuid PRIMARY KEY,
        email text NOT NULL,
        name text NOT NULL,
        roles text[] NOT NULL,
        active boolean NOT NULL DEFAULT true,
        version int NOT NULL
      );
      CREATE INDEX ON ${t['user_directory']} USING gin (roles);`);
  },

  async apply(tx: Tx, event: GatewayEvent, t: TableNames) {
    const table = t['user_directory']!;
    const newer = `${table}.version < excluded.version`;
    const update = (set: string, values: unknown[]) =>
      tx.query(`UPDATE ${table} SET ${set}, version = $2 WHERE user_id = $1 AND version < $2`, [
        event.data.userId,
        event.streamversion,
        ...values,
      ]);
    switch (event.type) {
      case 'gateway.user.created': {
        const { userId, email, name, roles } = event.data;
        await tx.query(
          `INSERT INTO ${table} (user_id, email, name, roles, version) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (user_id) DO UPDATE SET email = excluded.email, name = excluded.name,
             roles = excluded.roles, version = excluded.version WHERE ${newer}`,
          [userId, email, name, roles, event.streamversion],
        );
        return;
      }
      case 'gateway.user.updated':
        await update('name = $3', [event.data.name]);
        return;
      case 'gateway.user.roles_changed':
        await update('roles = $3', [event.data.roles]);
        return;
      case 'gateway.user.deactivated':
        await update('active = false', []);
        return;
    }
  },
});

/** Active users holding any of the roles, with their roles, in user id order. */
export async function usersWithRoles(
  tx: Pool | Tx,
  schema: string,
  roles: readonly Role[],
): Promise<{ userId: string; roles: string[] }[]> {
  const { rows } = await tx.query<{ user_id: string; roles: string[] }>(
    prepared(
      `SELECT user_id, roles FROM ${schema}.user_directory WHERE active AND roles && $1::text[] ORDER BY user_id`,
      [roles],
    ),
  );
  return rows.map((r) => ({ userId: r.user_id, roles: r.roles }));
}
