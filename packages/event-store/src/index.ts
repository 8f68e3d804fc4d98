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
  type Command,
  type CommandOutcome,
  type CommandSession,
  type CommandProcessor,
  type CommandProcessorOptions,
  type Loaded,
  createCommandProcessor,
} from './command-processor.js';
export { type DecideOnStream, type Decided, decideOnStream, streamCommand, aggregateIdOf } from './decide.js';
export { type Evolver, SNAPSHOT_EVERY } from './stream-cache.js';
export { type Relay, type RelayOptions, startRelay } from './relay.js';
export { POSITION_HEADER, parsePosition, readStreamHead, type StreamHead } from './relay-position.js';
export { inTransaction, withAdvisoryLock } from './transaction.js';
export { prepared } from './prepared.js';
