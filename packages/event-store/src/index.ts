export {
  type StreamId,
  type NewEvent,
  type AppendToStream,
  type StoredEvent,
  type Position,
  START,
  asDomainEvent,
  type Tx,
} from './types.js';
export { migrateEventStore, eventsChannel } from './migrate.js';
export { ConcurrencyError } from './errors.js';
export { type EventStore, type EventStoreOptions, createEventStore } from './store.js';
export {
  type CommandSession,
  type RunCommandOptions,
  type ExecuteCommandOptions,
  runCommand,
  executeCommand,
  onceByKey,
  SNAPSHOT_EVERY,
} from './command.js';
export { type Relay, type RelayOptions, startRelay } from './relay.js';
export { POSITION_HEADER, parsePosition, readStreamHead, type StreamHead } from './relay-position.js';
export { inTransaction, withAdvisoryLock } from './transaction.js';
