import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { MicroserviceOptions } from '@nestjs/microservices';
import type { EventDataSchemas } from '@omni/contracts';
import { createEventStore, migrateEventStore, startRelay, type EventStore } from '@omni/event-store';
import {
  RpcErrorFilter,
  RpcTracingInterceptor,
  connectNats,
  ensureDeadLetterStream,
  ensureServiceStream,
  rpcServerOptions,
  type NatsConnection,
} from '@omni/messaging';
import {
  ensureProjection,
  migrateProjections,
  runStreamProjection,
  type ServiceProjections,
} from '@omni/projections';
import type { Pool } from 'pg';
import { z } from 'zod';
import { loadConfig, type BaseEnv } from './config.js';
import { createPool, ensureDatabase, ensureSchema, type SessionSettings } from './database.js';
import { createLogger, type PinoLogger } from './logger.js';
import { observeRelayLag } from './metrics.js';
import { OPS, opsControllerFor, type OpsDependencies } from './ops-controller.js';
import { startOpsServer } from './ops-server.js';
import { startReaction, type ExecuteReaction, type Reaction } from './reactions.js';
import { RpcMetricsInterceptor } from './rpc-metrics.js';
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
  /** Starts a reaction to another service's events (a durable consumer), stopped at shutdown. */
  react<M extends EventDataSchemas, Command>(
    reaction: Reaction<M, Command>,
    execute: ExecuteReaction<Command>,
  ): Promise<void>;
}

export interface EventSourcedServiceOptions<Env> {
  /** The service's name: its schema, its stream (`<SERVICE>`) and its RPC subjects (`rpc.<service>.*`). */
  readonly service: string;
  readonly env?: z.ZodObject;
  /**
   * Every read model of the service (`src/projections/index.ts`): their tables are created at start,
   * the stream-fed ones kept up to date, and all of them rebuilt by `omni replay <service>`.
   */
  readonly projections: ServiceProjections;
  /** PostgreSQL settings for every connection of the service's pool (e.g. planner settings its queries need). */
  readonly databaseSettings?: SessionSettings;
  /** What the service keeps besides its log and read models (idempotent; instances may start at once). */
  migrate?(pool: Pool, schema: string): Promise<void>;
  /** Other services' streams its reactions consume: provisioned here too, whoever starts first. */
  readonly consumes?: readonly string[];
  /** Starts the service's own parts (reactions, timers) and returns the Nest module answering its RPC. */
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
  projections,
  migrate,
  consumes = [],
  databaseSettings,
  start: startParts,
}: EventSourcedServiceOptions<Env>) {
  const config = loadConfig(env ? ServiceEnv.extend(env.shape) : ServiceEnv) as ServiceContext<Env>['config'];
  const logger = createLogger({ service, level: config.LOG_LEVEL });
  const shutdown = createShutdown({ logger, graceMs: config.SHUTDOWN_GRACE_MS });

  await ensureDatabase(config.DATABASE_URL);
  const pool = createPool(config.DATABASE_URL, databaseSettings ? { settings: databaseSettings } : {});
  shutdown.onShutdown('close the database pool', () => pool.end());
  await migrateService(pool, service, projections, migrate);

  const nats = await connectNats({ url: config.NATS_URL, name: `omni-${service}` });
  shutdown.onShutdown('drain NATS', () => nats.drain());
  const sources = projections.fromStreams.map((p) => p.source.service);
  for (const stream of new Set([service, ...consumes, ...sources])) await ensureServiceStream(nats, stream);
  await ensureDeadLetterStream(nats);

  const store = createEventStore({ pool, schema: service, service });
  const relay = await startRelay({ store, nats, logger });
  observeRelayLag(service, () => relay.lag());
  shutdown.onShutdown('stop the relay', () => relay.stop());
  for (const projection of projections.fromStreams) {
    const running = await runStreamProjection({ pool, schema: service, nats, projection, logger });
    shutdown.onShutdown(`stop the ${projection.name} projection`, () => running.stop());
  }

  const react: ServiceContext<Env>['react'] = async (reaction, execute) => {
    const consumer = await startReaction({ service, nats, logger }, reaction, execute);
    shutdown.onShutdown(`stop reacting (${reaction.name})`, () => consumer.stop());
  };
  const module = await startParts({ config, logger, pool, nats, store, shutdown, react });
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(
    withOps(module, { service, store, nats, logger, projections, relay }),
    { ...rpcServerOptions({ service, natsUrl: config.NATS_URL }), logger: false },
  );
  app.useGlobalFilters(new RpcErrorFilter(logger));
  app.useGlobalInterceptors(new RpcTracingInterceptor(), new RpcMetricsInterceptor(service));
  await app.listen();
  shutdown.onShutdown('stop taking RPC requests', () => app.close());

  if (config.METRICS_PORT !== undefined) {
    const ops = await startOpsServer({ port: config.METRICS_PORT, isReady: () => !nats.isClosed() });
    shutdown.onShutdown('close the ops server', () => ops.close());
  }
  logger.info({ pid: process.pid }, `${service} is serving rpc.${service}.*`);
}

/** The event log, the checkpoints, every read model's tables, then what the service adds. */
export async function migrateService(
  pool: Pool,
  schema: string,
  projections: ServiceProjections,
  migrate?: (pool: Pool, schema: string) => Promise<void>,
): Promise<void> {
  await ensureSchema(pool, schema);
  await migrateEventStore(pool, schema);
  await migrateProjections(pool, schema);
  await migrate?.(pool, schema);
  for (const projection of [...projections.fromLog, ...projections.fromStreams])
    await ensureProjection(pool, schema, projection);
}

@Module({})
class ServiceRootModule {}

/** The service's own module plus `rpc.<service>.health` and `rpc.<service>.replay`. */
function withOps(module: DynamicModule, ops: OpsDependencies): DynamicModule {
  return {
    module: ServiceRootModule,
    imports: [module],
    controllers: [opsControllerFor(ops.service)],
    providers: [{ provide: OPS, useValue: ops }],
  };
}
