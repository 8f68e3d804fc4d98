import { trace } from '@opentelemetry/api';
import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/**
 * `X-Trace-Id` on every response (CONTRACT §2): the OpenTelemetry trace id of the request's span, so
 * a user's report leads straight to the trace. Without an active span (telemetry disabled) a fresh
 * id in the same format still ties the response to the logs.
 */
export function traceIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const spanContext = trace.getActiveSpan()?.spanContext();
  const traceId =
    spanContext && trace.isSpanContextValid(spanContext)
      ? spanContext.traceId
      : randomBytes(16).toString('hex');
  res.locals['traceId'] = traceId;
  res.setHeader('X-Trace-Id', traceId);
  next();
}

export function traceIdOf(res: Response): string {
  return (res.locals['traceId'] as string | undefined) ?? '';
}
