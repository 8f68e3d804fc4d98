import { orders, type Money } from '@omni/contracts';
import { given, recordingDecisions } from '@omni/testing';
import { customerDecider as decider } from '../src/domain/customer/decider.js';
import { exposureCommands } from '../src/domain/customer/exposure.js';
import { evolve as evolveOrder, type OrderState } from '../src/domain/order/decider.js';

const produced: orders.CustomerEvent[] = [];
const customerDecider = recordingDecisions(decider, produced);

const customerId = '0190bbbb-0000-7000-8000-0000000000aa';
const [order1, order2] = ['0190bbbb-0000-7000-8000-0000000000b1', '0190bbbb-0000-7000-8000-0000000000b2'];
const paymentId = '0190bbbb-0000-7000-8000-0000000000c1';
const eur = (amount: number): Money => ({ amount, currency: 'EUR' });

const registered = (creditLimit: Money | null): orders.CustomerEvent => ({
  type: 'registered',
  data: { customerId, name: 'Ada', email: null, phone: null, creditLimit },
});
const charged = (orderId: string, amount: number, balance: number): orders.CustomerEvent => ({
  type: 'order_charged',
  data: { customerId, orderId, amount: eur(amount), balance: eur(balance) },
});
const charge = (orderId: string, amount: Money) =>
  ({ type: 'ChargeOrder', customerId, orderId, amount }) as const;

describe('customer decider', () => {
  it('registers a customer once', () => {
    const command = {
      type: 'RegisterCustomer',
      customerId,
      name: 'Ada',
      email: null,
      phone: null,
      creditLimit: eur(1000),
    } as const;
    given(customerDecider, [])
      .when(command)
      .then([registered(eur(1000))]);
    given(customerDecider, [registered(null)])
      .when(command)
      .thenFails('customer_exists');
  });

  it('refuses to charge an order to a customer that does not exist', () => {
    given(customerDecider, [])
      .when(charge(order1, eur(100)))
      .thenFails('unknown_customer');
  });

  describe('when the customer has a credit limit', () => {
    it('charges orders while the balance stays within the limit, the limit itself included', () => {
      given(customerDecider, [registered(eur(1000))])
        .when(charge(order1, eur(600)))
        .then([charged(order1, 600, 600)]);
      given(customerDecider, [registered(eur(1000)), charged(order1, 600, 600)])
        .when(charge(order2, eur(400)))
        .then([charged(order2, 400, 1000)]);
    });
    it('refuses an order that would take the balance above it: credit_limit_exceeded', () => {
      given(customerDecider, [registered(eur(1000)), charged(order1, 600, 600)])
        .when(charge(order2, eur(401)))
        .thenFails('credit_limit_exceeded');
    });
    it('refuses an order in another currency than its account: currency_mismatch', () => {
      given(customerDecider, [registered(eur(1000))])
        .when(charge(order1, { amount: 100, currency: 'USD' }))
        .thenFails('currency_mismatch');
    });
    it('makes room again as orders are paid or released', () => {
      const history = [registered(eur(1000)), charged(order1, 1000, 1000)];
      given(customerDecider, history)
        .when({ type: 'CreditPayment', customerId, orderId: order1, paymentId, amount: eur(300) })
        .then([
          {
            type: 'payment_credited',
            data: { customerId, orderId: order1, paymentId, amount: eur(300), balance: eur(700) },
          },
        ]);
      given(customerDecider, history)
        .when({ type: 'ReleaseOrder', customerId, orderId: order1, amount: eur(1000), reason: 'cancelled' })
        .then([
          {
            type: 'order_released',
            data: { customerId, orderId: order1, amount: eur(1000), reason: 'cancelled', balance: eur(0) },
          },
        ]);
    });
  });

  describe('when the customer has no credit limit', () => {
    it('charges any order, and its first order fixes the currency of its account', () => {
      given(customerDecider, [registered(null)])
        .when(charge(order1, eur(1_000_000)))
        .then([charged(order1, 1_000_000, 1_000_000)]);
      given(customerDecider, [registered(null), charged(order1, 10, 10)])
        .when(charge(order2, { amount: 10, currency: 'USD' }))
        .thenFails('currency_mismatch');
    });
  });

  describe('when its details change', () => {
    it('records only what changed, and a limit in another currency than its orders is refused', () => {
      given(customerDecider, [registered(eur(1000))])
        .when({
          type: 'UpdateCustomer',
          customerId,
          changes: { name: 'Ada', phone: '+44 1', creditLimit: eur(2000) },
        })
        .then([{ type: 'updated', data: { customerId, phone: '+44 1', creditLimit: eur(2000) } }]);
      given(customerDecider, [registered(eur(1000))])
        .when({ type: 'UpdateCustomer', customerId, changes: { creditLimit: eur(1000) } })
        .then([]);
      given(customerDecider, [registered(null), charged(order1, 10, 10)])
        .when({
          type: 'UpdateCustomer',
          customerId,
          changes: { creditLimit: { amount: 5, currency: 'USD' } },
        })
        .thenFails('currency_mismatch');
    });
    it('lowering the limit below the balance refuses only later orders', () => {
      const lowered: orders.CustomerEvent = { type: 'updated', data: { customerId, creditLimit: eur(100) } };
      given(customerDecider, [registered(eur(1000)), charged(order1, 500, 500), lowered])
        .when(charge(order2, eur(1)))
        .thenFails('credit_limit_exceeded');
    });
  });

  it('produces only events whose data parse with their schemas', () => {
    expect(produced.length).toBeGreaterThan(0);
    for (const event of produced) {
      expect(orders.customerEvents[event.type].parse(event.data)).toEqual(event.data);
    }
  });
});

describe("what an order's events mean for its customer's balance", () => {
  const orderId = order1;
  const placed: orders.OrderEvent = {
    type: 'placed',
    data: {
      orderId,
      customerId,
      customer: { name: 'Ada' },
      locationId: order2,
      lines: [],
      total: eur(1000),
      notes: null,
    },
  };
  const stateAfter = (events: orders.OrderEvent[]): OrderState =>
    events.reduce(evolveOrder, { status: 'none' } as OrderState);
  const statusChanged = (from: orders.OrderStatus, to: orders.OrderStatus): orders.OrderEvent => ({
    type: 'status_changed',
    data: { orderId, from, to },
  });

  it('charges the total at placement', () => {
    expect(exposureCommands(stateAfter([placed]), [placed])).toEqual([charge(orderId, eur(1000))]);
  });
  it('credits each payment applied', () => {
    const applied: orders.OrderEvent = {
      type: 'payment_applied',
      data: { orderId, paymentId, amount: eur(400) },
    };
    expect(exposureCommands(stateAfter([placed, applied]), [applied])).toEqual([
      { type: 'CreditPayment', customerId, orderId, paymentId, amount: eur(400) },
    ]);
  });
  it('releases what was still unpaid on a cancel, and the whole total on a rejection', () => {
    const cancelled: orders.OrderEvent[] = [
      { type: 'cancelled', data: { orderId, reason: 'x', paid: eur(400) } },
      statusChanged('awaiting_payment', 'cancelled'),
    ];
    expect(exposureCommands(stateAfter([placed, ...cancelled]), cancelled)).toEqual([
      { type: 'ReleaseOrder', customerId, orderId, amount: eur(600), reason: 'cancelled' },
    ]);
    const rejected = [statusChanged('pending', 'rejected')];
    expect(exposureCommands(stateAfter([placed, ...rejected]), rejected)).toEqual([
      { type: 'ReleaseOrder', customerId, orderId, amount: eur(1000), reason: 'rejected' },
    ]);
  });
  it('leaves the balance alone for other changes, and for orders with an inline customer', () => {
    const shipped: orders.OrderEvent[] = [
      { type: 'shipped', data: { orderId } },
      statusChanged('paid', 'shipped'),
    ];
    expect(exposureCommands(stateAfter([placed, ...shipped]), shipped)).toEqual([]);
    const { customerId: _registered, ...inlineData } = placed.data as orders.OrderPlaced;
    const inlinePlaced: orders.OrderEvent = { type: 'placed', data: inlineData };
    expect(exposureCommands(stateAfter([inlinePlaced]), [inlinePlaced])).toEqual([]);
  });
});
