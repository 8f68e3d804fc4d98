import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { NatsContext } from '@nestjs/microservices';
import { isOmniError } from '@omni/contracts';
import { Observable } from 'rxjs';
import { commandDuration } from './metrics.js';

/**
 * Records `omni_command_duration_seconds` for every RPC a service answers, labelled by its name
 * (`rpc.inventory.receiveStock` → `receiveStock`) and outcome: `ok`, `refused` (a domain or input
 * error the caller gets back) or `error`. The time runs from the request's arrival to the reply, so
 * it covers the commit.
 */
@Injectable()
export class RpcMetricsInterceptor implements NestInterceptor {
  constructor(private readonly service: string) {}

  intercept(executionContext: ExecutionContext, next: CallHandler): Observable<unknown> {
    const subject = executionContext.switchToRpc().getContext<NatsContext>().getSubject();
    const command = subject.split('.').slice(2).join('.');
    const stop = commandDuration.startTimer({ service: this.service, command });
    return new Observable((subscriber) =>
      next.handle().subscribe({
        next: (value) => subscriber.next(value),
        error: (error: unknown) => {
          stop({ outcome: isOmniError(error) && error.status < 500 ? 'refused' : 'error' });
          subscriber.error(error);
        },
        complete: () => {
          stop({ outcome: 'ok' });
          subscriber.complete();
        },
      }),
    );
  }
}
