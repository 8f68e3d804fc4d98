import type { CloudEvent, EventDataSchemas, TypedEvent } from '@omni/contracts';
import type { Tx } from '@omni/event-store';
import type { TableNames } from './projection.js';

/** Where a stream-fed read model's events come from. */
export interface StreamSource<M extends EventDataSchemas = EventDataSchemas> {
  /** The service whose stream (`<SERVICE>`) holds the events. */
  readonly service: string;
  /** One subject filter (NATS 2.9 has no multi-filter consumers), e.g. `inventory.product.>`. */
  readonly filterSubject: string;
  /** The contracts' schemas: every event's `data` is parsed with them before `apply` sees it. */
  readonly events: M;
}

/**
 * A read model of another service's entities, folded from that service's JetStream stream (the
 * service's own log does not have those events). Like `Projection`, it never names its tables, so
 * the same fold writes the live tables and, during a rebuild, shadow tables. Its checkpoint is the
 * stream sequence, written in the same transaction as its rows.
 */
export interface StreamProjection<M extends EventDataSchemas = EventDataSchemas> {
  readonly name: string;
  readonly tables: readonly string[];
  readonly source: StreamSource<M>;
  /**
   * The event types `apply` folds, when it ignores the others its filter brings (a price list and
   * stock receipts): a batch with none of them opens no transaction, and the checkpoint moves past it
   * with the next batch that has one, or a second later (stream-runner.ts). Without it, every
   * batch is applied.
   */
  readonly folds?: readonly (keyof M & string)[];
  createTables(tx: Tx, t: TableNames): Promise<void>;
  apply(tx: Tx, event: TypedEvent<M>, t: TableNames): Promise<void>;
  /**
   * Folds a batch at once (fewer statements for a busy source); must leave what `apply` on each event
   * in order would. Live and rebuilds take it alike when it is there.
   */
  applyBatch?(tx: Tx, events: readonly TypedEvent<M>[], t: TableNames): Promise<void>;
}

/**
 * Declares a stream projection with its event types checked against its source's schemas, and
 * returns it in the form lists of projections hold (their event types differ).
 */
export function streamProjection<M extends EventDataSchemas>(
  projection: StreamProjection<M>,
): StreamProjection {
  return projection as unknown as StreamProjection;
}

/** A message of the source stream, with its sequence: the stream projection's position. */
export interface StreamEvent {
  readonly seq: number;
  readonly event: CloudEvent;
}
