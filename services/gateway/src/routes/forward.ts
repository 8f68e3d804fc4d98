import type { RpcClient } from '@omni/messaging';
import type { RouteCall } from '../http/route.js';

/**
 * A route handler that sends the call's validated input to `rpc.<service>.<name>` with the caller's
 * context (identity, correlation, If-Match, Idempotency-Key) and answers with the reply.
 */
export function forwarderTo(rpc: RpcClient, service: string) {
  return <C extends RouteCall>(name: string, input: (call: C) => unknown) =>
    (call: C) =>
      rpc.call(service, name, { input: input(call), context: call.context });
}
