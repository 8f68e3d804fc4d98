import { NestFactory } from '@nestjs/core';
import type { DynamicModule } from '@nestjs/common';
import type { MicroserviceOptions } from '@nestjs/microservices';
import { createEventStore, startRelay, type EventStore } from '@omni/event-store';
import {
  RpcErrorFilter,
  RpcTracingInterceptor,
  connectNats,
  ensureDeadLetterStream,
  ensureServiceStream,
  rpcServerOptions,
  type NatsConnection,
} from '@omni/messaging';
import type { Pool } from 'pg';
import { z } from 'zod';
import { loadConfig, type BaseEnv } from './config.js';
import { createPool, ensureDatabase, ensureSchema } from './database.js';
import { createLogger, type PinoLogger } from './logger.js';
import { observeRelayLag } from './metrics.js';
import { startOpsServer } from './ops-server.js';
import { createShutdown, type Shutdown } from './shutdown.js';

const ServiceEnv = z.object({
  /** `/health/*` and `/metrics` on their own port when set (Kubernetes probes, Prometheus). */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
});

export interface ServiceContext<Env> {
  readonly config: BaseEnv & z.infer<typeof ServiceEnv> & Env;
  readonly logger: PinoLogger;
  readonly pool: Pool;
  readonly nats: NatsConnection;
  readonly store: EventStore;
  readonly shutdown: Shutdown;
}

export interface EventSourcedServiceOptions<Env> {
  /** The service's name: its schema, its stream (`<SERVICE>`) and its RPC subjects (`rpc.<service>.*`). */
  readonly service: string;
  readonly env?: z.ZodObject;
  /** Creates or upgrades the service's schema (idempotent; several instances may start at once). */
  migrate(pool: Pool, schema: string): Promise<void>;
  /** Other services' streams this one consumes: provisioned here too, whoever starts first. */
  readonly consumes?: readonly string[];
  /** Starts the service's own parts (consumers, timers) and returns the Nest module answering its RPC. */
  start(context: ServiceContext<Env>): Promise<DynamicModule>;
}

/**
 * The common life of an event-sourced service process: configuration, database and schema, NATS and
 * streams, the event store and its relay, the service's own parts, the RPC server, the ops server,
 * and a graceful shutdown in reverse order. A failed start says why on stderr and exits non-zero.
 */
export function runEventSourcedService<Env = object>(options: EventSourcedServiceOptions<Env>): void {
  start(options).catch((error: unknown) => {
    // The logger may not exist yet: a failed start must still say why.
    process.stderr.write(`${options.service} failed to start: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}

async function start<Env>({
  service,
  env,
  migrate,
  consumes = [],
  start: startParts,
}: EventSourcedServiceOptions<Env>) {
  const config = loadConfig(env ? ServiceEnv.extend(env.shape) : ServiceEnv) as ServiceContext<Env>['config'];
  const logger = createLogger({ service, level: config.LOG_LEVEL });
  const shutdown = createShutdown({ logger, graceMs: config.SHUTDOWN_GRACE_MS });

  await ensureDatabase(config.DATABASE_URL);
  const pool = createPool(config.DATABASE_URL);
  shutdown.onShutdown('close the database pool', () => pool.end());
  await ensureSchema(pool, service);
  await migrate(pool, service);

  const nats = await connectNats({ url: config.NATS_URL, name: `omni-${service}` });
  shutdown.onShutdown('drain NATS', () => nats.drain());
  for (const stream of [service, ...consumes]) await ensureServiceStream(nats, stream);
  await ensureDeadLetterStream(nats);

  const store = createEventStore({ pool, schema: service, service });
  const relay = await startRelay({ store, nats, logger });
  observeRelayLag(service, () => relay.lag());
  shutdown.onShutdown('stop the relay', () => relay.stop());

  const module = await startParts({ config, logger, pool, nats, store, shutdown });
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(module, {
    ...rpcServerOptions({ service, natsUrl: config.NATS_URL }),
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
  logger.info({ pid: process.pid }, `${service} is serving rpc.${service}.*`);
}
