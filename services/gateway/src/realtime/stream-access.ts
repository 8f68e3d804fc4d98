import { ticketing, type Actor, type CloudEvent } from '@omni/contracts';
import type { Action } from '../http/policy.js';

/**
 * Which action of the role policy (CONTRACT §3) lets a user read a service's events. The same
 * policy object answers REST routes and WebSocket subscriptions.
 */
export const STREAM_READ_ACTION: Readonly<Record<string, Action>> = {
  inventory: 'inventory.read',
  orders: 'orders.read',
  payments: 'payments.manage',
  ticketing: 'tickets.use',
};

/**
 * Per-event rights inside a stream a user may subscribe to: the events of a service listed here reach
 * a subscriber only when this answers true (a `staff` user gets only their own tickets, internal
 * comments only their readers). Services not listed send every event to whoever may subscribe.
 */
export const EVENT_VISIBILITY: Readonly<Record<string, (actor: Actor, event: CloudEvent) => boolean>> = {
  ticketing: (actor, event) => ticketing.mayReceiveTicketingEvent(actor, event.type, event.data),
};
