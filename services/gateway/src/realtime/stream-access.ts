import type { Action } from '../http/policy.js';

/**
 * Which action of the role policy (CONTRACT §3) lets a user read a service's events. The same
 * policy object answers REST routes and WebSocket subscriptions.
 */
export const STREAM_READ_ACTION: Readonly<Record<string, Action>> = {
  inventory: 'inventory.read',
  orders: 'orders.read',
  payments: 'payments.manage',
};
