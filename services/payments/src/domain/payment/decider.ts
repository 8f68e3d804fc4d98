import {
  BusinessRuleError,
  ConflictError,
  type Decider,
  type Money,
  type OmniError,
  type payments,
} from '@omni/contracts';

/** What payments knows of an order, from orders' events (no call to orders). */
export interface OrderView {
  readonly status: string;
  readonly total: Money;
  /** Recorded payments of the order so far, refunds not deducted: what counts toward `paid`. */
  readonly paid: Money;
}

export type PaymentCommand = { readonly paymentId: string } & (
  | {
      readonly type: 'RecordPayment';
      readonly orderId: string;
      readonly amount: Money;
      readonly method: payments.PaymentRecorded['method'];
      readonly reference: string | null;
      readonly order: OrderView | undefined;
    }
  | {
      readonly type: 'RefundPayment';
      readonly refundId: string;
      readonly amount: Money;
      readonly reason: string;
    }
);

export type PaymentState =
  | { readonly status: 'none' }
  | {
      readonly status: 'recorded';
      readonly orderId: string;
      readonly amount: Money;
      readonly refunded: Money;
    };

type PaymentEvent = payments.PaymentEvent;

export const paymentDecider: Decider<PaymentCommand, PaymentEvent, PaymentState, OmniError> = {
  initialState: { status: 'none' },

  decide(command, state) {
    if (command.type === 'RecordPayment') {
      if (state.status !== 'none') return new ConflictError('payment_exists', 'This payment exists already');
      const refusal = refuseRecording(command);
      if (refusal) return refusal;
      const { orderId, amount, method, reference, paymentId } = command;
      return [{ type: 'recorded', data: { paymentId, orderId, amount, method, reference } }];
    }
    if (state.status === 'none') return new ConflictError('payment_not_found', 'There is no such payment');
    const left = state.amount.amount - state.refunded.amount;
    if (command.amount.currency !== state.amount.currency) return currencyMismatch(state.amount.currency);
    if (command.amount.amount <= 0)
      return new BusinessRuleError('invalid_amount', 'A refund must be positive');
    if (command.amount.amount > left) {
      return new BusinessRuleError('refund_exceeds_payment', `Only ${left} is left to refund`, {
        details: { refundable: left },
      });
    }
    const { paymentId, refundId, amount, reason } = command;
    return [{ type: 'refunded', data: { paymentId, orderId: state.orderId, refundId, amount, reason } }];
  },

  evolve(state, event) {
    switch (event.type) {
      case 'recorded':
        return {
          status: 'recorded',
          orderId: event.data.orderId,
          amount: event.data.amount,
          refunded: { amount: 0, currency: event.data.amount.currency },
        };
      case 'refunded':
        return state.status === 'recorded'
          ? {
              ...state,
              refunded: {
                amount: state.refunded.amount + event.data.amount.amount,
                currency: state.refunded.currency,
              },
            }
          : state;
      default:
        return state;
    }
  },
};

/** 422 (docs/saga.md) unless the order awaits payment, in the same currency, positive, not above what is due. */
function refuseRecording(command: Extract<PaymentCommand, { type: 'RecordPayment' }>): OmniError | undefined {
  const { order, amount } = command;
  if (!order) return new BusinessRuleError('unknown_order', 'There is no such order');
  if (order.status !== 'awaiting_payment') {
    return new BusinessRuleError('order_not_awaiting_payment', `The order is ${order.status}`);
  }
  if (amount.currency !== order.total.currency) return currencyMismatch(order.total.currency);
  if (amount.amount <= 0) return new BusinessRuleError('invalid_amount', 'A payment must be positive');
  const due = order.total.amount - order.paid.amount;
  if (amount.amount > due)
    return new BusinessRuleError('overpayment', `Only ${due} is due`, { details: { due } });
  return undefined;
}

function currencyMismatch(expected: string): OmniError {
  return new BusinessRuleError('currency_mismatch', `The currency must be ${expected}`);
}
