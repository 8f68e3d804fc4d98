import { gatewayEvents, type TypedEvent } from '@omni/contracts';
import type { Tx } from '@omni/event-store';
import { streamProjection, tableExists, type TableNames } from '@omni/projections';
import type { Pool } from 'pg';

type UserEvent = TypedEvent<typeof gatewayEvents>;

/**
 * Orders' own view of the gateway's users and their roles, from the `gateway.user.*` events of stream
 * GATEWAY (docs/customers.md): who may be an order's assignee is decided here, without asking the
 * gateway. A user created a moment ago is known once its event arrives (normally milliseconds).
 */
export const assignableUsersProjection = streamProjection({
  name: 'assignableUsers',
  tables: ['user_roles'],
  source: { service: 'gateway', filterSubject: 'gateway.user.>', events: gatewayEvents },

  async createTables(tx: Tx, t: TableNames) {
    if (await tableExists(tx, t['user_roles']!)) return;
    await tx.query(`
      CREATE TABLE ${t['user_roles']} (
        user_id uuid PRIMARY KEY,
        roles text[] NOT NULL,
        active boolean NOT NULL DEFAULT true
      )`);
  },

  async apply(tx: Tx, event: UserEvent, t: TableNames) {
    const table = t['user_roles']!;
    switch (event.type) {
      case 'gateway.user.created':
        await tx.query(
          `INSERT INTO ${table} (user_id, roles) VALUES ($1, $2) ON CONFLICT (user_id) DO NOTHING`,
          [event.data.userId, event.data.roles],
        );
        return;
      case 'gateway.user.roles_changed':
        await tx.query(`UPDATE ${table} SET roles = $2 WHERE user_id = $1`, [
          event.data.userId,
          event.data.roles,
        ]);
        return;
      case 'gateway.user.deactivated':
        await tx.query(`UPDATE ${table} SET active = false WHERE user_id = $1`, [event.data.userId]);
        return;
      default:
        return; // names and profiles do not decide who may be assigned
    }
  },
});

/** The roles of an active user, or null when orders knows no such active user. */
export async function assigneeLookup(
  db: Pool,
  schema: string,
  userId: string,
): Promise<{ roles: string[] } | null> {
  const { rows } = await db.query<{ roles: string[] }>(
    `SELECT roles FROM ${schema}.user_roles WHERE user_id = $1 AND active`,
    [userId],
  );
  return rows[0] ?? null;
}
