import { NotFoundError, UnavailableError, type RpcContext, type inventory } from '@omni/contracts';
import DataLoader from 'dataloader';
import type { Pool } from 'pg';
import { assertVisible } from '../application/vendor-scope.js';
import { productsDetails } from '../projections/productList/query.js';

/** The schema inventory's process writes (its service name). */
export const INVENTORY_SCHEMA = 'inventory';

export interface ProductDetailsReader {
  /** A product with its stock, as reads and command answers show it; unknown: NotFoundError. */
  load(productId: string): Promise<inventory.ProductDetails>;
  /** The same, as `context`'s caller may see it: another vendor's product is NotFoundError too. */
  readAs(productId: string, context: RpcContext | undefined): Promise<inventory.ProductDetails>;
}

/**
 * Reads products from inventory's read models. Requests made in the same tick share one query (the
 * answers of a batch of commands, concurrent reads); nothing is cached, so an answer is as fresh as
 * the database: the read models commit with the events (inline projections), so a read after an
 * acknowledged write sees it, whichever process reads (docs/adr/0010-gateway-reads-inventory-read-models.md).
 */
export function createProductDetailsReader(pool: Pool, schema = INVENTORY_SCHEMA): ProductDetailsReader {
  const details = new DataLoader<string, inventory.ProductDetails>(
    async (ids: readonly string[]) =>
      (await productsDetails(pool, schema, ids).catch(unavailableBeforeMigration)).map(
        (found) => found ?? new NotFoundError('Product not found', 'product_not_found'),
      ),
    { cache: false, maxBatchSize: 200 },
  );
  const load = (productId: string) => details.load(productId);
  return { load, readAs: async (productId, context) => assertVisible(await load(productId), context) };
}

const UNDEFINED_TABLE = '42P01';
const INVALID_SCHEMA_NAME = '3F000';

/** Read by another process before inventory first started and created its tables: 503, worth retrying. */
function unavailableBeforeMigration(error: unknown): never {
  const code = (error as { code?: string }).code;
  if (code === UNDEFINED_TABLE || code === INVALID_SCHEMA_NAME) {
    throw new UnavailableError('Inventory has not started yet', { cause: error });
  }
  throw error;
}
