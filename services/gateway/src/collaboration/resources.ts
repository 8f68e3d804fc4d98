import type { Actor } from '@omni/contracts';
import { isAllowed } from '../http/policy.js';
import type { RouteSpec } from '../http/route.js';

/**
 * The one place that says which resource a REST write touches (docs/collaboration.md): the first
 * path parameter of the route names it. Locks are taken on these resources, and the route pipeline
 * refuses another user's write to a locked one.
 */
const RESOURCE_OF_PARAM: Readonly<Record<string, string>> = {
  productId: 'inventory/product',
  vendorId: 'inventory/vendor',
  orderId: 'orders/order',
  customerId: 'orders/customer',
  paymentId: 'payments/payment',
  facilityId: 'scheduling/facility',
  staffId: 'scheduling/staff',
  shiftId: 'scheduling/shift',
  timeOffId: 'scheduling/timeoff',
  eventId: 'scheduling/event',
  ticketId: 'ticketing/ticket',
};

const RESOURCE_PATTERN = /^([a-z]+\/[a-z]+)\/([A-Za-z0-9_-]{1,100})$/;

/** The kind of resource a write route changes (`orders/order`); undefined for reads and collection writes. */
export function kindWrittenBy(route: RouteSpec): string | undefined {
  const param = route.path.match(/:([A-Za-z]+)/)?.[1];
  return route.method === 'get' || !param ? undefined : RESOURCE_OF_PARAM[param];
}

/** `orders/order/<id>` for `POST /orders/:orderId/cancel`; undefined for reads and collection writes. */
export function resourceWrittenBy(route: RouteSpec, params: unknown): string | undefined {
  const kind = kindWrittenBy(route);
  const param = route.path.match(/:([A-Za-z]+)/)?.[1];
  const id = param ? (params as Record<string, unknown> | undefined)?.[param] : undefined;
  return kind && typeof id === 'string' ? `${kind}/${id}` : undefined;
}

/** The kind (`orders/order`) of a well-formed lockable resource name, else undefined. */
export function kindOf(resource: string): string | undefined {
  const kind = resource.match(RESOURCE_PATTERN)?.[1];
  return kind && Object.values(RESOURCE_OF_PARAM).includes(kind) ? kind : undefined;
}

/** Who may lock a resource: whoever may make at least one REST write to it. */
export function mayWrite(actor: Actor, kind: string, routes: readonly RouteSpec[]): boolean {
  return routes.some(
    (route) => route.access !== 'public' && kindWrittenBy(route) === kind && isAllowed(actor, route.access),
  );
}
