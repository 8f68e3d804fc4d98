import { newId } from '@omni/contracts';
import { whenEvent } from '@omni/testing';
import { reactToOrders } from '../src/integration/orders.js';

const orderId = newId();
const locationId = newId();
const productId = newId();
const price = { amount: 250, currency: 'EUR' };

describe('when an order is placed', () => {
  it('reserves every line at its location', () => {
    whenEvent(reactToOrders, 'orders.order.placed', {
      orderId,
      customer: { name: 'Ada' },
      locationId,
      lines: [
        {
          productId,
          sku: 'A-1',
          name: 'Tea',
          quantity: 2,
          unitPrice: price,
          lineTotal: { ...price, amount: 500 },
        },
      ],
      total: { ...price, amount: 500 },
      notes: null,
    }).then([
      { type: 'ReserveStock', reservation: { orderId, locationId, lines: [{ productId, quantity: 2 }] } },
    ]);
  });
});

describe('when an order is cancelled', () => {
  it('releases its reservation', () => {
    whenEvent(reactToOrders, 'orders.order.cancelled', { orderId, reason: 'changed mind', paid: price }).then(
      [{ type: 'ReleaseReservation', orderId }],
    );
  });
});

describe('when an order ships', () => {
  it('commits its reservation', () => {
    whenEvent(reactToOrders, 'orders.order.shipped', { orderId }).then([
      { type: 'CommitReservation', orderId },
    ]);
  });
});

describe('when an order changes status', () => {
  it('does nothing: the specific events say what to do', () => {
    whenEvent(reactToOrders, 'orders.order.status_changed', {
      orderId,
      from: 'pending',
      to: 'awaiting_payment',
    }).then([]);
  });
});

it('refuses data that breaks the contract instead of guessing', () => {
  expect(() => whenEvent(reactToOrders, 'orders.order.shipped', { orderId: 'not-a-uuid' })).toThrow(
    expect.objectContaining({ code: 'validation_failed' }),
  );
});
