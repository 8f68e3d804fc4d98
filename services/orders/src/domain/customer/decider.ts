import {
  BusinessRuleError,
  ConflictError,
  assertNever,
  money,
  type Decider,
  type Money,
  type OmniError,
  type orders,
} from '@omni/contracts';

type CustomerEvent = orders.CustomerEvent;

export type CustomerCommand = { readonly customerId: string } & (
  | {
      readonly type: 'RegisterCustomer';
      readonly name: string;
      readonly email: string | null;
      readonly phone: string | null;
      readonly creditLimit: Money | null;
    }
  | { readonly type: 'UpdateCustomer'; readonly changes: orders.UpdateCustomerInput }
  | { readonly type: 'ChargeOrder'; readonly orderId: string; readonly amount: Money }
  | {
      readonly type: 'CreditPayment';
      readonly orderId: string;
      readonly paymentId: string;
      readonly amount: Money;
    }
  | {
      readonly type: 'ReleaseOrder';
      readonly orderId: string;
      readonly amount: Money;
      readonly reason: 'cancelled' | 'rejected';
    }
);

export type CustomerState =
  | { readonly status: 'none' }
  | {
      readonly status: 'registered';
      readonly name: string;
      readonly email: string | null;
      readonly phone: string | null;
      readonly creditLimit: Money | null;
      /**
       * What its open orders still count: placed, neither cancelled nor rejected, minus what was paid.
       * Its currency is the credit limit's, or its first order's; null before either exists.
       */
      readonly balance: Money | null;
    };

type Registered = Extract<CustomerState, { status: 'registered' }>;
type Outcome = readonly CustomerEvent[] | OmniError;

/**
 * A customer and the exposure it has committed to (docs/customers.md). Placing an order for it charges
 * the order's total here, in the same transaction as the order, so the credit limit is checked against
 * a balance no concurrent placement can change underneath: the per-stream lock orders them.
 */
export const customerDecider: Decider<CustomerCommand, CustomerEvent, CustomerState, OmniError> = {
  initialState: { status: 'none' },
  decide(command, state) {
    if (command.type === 'RegisterCustomer') return register(command, state);
    if (state.status === 'none')
      return new BusinessRuleError('unknown_customer', 'There is no customer with this id');
    return decideOnRegistered(command, state);
  },
  evolve,
};

function register(
  command: Extract<CustomerCommand, { type: 'RegisterCustomer' }>,
  state: CustomerState,
): Outcome {
  if (state.status !== 'none') return new ConflictError('customer_exists', 'This customer exists already');
  const { type: _type, ...data } = command;
  return [{ type: 'registered', data }];
}

function decideOnRegistered(
  command: Exclude<CustomerCommand, { type: 'RegisterCustomer' }>,
  state: Registered,
): Outcome {
  const { customerId } = command;
  switch (command.type) {
    case 'UpdateCustomer':
      return update(state, customerId, command.changes);
    case 'ChargeOrder': {
      const balance = moveBalance(state, command.amount, +1);
      if (balance instanceof BusinessRuleError) return balance;
      if (state.creditLimit && balance.amount > state.creditLimit.amount) {
        return new BusinessRuleError(
          'credit_limit_exceeded',
          "The order's total would take the customer's balance above its credit limit",
          { details: { balance: state.balance, creditLimit: state.creditLimit, orderTotal: command.amount } },
        );
      }
      const { orderId, amount } = command;
      return [{ type: 'order_charged', data: { customerId, orderId, amount, balance } }];
    }
    case 'CreditPayment': {
      const { orderId, paymentId, amount } = command;
      const balance = moveBalance(state, amount, -1);
      if (balance instanceof BusinessRuleError) return balance;
      return [{ type: 'payment_credited', data: { customerId, orderId, paymentId, amount, balance } }];
    }
    case 'ReleaseOrder': {
      const { orderId, amount, reason } = command;
      if (amount.amount === 0) return [];
      const balance = moveBalance(state, amount, -1);
      if (balance instanceof BusinessRuleError) return balance;
      return [{ type: 'order_released', data: { customerId, orderId, amount, reason, balance } }];
    }
    default:
      return assertNever(command);
  }
}

/** The balance after adding (+1) or taking away (-1) an amount, which must be in the customer's currency. */
function moveBalance(state: Registered, amount: Money, sign: 1 | -1): Money | BusinessRuleError {
  const currency = currencyOf(state) ?? amount.currency;
  if (amount.currency !== currency) {
    return new BusinessRuleError('currency_mismatch', `The customer's account is in ${currency}`);
  }
  return money((state.balance?.amount ?? 0) + sign * amount.amount, currency);
}

const currencyOf = (state: Registered): string | undefined =>
  state.balance?.currency ?? state.creditLimit?.currency;

function update(state: Registered, customerId: string, changes: orders.UpdateCustomerInput): Outcome {
  const { creditLimit } = changes;
  const currency = currencyOf(state);
  if (creditLimit && state.balance && currency !== creditLimit.currency) {
    return new BusinessRuleError('currency_mismatch', `The customer's account is in ${currency}`);
  }
  const changed: Omit<orders.CustomerUpdated, 'customerId'> = {
    ...(changes.name !== undefined && changes.name !== state.name ? { name: changes.name } : {}),
    ...(changes.email !== undefined && changes.email !== state.email ? { email: changes.email } : {}),
    ...(changes.phone !== undefined && changes.phone !== state.phone ? { phone: changes.phone } : {}),
    ...(creditLimit !== undefined && !sameMoney(creditLimit, state.creditLimit) ? { creditLimit } : {}),
  };
  return Object.keys(changed).length === 0 ? [] : [{ type: 'updated', data: { customerId, ...changed } }];
}

const sameMoney = (a: Money | null, b: Money | null) =>
  a === b || (a !== null && b !== null && a.amount === b.amount && a.currency === b.currency);

export function evolve(state: CustomerState, event: CustomerEvent): CustomerState {
  if (event.type === 'registered') {
    const { name, email, phone, creditLimit } = event.data;
    return { status: 'registered', name, email, phone, creditLimit, balance: null };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'updated': {
      const { customerId: _id, ...changes } = event.data;
      return { ...state, ...changes };
    }
    case 'order_charged':
    case 'payment_credited':
    case 'order_released':
      return { ...state, balance: event.data.balance };
    default:
      return state;
  }
}
