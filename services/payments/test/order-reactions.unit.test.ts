import { newId } from '@omni/contracts';
import { whenEvent } from '@omni/testing';
import { reactToOrders } from '../src/integration/orders.js';

const orderId = newId();

describe('when an order is cancelled', () => {
  it('refunds what was paid on it', () => {
    whenEvent(reactToOrders, 'orders.order.cancelled', {
      orderId,
      reason: 'payment_timeout',
      paid: { amount: 0, currency: 'EUR' },
    }).then([{ type: 'RefundCancelledOrder', orderId }]);
  });
});

describe('when an order ships', () => {
  it('does nothing', () => {
    whenEvent(reactToOrders, 'orders.order.shipped', { orderId }).then([]);
  });
});
