import { NotFoundError, cursorKey, pageOf, type Money, type Page, type orders } from '@omni/contracts';
import { containsPattern } from '@omni/projections';
import type { Pool, PoolClient } from 'pg';

interface CustomerRow {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  credit_limit: Money | null;
  balance_amount: string;
  balance_currency: string | null;
  version: number;
  created_at: Date;
}

/**
 * Before its first order a customer without a credit limit has no currency of its own: its zero
 * balance is shown in this one (docs/customers.md).
 */
const DEFAULT_BALANCE_CURRENCY = 'EUR';

export async function findCustomer(
  db: Pool | PoolClient,
  schema: string,
  customerId: string,
): Promise<orders.Customer | undefined> {
  const { rows } = await db.query<CustomerRow>(`SELECT * FROM ${schema}.customer_list WHERE id = $1`, [
    customerId,
  ]);
  return rows[0] && toCustomer(rows[0]);
}

export async function getCustomer(db: Pool | PoolClient, schema: string, customerId: string) {
  const customer = await findCustomer(db, schema, customerId);
  if (!customer) throw new NotFoundError('There is no such customer', 'customer_not_found');
  return customer;
}

/** Oldest first; `q` matches name, e-mail or phone, case-insensitive, substring (trigram index). */
export async function listCustomers(
  db: Pool,
  schema: string,
  query: orders.ListCustomersQuery,
): Promise<Page<orders.Customer>> {
  const after = cursorKey(query.cursor, ['string'])?.[0] ?? null;
  const { rows } = await db.query<CustomerRow>(
    `SELECT * FROM ${schema}.customer_list
      WHERE ($1::text IS NULL OR (name || ' ' || coalesce(email, '') || ' ' || coalesce(phone, '')) ILIKE $1)
        AND ($2::uuid IS NULL OR id > $2)
      ORDER BY id LIMIT $3`,
    [query.q === undefined ? null : containsPattern(query.q), after, query.limit + 1],
  );
  return pageOf(rows, query.limit, (row) => [row.id], toCustomer);
}

function toCustomer(row: CustomerRow): orders.Customer {
  const currency = row.balance_currency ?? row.credit_limit?.currency ?? DEFAULT_BALANCE_CURRENCY;
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    creditLimit: row.credit_limit,
    balance: { amount: Number(row.balance_amount), currency },
    version: row.version,
    createdAt: row.created_at.toISOString(),
  };
}
