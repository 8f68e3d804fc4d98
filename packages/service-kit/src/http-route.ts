import { context } from '@opentelemetry/api';
import { RPCType, getRPCMetadata } from '@opentelemetry/core';

/**
 * Names the matched route template (`/api/v1/orders/:orderId`) on the incoming request's trace, as
 * the Express instrumentation does for the routes Express matches itself: the HTTP server span is
 * then named `GET /api/v1/orders/:orderId` and carries `http.route`. For a process that matches its
 * routes in its own table behind one Express route. A no-op when tracing is off.
 */
export function nameHttpRoute(route: string): void {
  const metadata = getRPCMetadata(context.active());
  if (metadata?.type === RPCType.HTTP) metadata.route = route;
}
