// The `@omni/testing/servers` entry point: finding or starting PostgreSQL and NATS, shared by
// `npm start` (scripts/start.js) and the test harness.
export { type ProbeResult, natsAddresses, probeNats, probePostgres } from './probe.js';
export {
  type EmbeddedPostgres,
  type EmbeddedPostgresOptions,
  startEmbeddedPostgres,
} from './embedded-postgres.js';
export { type EmbeddedNats, NATS_INSTALL_HINT, findNatsServer, startEmbeddedNats } from './embedded-nats.js';
export {
  type ResolveOptions,
  type ResolvedServer,
  type ServerOrigin,
  ServerUnavailableError,
  redact,
  resolveNats,
  resolvePostgres,
} from './resolve.js';
export {
  DEFAULT_DATABASE_URL,
  DEFAULT_NATS_URL,
  type SystemServers,
  type SystemServersOptions,
  resolveSystemServers,
} from './system-servers.js';
