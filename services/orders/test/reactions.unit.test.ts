import { newId } from '@omni/contracts';
import { whenEvent } from '@omni/testing';
import { reactToReservations } from '../src/integration/inventory.js';
import { reactToPayments } from '../src/integration/payments.js';

const orderId = newId();
const locationId = newId();
const productId = newId();

describe('when inventory confirms the reservation', () => {
  it('confirms it on the order', () => {
    whenEvent(reactToReservations, 'inventory.reservation.confirmed', {
      orderId,
      locationId,
      lines: [{ productId, quantity: 1 }],
    }).then([{ type: 'ConfirmReservation', orderId }]);
  });
});

describe('when inventory rejects the reservation', () => {
  it('rejects the order with the reason and the lines that failed', () => {
    const failedLines = [{ productId, requested: 3, available: 1 }];
    whenEvent(reactToReservations, 'inventory.reservation.rejected', {
      orderId,
      locationId,
      reason: 'insufficient_stock',
      failedLines,
    }).then([{ type: 'RejectReservation', orderId, reason: 'insufficient_stock', failedLines }]);
  });
});

describe('when a reservation is released', () => {
  it('does nothing: orders released it', () => {
    whenEvent(reactToReservations, 'inventory.reservation.released', { orderId }).then([]);
  });
});

describe('when a payment is recorded', () => {
  it('applies it to its order', () => {
    const paymentId = newId();
    const amount = { amount: 500, currency: 'EUR' };
    whenEvent(reactToPayments, 'payments.payment.recorded', {
      paymentId,
      orderId,
      amount,
      method: 'card',
      reference: null,
    }).then([{ type: 'ApplyPayment', orderId, paymentId, amount }]);
  });
});

describe('when a payment is refunded', () => {
  it('does nothing', () => {
    whenEvent(reactToPayments, 'payments.payment.refunded', {
      paymentId: newId(),
      orderId,
      refundId: newId(),
      amount: { amount: 100, currency: 'EUR' },
      reason: 'order_cancelled',
    }).then([]);
  });
});
