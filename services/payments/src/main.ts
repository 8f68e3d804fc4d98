import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { MicroserviceOptions } from '@nestjs/microservices';
import { createEventStore, startRelay } from '@omni/event-store';
import { z } from 'zod';
import {
  RpcErrorFilter,
  RpcTracingInterceptor,
  connectNats,
  ensureDeadLetterStream,
  ensureServiceStream,
  rpcServerOptions,
} from '@omni/messaging';
import {
  createLogger,
  createPool,
  createShutdown,
  ensureDatabase,
  ensureSchema,
  loadConfig,
  observeRelayLag,
  startOpsServer,
} from '@omni/service-kit';
import { startOrderReactions } from './integration/orders.js';
import { PaymentsModule } from './module.js';
import { migratePaymentsSchema } from './schema.js';

const SERVICE = 'payments';
/** `/health/*` and `/metrics` on their own port when set (Kubernetes probes, Prometheus). */
const PaymentsEnv = z.object({ METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional() });

async function main(): Promise<void> {
  const config = loadConfig(PaymentsEnv);
  const logger = createLogger({ service: SERVICE, level: config.LOG_LEVEL });
  const shutdown = createShutdown({ logger, graceMs: config.SHUTDOWN_GRACE_MS });

  await ensureDatabase(config.DATABASE_URL);
  const pool = createPool(config.DATABASE_URL);
  shutdown.onShutdown('close the database pool', () => pool.end());
  await ensureSchema(pool, SERVICE);
  await migratePaymentsSchema(pool, SERVICE);

  const nats = await connectNats({ url: config.NATS_URL, name: `omni-${SERVICE}` });
  shutdown.onShutdown('drain NATS', () => nats.drain());
  // Payments reads orders' stream; provisioning is idempotent, so whoever starts first creates it.
  for (const service of [SERVICE, 'orders']) await ensureServiceStream(nats, service);
  await ensureDeadLetterStream(nats);

  const store = createEventStore({ pool, schema: SERVICE, service: SERVICE });
  const relay = await startRelay({ store, nats, logger });
  observeRelayLag(SERVICE, () => relay.lag());
  shutdown.onShutdown('stop the relay', () => relay.stop());

  const payments = { store, schema: SERVICE };
  const reactions = await startOrderReactions(nats, payments, logger);
  shutdown.onShutdown('stop consuming', () => reactions.stop());

  const app = await NestFactory.createMicroservice<MicroserviceOptions>(PaymentsModule.with(payments), {
    ...rpcServerOptions({ service: SERVICE, natsUrl: config.NATS_URL }),
    logger: false,
  });
  app.useGlobalFilters(new RpcErrorFilter(logger));
  app.useGlobalInterceptors(new RpcTracingInterceptor());
  await app.listen();
  shutdown.onShutdown('stop taking RPC requests', () => app.close());
  if (config.METRICS_PORT !== undefined) {
    const ops = await startOpsServer({ port: config.METRICS_PORT, isReady: () => !nats.isClosed() });
    shutdown.onShutdown('close the ops server', () => ops.close());
  }
  logger.info({ pid: process.pid }, `${SERVICE} is serving rpc.${SERVICE}.*`);
}

main().catch((error: unknown) => {
  process.stderr.write(`payments failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
