import { OmniClient, ok } from '@omni/client';
import { eventually, type RunningSystem } from '@omni/testing';
import { SHOP_START_TIMEOUT_MS, startShop, unique } from './shop.js';

/** One unit of the product costs this much. */
const PRICE = 1000;
const eur = (amount: number) => ({ amount, currency: 'EUR' });

let system: RunningSystem;
let admin: OmniClient;
let locationId: string;
let productId: string;

beforeAll(async () => {
  ({ system, admin, locationId, productId } = await startShop(PRICE));
}, SHOP_START_TIMEOUT_MS);

afterAll(async () => {
  await system?.stop();
});

const register = async (body: {
  name: string;
  email?: string;
  phone?: string;
  creditLimit?: { amount: number; currency: string };
}) => ok(await admin.http.POST('/customers', { body }));
const customerOf = async (customerId: string) =>
  ok(await admin.http.GET('/customers/{customerId}', { params: { path: { customerId } } }));
const orderOf = async (orderId: string) =>
  ok(await admin.http.GET('/orders/{orderId}', { params: { path: { orderId } } }));
const placeFor = (customerId: string, quantity = 1) =>
  admin.http.POST('/orders', { body: { customerId, locationId, lines: [{ productId, quantity }] } });
/** The price list in orders follows inventory's events: wait until it knows the product. */
const placedFor = (customerId: string, quantity = 1) =>
  eventually(async () => ok(await placeFor(customerId, quantity)));

describe('registering and reading customers', () => {
  it('registers a customer (201) and reads it with a zero balance in its limit currency; an unknown id is 404', async () => {
    const created = await admin.http.POST('/customers', {
      body: { name: 'Ada', email: 'ada@example.com', phone: '+44 20 1234', creditLimit: eur(5000) },
    });
    expect(created.response.status).toBe(201);
    expect(created.data).toMatchObject({ name: 'Ada', creditLimit: eur(5000), balance: eur(0), version: 1 });
    expect(await customerOf(created.data!.id)).toEqual(created.data);
    const missing = await admin.http.GET('/customers/{customerId}', {
      params: { path: { customerId: '0190ffff-0000-7000-8000-000000000000' } },
    });
    expect(missing.response.status).toBe(404);
  });

  it('refuses bad input with 400, naming each field', async () => {
    const response = await admin.http.POST('/customers', {
      body: { name: '', email: 'not-mail', creditLimit: { amount: 10.5, currency: 'EUR' } },
    });
    expect(response.response.status).toBe(400);
    expect(response.error?.errors?.map((e) => e.path).sort()).toEqual([
      'creditLimit.amount',
      'email',
      'name',
    ]);
  });

  it('finds customers by a piece of name, e-mail or phone, a page at a time', async () => {
    const tag = unique('zq');
    const [a, b, c] = [
      await register({ name: `Ada ${tag}` }),
      await register({ name: 'Grace', email: `${tag.toUpperCase()}@example.com` }),
      await register({ name: 'Alan', phone: '+44 999 777' }),
    ];
    const first = ok(await admin.http.GET('/customers', { params: { query: { q: tag, limit: 1 } } }));
    const second = ok(
      await admin.http.GET('/customers', {
        params: { query: { q: tag, limit: 1, cursor: first.nextCursor! } },
      }),
    );
    expect([...first.items, ...second.items].map((x) => x.id)).toEqual([a.id, b.id]);
    expect(second.nextCursor).toBeNull();
    const byPhone = ok(await admin.http.GET('/customers', { params: { query: { q: '999 777' } } }));
    expect(byPhone.items.map((x) => x.id)).toContain(c.id);
  });

  it('changes a customer with PATCH; a stale If-Match is 412', async () => {
    const ada = await register({ name: 'Ada', phone: '+44 1' });
    const changed = ok(
      await admin.http.PATCH('/customers/{customerId}', {
        params: { path: { customerId: ada.id } },
        body: { name: 'Ada Lovelace', phone: null, creditLimit: eur(2000) },
        headers: { 'If-Match': '"1"' },
      }),
    );
    expect(changed).toMatchObject({ name: 'Ada Lovelace', phone: null, creditLimit: eur(2000), version: 2 });
    const stale = await admin.http.PATCH('/customers/{customerId}', {
      params: { path: { customerId: ada.id } },
      body: { name: 'Someone else' },
      headers: { 'If-Match': '"1"' },
    });
    expect(stale.response.status).toBe(412);
  });

  it('lets sales manage customers, accountants only read them, and clerks neither', async () => {
    for (const [role, mayManage, mayRead] of [
      ['sales', true, true],
      ['accountant', false, true],
      ['clerk', false, false],
    ] as const) {
      const email = `${unique(role)}@omni.test`;
      ok(
        await admin.http.POST('/users', {
          body: { email, name: role, password: 'long enough pw', roles: [role] },
        }),
      );
      const user = new OmniClient({ baseUrl: system.baseUrl });
      await user.login(email, 'long enough pw');
      const created = await user.http.POST('/customers', { body: { name: 'Someone' } });
      expect(created.response.status).toBe(mayManage ? 201 : 403);
      const listed = await user.http.GET('/customers', { params: { query: {} } });
      expect(listed.response.status).toBe(mayRead ? 200 : 403);
    }
  });
});

describe('orders for a registered customer', () => {
  it("carries the customer's name; an unknown customerId is 422 unknown_customer, both or neither customer is 400", async () => {
    const ada = await register({ name: 'Ada', email: 'ada@example.com' });
    const order = await placedFor(ada.id, 2);
    expect(order).toMatchObject({ customerId: ada.id, customer: { name: 'Ada', email: 'ada@example.com' } });
    expect((await customerOf(ada.id)).balance).toEqual(eur(2 * PRICE));

    const unknown = await placeFor('0190ffff-0000-7000-8000-000000000000');
    expect(unknown.response.status).toBe(422);
    expect(unknown.error).toMatchObject({ code: 'unknown_customer' });
    const both = await admin.http.POST('/orders', {
      body: {
        customer: { name: 'Ada' },
        customerId: ada.id,
        locationId,
        lines: [{ productId, quantity: 1 }],
      },
    });
    expect(both.response.status).toBe(400);
    const neither = await admin.http.POST('/orders', {
      body: { locationId, lines: [{ productId, quantity: 1 }] },
    });
    expect(neither.response.status).toBe(400);
  });

  it('lowers the balance by what is paid, and releases what was unpaid when an order is cancelled', async () => {
    const ada = await register({ name: 'Ada', creditLimit: eur(10 * PRICE) });
    const [paidOn, cancelled] = [await placedFor(ada.id, 3), await placedFor(ada.id, 2)];
    expect((await customerOf(ada.id)).balance).toEqual(eur(5 * PRICE));
    await eventually(async () => expect((await orderOf(paidOn.id)).status).toBe('awaiting_payment'));
    // Payments learns that the order awaits payment from orders' events: until then it refuses (422).
    await eventually(async () =>
      ok(
        await admin.http.POST('/payments', {
          body: { orderId: paidOn.id, amount: eur(PRICE), method: 'card' },
        }),
      ),
    );
    // Payments' events reach orders within milliseconds: the balance follows them.
    await eventually(async () => expect((await customerOf(ada.id)).balance).toEqual(eur(4 * PRICE)));
    ok(
      await admin.http.POST('/orders/{orderId}/cancel', {
        params: { path: { orderId: cancelled.id } },
        body: { reason: 'x' },
      }),
    );
    expect((await customerOf(ada.id)).balance).toEqual(eur(2 * PRICE));
    ok(
      await admin.http.POST('/orders/{orderId}/cancel', {
        params: { path: { orderId: paidOn.id } },
        body: { reason: 'x' },
      }),
    );
    expect((await customerOf(ada.id)).balance).toEqual(eur(0));
  });

  it('refuses an order that would take the balance above the credit limit: 422 credit_limit_exceeded', async () => {
    const ada = await register({ name: 'Ada', creditLimit: eur(2 * PRICE) });
    await placedFor(ada.id, 2);
    const over = await placeFor(ada.id, 1);
    expect(over.response.status).toBe(422);
    expect(over.error).toMatchObject({ code: 'credit_limit_exceeded' });
  });

  it('accepts exactly floor(limit / total) of 20 concurrent orders near the limit, never exceeding it', async () => {
    const limit = 7 * PRICE + PRICE / 2;
    const accepted = Math.floor(limit / PRICE);
    await placedFor((await register({ name: 'Warm-up' })).id); // orders knows the product's price
    const ada = await register({ name: 'Ada', creditLimit: eur(limit) });
    const answers = await Promise.all(Array.from({ length: 20 }, () => placeFor(ada.id)));
    const statuses = answers.map((a) => a.response.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(accepted);
    expect(statuses.filter((s) => s === 422)).toHaveLength(20 - accepted);
    for (const refused of answers.filter((a) => a.response.status === 422)) {
      expect(refused.error).toMatchObject({ code: 'credit_limit_exceeded' });
    }
    expect((await customerOf(ada.id)).balance).toEqual(eur(accepted * PRICE));
    const ofAda = ok(
      await admin.http.GET('/orders', { params: { query: { customerId: ada.id, limit: 50 } } }),
    );
    expect(ofAda.items).toHaveLength(accepted);
  });
});
