import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { MicroserviceOptions } from '@nestjs/microservices';
import { createEventStore, startRelay } from '@omni/event-store';
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
import { z } from 'zod';
import { startPaymentDeadlines } from './application/payment-deadlines.js';
import { startOrderReactions } from './integration/reactions.js';
import { OrdersModule } from './module.js';
import { migrateOrdersSchema } from './schema.js';

const SERVICE = 'orders';
const OrdersEnv = z.object({
  ORDER_PAYMENT_TIMEOUT_MS: z.coerce.number().int().positive().default(1_800_000),
  /** `/health/*` and `/metrics` on their own port when set (Kubernetes probes, Prometheus). */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
});

async function main(): Promise<void> {
  const config = loadConfig(OrdersEnv);
  const logger = createLogger({ service: SERVICE, level: config.LOG_LEVEL });
  const shutdown = createShutdown({ logger, graceMs: config.SHUTDOWN_GRACE_MS });

  await ensureDatabase(config.DATABASE_URL);
  const pool = createPool(config.DATABASE_URL);
  shutdown.onShutdown('close the database pool', () => pool.end());
  await ensureSchema(pool, SERVICE);
  await migrateOrdersSchema(pool, SERVICE);

  const nats = await connectNats({ url: config.NATS_URL, name: `omni-${SERVICE}` });
  shutdown.onShutdown('drain NATS', () => nats.drain());
  // Orders reads inventory's and payments' streams; provisioning is idempotent, so whoever starts first creates them.
  for (const service of [SERVICE, 'inventory', 'payments']) await ensureServiceStream(nats, service);
  await ensureDeadLetterStream(nats);

  const store = createEventStore({ pool, schema: SERVICE, service: SERVICE });
  const relay = await startRelay({ store, nats, logger });
  observeRelayLag(SERVICE, () => relay.lag());
  shutdown.onShutdown('stop the relay', () => relay.stop());

  const orders = { store, schema: SERVICE };
  const consumers = await startOrderReactions(nats, orders, logger);
  shutdown.onShutdown('stop consuming', () => Promise.all(consumers.map((c) => c.stop())));
  const deadlines = startPaymentDeadlines(orders, { timeoutMs: config.ORDER_PAYMENT_TIMEOUT_MS, logger });
  shutdown.onShutdown('stop payment deadlines', () => deadlines.stop());

  const app = await NestFactory.createMicroservice<MicroserviceOptions>(OrdersModule.with(orders), {
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
  process.stderr.write(`orders failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
