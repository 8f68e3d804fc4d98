import { orders } from '@omni/contracts';
import { given, recordingDecisions } from '@omni/testing';
import { orderDecider as decider } from '../src/domain/order/decider.js';

/** Every event the specs see the decider produce, to check each against its schema at the end. */
const produced: orders.OrderEvent[] = [];
const orderDecider = recordingDecisions(decider, produced);

const orderId = '0190aaaa-0000-7000-8000-0000000000aa';
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const placedData: Omit<orders.OrderPlaced, 'orderId'> = {
  customer: { name: 'Ada' },
  locationId: '0190aaaa-0000-7000-8000-00000000000a',
  lines: [],
  total: eur(1000),
  notes: null,
};
const placed: orders.OrderEvent = { type: 'placed', data: { orderId, ...placedData } };
const to = (from: orders.OrderStatus, status: orders.OrderStatus, reason?: string): orders.OrderEvent => ({
  type: 'status_changed',
  data: { orderId, from, to: status, ...(reason ? { reason } : {}) },
});
const cancelled = (from: orders.OrderStatus, reason: string, paidAmount: number): orders.OrderEvent[] => [
  { type: 'cancelled', data: { orderId, reason, paid: eur(paidAmount) } },
  to(from, 'cancelled', reason),
];
const p1 = '0190aaaa-0000-7000-8000-0000000000b1';
const p2 = '0190aaaa-0000-7000-8000-0000000000b2';
const productX = '0190aaaa-0000-7000-8000-0000000000c1';
const applied = (paymentId: string, amount: number): orders.OrderEvent => ({
  type: 'payment_applied',
  data: { orderId, paymentId, amount: eur(amount) },
});
const awaiting = [placed, to('pending', 'awaiting_payment')];
const paid = [...awaiting, applied(p1, 1000), to('awaiting_payment', 'paid')];

describe('order decider', () => {
  it('places an order once', () => {
    given(orderDecider, [])
      .when({ type: 'PlaceOrder', orderId, ...placedData })
      .then([placed]);
    given(orderDecider, [placed])
      .when({ type: 'PlaceOrder', orderId, ...placedData })
      .thenFails('order_exists');
  });

  describe('when the order is pending', () => {
    it('awaits payment once its stock is reserved', () => {
      given(orderDecider, [placed])
        .when({ type: 'ConfirmReservation', orderId })
        .then([to('pending', 'awaiting_payment')]);
    });
    it('is rejected with the failing lines when stock is refused', () => {
      const failedLines = [{ productId: productX, requested: 3, available: 1 }];
      given(orderDecider, [placed])
        .when({ type: 'RejectReservation', orderId, reason: 'insufficient_stock', failedLines })
        .then([
          {
            type: 'status_changed',
            data: { orderId, from: 'pending', to: 'rejected', reason: 'insufficient_stock', failedLines },
          },
        ]);
    });
    it('can be cancelled', () => {
      given(orderDecider, [placed])
        .when({ type: 'CancelOrder', orderId, reason: 'x' })
        .then(cancelled('pending', 'x', 0));
    });
    it('cannot ship', () => {
      given(orderDecider, [placed]).when({ type: 'ShipOrder', orderId }).thenFails('order_not_paid');
    });
  });

  describe('when the order awaits payment', () => {
    it('applies a partial payment, then becomes paid when payments cover the total', () => {
      given(orderDecider, awaiting)
        .when({ type: 'ApplyPayment', orderId, paymentId: p1, amount: eur(400) })
        .then([applied(p1, 400)]);
      given(orderDecider, [...awaiting, applied(p1, 400)])
        .when({ type: 'ApplyPayment', orderId, paymentId: p2, amount: eur(600) })
        .then([applied(p2, 600), to('awaiting_payment', 'paid')]);
    });
    it('applies the same payment only once', () => {
      given(orderDecider, [...awaiting, applied(p1, 400)])
        .when({ type: 'ApplyPayment', orderId, paymentId: p1, amount: eur(400) })
        .then([]);
    });
    it('is cancelled with payment_timeout when its deadline passes', () => {
      given(orderDecider, awaiting)
        .when({ type: 'ExpirePayment', orderId })
        .then(cancelled('awaiting_payment', 'payment_timeout', 0));
    });
    it('can be cancelled, and says it changed status', () => {
      given(orderDecider, [...awaiting, applied(p1, 400)])
        .when({ type: 'CancelOrder', orderId, reason: 'customer changed their mind' })
        .then(cancelled('awaiting_payment', 'customer changed their mind', 400));
    });
    it('ignores a late reservation outcome', () => {
      given(orderDecider, awaiting).when({ type: 'ConfirmReservation', orderId }).then([]);
    });
  });

  describe('when the order is paid', () => {
    it('ships', () => {
      given(orderDecider, paid)
        .when({ type: 'ShipOrder', orderId })
        .then([{ type: 'shipped', data: { orderId } }, to('paid', 'shipped')]);
    });
    it('can be cancelled, carrying what was paid for the refund', () => {
      given(orderDecider, paid)
        .when({ type: 'CancelOrder', orderId, reason: 'x' })
        .then(cancelled('paid', 'x', 1000));
    });
    it('no longer times out', () => {
      given(orderDecider, paid).when({ type: 'ExpirePayment', orderId }).then([]);
    });
  });

  describe('when the order has shipped', () => {
    it('cannot be cancelled or shipped again', () => {
      const shipped: orders.OrderEvent[] = [
        ...paid,
        { type: 'shipped', data: { orderId } },
        to('paid', 'shipped'),
      ];
      given(orderDecider, shipped)
        .when({ type: 'CancelOrder', orderId, reason: 'x' })
        .thenFails('order_shipped');
      given(orderDecider, shipped).when({ type: 'ShipOrder', orderId }).thenFails('order_shipped');
    });
  });

  it('refuses to cancel a rejected or cancelled order', () => {
    given(orderDecider, [placed, to('pending', 'rejected')])
      .when({ type: 'CancelOrder', orderId, reason: 'x' })
      .thenFails('order_closed');
  });

  describe('when its log predates status_changed for cancellations and shipments', () => {
    it('still knows the order is cancelled or shipped from the specific event alone', () => {
      const cancelledAlone: orders.OrderEvent = {
        type: 'cancelled',
        data: { orderId, reason: 'x', paid: eur(0) },
      };
      given(orderDecider, [...awaiting, cancelledAlone])
        .when({ type: 'CancelOrder', orderId, reason: 'again' })
        .thenFails('order_closed');
      given(orderDecider, [...paid, { type: 'shipped', data: { orderId } }])
        .when({ type: 'ShipOrder', orderId })
        .thenFails('order_shipped');
    });
  });

  describe('when its notes, priority or assignee change', () => {
    const sales = '0190aaaa-0000-7000-8000-0000000000d1';
    const updated = (changes: Omit<orders.OrderUpdated, 'orderId'>): orders.OrderEvent => ({
      type: 'updated',
      data: { orderId, ...changes },
    });
    const assign = (assignee: { roles: string[] } | null) =>
      ({ type: 'UpdateOrder', orderId, changes: { assigneeId: sales }, assignee }) as const;

    it('records only the fields that change, and nothing when none does', () => {
      given(orderDecider, awaiting)
        .when({ type: 'UpdateOrder', orderId, changes: { notes: 'ring twice', priority: 'normal' } })
        .then([updated({ notes: 'ring twice' })]);
      given(orderDecider, [...awaiting, updated({ notes: 'ring twice', priority: 'high' })])
        .when({ type: 'UpdateOrder', orderId, changes: { notes: 'ring twice', priority: 'high' } })
        .then([]);
      given(orderDecider, [...awaiting, updated({ notes: 'ring twice' })])
        .when({ type: 'UpdateOrder', orderId, changes: { notes: null } })
        .then([updated({ notes: null })]);
    });
    it('starts from the priority it was placed with', () => {
      const high: orders.OrderEvent = { type: 'placed', data: { orderId, ...placedData, priority: 'high' } };
      given(orderDecider, [high])
        .when({ type: 'UpdateOrder', orderId, changes: { priority: 'high' } })
        .then([]);
    });
    it('assigns a sales user or a manager, and no one else', () => {
      given(orderDecider, awaiting)
        .when(assign({ roles: ['sales'] }))
        .then([updated({ assigneeId: sales })]);
      given(orderDecider, awaiting)
        .when(assign({ roles: ['clerk', 'manager'] }))
        .then([updated({ assigneeId: sales })]);
      given(orderDecider, awaiting)
        .when(assign({ roles: ['clerk'] }))
        .thenFails('assignee_not_eligible');
      given(orderDecider, awaiting).when(assign(null)).thenFails('unknown_assignee');
      given(orderDecider, [...awaiting, updated({ assigneeId: sales })])
        .when({ type: 'UpdateOrder', orderId, changes: { assigneeId: null } })
        .then([updated({ assigneeId: null })]);
    });
    it('is still possible once paid or rejected', () => {
      given(orderDecider, paid)
        .when({ type: 'UpdateOrder', orderId, changes: { priority: 'low' } })
        .then([updated({ priority: 'low' })]);
      given(orderDecider, [placed, to('pending', 'rejected')])
        .when({ type: 'UpdateOrder', orderId, changes: { priority: 'low' } })
        .then([updated({ priority: 'low' })]);
    });
    it('is refused once shipped (order_shipped) or cancelled (order_closed)', () => {
      const shipped = [...paid, { type: 'shipped', data: { orderId } } as const, to('paid', 'shipped')];
      given(orderDecider, shipped)
        .when({ type: 'UpdateOrder', orderId, changes: { priority: 'low' } })
        .thenFails('order_shipped');
      given(orderDecider, [...awaiting, ...cancelled('awaiting_payment', 'x', 0)])
        .when({ type: 'UpdateOrder', orderId, changes: { priority: 'low' } })
        .thenFails('order_closed');
    });
  });

  it('produces only events whose data parse with their schemas', () => {
    expect(produced.length).toBeGreaterThan(0);
    for (const event of produced) {
      expect(orders.orderEvents[event.type].parse(event.data)).toEqual(event.data);
    }
  });
});
