import { headers as natsHeaders, type Msg, type MsgHdrs, type NatsConnection } from '@nats-io/nats-core';
import {
  HEALTH_RPC,
  InternalError,
  UnavailableError,
  fromWireError,
  isWireError,
  newId,
  rpcSubject,
  silentLogger,
  type Logger,
  type OmniError,
  type RpcRequest,
  type ServiceHealth,
} from '@omni/contracts';
import { SpanKind, SpanStatusCode, context, trace, type Span } from '@opentelemetry/api';
import { injectTraceContext } from '../trace-context.js';
import { NoReply, ReplyInbox } from '../replies.js';

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
  return new MultiplexedRpcClient(new ReplyInbox(nats), logger, defaultTimeoutMs);
}

/** Every call's reply comes to one subscription (replies.ts: no error objects built per call). */
class MultiplexedRpcClient implements RpcClient {
  private nextId = 0;

  constructor(
    private readonly replies: ReplyInbox,
    private readonly logger: Logger,
    private readonly defaultTimeoutMs: number,
  ) {}

  async call<R>(service: string, name: string, request: RpcRequest, options: { timeoutMs?: number } = {}) {
    const subject = rpcSubject(service, name);
    const span = tracer.startSpan(`rpc ${subject}`, {
      kind: SpanKind.CLIENT,
      attributes: { 'rpc.system': 'nats' },
    });
    try {
      const payload = JSON.stringify({ pattern: subject, data: request, id: String(this.nextId++) });
      const reply = await this.replies
        .request(subject, payload, {
          headers: traceHeaders(span),
          timeoutMs: options.timeoutMs ?? this.defaultTimeoutMs,
        })
        .catch((error: unknown) => {
          const reason = error instanceof NoReply ? error.reason : 'could not be reached';
          throw this.failed(
            subject,
            new UnavailableError(`The ${service} service ${reason}`, { cause: error }),
            error,
          );
        });
      return this.answerOf<R>(subject, reply);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  }

  /** The service's answer, or its refusal as the same OmniError class; a failure of its own is logged. */
  private answerOf<R>(subject: string, reply: Msg): R {
    let answer: NestReply;
    try {
      answer = reply.json<NestReply>();
    } catch (error) {
      throw this.failed(subject, new InternalError(), error);
    }
    const { response, err } = answer;
    if (err === undefined || err === null) return response as R;
    const refusal = isWireError(err) ? fromWireError(err) : new InternalError();
    if (refusal.status >= 500) throw this.failed(subject, refusal, err);
    throw refusal;
  }

  private failed(subject: string, error: OmniError, cause: unknown): OmniError {
    this.logger.warn({ err: cause, subject }, 'rpc call failed');
    return error;
  }
}

/** Headers only when there is a trace to carry: without telemetry a request goes without them. */
function traceHeaders(span: Span): MsgHdrs | undefined {
  if (!trace.isSpanContextValid(span.spanContext())) return undefined;
  return injectTraceContext(natsHeaders(), trace.setSpan(context.active(), span));
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
