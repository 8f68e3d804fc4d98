import { errors, headers as natsHeaders, type NatsConnection } from '@nats-io/nats-core';
import {
  HEALTH_RPC,
  InternalError,
  isOmniError,
  type OmniError,
  UnavailableError,
  fromWireError,
  isWireError,
  newId,
  rpcSubject,
  silentLogger,
  type Logger,
  type RpcRequest,
  type ServiceHealth,
} from '@omni/contracts';
import { SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import { injectTraceContext } from '../trace-context.js';

export interface RpcClient {
  call<R = unknown>(
    service: string,
    name: string,
    request: RpcRequest,
    options?: { timeoutMs?: number },
  ): Promise<R>;
}

interface NestReply {
  readonly response?: unknown;
  readonly err?: unknown;
}

const tracer = trace.getTracer('omni-messaging');

/**
 * Requests to `rpc.<service>.<name>` in the wire format of NestJS's NATS transport
 * (`{pattern, data, id}` → `{response | err}`), so any Nest microservice answers it. A service's
 * error comes back as the same OmniError class; silence becomes UnavailableError (503).
 */
export function createRpcClient(
  nats: NatsConnection,
  { logger = silentLogger, defaultTimeoutMs = 5000 }: { logger?: Logger; defaultTimeoutMs?: number } = {},
): RpcClient {
  return {
    async call<R>(service: string, name: string, request: RpcRequest, options: { timeoutMs?: number } = {}) {
      const subject = rpcSubject(service, name);
      const span = tracer.startSpan(`rpc ${subject}`, {
        kind: SpanKind.CLIENT,
        attributes: { 'rpc.system': 'nats' },
      });
      const headers = injectTraceContext(natsHeaders(), trace.setSpan(context.active(), span));
      try {
        const reply = await nats.request(
          subject,
          JSON.stringify({ pattern: subject, data: request, id: newId() }),
          {
            timeout: options.timeoutMs ?? defaultTimeoutMs,
            headers,
          },
        );
        const { response, err } = reply.json<NestReply>();
        if (err !== undefined && err !== null)
          throw isWireError(err) ? fromWireError(err) : new InternalError();
        return response as R;
      } catch (error) {
        const translated = translate(error, service);
        if (translated.status >= 500) {
          span.setStatus({ code: SpanStatusCode.ERROR });
          logger.warn({ err: error, subject }, 'rpc call failed');
        }
        throw translated;
      } finally {
        span.end();
      }
    },
  };
}

/** A service's own refusal passes through; anything else (no responders, timeout, closed connection) is 503. */
function translate(error: unknown, service: string): OmniError {
  if (isOmniError(error)) return error;
  const silent =
    error instanceof errors.TimeoutError || (error instanceof errors.RequestError && error.isNoResponders());
  const reason = silent ? 'did not answer' : 'could not be reached';
  return new UnavailableError(`The ${service} service ${reason}`, { cause: error });
}

/** Asks each service's `rpc.<service>.health`; a service that does not answer in time is `down`. */
export async function checkServices(
  client: RpcClient,
  services: readonly string[],
  timeoutMs = 1500,
): Promise<ServiceHealth> {
  const answers = await Promise.all(
    services.map(async (service) => {
      try {
        await client.call(
          service,
          HEALTH_RPC,
          { input: {}, context: { correlationId: newId() } },
          { timeoutMs },
        );
        return [service, 'up'] as const;
      } catch {
        return [service, 'down'] as const;
      }
    }),
  );
  return Object.fromEntries(answers);
}
