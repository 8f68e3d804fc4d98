import {
  Catch,
  Injectable,
  type ArgumentsHost,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type RpcExceptionFilter,
} from '@nestjs/common';
import { NatsContext, ServerNats, type CustomStrategy, type NatsOptions } from '@nestjs/microservices';
import { isOmniError, silentLogger, toWireError, type Logger } from '@omni/contracts';
import { SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import { Observable, throwError } from 'rxjs';
import { extractTraceContext } from '../trace-context.js';
import { createTurnBatch } from './turn-batch.js';

/**
 * NestJS microservice options for a service answering `rpc.<service>.*` over NATS. Instances of a
 * service share one queue group, so each request is handled once.
 */
export function rpcServerOptions({ service, natsUrl }: { service: string; natsUrl: string }): CustomStrategy {
  return {
    strategy: new RpcServer({
      servers: natsUrl.split(','),
      name: `omni-${service}-rpc`,
      queue: service,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 250,
      waitOnFirstConnect: true,
      gracefulShutdown: true,
      gracePeriod: 2000, // in-flight requests get this long to finish on shutdown
    }),
  };
}

type Publisher = ReturnType<ServerNats['getPublisher']>;

/**
 * Nest's NATS transport with two costs per request removed (both seen in a service's CPU profile
 * under load): replies go out together once per event-loop turn rather than in one socket write
 * each, and a handler is found by its subject directly instead of first trying `JSON.parse` on it
 * (which throws, and builds an error, for every plain subject).
 */
class RpcServer extends ServerNats {
  private readonly replyInThisTurn = createTurnBatch();

  constructor(options: NonNullable<NatsOptions['options']>) {
    super(options);
  }

  override getPublisher(...args: Parameters<ServerNats['getPublisher']>): Publisher {
    const publish = super.getPublisher(...args);
    return (response) =>
      this.replyInThisTurn(() => {
        try {
          publish(response);
        } catch (error) {
          // The connection closed under us: the caller times out and reports the service unavailable.
          this.logger.error(error);
        }
      });
  }

  override getRouteFromPattern(pattern: string): string {
    return pattern.startsWith('{') ? super.getRouteFromPattern(pattern) : pattern;
  }
}

/** Every error leaves a service as a WireError (code, status, fields); internals never do. */
@Catch()
export class RpcErrorFilter implements RpcExceptionFilter {
  constructor(private readonly logger: Logger = silentLogger) {}

  catch(error: unknown, _host: ArgumentsHost): Observable<never> {
    if (!isOmniError(error) || error.status >= 500) this.logger.error({ err: error }, 'rpc handler failed');
    return throwError(() => toWireError(error));
  }
}

const tracer = trace.getTracer('omni-messaging');

/** A SERVER span per request, continuing the caller's trace from the NATS headers. */
@Injectable()
export class RpcTracingInterceptor implements NestInterceptor {
  intercept(executionContext: ExecutionContext, next: CallHandler): Observable<unknown> {
    const nats = executionContext.switchToRpc().getContext<NatsContext>();
    const subject = nats.getSubject();
    const parent = extractTraceContext(nats.getHeaders());
    const span = tracer.startSpan(
      `rpc ${subject}`,
      { kind: SpanKind.SERVER, attributes: { 'rpc.system': 'nats' } },
      parent,
    );
    const active = trace.setSpan(parent, span);
    return new Observable((subscriber) =>
      context.with(active, () =>
        next.handle().subscribe({
          next: (value) => subscriber.next(value),
          error: (error: unknown) => {
            if (!isOmniError(error) || error.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
            span.end();
            subscriber.error(error);
          },
          complete: () => {
            span.end();
            subscriber.complete();
          },
        }),
      ),
    );
  }
}
