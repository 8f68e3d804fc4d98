import type { EventMetadata, RpcContext } from '@omni/contracts';
import type { EventStore, StoredEvent, Tx } from '@omni/event-store';
import { eventMetadataFor } from '@omni/messaging';
import { applyEvents, liveTables } from '@omni/projections';
import type { Pool } from 'pg';
import { INVENTORY_PROJECTIONS } from '../projections/index.js';

export interface Inventory {
  readonly store: EventStore;
  readonly pool: Pool;
  readonly schema: string;
  /** Writes the events of a command into every inline read model, in the command's transaction. */
  project(tx: Tx, events: readonly StoredEvent[]): Promise<void>;
  /** Locations known to exist. They are never deleted, so a positive answer can be kept. */
  readonly knownLocations: Set<string>;
}

export function createInventory(store: EventStore): Inventory {
  const tables = INVENTORY_PROJECTIONS.map((projection) => ({
    projection,
    names: liveTables(store.schema, projection),
  }));
  return {
    store,
    pool: store.pool,
    schema: store.schema,
    knownLocations: new Set(),
    async project(tx, events) {
      for (const { projection, names } of tables) await applyEvents(tx, projection, events, names);
    },
  };
}

/** Correlation, causation, trace and actor of the request that caused the events. */
export const metadataFrom = (context: RpcContext): EventMetadata => eventMetadataFor(context);
