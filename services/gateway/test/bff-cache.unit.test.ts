import { jest } from '@jest/globals';
import { SectionCache } from '../src/bff/cache.js';
import { INVALIDATING_STREAMS, tagsOfEvent, tagsOfWrite } from '../src/bff/tags.js';

const cache = () => new SectionCache({ maxBytes: 10_000, ttlMs: 60_000 });
const answer =
  <T>(value: T, tags: string[]) =>
  async () => ({ value, tags });

describe('the section cache', () => {
  it('answers from the cache until a tag of the entry is invalidated', async () => {
    const sections = cache();
    expect(await sections.get('product', 'p1', answer(1, ['product:1']))).toBe(1);
    expect(await sections.get('product', 'p1', answer(2, ['product:1']))).toBe(1);
    sections.invalidate(['product:2']);
    expect(await sections.get('product', 'p1', answer(3, ['product:1']))).toBe(1);
    sections.invalidate(['product:1']);
    expect(await sections.get('product', 'p1', answer(4, ['product:1']))).toBe(4);
  });

  it('shares one frozen answer between hits, so no request can change what the next one reads', async () => {
    const sections = cache();
    const first = await sections.get('product', 'p1', answer({ stock: { onHand: 3 } }, ['product:1']));
    const hit = await sections.get('product', 'p1', answer({ stock: { onHand: 9 } }, ['product:1']));
    expect(hit).toBe(first);
    expect(() => {
      (hit as { stock: { onHand: number } }).stock.onHand = 4;
    }).toThrow(TypeError);
    expect(hit).toEqual({ stock: { onHand: 3 } });
  });

  it('does not store what a read fetched while one of its tags was invalidated', async () => {
    const sections = cache();
    let finishRead!: () => void;
    const read = sections.get('product', 'p1', async () => {
      await new Promise<void>((resolve) => (finishRead = resolve));
      return { value: 'before the write', tags: ['product:1'] };
    });
    sections.invalidate(['product:1']); // the write is acknowledged while the read is in flight
    finishRead();
    expect(await read).toBe('before the write'); // that reader started before the write: fine
    expect(await sections.get('product', 'p1', answer('after the write', ['product:1']))).toBe(
      'after the write',
    );
  });

  it('stores a read in flight when only unrelated tags were invalidated meanwhile', async () => {
    const sections = cache();
    let finishRead!: () => void;
    const read = sections.get('product', 'p1', async () => {
      await new Promise<void>((resolve) => (finishRead = resolve));
      return { value: 'kept', tags: ['product:1'] };
    });
    sections.invalidate(['product:2']);
    finishRead();
    await read;
    expect(await sections.get('product', 'p1', answer('not read', ['product:1']))).toBe('kept');
  });

  /** A fetch that answers when told to, counting how often it was called. */
  const gatedFetch = <T>(value: T, tags: string[]) => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const fetch = jest.fn(async () => {
      await gate;
      return { value, tags };
    });
    return { fetch, open };
  };

  it('lets misses on a key whose fetch is under way wait for it instead of fetching again', async () => {
    const sections = cache();
    const { fetch, open } = gatedFetch('home', ['orders']);
    const readers = [1, 2, 3].map(() => sections.get('home', 'u1', fetch));
    open();
    expect(await Promise.all(readers)).toEqual(['home', 'home', 'home']);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('makes a waiter fetch for itself when a write dropped the shared answer after that fetch began', async () => {
    const sections = cache();
    const before = gatedFetch('before the write', ['order:1']);
    const first = sections.get('order', 'o1', before.fetch);
    sections.invalidate(['order:1']); // a write acknowledged while the first fetch is under way
    const after = gatedFetch('after the write', ['order:1']);
    const waiter = sections.get('order', 'o1', after.fetch); // arrived after the write
    before.open();
    after.open();
    expect(await first).toBe('before the write'); // began before the write: fine for its reader
    expect(await waiter).toBe('after the write');
    expect(after.fetch).toHaveBeenCalledTimes(1);
    expect(await sections.get('order', 'o1', answer('not read', ['order:1']))).toBe('after the write');
  });

  it('fails the waiters of a shared fetch that fails, and fetches again on the next miss', async () => {
    const sections = cache();
    let fail!: (error: Error) => void;
    const failing = () => new Promise<never>((_, reject) => (fail = reject));
    const first = sections.get('stock', 'p1', failing);
    const waiter = sections.get('stock', 'p1', answer('never fetched', ['product:1']));
    fail(new Error('inventory is not answering'));
    await expect(first).rejects.toThrow('inventory is not answering');
    await expect(waiter).rejects.toThrow('inventory is not answering');
    expect(await sections.get('stock', 'p1', answer('fetched again', ['product:1']))).toBe('fetched again');
  });

  it('stays within its byte bound, dropping the least recently used', async () => {
    const sections = new SectionCache({ maxBytes: 1_000, ttlMs: 60_000 });
    const big = 'x'.repeat(300);
    for (const key of ['a', 'b', 'c', 'd']) await sections.get('s', key, answer(big, [`t:${key}`]));
    expect(sections.size).toBe(2);
    expect(await sections.get('s', 'a', answer('fetched again', ['t:a']))).toBe('fetched again');
  });
});

describe('tags', () => {
  const productId = '0190a5a0-0000-7000-8000-000000000001';
  const orderId = '0190a5a0-0000-7000-8000-000000000002';
  const customerId = '0190a5a0-0000-7000-8000-000000000003';
  const userId = '0190a5a0-0000-7000-8000-000000000004';

  it('maps each event subject to what it changes', () => {
    expect(tagsOfEvent(`inventory.product.${productId}.stock_received`, {})).toEqual([
      `product:${productId}`,
    ]);
    expect(tagsOfEvent(`inventory.product.${productId}.low_stock_detected`, {})).toEqual([
      `product:${productId}`,
      'low-stock',
    ]);
    expect(tagsOfEvent(`orders.order.${orderId}.placed`, { lines: [{ productId }] })).toEqual([
      `order:${orderId}`,
      `orders-with-product:${productId}`,
    ]);
    expect(tagsOfEvent('payments.payment.p9.recorded', { orderId })).toEqual([
      'payment:p9',
      `order:${orderId}`,
    ]);
    expect(tagsOfEvent('scheduling.shift.s1.assigned', {})).toEqual(['shifts']);
    expect(tagsOfEvent('notification.message.m1.sent', {})).toEqual([]);
  });

  it('drops the count of orders awaiting payment only for a status change into or out of it', () => {
    const statusChanged = (from: string, to: string) =>
      tagsOfEvent(`orders.order.${orderId}.status_changed`, { orderId, from, to });
    expect(statusChanged('pending', 'awaiting_payment')).toContain('awaiting-payment');
    expect(statusChanged('awaiting_payment', 'paid')).toContain('awaiting-payment');
    expect(statusChanged('awaiting_payment', 'cancelled')).toContain('awaiting-payment');
    expect(statusChanged('paid', 'shipped')).toEqual([`order:${orderId}`]);
    expect(statusChanged('pending', 'rejected')).toEqual([`order:${orderId}`]);
    for (const type of ['payment_applied', 'updated', 'cancelled', 'shipped']) {
      expect(tagsOfEvent(`orders.order.${orderId}.${type}`, { orderId })).toEqual([`order:${orderId}`]);
    }
  });

  it("maps a customer's events to the customer and a user's inbox events to their notifications", () => {
    expect(tagsOfEvent(`orders.customer.${customerId}.order_charged`, { orderId })).toEqual([
      `customer:${customerId}`,
    ]);
    expect(tagsOfEvent(`orders.customer.${customerId}.updated`, {})).toEqual([`customer:${customerId}`]);
    expect(tagsOfEvent(`notification.inbox.${userId}.created`, {})).toEqual([`notifications:${userId}`]);
    expect(tagsOfEvent(`notification.inbox.${userId}.read`, {})).toEqual([`notifications:${userId}`]);
    expect(INVALIDATING_STREAMS).toContain('NOTIFICATION');
  });

  it("maps customer writes to the customer, an order for one to it, and notification writes to the caller's inbox", () => {
    const write = { params: {}, body: {}, result: {}, userId };
    expect(
      tagsOfWrite({ ...write, area: 'customers', path: '/customers', result: { id: customerId } }),
    ).toEqual([`customer:${customerId}`]);
    expect(
      tagsOfWrite({
        ...write,
        area: 'customers',
        path: '/customers/:customerId',
        params: { customerId },
        result: { id: customerId },
      }),
    ).toEqual([`customer:${customerId}`]);
    expect(
      tagsOfWrite({
        ...write,
        area: 'mobile',
        path: '/mobile/orders',
        body: { customerId, lines: [{ productId, quantity: 1 }] },
        result: { order: { id: orderId, customerId, lines: [{ productId }] } },
      }),
    ).toEqual(expect.arrayContaining([`order:${orderId}`, `customer:${customerId}`]));
    expect(
      tagsOfWrite({
        ...write,
        area: 'orders',
        path: '/orders',
        body: { customer: { name: 'Walk-in' }, lines: [{ productId, quantity: 1 }] },
        result: { id: orderId, customerId: null, lines: [{ productId }] },
      }).filter((t) => t.startsWith('customer:')),
    ).toEqual([]);
    for (const path of [
      '/notifications/read-all',
      '/notifications/:notificationId/read',
      '/notifications/preferences',
    ]) {
      expect(tagsOfWrite({ ...write, area: 'notifications', path })).toEqual([`notifications:${userId}`]);
    }
  });

  it('drops the low-stock list for inventory writes that can lower stock, not for receipts', () => {
    const write = { area: 'inventory', params: { productId }, body: {}, result: {}, userId: 'u1' };
    expect(tagsOfWrite({ ...write, path: '/inventory/products/:productId/receipts' })).toEqual([
      `product:${productId}`,
    ]);
    for (const path of ['/inventory/products/:productId/adjustments', '/inventory/products/:productId']) {
      expect(tagsOfWrite({ ...write, path })).toEqual([`product:${productId}`, 'low-stock']);
    }
  });

  it('maps a write through the gateway to what it names', () => {
    expect(
      tagsOfWrite({
        area: 'orders',
        path: '/orders',
        params: {},
        body: { lines: [{ productId, quantity: 1 }] },
        result: { id: orderId, lines: [{ productId }] },
        userId: 'u1',
      }),
    ).toEqual(
      expect.arrayContaining([
        `order:${orderId}`,
        `product:${productId}`,
        `orders-with-product:${productId}`,
      ]),
    );
    expect(
      tagsOfWrite({
        area: 'payments',
        path: '/payments',
        params: {},
        body: { orderId },
        result: { id: 'p9', orderId },
        userId: 'u1',
      }),
    ).toEqual([`order:${orderId}`, 'payment:p9']);
  });
});
