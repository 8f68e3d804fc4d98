import { newId, type RpcContext, type inventory } from '@omni/contracts';
import { executeCommand } from '@omni/event-store';
import { productDecider, type ProductCommand } from '../domain/product/decider.js';
import { getProductDetails } from '../projections/productList/query.js';
import { requireLocation } from './locations.js';
import { metadataFrom, type Inventory } from './context.js';
import { claimUniqueKey } from './unique-keys.js';

export const productStream = (productId: string) => `product-${productId}`;
export const idOfStream = (streamId: string) => streamId.slice(streamId.indexOf('-') + 1);

/** Runs one product command (load → decide → append + inline read models) and answers the product. */
async function decideOnProduct(
  inventory: Inventory,
  command: ProductCommand,
  context: RpcContext,
  beforeAppend?: (tx: import('@omni/event-store').Tx) => Promise<void>,
): Promise<inventory.ProductDetails> {
  const { streamId } = await executeCommand(inventory.store, {
    streamId: productStream(command.productId),
    decider: productDecider,
    command,
    metadata: metadataFrom(context),
    ...(context.expectedVersion === undefined ? {} : { expectedVersion: context.expectedVersion }),
    ...(context.idempotencyKey === undefined ? {} : { idempotencyKey: context.idempotencyKey }),
    project: async (tx, events) => {
      await beforeAppend?.(tx);
      await inventory.project(tx, events);
    },
  });
  // A repeated Idempotency-Key answers with the product its first run wrote.
  return getProductDetails(inventory.pool, inventory.schema, idOfStream(streamId));
}

export function registerProduct(
  inventory: Inventory,
  input: inventory.RegisterProductInput,
  context: RpcContext,
) {
  const productId = newId();
  return decideOnProduct(
    inventory,
    {
      type: 'RegisterProduct',
      productId,
      sku: input.sku,
      name: input.name,
      description: input.description ?? null,
      category: input.category ?? null,
      price: input.price,
      reorderLevel: input.reorderLevel,
      attributes: input.attributes,
    },
    context,
    (tx) => claimUniqueKey(tx, inventory.schema, { kind: 'sku', key: input.sku, ownerId: productId }),
  );
}

export function updateProduct(
  inventory: Inventory,
  productId: string,
  changes: inventory.UpdateProductInput,
  context: RpcContext,
) {
  return decideOnProduct(inventory, { type: 'UpdateProduct', productId, changes }, context);
}

export async function receiveStock(
  inventory: Inventory,
  productId: string,
  input: inventory.ReceiveStockInput,
  context: RpcContext,
) {
  await requireLocation(inventory, input.locationId);
  const { locationId, quantity } = input;
  const command = {
    type: 'ReceiveStock',
    productId,
    locationId,
    quantity,
    reference: input.reference ?? null,
  } as const;
  return decideOnProduct(inventory, command, context);
}

export async function adjustStock(
  inventory: Inventory,
  productId: string,
  input: inventory.AdjustStockInput,
  context: RpcContext,
) {
  await requireLocation(inventory, input.locationId);
  return decideOnProduct(inventory, { type: 'AdjustStock', productId, ...input }, context);
}

export async function transferStock(
  inventory: Inventory,
  productId: string,
  input: inventory.TransferStockInput,
  context: RpcContext,
) {
  await requireLocation(inventory, input.fromLocationId);
  await requireLocation(inventory, input.toLocationId);
  return decideOnProduct(inventory, { type: 'TransferStock', productId, ...input }, context);
}
