import type { orders } from '@omni/contracts';
import { asDomainEvent, type StoredEvent, type Tx } from '@omni/event-store';
import { tableExists, type Projection, type TableNames } from '@omni/projections';

/**
 * One row per customer with its balance (GET /customers, GET /customers/{id}), folded from the
 * customer streams in the command's transaction: the balance moves with the order events that move it
 * (charged at placement, credited by payments, released by a cancel or a rejection; docs/customers.md).
 */
export const customerListProjection: Projection = {
  name: 'customers',
  tables: ['customer_list'],

  async createTables(tx: Tx, t: TableNames) {
    if (await tableExists(tx, t['customer_list']!)) return;
    await tx.query(`
      CREATE TABLE ${t['customer_list']} (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        email text,
        phone text,
        credit_limit jsonb,
        balance_amount bigint NOT NULL DEFAULT 0,
        balance_currency char(3),
        version int NOT NULL,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX ON ${t['customer_list']}
        USING gin ((name || ' ' || coalesce(email, '') || ' ' || coalesce(phone, '')) gin_trgm_ops);`);
  },

  async apply(tx: Tx, event: StoredEvent, t: TableNames) {
    if (!event.streamId.startsWith('customer-')) return;
    const e = asDomainEvent<orders.CustomerEvent>(event);
    const table = t['customer_list']!;
    switch (e.type) {
      case 'registered': {
        const { customerId, name, email, phone, creditLimit } = e.data;
        await tx.query(
          `INSERT INTO ${table} (id, name, email, phone, credit_limit, version, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING`,
          [customerId, name, email, phone, creditLimit, event.streamVersion, event.recordedAt],
        );
        return;
      }
      case 'updated': {
        const { customerId, ...changes } = e.data;
        // `changes` holds only what changed: an absent field keeps its value, null clears it.
        await tx.query(
          `UPDATE ${table} SET name = coalesce($2, name),
              email = CASE WHEN $3 THEN $4 ELSE email END,
              phone = CASE WHEN $5 THEN $6 ELSE phone END,
              credit_limit = CASE WHEN $7 THEN $8::jsonb ELSE credit_limit END,
              version = $9
            WHERE id = $1`,
          [
            customerId,
            changes.name ?? null,
            'email' in changes,
            changes.email ?? null,
            'phone' in changes,
            changes.phone ?? null,
            'creditLimit' in changes,
            changes.creditLimit ? JSON.stringify(changes.creditLimit) : null,
            event.streamVersion,
          ],
        );
        return;
      }
      case 'order_charged':
      case 'payment_credited':
      case 'order_released':
        await tx.query(
          `UPDATE ${table} SET balance_amount = $2, balance_currency = $3, version = $4 WHERE id = $1`,
          [e.data.customerId, e.data.balance.amount, e.data.balance.currency, event.streamVersion],
        );
        return;
      default:
        return;
    }
  },
};
