import type { RpcClient } from '@omni/messaging';
import { mobileRoutes, type MobileDependencies } from '../bff/mobile.routes.js';
import type { RouteSpec } from '../http/route.js';
import type { Locks } from '../collaboration/locks.js';
import type { Auth } from '../identity/auth.js';
import { authRoutes } from './auth.routes.js';
import { dashboardsRoutes } from './dashboards.routes.js';
import { customersRoutes } from './customers.routes.js';
import { inventoryRoutes } from './inventory.routes.js';
import { locksRoutes } from './locks.routes.js';
import { notificationsRoutes } from './notifications.routes.js';
import { ordersRoutes } from './orders.routes.js';
import { paymentsRoutes } from './payments.routes.js';
import { schedulingRoutes } from './scheduling.routes.js';
import { ticketsRoutes } from './tickets.routes.js';
import { usersRoutes } from './users.routes.js';

export interface RouteDependencies {
  readonly auth: Auth;
  readonly rpc: RpcClient;
  readonly locks: Locks;
  readonly mobile: MobileDependencies;
}

/** Every `/api/v1` route; the OpenAPI document is generated from this same list. */
export function allRoutes({ auth, rpc, locks, mobile }: RouteDependencies): RouteSpec[] {
  const routes = [
    ...authRoutes(auth),
    ...usersRoutes(auth),
    ...inventoryRoutes(rpc),
    ...ordersRoutes(rpc),
    ...customersRoutes(rpc),
    ...paymentsRoutes(rpc),
    ...schedulingRoutes(rpc),
    ...ticketsRoutes(rpc),
    ...mobileRoutes(mobile),
    ...dashboardsRoutes(rpc),
    ...notificationsRoutes(rpc),
  ];
  return [...routes, ...locksRoutes(locks, routes)];
}
