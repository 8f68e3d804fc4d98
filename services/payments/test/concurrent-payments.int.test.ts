// Two payments processes (replicas) paying the same orders at once: each order is paid once, never
// more than is due, whichever process takes which payment (services/payments/README.md).
import { newId, type RpcContext } from '@omni/contracts';
import { createEventStore, migrateEventStore } from '@omni/event-store';
import { ensureProjection, migrateProjections } from '@omni/projections';
import { useTestDatabase } from '@omni/testing';
import { createPayments, recordPayment } from '../src/application/payments.js';
import { PAYMENTS_READ_MODELS } from '../src/projections/index.js';

const database = useTestDatabase({ max: 20 });
const schema = 'payments';

beforeAll(async () => {
  await migrateEventStore(database.pool, schema);
  await migrateProjections(database.pool, schema);
  for (const projection of [...PAYMENTS_READ_MODELS.fromLog, ...PAYMENTS_READ_MODELS.fromStreams])
    await ensureProjection(database.pool, schema, projection);
});

const context: RpcContext = { correlationId: 'concurrent-payments' };
const due = { amount: 1000, currency: 'EUR' };

it('two replicas paying the whole amount of the same orders at once: one payment per order, the other refused', async () => {
  // Two command processors on one database: what two payments processes are.
  const [replicaA, replicaB] = [0, 1].map(() =>
    createPayments(createEventStore({ pool: database.pool, schema, service: schema })),
  );
  const orders = Array.from({ length: 20 }, () => newId());
  for (const orderId of orders)
    await database.pool.query(`INSERT INTO ${schema}.order_view VALUES ($1, 'awaiting_payment', $2, $3, 2)`, [
      orderId,
      due.amount,
      due.currency,
    ]);

  const pay = (replica: typeof replicaA, orderId: string) =>
    recordPayment(replica!, { orderId, amount: due, method: 'card' }, context);
  const outcomes = await Promise.allSettled(
    orders.flatMap((orderId) => [pay(replicaA, orderId), pay(replicaB, orderId)]),
  );

  const { rows } = await database.pool.query<{ order_id: string; payments: number; paid: string }>(
    `SELECT order_id, count(*)::int AS payments, sum(amount) AS paid FROM ${schema}.payment_list GROUP BY order_id`,
  );
  expect(rows).toHaveLength(orders.length);
  for (const row of rows)
    expect({ payments: row.payments, paid: Number(row.paid) }).toEqual({ payments: 1, paid: 1000 });
  const refused = outcomes
    .filter((o) => o.status === 'rejected')
    .map((o) => (o as PromiseRejectedResult).reason.code);
  expect(refused).toEqual(Array(orders.length).fill('overpayment'));
});
