import type { EventMetadata } from '@omni/contracts';
import type { PoolClient } from 'pg';

/**
 * A stream is one aggregate instance: `<aggregate>-<id>`, e.g. `product-0190...`. The relay derives
 * the JetStream subject `<service>.<aggregate>.<id>.<eventType>` from it, so aggregate names never
 * contain a hyphen.
 */
export type StreamId = string;

/** An event about to be appended. `eventId` defaults to a fresh UUID v7. */
export interface NewEvent {
  /** snake_case event name, e.g. `stock_received`. */
  readonly type: string;
  /** Any JSON-serialisable object. */
  readonly data: object;
  readonly metadata: EventMetadata;
  readonly eventId?: string;
}

/**
 * `expectedVersion`: the stream's current version the caller decided on (0 = the stream must not
 * exist yet), or 'any' to skip the check.
 */
export interface AppendToStream {
  readonly streamId: StreamId;
  readonly expectedVersion: number | 'any';
  readonly events: readonly NewEvent[];
}

export interface StoredEvent {
  /** Insert order; NOT commit order (see `Position`). */
  readonly globalPosition: bigint;
  /** xid8 of the appending transaction. */
  readonly transactionId: bigint;
  readonly streamId: StreamId;
  /** 1-based, per stream. */
  readonly streamVersion: number;
  readonly eventId: string;
  readonly eventType: string;
  readonly data: Record<string, unknown>;
  readonly metadata: EventMetadata;
  readonly recordedAt: Date;
}

/** A gap-safe checkpoint in the whole log: events are read ordered by (transactionId, globalPosition). */
export interface Position {
  readonly transactionId: bigint;
  readonly globalPosition: bigint;
}

export const START: Position = { transactionId: 0n, globalPosition: 0n };

/** A pg client inside an open transaction. */
export type Tx = PoolClient;

/**
 * A stored event as the deciders and projections of its own service type it. The cast is the trust
 * boundary: a service reads only its own log, written by its own deciders.
 */
export function asDomainEvent<E>(stored: StoredEvent): E {
  return { type: stored.eventType, data: stored.data } as unknown as E;
}
