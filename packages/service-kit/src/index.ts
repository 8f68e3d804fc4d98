export { BaseEnv, ConfigError, loadConfig } from './config.js';
export { type PinoLogger, createLogger } from './logger.js';
export { ensureDatabase, createPool, ensureSchema, inTransaction, withAdvisoryLock } from './database.js';
export type { SessionSettings } from './database.js';
export { type Shutdown, createShutdown } from './shutdown.js';
export {
  metricsRegistry,
  commandDuration,
  httpRequestDuration,
  relayLagEvents,
  relayLagSeconds,
  deadLetters,
  wsConnections,
  wsDrops,
  bffCacheLookups,
  bffCacheBytes,
  bffSectionErrors,
  observeRelayLag,
  metricsText,
  METRICS_CONTENT_TYPE,
} from './metrics.js';
export { startOpsServer } from './ops-server.js';
export {
  type ServiceContext,
  type EventSourcedServiceOptions,
  runEventSourcedService,
  migrateService,
} from './event-sourced-service.js';
export { type Reaction, type ExecuteReaction, reaction, startReaction } from './reactions.js';
export { RpcMetricsInterceptor } from './rpc-metrics.js';
export { opsControllerFor } from './ops-controller.js';
export { type DurableTimer, type DurableTimers, type DurableTimersOptions, startDurableTimers } from './durable-timers.js';
export { nameHttpRoute } from './http-route.js';
export { lookUpPerTurn } from './per-turn.js';
