import { newId } from '@omni/contracts';
import { givenEvents } from '@omni/projections';
import { createTestDatabase, type TestDatabase } from '@omni/testing';
import pg from 'pg';
import { orderDetailsProjection } from '../src/projections/orderDetails/projection.js';

let database: TestDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
});

afterAll(async () => {
  await pool.end();
  await database.drop();
});

const eur = (amount: number) => ({ amount, currency: 'EUR' });

function placed(orderId: string) {
  const line = {
    productId: newId(),
    sku: 'W-1',
    name: 'Widget',
    quantity: 2,
    unitPrice: eur(500),
    lineTotal: eur(1000),
  };
  return {
    streamId: `order-${orderId}`,
    type: 'placed',
    data: {
      orderId,
      customer: { name: 'Ada' },
      locationId: newId(),
      lines: [line],
      total: eur(1000),
      notes: null,
    },
  };
}
const statusChanged = (orderId: string, from: string, to: string, reason?: string) => ({
  streamId: `order-${orderId}`,
  type: 'status_changed',
  data: { orderId, from, to, ...(reason ? { reason } : {}) },
});
const event = (orderId: string, type: string, data: object = {}) => ({
  streamId: `order-${orderId}`,
  type,
  data: { orderId, ...data },
});

async function rowOf(schema: string, events: Parameters<typeof givenEvents>[3], orderId: string) {
  const t = await givenEvents(pool, schema, orderDetailsProjection, events);
  const { rows } = await pool.query(
    `SELECT o.status, o.paid_amount, o.history, o.version, d.order_id IS NOT NULL AS deadline
       FROM ${t['order_list']} o LEFT JOIN ${t['payment_deadlines']} d ON d.order_id = o.id WHERE o.id = $1`,
    [orderId],
  );
  return rows[0] as {
    status: string;
    paid_amount: string;
    history: { status: string; reason?: string }[];
    version: number;
    deadline: boolean;
  };
}

describe('the order list', () => {
  it('given a log written today (a status_changed after cancelled), records each status once', async () => {
    const id = newId();
    const row = await rowOf(
      'spec_new',
      [
        placed(id),
        statusChanged(id, 'pending', 'awaiting_payment'),
        event(id, 'cancelled', { reason: 'changed my mind' }),
        statusChanged(id, 'awaiting_payment', 'cancelled', 'changed my mind'),
      ],
      id,
    );
    expect(row.status).toBe('cancelled');
    expect(row.history.map((h) => h.status)).toEqual(['pending', 'awaiting_payment', 'cancelled']);
    expect(row.history.at(-1)).toMatchObject({ reason: 'changed my mind' });
    expect(row.version).toBe(4);
    expect(row.deadline).toBe(false);
  });

  it('given an older log (no status_changed after shipped), answers the same history', async () => {
    const id = newId();
    const row = await rowOf(
      'spec_old',
      [
        placed(id),
        statusChanged(id, 'pending', 'awaiting_payment'),
        event(id, 'payment_applied', { paymentId: newId(), amount: eur(1000) }),
        statusChanged(id, 'awaiting_payment', 'paid'),
        event(id, 'shipped'),
      ],
      id,
    );
    expect(row.status).toBe('shipped');
    expect(row.history.map((h) => h.status)).toEqual(['pending', 'awaiting_payment', 'paid', 'shipped']);
    expect(Number(row.paid_amount)).toBe(1000);
  });

  it('keeps a payment deadline exactly while the order awaits payment', async () => {
    const id = newId();
    const awaiting = await rowOf(
      'spec_deadline',
      [placed(id), statusChanged(id, 'pending', 'awaiting_payment')],
      id,
    );
    expect(awaiting.deadline).toBe(true);
  });
});
