import {
  BusinessRuleError,
  ConflictError,
  addMoney,
  money,
  type Decider,
  type Money,
  type OmniError,
  type orders,
} from '@omni/contracts';

type OrderEvent = orders.OrderEvent;
type FailedLine = NonNullable<orders.OrderStatusChanged['failedLines']>[number];

export type OrderCommand = { readonly orderId: string } & (
  | ({ readonly type: 'PlaceOrder' } & Omit<orders.OrderPlaced, 'orderId'>)
  | { readonly type: 'ConfirmReservation' }
  | {
      readonly type: 'RejectReservation';
      readonly reason: string;
      readonly failedLines: readonly FailedLine[];
    }
  | { readonly type: 'ApplyPayment'; readonly paymentId: string; readonly amount: Money }
  | { readonly type: 'CancelOrder'; readonly reason: string }
  | { readonly type: 'ExpirePayment' }
  | { readonly type: 'ShipOrder' }
  | UpdateOrder
);

/**
 * Changes notes, priority or assignee. `assignee` is the lookup of `assigneeId` in orders' view of
 * the gateway's users (null: no such active user), made before deciding so the decider stays pure.
 */
export interface UpdateOrder {
  readonly type: 'UpdateOrder';
  readonly changes: orders.UpdateOrderInput;
  readonly assignee?: { readonly roles: readonly string[] } | null;
}

/** Who may be responsible for an order (CONTRACT §5): a user with one of these roles. */
export const ASSIGNABLE_ROLES: readonly string[] = ['sales', 'manager'];

export type OrderState =
  | { readonly status: 'none' }
  | {
      readonly status: orders.OrderStatus;
      readonly total: Money;
      readonly paid: Money;
      readonly appliedPayments: readonly string[];
      readonly customerId: string | null;
      readonly notes: string | null;
      readonly priority: orders.OrderPriority;
      readonly assigneeId: string | null;
    };

type Placed = Exclude<OrderState, { status: 'none' }>;
type Outcome = readonly OrderEvent[] | OmniError;

/**
 * The order's status machine (docs/saga.md). Reactions to other services' events (reservation outcome,
 * payments, the payment deadline) are commands too; when they arrive late or twice they decide
 * nothing, which makes their handlers idempotent.
 */
export const orderDecider: Decider<OrderCommand, OrderEvent, OrderState, OmniError> = {
  initialState: { status: 'none' },
  decide(command, state) {
    if (command.type === 'PlaceOrder') return place(command, state);
    if (state.status === 'none') return new ConflictError('order_not_found', 'There is no such order');
    return decideOnPlaced(command, state);
  },
  evolve,
};

function place(command: Extract<OrderCommand, { type: 'PlaceOrder' }>, state: OrderState): Outcome {
  if (state.status !== 'none') return new ConflictError('order_exists', 'This order exists already');
  const { type: _type, ...data } = command;
  return [{ type: 'placed', data }];
}

function decideOnPlaced(command: Exclude<OrderCommand, { type: 'PlaceOrder' }>, state: Placed): Outcome {
  const { orderId } = command;
  const changeTo = (
    to: orders.OrderStatus,
    extra: Pick<orders.OrderStatusChanged, 'reason' | 'failedLines'> = {},
  ) => statusChanged(orderId, state.status, to, extra);
  switch (command.type) {
    case 'ConfirmReservation':
      return state.status === 'pending' ? [changeTo('awaiting_payment')] : [];
    case 'RejectReservation':
      return state.status === 'pending'
        ? [changeTo('rejected', { reason: command.reason, failedLines: [...command.failedLines] })]
        : [];
    case 'ApplyPayment': {
      if (state.status !== 'awaiting_payment' || state.appliedPayments.includes(command.paymentId)) return [];
      const applied: OrderEvent = {
        type: 'payment_applied',
        data: { orderId, paymentId: command.paymentId, amount: command.amount },
      };
      const paid = addMoney(state.paid, command.amount);
      return paid.amount >= state.total.amount ? [applied, changeTo('paid')] : [applied];
    }
    case 'CancelOrder':
      return cancel(state, orderId, command.reason);
    case 'ExpirePayment':
      return state.status === 'awaiting_payment' ? cancel(state, orderId, 'payment_timeout') : [];
    case 'UpdateOrder':
      return update(state, orderId, command);
    case 'ShipOrder':
      if (state.status === 'shipped')
        return new ConflictError('order_shipped', 'The order has been shipped already');
      if (state.status !== 'paid')
        return new ConflictError('order_not_paid', `Only a paid order can ship; it is ${state.status}`);
      return [{ type: 'shipped', data: { orderId } }, changeTo('shipped')];
    default:
      return assertNever(command);
  }
}

function cancel(state: Placed, orderId: string, reason: string): Outcome {
  if (state.status === 'shipped')
    return new ConflictError('order_shipped', 'A shipped order cannot be cancelled');
  if (state.status === 'cancelled' || state.status === 'rejected') {
    return new ConflictError('order_closed', `The order is ${state.status} already`);
  }
  return [
    { type: 'cancelled', data: { orderId, reason, paid: state.paid } },
    statusChanged(orderId, state.status, 'cancelled', { reason }),
  ];
}

/** An update that changes nothing decides nothing; only the fields that change are in the event. */
function update(state: Placed, orderId: string, { changes, assignee }: UpdateOrder): Outcome {
  if (state.status === 'shipped')
    return new ConflictError('order_shipped', 'A shipped order cannot be changed');
  if (state.status === 'cancelled')
    return new ConflictError('order_closed', 'A cancelled order cannot be changed');
  if (changes.assigneeId) {
    if (!assignee)
      return new BusinessRuleError('unknown_assignee', 'There is no active user with this assigneeId');
    if (!assignee.roles.some((role) => ASSIGNABLE_ROLES.includes(role)))
      return new BusinessRuleError(
        'assignee_not_eligible',
        'Only a user with role sales or manager can be assigned',
      );
  }
  const changed: Omit<orders.OrderUpdated, 'orderId'> = {
    ...(changes.notes !== undefined && changes.notes !== state.notes ? { notes: changes.notes } : {}),
    ...(changes.priority !== undefined && changes.priority !== state.priority
      ? { priority: changes.priority }
      : {}),
    ...(changes.assigneeId !== undefined && changes.assigneeId !== state.assigneeId
      ? { assigneeId: changes.assigneeId }
      : {}),
  };
  return Object.keys(changed).length === 0 ? [] : [{ type: 'updated', data: { orderId, ...changed } }];
}

/**
 * Every status change is published as `status_changed`, besides the specific event (`cancelled`,
 * `shipped`) that says more: a subscriber follows an order's status through that one event type.
 */
function statusChanged(
  orderId: string,
  from: orders.OrderStatus,
  to: orders.OrderStatus,
  extra: Pick<orders.OrderStatusChanged, 'reason' | 'failedLines'> = {},
): OrderEvent {
  return { type: 'status_changed', data: { orderId, from, to, ...extra } };
}

export function evolve(state: OrderState, event: OrderEvent): OrderState {
  switch (event.type) {
    case 'placed':
      return {
        status: 'pending',
        total: event.data.total,
        paid: money(0, event.data.total.currency),
        appliedPayments: [],
        customerId: event.data.customerId ?? null,
        notes: event.data.notes,
        // Orders placed before priorities carry none: they are normal.
        priority: event.data.priority ?? 'normal',
        assigneeId: null,
      };
    case 'updated':
      return state.status === 'none'
        ? state
        : {
            ...state,
            notes: event.data.notes === undefined ? state.notes : event.data.notes,
            priority: event.data.priority ?? state.priority,
            assigneeId: event.data.assigneeId === undefined ? state.assigneeId : event.data.assigneeId,
          };
    case 'status_changed':
      return state.status === 'none' ? state : { ...state, status: event.data.to };
    case 'payment_applied':
      return state.status === 'none'
        ? state
        : {
            ...state,
            paid: addMoney(state.paid, event.data.amount),
            appliedPayments: [...state.appliedPayments, event.data.paymentId],
          };
    case 'cancelled':
      return state.status === 'none' ? state : { ...state, status: 'cancelled' };
    case 'shipped':
      return state.status === 'none' ? state : { ...state, status: 'shipped' };
    default:
      return state;
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled command ${JSON.stringify(value)}`);
}
