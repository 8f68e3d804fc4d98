import {
  inventoryEvents,
  ordersEvents,
  paymentsEvents,
  schedulingEvents,
  ticketingEvents,
  type EventDataSchemas,
  type TypedEvent,
} from '@omni/contracts';
import type { StreamSource } from '@omni/projections';
import { reaction, type Reaction } from '@omni/service-kit';
import type { Notify, RuleOutcome } from '../rules/notify.js';
import { INVENTORY_RULES, ORDERS_RULES, PAYMENTS_RULES, SCHEDULING_RULES, TICKETING_RULES } from '../rules/rules.js';

type RuleTable = Readonly<Record<string, ((data: never) => RuleOutcome | null) | undefined>>;

/** A reaction that looks the event's type up in a rules table: one `Notify`, or nothing. */
function byRules<M extends EventDataSchemas>(
  name: string,
  source: StreamSource<M>,
  rules: RuleTable,
): Reaction<M, Notify> {
  return reaction({
    name,
    source,
    react(event: TypedEvent<M>): Notify[] {
      const outcome = rules[event.type]?.(event.data as never);
      if (!outcome) return [];
      return [{ type: 'Notify', sourceEventId: event.id, ...outcome, except: outcome.except ?? [] }];
    },
  });
}

export const notifyOnInventory = byRules(
  'notification-inventory',
  { service: 'inventory', filterSubject: 'inventory.product.*.low_stock_detected', events: inventoryEvents },
  INVENTORY_RULES,
);

export const notifyOnOrders = byRules(
  'notification-orders',
  { service: 'orders', filterSubject: 'orders.order.*.status_changed', events: ordersEvents },
  ORDERS_RULES,
);

export const notifyOnPayments = byRules(
  'notification-payments',
  { service: 'payments', filterSubject: 'payments.payment.>', events: paymentsEvents },
  PAYMENTS_RULES,
);

export const notifyOnScheduling = byRules(
  'notification-scheduling',
  { service: 'scheduling', filterSubject: 'scheduling.>', events: schedulingEvents },
  SCHEDULING_RULES,
);

export const notifyOnTicketing = byRules(
  'notification-ticketing',
  { service: 'ticketing', filterSubject: 'ticketing.ticket.>', events: ticketingEvents },
  TICKETING_RULES,
);
