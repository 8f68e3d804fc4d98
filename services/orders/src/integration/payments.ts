import { paymentsEvents } from '@omni/contracts';
import { reaction } from '@omni/service-kit';
import type { OrderCommand } from '../domain/order/decider.js';

/** A recorded payment counts toward its order's total; refunds are payments' own business. */
export const reactToPayments = reaction({
  name: 'orders-payments',
  source: { service: 'payments', filterSubject: 'payments.payment.>', events: paymentsEvents },
  react(event): OrderCommand[] {
    if (event.type !== 'payments.payment.recorded') return [];
    const { orderId, paymentId, amount } = event.data;
    return [{ type: 'ApplyPayment', orderId, paymentId, amount }];
  },
});
