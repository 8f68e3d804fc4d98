import { NotFoundError, newId, type RpcContext, type inventory } from '@omni/contracts';
import { aggregateIdOf, decideOnStream, streamCommand, type Command } from '@omni/event-store';
import { productDecider, type ProductCommand } from '../domain/product/decider.js';
import { metadataFrom, type Inventory } from './context.js';
import { requireLocation } from './locations.js';
import { claimUniqueKey } from './unique-keys.js';

export const productStream = (productId: string) => `product-${productId}`;

const productNotFound = () => new NotFoundError('Product not found', 'product_not_found');

/** Runs one product command and answers the product as its read model now shows it. */
async function decideOnProduct(
  inventory: Inventory,
  command: Command<unknown>,
): Promise<inventory.ProductDetails> {
  const outcome = await inventory.commands.execute(command);
  // A repeated Idempotency-Key answers with the product its first run wrote.
  const productId = outcome.replayed ? aggregateIdOf(outcome.streamId) : aggregateIdOf(command.streams[0]!);
  return inventory.productDetails(productId);
}

/** A command on an existing product: a 404 when there is none, a 412 when If-Match does not match. */
function onProduct(command: ProductCommand, context: RpcContext) {
  return streamCommand({
    streamId: productStream(command.productId),
    decider: productDecider,
    command,
    ifMissing: productNotFound,
    expectedVersion: context.expectedVersion,
    metadata: metadataFrom(context),
    idempotencyKey: context.idempotencyKey,
  });
}

export function registerProduct(
  inventory: Inventory,
  input: inventory.RegisterProductInput,
  context: RpcContext,
) {
  const productId = newId();
  const streamId = productStream(productId);
  const command: ProductCommand = {
    type: 'RegisterProduct',
    productId,
    sku: input.sku,
    name: input.name,
    description: input.description ?? null,
    category: input.category ?? null,
    price: input.price,
    reorderLevel: input.reorderLevel,
    attributes: input.attributes,
  };
  return decideOnProduct(inventory, {
    streams: [streamId],
    metadata: metadataFrom(context),
    idempotencyKey: context.idempotencyKey,
    async run(session) {
      await claimUniqueKey(session, { kind: 'sku', key: input.sku, ownerId: productId });
      return decideOnStream(session, { streamId, decider: productDecider, command });
    },
  });
}

export function updateProduct(
  inventory: Inventory,
  productId: string,
  changes: inventory.UpdateProductInput,
  context: RpcContext,
) {
  return decideOnProduct(inventory, onProduct({ type: 'UpdateProduct', productId, changes }, context));
}

export async function receiveStock(
  inventory: Inventory,
  productId: string,
  input: inventory.ReceiveStockInput,
  context: RpcContext,
) {
  await requireLocation(inventory, input.locationId);
  const command = {
    type: 'ReceiveStock',
    productId,
    locationId: input.locationId,
    quantity: input.quantity,
    reference: input.reference ?? null,
  } as const;
  return decideOnProduct(inventory, onProduct(command, context));
}

export async function adjustStock(
  inventory: Inventory,
  productId: string,
  input: inventory.AdjustStockInput,
  context: RpcContext,
) {
  await requireLocation(inventory, input.locationId);
  return decideOnProduct(inventory, onProduct({ type: 'AdjustStock', productId, ...input }, context));
}

export async function transferStock(
  inventory: Inventory,
  productId: string,
  input: inventory.TransferStockInput,
  context: RpcContext,
) {
  await requireLocation(inventory, input.fromLocationId);
  await requireLocation(inventory, input.toLocationId);
  return decideOnProduct(inventory, onProduct({ type: 'TransferStock', productId, ...input }, context));
}
