import { NotFoundError, type RpcContext, type inventory } from '@omni/contracts';

/**
 * The one place that says what a caller's vendor scope is (docs in services/inventory/README.md,
 * Vendors). A user with role `vendor` sees and changes only the products of the vendor the gateway
 * put in the actor (`vendorId`, read from the user's record on every request); everyone else sees all.
 * Commands carry the scope into the product decider (`actingVendorId`), reads filter by it here.
 */
export function vendorScopeOf(context: RpcContext | undefined): string | undefined {
  const actor = context?.actor;
  if (!actor?.roles.includes('vendor')) return undefined;
  // A vendor user without a vendor may see nothing: no product has this id.
  return actor.vendorId ?? NO_VENDOR;
}

const NO_VENDOR = '00000000-0000-0000-0000-000000000000';

/** A list query narrowed to the caller's vendor; asking for another vendor finds nothing. */
export function scopeListQuery(
  query: inventory.ListProductsQuery,
  context: RpcContext | undefined,
): inventory.ListProductsQuery {
  const scope = vendorScopeOf(context);
  if (scope === undefined) return query;
  const vendorId = query.vendorId === undefined || query.vendorId === scope ? scope : NO_VENDOR;
  return { ...query, vendorId };
}

/** Another vendor's product is not found for a vendor user (404, never 403: its existence is private). */
export function assertVisible<P extends { vendorId: string | null }>(
  product: P,
  context: RpcContext | undefined,
): P {
  const scope = vendorScopeOf(context);
  if (scope !== undefined && product.vendorId !== scope) {
    throw new NotFoundError('Product not found', 'product_not_found');
  }
  return product;
}
