import { payments } from '@omni/contracts';
import { given, recordingDecisions } from '@omni/testing';
import { paymentDecider as decider, type OrderView } from '../src/domain/payment/decider.js';

/** Every event the specs see the decider produce, to check each against its schema at the end. */
const produced: payments.PaymentEvent[] = [];
const paymentDecider = recordingDecisions(decider, produced);
const r0 = '0190aaaa-0000-7000-8000-0000000000d0';
const r1 = '0190aaaa-0000-7000-8000-0000000000d1';

const paymentId = '0190aaaa-0000-7000-8000-0000000000a1';
const orderId = '0190aaaa-0000-7000-8000-0000000000aa';
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const awaiting = (paid = 0): OrderView => ({ status: 'awaiting_payment', total: eur(1000), paid: eur(paid) });
const record = (amount: { amount: number; currency: string }, order: OrderView | undefined = awaiting()) =>
  ({ type: 'RecordPayment', paymentId, orderId, amount, method: 'card', reference: null, order }) as const;
const recorded: payments.PaymentEvent = {
  type: 'recorded',
  data: { paymentId, orderId, amount: eur(600), method: 'card', reference: null },
};
const refund = (amount: number) =>
  ({ type: 'RefundPayment', paymentId, refundId: r1, amount: eur(amount), reason: 'x' }) as const;

describe('payment decider', () => {
  describe('recording a payment', () => {
    it('records a payment up to what is due', () => {
      given(paymentDecider, [])
        .when(record(eur(600), awaiting(400)))
        .then([recorded]);
    });
    it('refuses more than is due', () => {
      given(paymentDecider, [])
        .when(record(eur(601), awaiting(400)))
        .thenFails('overpayment');
    });
    it('refuses another currency', () => {
      given(paymentDecider, [])
        .when(record({ amount: 100, currency: 'USD' }))
        .thenFails('currency_mismatch');
    });
    it('refuses a zero or negative amount', () => {
      given(paymentDecider, [])
        .when(record(eur(0)))
        .thenFails('invalid_amount');
      given(paymentDecider, [])
        .when(record(eur(-5)))
        .thenFails('invalid_amount');
    });
    it('refuses an order that does not await payment, or is unknown', () => {
      given(paymentDecider, [])
        .when(record(eur(100), { ...awaiting(), status: 'pending' }))
        .thenFails('order_not_awaiting_payment');
      given(paymentDecider, [])
        .when({ ...record(eur(100)), order: undefined })
        .thenFails('unknown_order');
    });
  });

  describe('when the payment is recorded', () => {
    it('refunds part, then the rest, and no more', () => {
      given(paymentDecider, [recorded])
        .when(refund(200))
        .then([
          { type: 'refunded', data: { paymentId, orderId, refundId: r1, amount: eur(200), reason: 'x' } },
        ]);
      const partly: payments.PaymentEvent = {
        type: 'refunded',
        data: { paymentId, orderId, refundId: r0, amount: eur(500), reason: 'x' },
      };
      given(paymentDecider, [recorded, partly]).when(refund(101)).thenFails('refund_exceeds_payment');
      given(paymentDecider, [recorded, partly])
        .when(refund(100))
        .then([
          { type: 'refunded', data: { paymentId, orderId, refundId: r1, amount: eur(100), reason: 'x' } },
        ]);
    });
    it('refuses a refund in another currency', () => {
      given(paymentDecider, [recorded])
        .when({ ...refund(1), amount: { amount: 1, currency: 'USD' } })
        .thenFails('currency_mismatch');
    });
  });

  it('produces only events whose data parse with their schemas', () => {
    expect(produced.length).toBeGreaterThan(0);
    for (const event of produced) {
      expect(payments.paymentEvents[event.type].parse(event.data)).toEqual(event.data);
    }
  });
});
