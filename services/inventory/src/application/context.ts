import { NotFoundError, type EventMetadata, type RpcContext, type inventory } from '@omni/contracts';
import DataLoader from 'dataloader';
import { createCommandProcessor, type CommandProcessor, type EventStore } from '@omni/event-store';
import { eventMetadataFor } from '@omni/messaging';
import { inlineProjections } from '@omni/projections';
import type { Pool } from 'pg';
import { INVENTORY_PROJECTIONS } from '../projections/index.js';
import { productsDetails } from '../projections/productList/query.js';

export interface Inventory {
  readonly store: EventStore;
  readonly pool: Pool;
  readonly schema: string;
  /** Runs every command: per-stream order, group commit, inline read models. */
  readonly commands: CommandProcessor;
  /**
   * A product with its stock, as reads and command answers show it. Requests made in the same tick
   * share one query (the answers of a whole batch of commands, concurrent reads); nothing is cached.
   */
  productDetails(productId: string): Promise<inventory.ProductDetails>;
  /** Locations known to exist. They are never deleted, so a positive answer can be kept. */
  readonly knownLocations: Set<string>;
}

export function createInventory(store: EventStore): Inventory {
  const details = new DataLoader<string, inventory.ProductDetails>(
    async (ids: readonly string[]) =>
      (await productsDetails(store.pool, store.schema, ids)).map(
        (found) => found ?? new NotFoundError('Product not found', 'product_not_found'),
      ),
    { cache: false, maxBatchSize: 200 },
  );
  return {
    productDetails: (productId) => details.load(productId),
    store,
    pool: store.pool,
    schema: store.schema,
    knownLocations: new Set(),
    commands: createCommandProcessor({
      store,
      project: inlineProjections(store.schema, INVENTORY_PROJECTIONS),
    }),
  };
}

/** Correlation, causation, trace and actor of the request that caused the events. */
export const metadataFrom = (context: RpcContext): EventMetadata => eventMetadataFor(context);
