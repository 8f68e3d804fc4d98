import { ok, type OmniClient } from '@omni/client';
import { eventually, startSystem, type RunningSystem } from '@omni/testing';
import pg from 'pg';
import { raw, signInAsAdmin, signInWithRoles, unique } from './helpers.js';

// Generous on purpose: the section deadline must be what answers for a stopped service, not this.
const RPC_TIMEOUT_MS = 20_000;
// Above the 250 ms default: on a loaded two-core machine a healthy section can take longer, and these
// tests check which sections are complete. The deadline's effect is what a stopped service shows.
const SECTION_DEADLINE_MS = 2_000;

let system: RunningSystem;
let admin: OmniClient;
let shop: { id: string; code: string };
let db: pg.Pool;

beforeAll(async () => {
  system = await startSystem({
    env: { RPC_TIMEOUT_MS: String(RPC_TIMEOUT_MS), BFF_SECTION_DEADLINE_MS: String(SECTION_DEADLINE_MS) },
    readyTimeoutMs: 240_000, // the machine is shared: starting six processes can take minutes
  });
  admin = await signInAsAdmin(system);
  db = new pg.Pool({ connectionString: system.database.url, max: 2 });
  shop = ok(await admin.http.POST('/inventory/locations', { body: { code: unique('LOC'), name: 'Shop' } }));
}, 300_000);

afterAll(async () => {
  await db?.end();
  await system?.stop();
});

async function productWithStock(quantity: number, reorderLevel = 0) {
  const product = ok(
    await admin.http.POST('/inventory/products', {
      body: { sku: unique('SKU'), name: 'Widget', price: { amount: 1250, currency: 'EUR' }, reorderLevel },
    }),
  );
  if (quantity > 0) await receive(admin, product.id, quantity);
  // Orders prices a line from its own price list, which follows inventory's events: an order for a
  // product it has not heard of yet is 422 unknown_product (and, with an Idempotency-Key, stays so).
  await eventually(async () =>
    expect(
      (await db.query('SELECT 1 FROM orders.price_list WHERE product_id = $1', [product.id])).rowCount,
    ).toBe(1),
  );
  return product;
}

async function receive(client: OmniClient, productId: string, quantity: number) {
  return ok(
    await client.http.POST('/inventory/products/{productId}/receipts', {
      params: { path: { productId } },
      body: { locationId: shop.id, quantity },
    }),
  );
}

type Buyer = { customer: { name: string } } | { customerId: string };

async function placeAndDecide(
  client: OmniClient,
  productId: string,
  quantity: number,
  buyer: Buyer = { customer: { name: 'Ada' } },
) {
  const order = ok(
    await client.http.POST('/orders', {
      body: { ...buyer, locationId: shop.id, lines: [{ productId, quantity }] },
    }),
  );
  return eventually(async () => {
    const current = ok(
      await client.http.GET('/orders/{orderId}', { params: { path: { orderId: order.id } } }),
    );
    expect(current.status).not.toBe('pending');
    return current;
  });
}

const home = async (client: OmniClient) => ok(await client.http.GET('/mobile/home'));
const productComplete = async (client: OmniClient, productId: string) =>
  ok(await client.http.GET('/mobile/products/{productId}/complete', { params: { path: { productId } } }));
const orderComplete = async (client: OmniClient, orderId: string) =>
  ok(await client.http.GET('/mobile/orders/{orderId}/complete', { params: { path: { orderId } } }));
const customerComplete = async (client: OmniClient, customerId: string) =>
  ok(await client.http.GET('/mobile/customers/{customerId}/complete', { params: { path: { customerId } } }));

const EUR = (amount: number) => ({ amount, currency: 'EUR' });

async function registeredCustomer(creditLimit = 1_000_000) {
  return ok(
    await admin.http.POST('/customers', {
      body: { name: unique('Customer'), creditLimit: EUR(creditLimit) },
    }),
  );
}

const placeForCustomer = (customerId: string, productId: string, quantity: number) =>
  placeAndDecide(admin, productId, quantity, { customerId });

/** SIGSTOPs a service (slow, not dead: it keeps its connections) for the duration of `work`. */
async function whileStopped<T>(service: string, work: () => Promise<T>): Promise<T> {
  const pid = system.pidOf(service)!;
  process.kill(pid, 'SIGSTOP');
  try {
    return await work();
  } finally {
    process.kill(pid, 'SIGCONT');
  }
}

describe('GET /mobile/home', () => {
  it('gives an admin every section: me, shifts, own open tickets, low stock, orders awaiting payment', async () => {
    const low = await productWithStock(1, 5);
    await placeAndDecide(admin, (await productWithStock(3)).id, 1);
    const ticket = ok(
      await admin.http.POST('/tickets', {
        body: { kind: 'service', title: 'Shelf broken', description: 'aisle 3', priority: 'normal' },
      }),
    );
    const answer = await home(admin);
    expect(answer).toMatchObject({ partial: false });
    expect(answer.me).toMatchObject({ email: 'admin@omni.local', roles: ['admin'] });
    expect(answer.shifts).toEqual([]);
    expect(answer.tickets).toEqual(expect.arrayContaining([expect.objectContaining({ id: ticket.id })]));
    expect(answer.lowStock).toEqual(expect.arrayContaining([expect.objectContaining({ id: low.id })]));
    expect(answer.ordersAwaitingPayment).toEqual({ count: expect.any(Number) });
    expect((answer.ordersAwaitingPayment as { count: number }).count).toBeGreaterThanOrEqual(1);
  });

  it('takes a restocked product off the low-stock list in the next read (read-your-writes)', async () => {
    const low = await productWithStock(1, 5);
    const listed = (answer: Record<string, unknown>) =>
      (answer.lowStock as { id: string }[]).some((product) => product.id === low.id);
    expect(listed(await home(admin))).toBe(true); // now cached
    await receive(admin, low.id, 10);
    expect(listed(await home(admin))).toBe(false);
  });

  it('moves the count of orders awaiting payment as orders enter and leave that status', async () => {
    const awaiting = async () => ((await home(admin)).ordersAwaitingPayment as { count: number }).count;
    const before = await awaiting(); // now cached
    const order = await placeAndDecide(admin, (await productWithStock(5)).id, 1);
    expect(order.status).toBe('awaiting_payment');
    await eventually(async () => expect(await awaiting()).toBe(before + 1));
    ok(
      await admin.http.POST('/payments', {
        body: { orderId: order.id, amount: order.total, method: 'card' },
      }),
    );
    await eventually(async () => expect(await awaiting()).toBe(before));
  });

  it('gives null for the sections a role may not read, with the same policy as REST', async () => {
    const clerk = await signInWithRoles(system, admin, ['clerk']);
    const staff = await signInWithRoles(system, admin, ['staff']);
    const accountant = await signInWithRoles(system, admin, ['accountant']);
    for (const [client, ordersVisible] of [
      [clerk, false],
      [staff, false],
      [accountant, true],
    ] as const) {
      const answer = await home(client);
      expect(answer).toMatchObject({ partial: false });
      expect(answer.me).not.toBeNull();
      expect(answer.tickets).toEqual([]);
      expect(Array.isArray(answer.lowStock)).toBe(true);
      expect(answer.ordersAwaitingPayment === null).toBe(!ordersVisible);
    }
    expect((await raw(system, '/mobile/home')).status).toBe(401);
  });

  it('never shares a cached section between users or rights: each sees their own tickets', async () => {
    const [first, second] = [
      await signInWithRoles(system, admin, ['sales']),
      await signInWithRoles(system, admin, ['sales']),
    ];
    const mine = ok(
      await first.http.POST('/tickets', {
        body: { kind: 'service', title: 'Till stuck', description: 'till 2', priority: 'high' },
      }),
    );
    // Read-your-writes: the ticket is there at once, for its reporter only.
    expect(((await home(first)).tickets as { id: string }[]).map((t) => t.id)).toEqual([mine.id]);
    expect((await home(second)).tickets).toEqual([]);
  });

  it('marks a stopped service’s section unavailable within its deadline; the rest is correct', async () => {
    const manager = await signInWithRoles(system, admin, ['manager']); // rights nobody cached yet
    const started = Date.now();
    const answer = await whileStopped('inventory', () => home(manager));
    expect(Date.now() - started).toBeLessThan(RPC_TIMEOUT_MS);
    expect(answer.partial).toBe(true);
    expect(answer.lowStock).toEqual({ error: { code: 'unavailable' } });
    expect(answer.me).toMatchObject({ roles: ['manager'] });
    expect(answer.tickets).toEqual([]);
    expect(answer.ordersAwaitingPayment).toEqual({ count: expect.any(Number) });
  });
});

describe('the notifications section of /mobile/home', () => {
  /** Notification learns users and roles from the gateway's events: waits until its view has the user. */
  async function knownToNotification(userId: string): Promise<void> {
    await eventually(async () => {
      const { rows } = await db.query('SELECT 1 FROM notification.user_directory WHERE user_id = $1', [
        userId,
      ]);
      expect(rows).toHaveLength(1);
    });
  }

  type Notifications = { unread: number; latest: { category: string; resource: { id: string } }[] };

  it("moves with a low-stock crossing (the inbox's event) and drops to 0 at once after read-all", async () => {
    const manager = await signInWithRoles(system, admin, ['manager']);
    const { id: managerId } = ok(await manager.http.GET('/auth/me'));
    await knownToNotification(managerId);
    const before = (await home(manager)).notifications as Notifications; // now cached
    expect(before.latest.length).toBeLessThanOrEqual(5);

    const product = await productWithStock(10, 5);
    ok(
      await admin.http.POST('/inventory/products/{productId}/adjustments', {
        params: { path: { productId: product.id } },
        body: { locationId: shop.id, quantityDelta: -6, reason: 'damaged' },
      }),
    );
    // Made by notification for managers and clerks; it reaches the cached section as the inbox's event.
    const after = await eventually(
      async () => {
        const section = (await home(manager)).notifications as Notifications;
        expect(section.latest[0]).toMatchObject({ category: 'low_stock', resource: { id: product.id } });
        return section;
      },
      { timeoutMs: 20_000 },
    );
    expect(after.unread).toBeGreaterThan(before.unread);

    ok(await manager.http.POST('/notifications/read-all'));
    expect(((await home(manager)).notifications as Notifications).unread).toBe(0);
  });

  it("is each user's own: a role the rule does not notify sees none of it", async () => {
    const sales = await signInWithRoles(system, admin, ['sales']);
    expect((await home(sales)).notifications).toEqual({ unread: 0, latest: [] });
  });
});

describe('GET /mobile/products/{id}/complete', () => {
  it('gives the product, stock per location, movements, open reservations and the orders with it', async () => {
    const product = await productWithStock(10);
    const order = await placeAndDecide(admin, product.id, 4);
    expect(order.status).toBe('awaiting_payment');
    const answer = await eventually(async () => {
      const current = await productComplete(admin, product.id);
      expect(current.openReservations).toHaveLength(1); // the reservation arrives by inventory's event
      return current;
    });
    expect(answer).toMatchObject({ partial: false });
    expect(answer.product).toMatchObject({
      id: product.id,
      totals: { onHand: 10, reserved: 4, available: 6 },
    });
    expect(answer.stock).toEqual([
      { locationId: shop.id, locationCode: shop.code, onHand: 10, reserved: 4, available: 6 },
    ]);
    expect(answer.movements).toEqual([
      expect.objectContaining({ type: 'stock_received', quantityDelta: 10 }),
    ]);
    expect(answer.openReservations).toEqual([
      { orderId: order.id, locationId: shop.id, quantity: 4, reservedAt: expect.any(String) },
    ]);
    expect(answer.recentOrders).toEqual([
      expect.objectContaining({ id: order.id, status: 'awaiting_payment' }),
    ]);
  });

  it('gives null for orders to a role that may not read them; 404 for an unknown product', async () => {
    const product = await productWithStock(2);
    const clerk = await signInWithRoles(system, admin, ['clerk']);
    const answer = await productComplete(clerk, product.id);
    expect(answer.recentOrders).toBeNull();
    expect(answer.product).toMatchObject({ id: product.id });
    const missing = await raw(system, `/mobile/products/${crypto.randomUUID()}/complete`, {
      token: admin.accessToken!,
    });
    expect(missing.status).toBe(404);
  });

  it('answers 200 with inventory stopped: its sections unavailable, the orders with it correct', async () => {
    const product = await productWithStock(5);
    const order = await placeAndDecide(admin, product.id, 1);
    const answer = await whileStopped('inventory', () => productComplete(admin, product.id));
    expect(answer.partial).toBe(true);
    for (const section of ['product', 'stock', 'movements', 'openReservations'] as const)
      expect(answer[section]).toEqual({ error: { code: 'unavailable' } });
    expect(answer.recentOrders).toEqual([expect.objectContaining({ id: order.id })]);
  });
});

describe('GET /mobile/orders/{id}/complete', () => {
  it('gives the order with history, payments with refunds, and each line’s product and stock', async () => {
    const product = await productWithStock(6);
    const order = await placeAndDecide(admin, product.id, 2);
    const payment = ok(
      await admin.http.POST('/payments', {
        body: { orderId: order.id, amount: { amount: 1000, currency: 'EUR' }, method: 'card' },
      }),
    );
    ok(
      await admin.http.POST('/payments/{paymentId}/refunds', {
        params: { path: { paymentId: payment.id } },
        body: { amount: { amount: 300, currency: 'EUR' }, reason: 'damaged box' },
      }),
    );
    // Read-your-writes: the payment and its refund are there at once.
    const answer = await orderComplete(admin, order.id);
    expect(answer).toMatchObject({ partial: false });
    expect(answer.payments).toEqual([
      expect.objectContaining({
        id: payment.id,
        refunds: [expect.objectContaining({ reason: 'damaged box' })],
      }),
    ]);
    expect(answer.order).toMatchObject({ id: order.id, statusHistory: expect.any(Array) });
    expect(answer.lines).toEqual([
      expect.objectContaining({
        productId: product.id,
        quantity: 2,
        product: expect.objectContaining({ id: product.id, sku: product.sku }),
        stock: { locationId: shop.id, locationCode: shop.code, onHand: 6, reserved: 2, available: 4 },
      }),
    ]);
  });

  it('shows a payment’s effect on the order (another service) once orders publishes it', async () => {
    const product = await productWithStock(3);
    const order = await placeAndDecide(admin, product.id, 1);
    expect((await orderComplete(admin, order.id)).order).toMatchObject({ status: 'awaiting_payment' });
    ok(
      await admin.http.POST('/payments', {
        body: { orderId: order.id, amount: order.total, method: 'cash' },
      }),
    );
    // Cached entries live 60 s; this must come from orders' payment_applied/status_changed events.
    await eventually(
      async () =>
        expect((await orderComplete(admin, order.id)).order).toMatchObject({
          status: 'paid',
          paid: order.total,
        }),
      { timeoutMs: 20_000 },
    );
  });

  it('gives null payments to a role that does not manage them; 403 to one that may not read orders', async () => {
    const product = await productWithStock(3);
    const order = await placeAndDecide(admin, product.id, 1);
    const sales = await signInWithRoles(system, admin, ['sales']);
    const answer = await orderComplete(sales, order.id);
    expect(answer.payments).toBeNull();
    expect(answer.order).toMatchObject({ id: order.id });
    const clerk = await signInWithRoles(system, admin, ['clerk']);
    const refused = await raw(system, `/mobile/orders/${order.id}/complete`, { token: clerk.accessToken! });
    expect(refused.status).toBe(403);
  });

  it('answers 200 with payments stopped: payments unavailable, the order and lines correct', async () => {
    const product = await productWithStock(3);
    const order = await placeAndDecide(admin, product.id, 1);
    const answer = await whileStopped('payments', () => orderComplete(admin, order.id));
    expect(answer.partial).toBe(true);
    expect(answer.payments).toEqual({ error: { code: 'unavailable' } });
    expect(answer.order).toMatchObject({ id: order.id });
    expect(answer.lines).toEqual([expect.objectContaining({ productId: product.id })]);
  });
});

describe('GET /mobile/customers/{id}/complete', () => {
  it('gives the customer, balance, credit limit, its last 10 orders and their payments', async () => {
    const customer = await registeredCustomer(100_000);
    const product = await productWithStock(20);
    const orders = [];
    for (let i = 0; i < 11; i++) orders.push(await placeForCustomer(customer.id, product.id, 1));
    const newest = orders.at(-1)!;
    const payment = ok(
      await admin.http.POST('/payments', { body: { orderId: newest.id, amount: EUR(500), method: 'card' } }),
    );
    const answer = await customerComplete(admin, customer.id);
    expect(answer).toMatchObject({ partial: false, creditLimit: EUR(100_000) });
    expect(answer.customer).toMatchObject({ id: customer.id, name: customer.name });
    expect(answer.recentOrders).toHaveLength(10);
    const listed = (answer.recentOrders as { id: string; customerId: string }[]).map((o) => o.id);
    expect(listed).toContain(newest.id);
    expect(listed).not.toContain(orders[0]!.id);
    expect(answer.payments).toEqual([expect.objectContaining({ id: payment.id, orderId: newest.id })]);
    // 11 orders of 12.50 placed, 5.00 paid (orders learns of the payment from payments' event).
    await eventually(async () =>
      expect((await customerComplete(admin, customer.id)).balance).toEqual(EUR(11 * 1250 - 500)),
    );
  });

  it('gives null payments to a role that does not manage them; 403 to one that may not read customers; 404 unknown', async () => {
    const customer = await registeredCustomer();
    const order = await placeForCustomer(customer.id, (await productWithStock(2)).id, 1);
    const sales = await signInWithRoles(system, admin, ['sales']);
    const answer = await customerComplete(sales, customer.id);
    expect(answer).toMatchObject({ partial: false, payments: null, balance: EUR(1250) });
    expect(answer.recentOrders).toEqual([expect.objectContaining({ id: order.id })]);
    const clerk = await signInWithRoles(system, admin, ['clerk']);
    const refused = await raw(system, `/mobile/customers/${customer.id}/complete`, {
      token: clerk.accessToken!,
    });
    expect(refused.status).toBe(403);
    const unknown = await raw(system, `/mobile/customers/${crypto.randomUUID()}/complete`, {
      token: admin.accessToken!,
    });
    expect(unknown.status).toBe(404);
  });

  it("shows the customer's new order and balance at once after an order placed through REST (read-your-writes)", async () => {
    const customer = await registeredCustomer();
    const product = await productWithStock(5);
    expect(await customerComplete(admin, customer.id)).toMatchObject({ recentOrders: [], balance: EUR(0) });
    const order = ok(
      await admin.http.POST('/orders', {
        body: {
          customerId: customer.id,
          locationId: shop.id,
          lines: [{ productId: product.id, quantity: 2 }],
        },
      }),
    );
    const answer = await customerComplete(admin, customer.id);
    expect(answer.balance).toEqual(EUR(2500));
    expect(answer.recentOrders).toEqual([expect.objectContaining({ id: order.id })]);
  });
});

describe('POST /mobile/orders', () => {
  const place = (client: OmniClient, productId: string, quantity: number, key = crypto.randomUUID()) =>
    raw(system, '/mobile/orders', {
      method: 'POST',
      token: client.accessToken!,
      headers: { 'idempotency-key': key },
      body: JSON.stringify({
        customer: { name: 'Ada' },
        locationId: shop.id,
        lines: [{ productId, quantity }],
      }),
    });

  it('answers 201 once the reservation is decided, with the stock after it; a retry replays it', async () => {
    const product = await productWithStock(5);
    const key = crypto.randomUUID();
    const response = await place(admin, product.id, 2, key);
    expect(response.status).toBe(201);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      order: expect.objectContaining({ status: 'awaiting_payment' }),
      stock: [
        {
          productId: product.id,
          locationId: shop.id,
          locationCode: shop.code,
          onHand: 5,
          reserved: 2,
          available: 3,
        },
      ],
      customer: null,
    });
    const replay = await place(admin, product.id, 2, key);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotency-replayed')).toBe('true');
    expect(await replay.json()).toEqual(body);
  });

  it('answers 201 with the rejected order and its failing lines when stock is short', async () => {
    const product = await productWithStock(1);
    const response = await place(admin, product.id, 3);
    expect(response.status).toBe(201);
    const body = (await response.json()) as { order: { status: string; rejection: unknown } };
    expect(body.order.status).toBe('rejected');
    expect(body.order.rejection).toMatchObject({
      failedLines: [{ productId: product.id, requested: 3, available: 1 }],
    });
  });

  it("gives the registered customer's balance with this order and its credit limit", async () => {
    const customer = await registeredCustomer(50_000);
    const product = await productWithStock(5);
    const response = await raw(system, '/mobile/orders', {
      method: 'POST',
      token: admin.accessToken!,
      headers: { 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify({
        customerId: customer.id,
        locationId: shop.id,
        lines: [{ productId: product.id, quantity: 2 }],
      }),
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      order: { status: 'awaiting_payment', customerId: customer.id },
      customer: { balance: EUR(2500), creditLimit: EUR(50_000) },
    });
  });

  it('answers 202 with the pending order when the decision takes longer than 2 s', async () => {
    const product = await productWithStock(2);
    const response = await whileStopped('inventory', () => place(admin, product.id, 1));
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ status: 'pending' });
  });

  it('refuses a role that may not place orders (403)', async () => {
    const clerk = await signInWithRoles(system, admin, ['clerk']);
    const product = await productWithStock(1);
    expect((await place(clerk, product.id, 1)).status).toBe(403);
  });
});

describe('read-your-writes through the cache', () => {
  it('a receipt through REST is in the next BFF read, 1,000 times in a row, with concurrent writers', async () => {
    const product = await productWithStock(0);
    const writers = await Promise.all(
      Array.from({ length: 4 }, () => signInWithRoles(system, admin, ['manager'])),
    );
    let checked = 0;
    // Four writers at once, each acknowledging a receipt then reading it back: the cache is filled and
    // dropped constantly by the others' writes and reads, the race a stale store would lose.
    await Promise.all(
      writers.map(async (writer) => {
        for (let i = 0; i < 250; i++) {
          const acknowledged = await receive(writer, product.id, 1);
          const read = await productComplete(writer, product.id);
          expect(read).toMatchObject({ partial: false });
          const onHand = (read.product as { totals: { onHand: number } }).totals.onHand;
          expect(onHand).toBeGreaterThanOrEqual(acknowledged.totals.onHand);
          checked++;
        }
      }),
    );
    expect(checked).toBe(1000);
  }, 300_000);

  it('counts hits and misses for the hit ratio on /metrics', async () => {
    const metrics = await (await fetch(`${system.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/omni_bff_cache_lookups_total\{section="product",outcome="hit"\} [1-9]/);
    expect(metrics).toMatch(/omni_bff_cache_lookups_total\{section="product",outcome="miss"\} [1-9]/);
  });
});
