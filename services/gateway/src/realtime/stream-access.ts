import { ticketing, type Actor, type CloudEvent } from '@omni/contracts';
import { isAllowed, type Action } from '../http/policy.js';

/**
 * Which action of the role policy (docs/realtime.md) lets a user read all of a
 * service's events. The same policy object answers REST routes and WebSocket subscriptions.
 */
export const STREAM_READ_ACTION: Readonly<Record<string, Action>> = {
  inventory: 'inventory.read',
  orders: 'orders.read',
  payments: 'payments.manage',
  scheduling: 'scheduling.manage',
  ticketing: 'tickets.use',
  // Identity events name users, roles and vendors: admin only (docs/realtime.md).
  gateway: 'users.manage',
  // Whoever may read a dashboard may follow its updates; EVENT_RIGHTS narrows them per dashboard.
  analytics: 'dashboards.sales',
  // Every inbox is personal: all of them for admin; everyone else only their own (PERSONAL_SUBJECTS).
  notification: 'users.manage',
};

/**
 * Subjects that belong to one user whatever their role: a user may subscribe to anything inside
 * their own (and to nothing else of that service), and every event there is theirs.
 */
const PERSONAL_SUBJECTS: Readonly<Record<string, (actor: Actor) => string>> = {
  notification: (actor) => `notification.inbox.${actor.userId}.>`,
};

/**
 * Per-event rights that hold for every subscriber of a service, whatever their role may subscribe to:
 * ticketing's events reach only users who may see the ticket (staff: their own), and internal comments
 * only their readers (docs/ticketing.md).
 */
const EVENT_RIGHTS: Readonly<Record<string, (actor: Actor, event: CloudEvent) => boolean>> = {
  ticketing: (actor, event) => ticketing.mayReceiveTicketingEvent(actor, event.type, event.data),
  inventory: (actor, event) => mayReceiveInventoryEvent(actor, event),
  analytics: (actor, event) => isAllowed(actor, dashboardReadAction(event)),
};

/** `analytics.dashboard.<name>.updated` reaches the roles that may read that dashboard (docs/dashboards.md). */
function dashboardReadAction(event: CloudEvent): Action {
  return event.subject === 'operations' ? 'dashboards.operations' : 'dashboards.sales';
}

/**
 * A `vendor` user receives only its own vendor's product events: every event of a vendor's product
 * names the vendor (docs/events.md), so no lookup is needed. Other inventory events are for all.
 */
function mayReceiveInventoryEvent(actor: Actor, event: CloudEvent): boolean {
  if (!actor.roles.includes('vendor') || !event.type.startsWith('inventory.product.')) return true;
  return (event.data as { vendorId?: unknown } | undefined)?.vendorId === actor.vendorId;
}

/**
 * Roles that may read only their own events of one kind of aggregate: a subscription must lie inside
 * `within`, and then each event is delivered only if `ownerOf` names the subscriber.
 */
interface OwnEvents {
  readonly action: Action;
  readonly within: string;
  ownerOf(event: CloudEvent): unknown;
}

const OWN_EVENTS: Readonly<Record<string, OwnEvents>> = {
  // Every shift event names the staff member's gateway user (docs/events.md).
  scheduling: {
    action: 'scheduling.read',
    within: 'scheduling.shift.*.>',
    ownerOf: (event) => (event.data as { staffUserId?: unknown } | undefined)?.staffUserId,
  },
};

/** Whether a subscription may be made, and if only in part, which events it may receive. */
export type StreamAccess =
  { readonly allowed: false } | { readonly allowed: true; readonly admits?: (event: CloudEvent) => boolean };

export function streamAccess(actor: Actor, service: string, filter: string): StreamAccess {
  const rights = EVENT_RIGHTS[service];
  if (isAllowed(actor, STREAM_READ_ACTION[service] ?? 'users.manage')) {
    return rights ? { allowed: true, admits: (event) => rights(actor, event) } : { allowed: true };
  }
  const personal = PERSONAL_SUBJECTS[service];
  if (personal) return { allowed: isWithin(filter, personal(actor)) };
  const own = OWN_EVENTS[service];
  if (!own || !isAllowed(actor, own.action) || !isWithin(filter, own.within)) return { allowed: false };
  return { allowed: true, admits: (event) => own.ownerOf(event) === actor.userId };
}

/** Whether every subject `filter` matches is also matched by `scope` (both NATS filters). */
export function isWithin(filter: string, scope: string): boolean {
  const f = filter.split('.');
  const s = scope.split('.');
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '>') return f.length > i;
    if (i >= f.length || f[i] === '>') return false;
    if (s[i] !== '*' && (f[i] === '*' || f[i] !== s[i])) return false;
  }
  return f.length === s.length;
}
