import { ForbiddenError, type Actor, type Role } from '@omni/contracts';

/**
 * CONTRACT §3 as data: who may do what. REST routes and WebSocket subscriptions both ask this one
 * object; there is no second copy of the table.
 */
export const POLICY = {
  'inventory.read': 'any',
  'inventory.manageCatalog': ['admin', 'manager'],
  /** Vendor users too, for their own vendor's products only: the inventory service narrows them. */
  'inventory.manageProducts': ['admin', 'manager', 'vendor'],
  'inventory.moveStock': ['admin', 'manager', 'clerk'],
  'orders.place': ['admin', 'manager', 'sales'],
  'orders.read': ['admin', 'manager', 'sales', 'accountant'],
  'orders.ship': ['admin', 'manager', 'clerk'],
  'customers.manage': ['admin', 'manager', 'sales'],
  'customers.read': ['admin', 'manager', 'sales', 'accountant'],
  'payments.manage': ['admin', 'manager', 'accountant'],
  'scheduling.manage': ['admin', 'manager'],
  /** Staff read only their own shifts and time off: the scheduling service filters by the caller. */
  'scheduling.read': ['admin', 'manager', 'staff'],
  /** Time off and clock-in/out for oneself; the scheduling service refuses a staff user acting for another. */
  'scheduling.selfService': ['admin', 'manager', 'staff'],
  'users.manage': ['admin'],
  'users.read': ['admin', 'manager'],
  // Any signed-in user opens and comments tickets and reads those that concern them; ticketing itself
  // narrows reads and work to the ticket's reporter, assignee and the reader/supervisor roles.
  'tickets.use': 'any',
  'tickets.assign': ['admin', 'manager'],
  'tickets.manageTypes': ['admin', 'manager'],
  'dashboards.sales': ['admin', 'manager', 'sales', 'accountant'],
  'dashboards.operations': ['admin', 'manager'],
  self: 'any',
} as const satisfies Record<string, 'any' | readonly Role[]>;

export type Action = keyof typeof POLICY;

export function isAllowed(actor: Actor, action: Action): boolean {
  const allowed: 'any' | readonly Role[] = POLICY[action];
  return allowed === 'any' || actor.roles.some((role) => role === 'admin' || allowed.includes(role));
}

export function authorize(actor: Actor, action: Action): void {
  if (!isAllowed(actor, action)) throw new ForbiddenError(`Your role may not do this (${action})`);
}
