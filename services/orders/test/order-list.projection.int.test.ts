import { newId } from '@omni/contracts';
import { givenEvents } from '@omni/projections';
import { useTestDatabase } from '@omni/testing';
import { orderDetailsProjection } from '../src/projections/orderDetails/projection.js';
import { getOrder, listOrders } from '../src/projections/orderDetails/query.js';

const database = useTestDatabase();

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
  const t = await givenEvents(database.pool, schema, orderDetailsProjection, events);
  const { rows } = await database.pool.query(
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

describe('the order list with sources, priorities and assignees', () => {
  const assignee = newId();
  const withPlacement = (orderId: string, extra: object) => {
    const event = placed(orderId);
    return { ...event, data: { ...event.data, ...extra } };
  };

  it('reads an order placed before sources and priorities as api and normal', async () => {
    const id = newId();
    await givenEvents(database.pool, 'spec_defaults', orderDetailsProjection, [placed(id)]);
    expect(await getOrder(database.pool, 'spec_defaults', id)).toMatchObject({
      source: 'api',
      priority: 'normal',
      assigneeId: null,
      customerId: null,
    });
  });

  it('applies an update to the fields it carries only: null clears, absent keeps', async () => {
    const id = newId();
    await givenEvents(database.pool, 'spec_updated', orderDetailsProjection, [
      withPlacement(id, { notes: 'first', source: 'phone', priority: 'low' }),
      event(id, 'updated', { priority: 'high', assigneeId: assignee }),
      event(id, 'updated', { notes: null }),
    ]);
    expect(await getOrder(database.pool, 'spec_updated', id)).toMatchObject({
      notes: null,
      source: 'phone',
      priority: 'high',
      assigneeId: assignee,
      version: 3,
    });
  });

  it('filters by assignee, priority, source and status together, a page at a time', async () => {
    const schema = 'spec_filters';
    const ids = Array.from({ length: 5 }, () => newId()).sort();
    const customerId = newId();
    await givenEvents(database.pool, schema, orderDetailsProjection, [
      withPlacement(ids[0]!, { source: 'web', priority: 'high' }),
      withPlacement(ids[1]!, { source: 'web', priority: 'high', customerId }),
      withPlacement(ids[2]!, { source: 'mobile', priority: 'high' }),
      withPlacement(ids[3]!, { source: 'web', priority: 'low' }),
      withPlacement(ids[4]!, { source: 'web', priority: 'high' }),
      event(ids[0]!, 'updated', { assigneeId: assignee }),
      event(ids[1]!, 'updated', { assigneeId: assignee }),
      event(ids[2]!, 'updated', { assigneeId: assignee }),
      event(ids[3]!, 'updated', { assigneeId: assignee }),
      statusChanged(ids[1]!, 'pending', 'awaiting_payment'),
    ]);
    const query = { assigneeId: assignee, priority: 'high', source: 'web', limit: 1 } as const;
    const first = await listOrders(database.pool, schema, query);
    expect(first.items.map((o) => o.id)).toEqual([ids[1]]);
    const second = await listOrders(database.pool, schema, { ...query, cursor: first.nextCursor! });
    expect(second.items.map((o) => o.id)).toEqual([ids[0]]);
    expect(second.nextCursor).toBeNull();
    const pending = await listOrders(database.pool, schema, { ...query, limit: 50, status: 'pending' });
    expect(pending.items.map((o) => o.id)).toEqual([ids[0]]);
    const ofCustomer = await listOrders(database.pool, schema, { customerId, limit: 50 });
    expect(ofCustomer.items.map((o) => o.id)).toEqual([ids[1]]);
  });

  it('answers each filter from an index', async () => {
    const { rows } = await database.pool.query<{ indexdef: string }>(
      `SELECT indexdef FROM pg_indexes WHERE schemaname = 'spec_filters' AND tablename = 'order_list'`,
    );
    const indexed = rows.map((r) => r.indexdef);
    for (const column of ['status', 'assignee_id', 'priority', 'source', 'customer_id']) {
      expect(indexed.some((def) => def.includes(`(${column}, id)`))).toBe(true);
    }
  });
});

describe('an order list made before sources, priorities, assignees and customers', () => {
  it('gains their columns and indexes in place at start, every existing order api, normal, unassigned', async () => {
    const id = newId();
    await database.pool.query(`CREATE SCHEMA spec_upgrade;
      CREATE TABLE spec_upgrade.order_list (
        id uuid PRIMARY KEY, status text NOT NULL, customer jsonb NOT NULL, location_id uuid NOT NULL,
        lines jsonb NOT NULL, notes text, total_amount bigint NOT NULL, currency char(3) NOT NULL,
        paid_amount bigint NOT NULL DEFAULT 0, history jsonb NOT NULL, rejection jsonb,
        version int NOT NULL, created_at timestamptz NOT NULL);
      CREATE TABLE spec_upgrade.payment_deadlines (order_id uuid PRIMARY KEY, awaiting_since timestamptz NOT NULL);`);
    await database.pool.query(
      `INSERT INTO spec_upgrade.order_list (id, status, customer, location_id, lines, total_amount, currency, history, version, created_at)
       VALUES ($1, 'pending', '{"name":"Ada"}', $2, '[]', 100, 'EUR', '[]', 1, now())`,
      [id, newId()],
    );
    await givenEvents(database.pool, 'spec_upgrade', orderDetailsProjection, []);
    await givenEvents(database.pool, 'spec_upgrade', orderDetailsProjection, []); // a second start changes nothing
    expect(await getOrder(database.pool, 'spec_upgrade', id)).toMatchObject({
      source: 'api',
      priority: 'normal',
      assigneeId: null,
      customerId: null,
    });
    const bySource = await listOrders(database.pool, 'spec_upgrade', { source: 'api', limit: 50 });
    expect(bySource.items.map((o) => o.id)).toEqual([id]);
  });
});
