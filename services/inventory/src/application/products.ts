import { NotFoundError, newId, type RpcContext, type inventory } from '@omni/contracts';
import { aggregateIdOf, decideOnStream, streamCommand, type Command } from '@omni/event-store';
import { productDecider, type ProductCommand } from '../domain/product/decider.js';
import { metadataFrom, type Inventory } from './context.js';
import { requireLocation } from './locations.js';
import { claimUniqueKey } from './unique-keys.js';
import { assertVisible, vendorScopeOf } from './vendor-scope.js';
import { requireVendor } from './vendors.js';

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
  const actingVendorId = vendorScopeOf(context);
  return streamCommand({
    streamId: productStream(command.productId),
    decider: productDecider,
    command: actingVendorId === undefined ? command : { ...command, actingVendorId },
    ifMissing: productNotFound,
    expectedVersion: context.expectedVersion,
    metadata: metadataFrom(context),
    idempotencyKey: context.idempotencyKey,
  });
}

export async function registerProduct(
  inventory: Inventory,
  input: inventory.RegisterProductInput,
  context: RpcContext,
) {
  const productId = newId();
  const streamId = productStream(productId);
  const actingVendorId = vendorScopeOf(context);
  // A vendor user's product is their vendor's unless they name one (which the decider then checks).
  const vendorId = input.vendorId ?? actingVendorId ?? null;
  await requireVendor(inventory, vendorId);
  const command: ProductCommand = {
    type: 'RegisterProduct',
    productId,
    ...(vendorId === null ? {} : { vendorId }),
    ...(actingVendorId === undefined ? {} : { actingVendorId }),
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

export async function updateProduct(
  inventory: Inventory,
  productId: string,
  changes: inventory.UpdateProductInput,
  context: RpcContext,
) {
  await requireVendor(inventory, changes.vendorId);
  return decideOnProduct(inventory, onProduct({ type: 'UpdateProduct', productId, changes }, context));
}

/** One product as the caller may see it: another vendor's is 404 for a vendor user. */
export async function getProduct(inventory: Inventory, productId: string, context: RpcContext | undefined) {
  return assertVisible(await inventory.productDetails(productId), context);
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
