import { OmniClient, ok } from '@omni/client';
import { jetstreamManager } from '@nats-io/jetstream';
import { connectNats } from '@omni/messaging';
import { eventually, type RunningSystem } from '@omni/testing';
import { SHOP_START_TIMEOUT_MS, startShop, unique } from './shop.js';

let system: RunningSystem;
let admin: OmniClient;
let locationId: string;
let productId: string;

beforeAll(async () => {
  ({ system, admin, locationId, productId } = await startShop(500));
}, SHOP_START_TIMEOUT_MS);

afterAll(async () => {
  await system?.stop();
});

/** A fresh user with these roles: its id, and a client signed in as it. */
async function userWith(roles: ('sales' | 'manager' | 'clerk')[]) {
  const email = `${unique(roles[0]!)}@omni.test`;
  const user = ok(
    await admin.http.POST('/users', { body: { email, name: 'Sam', password: 'long enough pw', roles } }),
  );
  const client = new OmniClient({ baseUrl: system.baseUrl });
  await client.login(email, 'long enough pw');
  return { id: user.id, client };
}

/** The price list in orders follows inventory's events: wait until it knows the product. */
const place = (
  body: { source?: 'web' | 'mobile' | 'api' | 'phone'; priority?: 'low' | 'normal' | 'high' } = {},
) =>
  eventually(async () =>
    ok(
      await admin.http.POST('/orders', {
        body: { customer: { name: 'Ada' }, locationId, lines: [{ productId, quantity: 1 }], ...body },
      }),
    ),
  );

type Changes = { notes?: string | null; priority?: 'low' | 'normal' | 'high'; assigneeId?: string | null };
const patch = (orderId: string, body: Changes, headers: Record<string, string> = {}, client = admin) =>
  client.http.PATCH('/orders/{orderId}', { params: { path: { orderId } }, body, headers });
const orderOf = async (orderId: string) =>
  ok(await admin.http.GET('/orders/{orderId}', { params: { path: { orderId } } }));

describe('placing an order with a source and a priority', () => {
  it('keeps them, with api and normal when the client does not say', async () => {
    expect(await place({ source: 'phone', priority: 'high' })).toMatchObject({
      source: 'phone',
      priority: 'high',
    });
    expect(await place()).toMatchObject({ source: 'api', priority: 'normal', assigneeId: null });
  });

  it('refuses values outside the lists with 400, naming each field', async () => {
    const response = await admin.http.POST('/orders', {
      body: {
        customer: { name: 'Ada' },
        locationId,
        lines: [{ productId, quantity: 1 }],
        source: 'fax' as never,
        priority: 'urgent' as never,
      },
    });
    expect(response.response.status).toBe(400);
    expect(response.error?.errors?.map((e) => e.path).sort()).toEqual(['priority', 'source']);
  });
});

describe('PATCH /orders/{id}', () => {
  it('changes notes and priority with If-Match, publishes orders.order.<id>.updated, and a stale If-Match is 412', async () => {
    const order = await place();
    const current = await eventually(async () => {
      const read = await orderOf(order.id);
      expect(read.status).toBe('awaiting_payment');
      return read;
    });
    const changed = await patch(
      order.id,
      { notes: 'leave at the door', priority: 'high' },
      { 'If-Match': `"${current.version}"` },
    );
    expect(changed.response.status).toBe(200);
    expect(changed.data).toMatchObject({
      notes: 'leave at the door',
      priority: 'high',
      version: current.version + 1,
    });
    expect(changed.response.headers.get('etag')).toBe(`"${current.version + 1}"`);

    const stale = await patch(order.id, { priority: 'low' }, { 'If-Match': `"${current.version}"` });
    expect(stale.response.status).toBe(412);
    expect((await orderOf(order.id)).priority).toBe('high');

    const nats = await connectNats({ url: system.nats.url, name: 'test' });
    try {
      const jsm = await jetstreamManager(nats);
      // The relay publishes what was committed within milliseconds; getMessage answers null until then.
      const published = await eventually(async () => {
        const message = await jsm.streams.getMessage('ORDERS', {
          last_by_subj: `orders.order.${order.id}.updated`,
        });
        expect(message).not.toBeNull();
        return message!;
      });
      expect(published.json<{ type: string; data: object }>()).toMatchObject({
        type: 'orders.order.updated',
        data: { orderId: order.id, notes: 'leave at the door', priority: 'high' },
      });
    } finally {
      await nats.close();
    }
  });

  it('assigns a sales user or a manager; another role is 422 assignee_not_eligible, an unknown user 422 unknown_assignee', async () => {
    const order = await place();
    const [sales, manager, clerk] = [
      await userWith(['sales']),
      await userWith(['manager']),
      await userWith(['clerk']),
    ];
    // Orders learns about users from the gateway's events: a user created a moment ago is known once they arrive.
    const assigned = await eventually(async () => ok(await patch(order.id, { assigneeId: sales.id })));
    expect(assigned.assigneeId).toBe(sales.id);
    const reassigned = await eventually(async () => ok(await patch(order.id, { assigneeId: manager.id })));
    expect(reassigned.assigneeId).toBe(manager.id);
    const byClerk = await eventually(async () => {
      const answer = await patch(order.id, { assigneeId: clerk.id });
      expect(answer.error?.code).toBe('assignee_not_eligible');
      return answer;
    });
    expect(byClerk.response.status).toBe(422);
    const unknown = await patch(order.id, { assigneeId: '0190ffff-0000-7000-8000-000000000000' });
    expect(unknown.response.status).toBe(422);
    expect(unknown.error).toMatchObject({ code: 'unknown_assignee' });
    expect(ok(await patch(order.id, { assigneeId: null })).assigneeId).toBeNull();
  });

  it('refuses bad values with 400, naming each field', async () => {
    const order = await place();
    const response = await patch(order.id, {
      priority: 'urgent' as never,
      assigneeId: 'nobody',
      colour: 'red',
    } as never);
    expect(response.response.status).toBe(400);
    expect(response.error?.errors?.map((e) => e.path)).toEqual(
      expect.arrayContaining(['priority', 'assigneeId']),
    );
  });

  it('refuses a cancelled order with 409 order_closed and a shipped one with 409 order_shipped', async () => {
    const cancelled = await place();
    ok(
      await admin.http.POST('/orders/{orderId}/cancel', {
        params: { path: { orderId: cancelled.id } },
        body: { reason: 'x' },
      }),
    );
    const onCancelled = await patch(cancelled.id, { notes: 'too late' });
    expect(onCancelled.response.status).toBe(409);
    expect(onCancelled.error).toMatchObject({ code: 'order_closed' });

    const shipped = await place();
    await eventually(async () => expect((await orderOf(shipped.id)).status).toBe('awaiting_payment'));
    // Payments learns that the order awaits payment from orders' events: until then it refuses (422).
    await eventually(async () =>
      ok(
        await admin.http.POST('/payments', {
          body: { orderId: shipped.id, amount: shipped.total, method: 'cash' },
        }),
      ),
    );
    await eventually(async () => expect((await orderOf(shipped.id)).status).toBe('paid'));
    ok(await admin.http.POST('/orders/{orderId}/ship', { params: { path: { orderId: shipped.id } } }));
    const onShipped = await patch(shipped.id, { priority: 'low' });
    expect(onShipped.response.status).toBe(409);
    expect(onShipped.error).toMatchObject({ code: 'order_shipped' });
  });

  it('is 423 resource_locked for another user while the order is locked', async () => {
    const order = await place();
    const [holder, other] = [await userWith(['sales']), await userWith(['sales'])];
    ok(await holder.client.http.POST('/locks', { body: { resource: `orders/order/${order.id}` } }));
    const blocked = await patch(order.id, { notes: 'mine' }, {}, other.client);
    expect(blocked.response.status).toBe(423);
    expect(blocked.error).toMatchObject({ code: 'resource_locked' });
    expect(ok(await patch(order.id, { notes: 'mine' }, {}, holder.client)).notes).toBe('mine');
  });
});

describe('GET /orders by assignee, priority and source', () => {
  it('answers the orders matching every filter given, with the status filter and cursors', async () => {
    const sales = await userWith(['sales']);
    const [webHigh1, webHigh2, phoneHigh, webLow] = [
      await place({ source: 'web', priority: 'high' }),
      await place({ source: 'web', priority: 'high' }),
      await place({ source: 'phone', priority: 'high' }),
      await place({ source: 'web', priority: 'low' }),
    ];
    await eventually(async () => ok(await patch(webHigh1.id, { assigneeId: sales.id })));
    for (const order of [webHigh2, phoneHigh, webLow]) ok(await patch(order.id, { assigneeId: sales.id }));
    const query = { assigneeId: sales.id, priority: 'high', source: 'web', limit: 1 } as const;
    const first = ok(await admin.http.GET('/orders', { params: { query } }));
    const second = ok(
      await admin.http.GET('/orders', { params: { query: { ...query, cursor: first.nextCursor! } } }),
    );
    expect([...first.items, ...second.items].map((o) => o.id)).toEqual([webHigh2.id, webHigh1.id]);
    expect(second.nextCursor).toBeNull();

    ok(
      await admin.http.POST('/orders/{orderId}/cancel', {
        params: { path: { orderId: webHigh2.id } },
        body: { reason: 'x' },
      }),
    );
    const cancelled = ok(
      await admin.http.GET('/orders', { params: { query: { ...query, status: 'cancelled', limit: 50 } } }),
    );
    expect(cancelled.items.map((o) => o.id)).toEqual([webHigh2.id]);

    const bad = await admin.http.GET('/orders', { params: { query: { priority: 'urgent' as never } } });
    expect(bad.response.status).toBe(400);
  });
});
