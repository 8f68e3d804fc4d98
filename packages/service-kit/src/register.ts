/**
 * `node --import @omni/service-kit/register dist/main.js`: starts OpenTelemetry before the
 * application's modules load, which ESM requires for instrumentation.
 *
 * The standard variables apply (README.md): OTEL_EXPORTER_OTLP_ENDPOINT turns on OTLP/HTTP export,
 * OTEL_EXPORTER_OTLP_PROTOCOL picks http/json or http/protobuf, OTEL_TRACES_SAMPLER samples, and
 * OTEL_SDK_DISABLED=true turns the SDK off. Trace context propagation (W3C) and async context are
 * registered in every case: request ids, log correlation and NATS headers rely on them.
 */
import { register } from 'node:module';
import { context, propagation } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { createAddHookMessageChannel } from 'import-in-the-middle';

const service = process.env['OMNI_SERVICE'] ?? 'unknown';
const disabled = process.env['OTEL_SDK_DISABLED'] === 'true';

if (disabled) {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
} else {
  const { registerOptions, waitForAllMessagesAcknowledged } = createAddHookMessageChannel();
  register('import-in-the-middle/hook.mjs', import.meta.url, registerOptions);
  // Without an endpoint there is nowhere to send spans; say so instead of retrying localhost:4318.
  if (!process.env['OTEL_EXPORTER_OTLP_ENDPOINT'] && !process.env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']) {
    process.env['OTEL_TRACES_EXPORTER'] ??= 'none';
  }
  process.env['OTEL_METRICS_EXPORTER'] ??= 'none';
  process.env['OTEL_LOGS_EXPORTER'] ??= 'none';

  const { NodeSDK } = await import('@opentelemetry/sdk-node');
  const { HttpInstrumentation } = await import('@opentelemetry/instrumentation-http');
  const { ExpressInstrumentation } = await import('@opentelemetry/instrumentation-express');
  const { PgInstrumentation } = await import('@opentelemetry/instrumentation-pg');
  const sdk = new NodeSDK({
    serviceName: `omni-${service}`,
    contextManager: new AsyncLocalStorageContextManager(),
    textMapPropagator: new W3CTraceContextPropagator(),
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => req.url === '/health/live' }),
      new ExpressInstrumentation(),
      new PgInstrumentation({ requireParentSpan: true }),
    ],
  });
  sdk.start();
  await waitForAllMessagesAcknowledged();
  // Flush what is buffered when the process ends normally; shutdown hooks run before exit.
  process.once('beforeExit', () => void sdk.shutdown());
  process.once('exit', () => void sdk.shutdown());
}
