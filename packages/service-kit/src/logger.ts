import { trace } from '@opentelemetry/api';
import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';

export type { PinoLogger };

/**
 * JSON logs (pino) carrying the active span's `trace_id` and `span_id`, so a log line leads to its
 * trace and a trace id from a problem response leads to the log lines.
 */
export function createLogger({
  service,
  level = 'info',
  destination,
}: {
  service: string;
  level?: string;
  /** Default stdout. */
  destination?: DestinationStream;
}): PinoLogger {
  const options = {
    level,
    base: { service, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin() {
      const spanContext = trace.getActiveSpan()?.spanContext();
      return spanContext && trace.isSpanContextValid(spanContext)
        ? { trace_id: spanContext.traceId, span_id: spanContext.spanId }
        : {};
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
