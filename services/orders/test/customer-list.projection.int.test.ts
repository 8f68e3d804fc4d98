import { newId } from '@omni/contracts';
import { givenEvents } from '@omni/projections';
import { useTestDatabase } from '@omni/testing';
import { customerListProjection } from '../src/projections/customerList/projection.js';
import { getCustomer, listCustomers } from '../src/projections/customerList/query.js';

const database = useTestDatabase();

beforeAll(async () => {
  await database.pool.query('CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public');
});

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const of = (customerId: string, type: string, data: object) => ({
  streamId: `customer-${customerId}`,
  type,
  data: { customerId, ...data },
});
const registered = (customerId: string, name: string, more: object = {}) =>
  of(customerId, 'registered', { name, email: null, phone: null, creditLimit: null, ...more });

describe('the customer list', () => {
  it('follows the balance its orders move, and shows a zero balance in the limit currency before any order', async () => {
    const [ada, bob] = [newId(), newId()];
    const order = newId();
    await givenEvents(database.pool, 'spec_balance', customerListProjection, [
      registered(ada, 'Ada', { creditLimit: eur(5000) }),
      registered(bob, 'Bob', { creditLimit: { amount: 100, currency: 'USD' } }),
      of(ada, 'order_charged', { orderId: order, amount: eur(1000), balance: eur(1000) }),
      of(ada, 'payment_credited', {
        orderId: order,
        paymentId: newId(),
        amount: eur(400),
        balance: eur(600),
      }),
      // An order event on the log is not a customer's: the projection skips it.
      { streamId: `order-${order}`, type: 'updated', data: { orderId: order, notes: 'x' } },
    ]);
    expect(await getCustomer(database.pool, 'spec_balance', ada)).toMatchObject({
      name: 'Ada',
      creditLimit: eur(5000),
      balance: eur(600),
      version: 3,
    });
    expect((await getCustomer(database.pool, 'spec_balance', bob)).balance).toEqual({
      amount: 0,
      currency: 'USD',
    });
  });

  it('applies an update to the fields it carries: null clears, absent keeps', async () => {
    const ada = newId();
    await givenEvents(database.pool, 'spec_update', customerListProjection, [
      registered(ada, 'Ada', { email: 'ada@example.com', phone: '+44 1', creditLimit: eur(100) }),
      of(ada, 'updated', { name: 'Ada L.', phone: null }),
      of(ada, 'updated', { creditLimit: null }),
    ]);
    expect(await getCustomer(database.pool, 'spec_update', ada)).toMatchObject({
      name: 'Ada L.',
      email: 'ada@example.com',
      phone: null,
      creditLimit: null,
    });
  });

  it('finds customers by a piece of their name, e-mail or phone, in any case, a page at a time', async () => {
    const ids = [newId(), newId(), newId(), newId()];
    await givenEvents(database.pool, 'spec_search', customerListProjection, [
      registered(ids[0]!, 'Ada Lovelace'),
      registered(ids[1]!, 'Grace', { email: 'grace@LOVELACE.example' }),
      registered(ids[2]!, 'Alan', { phone: '+44 555 0199' }),
      registered(ids[3]!, 'Linus 100%'),
    ]);
    const first = await listCustomers(database.pool, 'spec_search', { q: 'lovelace', limit: 1 });
    const second = await listCustomers(database.pool, 'spec_search', {
      q: 'lovelace',
      limit: 1,
      cursor: first.nextCursor!,
    });
    expect([...first.items, ...second.items].map((c) => c.name)).toEqual(['Ada Lovelace', 'Grace']);
    expect(second.nextCursor).toBeNull();
    expect(
      (await listCustomers(database.pool, 'spec_search', { q: '555 01', limit: 50 })).items.map(
        (c) => c.name,
      ),
    ).toEqual(['Alan']);
    expect(
      (await listCustomers(database.pool, 'spec_search', { q: '0%', limit: 50 })).items.map((c) => c.name),
    ).toEqual(['Linus 100%']);
  });

  it('refuses an unknown customer with 404 customer_not_found', async () => {
    await expect(getCustomer(database.pool, 'spec_search', newId())).rejects.toMatchObject({
      code: 'customer_not_found',
    });
  });
});
