import { PageQuery, inventory, type PageQuery as PageQueryType } from '@omni/contracts';
import type { RpcClient } from '@omni/messaging';
import { z } from 'zod';
import { defineRoute, type RouteCall, type RouteSpec } from '../http/route.js';
import { attributeFiltersOf } from './attribute-filters.js';

const RPC = inventory.INVENTORY_RPC;
const ProductPath = z.object({ productId: z.uuid() });
const VendorPath = z.object({ vendorId: z.uuid() });
const insufficientStock = [{ status: 422, code: 'insufficient_stock' }] as const;

/** CONTRACT §4. Each route forwards its validated input to `rpc.inventory.<name>`. */
export function inventoryRoutes(rpc: RpcClient): RouteSpec[] {
  const forward =
    <C extends RouteCall>(name: string, input: (call: C) => unknown) =>
    (call: C) =>
      rpc.call('inventory', name, { input: input(call), context: call.context });
  const withProduct = (call: RouteCall<{ productId: string }>) => ({
    productId: call.params.productId,
    body: call.body,
  });

  return [
    defineRoute({
      operationId: 'createLocation',
      method: 'post',
      path: '/inventory/locations',
      tag: 'inventory',
      summary: 'Create a location (a shop, a warehouse, a van)',
      description:
        'A place where stock is kept. Its `code` is unique (case-insensitive): a second location with the same code ' +
        'is 409 `duplicate_location_code`, so retrying after a lost answer is safe with an Idempotency-Key.',
      access: 'inventory.manageCatalog',
      body: inventory.CreateLocationInput,
      response: inventory.Location,
      status: 201,
      idempotent: true,
      refusals: [{ status: 409, code: 'duplicate_location_code' }],
      handle: forward(RPC.createLocation, ({ body }) => body),
    }),
    defineRoute({
      operationId: 'listLocations',
      method: 'get',
      path: '/inventory/locations',
      tag: 'inventory',
      summary: 'List locations by code',
      description:
        'Every location, ordered by code, a page at a time: pass `nextCursor` back as `cursor` until it is null.',
      access: 'inventory.read',
      query: PageQuery,
      response: inventory.LocationPage.meta({ id: 'LocationPage' }),
      status: 200,
      handle: forward(RPC.listLocations, ({ query }) => query),
    }),
    defineRoute({
      operationId: 'createVendor',
      method: 'post',
      path: '/inventory/vendors',
      tag: 'inventory',
      summary: 'Create a vendor (a seller whose products a `vendor` user manages)',
      description:
        'Creates a vendor; products may then name it as `vendorId`, and users with role `vendor` act for one. The code is unique: a second vendor with the same code is 409 `duplicate_vendor_code`.',
      access: 'inventory.manageCatalog',
      body: inventory.CreateVendorInput,
      response: inventory.Vendor,
      status: 201,
      idempotent: true,
      refusals: [{ status: 409, code: 'duplicate_vendor_code' }],
      handle: forward(RPC.createVendor, ({ body }) => body),
    }),
    defineRoute({
      operationId: 'listVendors',
      method: 'get',
      path: '/inventory/vendors',
      tag: 'inventory',
      summary: 'List vendors by code',
      description:
        'Every vendor, ordered by code, a page at a time: pass `nextCursor` back as `cursor` until it is null.',
      access: 'inventory.read',
      query: PageQuery,
      response: inventory.VendorPage.meta({ id: 'VendorPage' }),
      status: 200,
      handle: forward(RPC.listVendors, ({ query }) => query),
    }),
    defineRoute({
      operationId: 'updateVendor',
      method: 'patch',
      path: '/inventory/vendors/:vendorId',
      tag: 'inventory',
      summary: 'Rename a vendor; send If-Match with its ETag to guard against lost updates',
      description:
        "Changes the vendor's name (its code never changes: products and vendor users refer to the vendor by id). " +
        'Published as `inventory.vendor.<id>.updated` with the changed fields; a name equal to the current one ' +
        'publishes nothing. With `If-Match`, a vendor changed since you read it is 412. An unknown id is 404 ' +
        '`vendor_not_found`.',
      access: 'inventory.manageCatalog',
      params: VendorPath,
      body: inventory.UpdateVendorInput,
      response: inventory.Vendor,
      status: 200,
      ifMatch: true,
      handle: forward(RPC.updateVendor, (call: RouteCall<{ vendorId: string }>) => ({
        vendorId: call.params.vendorId,
        body: call.body,
      })),
    }),
    defineRoute({
      operationId: 'registerProduct',
      method: 'post',
      path: '/inventory/products',
      tag: 'inventory',
      summary: "Register a product; a vendor user's products belong to their vendor",
      description:
        'Adds a product to the catalogue with no stock; stock arrives through receipts. The SKU is unique ' +
        '(case-insensitive): a second product with the same SKU is 409 `duplicate_sku`. The price is in minor units ' +
        "(cents), never a float. `vendorId` names the product's vendor (an unknown one is 422 `unknown_vendor`); a " +
        "`vendor` user's product is its own vendor's, and naming another vendor is 403.",
      access: 'inventory.manageProducts',
      body: inventory.RegisterProductInput,
      response: inventory.ProductDetails,
      status: 201,
      idempotent: true,
      refusals: [
        { status: 409, code: 'duplicate_sku' },
        { status: 422, code: 'unknown_vendor' },
      ],
      handle: forward(RPC.registerProduct, ({ body }) => body),
    }),
    defineRoute({
      operationId: 'listProducts',
      method: 'get',
      path: '/inventory/products',
      tag: 'inventory',
      summary: 'List products by SKU; filter by category, text, low stock, vendor and attributes',
      description:
        'Products ordered by SKU, a page at a time. `q` matches a substring of the SKU or the name, case-insensitive; ' +
        '`lowStock=true` keeps only products whose available total is at or below their reorder level; `vendorId` ' +
        "keeps one vendor's. `attributes.<key>=<value>` (any number) keeps products whose attributes contain every " +
        'pair exactly; a key no product has matches nothing, and a malformed key or value is 400 naming the parameter. ' +
        "A `vendor` user sees only its own vendor's products. A cursor from another query or a tampered one is 400.",
      access: 'inventory.read',
      // Other parameters pass through so that `attributes.<key>` reaches the handler; the rest is dropped.
      query: inventory.ListProductsQuery.omit({ attributes: true }).catchall(z.unknown()),
      response: inventory.ProductPage.meta({ id: 'ProductPage' }),
      status: 200,
      handle: forward(RPC.listProducts, ({ query }) => listQueryOf(query as Record<string, unknown>)),
    }),
    defineRoute({
      operationId: 'getProduct',
      method: 'get',
      path: '/inventory/products/:productId',
      tag: 'inventory',
      summary: 'A product with its stock per location and totals',
      description:
        'The product with on hand, reserved and available stock at each location and in total. The `ETag` header ' +
        'is its version: send it back as `If-Match` on a change to be sure nobody changed it in between. An unknown id is 404.',
      access: 'inventory.read',
      params: ProductPath,
      response: inventory.ProductDetails,
      status: 200,
      handle: forward(RPC.getProduct, ({ params }) => params),
    }),
    defineRoute({
      operationId: 'updateProduct',
      method: 'patch',
      path: '/inventory/products/:productId',
      tag: 'inventory',
      summary: 'Change a product; send If-Match with its ETag to guard against lost updates',
      description:
        'Changes any of name, description, category, price, reorder level, attributes and vendor; fields left out keep ' +
        'their value. With `If-Match`, a product changed since you read it is 412 and nothing is written: read it again, ' +
        'merge, retry. Without `If-Match` the last write wins. Stock is not changed here: use receipts, adjustments, ' +
        "transfers. A `vendor` user may change only its own vendor's products (another's is 404) and may not move " +
        'one to another vendor (403).',
      access: 'inventory.manageProducts',
      params: ProductPath,
      body: inventory.UpdateProductInput,
      response: inventory.ProductDetails,
      status: 200,
      ifMatch: true,
      handle: forward(RPC.updateProduct, withProduct),
    }),
    stockRoute({
      name: 'receiveStock',
      segment: 'receipts',
      summary: 'Receive stock at a location',
      description:
        'Adds a positive quantity to on-hand stock at a location, e.g. a delivery, with an optional reference such ' +
        'as the purchase order. Answers the product with its new levels. A location that does not exist is 422 ' +
        '`unknown_location`. Send an Idempotency-Key: a retried delivery is then counted once.',
      body: inventory.ReceiveStockInput,
      refusals: [],
    }),
    stockRoute({
      name: 'adjustStock',
      segment: 'adjustments',
      summary: 'Adjust on-hand stock with a reason',
      description:
        'Corrects on-hand stock at a location by a non-zero delta (a count, breakage, a find), with a reason kept in ' +
        'the movement history. An adjustment that would take on hand below zero, or below what is reserved for ' +
        'orders, is 422 `insufficient_stock` and changes nothing.',
      body: inventory.AdjustStockInput,
      refusals: insufficientStock,
    }),
    stockRoute({
      name: 'transferStock',
      segment: 'transfers',
      summary: 'Move stock between two locations',
      description:
        'Moves a quantity from one location to another in one step: both levels change together or not at all. ' +
        'More than is available (on hand minus reserved) at the source is 422 `insufficient_stock`; the same ' +
        'location on both sides is 422 `same_location`.',
      body: inventory.TransferStockInput,
      refusals: [...insufficientStock, { status: 422, code: 'same_location' }],
    }),
    defineRoute({
      operationId: 'listMovements',
      method: 'get',
      path: '/inventory/products/:productId/movements',
      tag: 'inventory',
      summary: 'Every stock movement of a product, newest first, with the event that made it',
      description:
        'The stock history of one product (receipts, adjustments, transfers, reservations and shipments), newest ' +
        'first, a page at a time, each with the id of the event that made it. An unknown product is 404.',
      access: 'inventory.read',
      params: ProductPath,
      query: PageQuery,
      response: inventory.MovementPage.meta({ id: 'MovementPage' }),
      status: 200,
      handle: forward(
        RPC.listMovements,
        ({ params, query }: RouteCall<{ productId: string }, PageQueryType>) => ({
          ...query,
          ...params,
        }),
      ),
    }),
  ];

  function stockRoute({
    name,
    segment,
    summary,
    description,
    body,
    refusals,
  }: {
    name: 'receiveStock' | 'adjustStock' | 'transferStock';
    segment: string;
    summary: string;
    description: string;
    body: z.ZodType;
    refusals: readonly { status: number; code: string }[];
  }): RouteSpec {
    return defineRoute({
      operationId: name,
      method: 'post',
      path: `/inventory/products/:productId/${segment}`,
      tag: 'inventory',
      summary,
      description,
      access: 'inventory.moveStock',
      params: ProductPath,
      body,
      response: inventory.ProductDetails,
      status: 201,
      idempotent: true,
      ifMatch: true,
      refusals: [{ status: 422, code: 'unknown_location' }, ...refusals],
      handle: forward(RPC[name], withProduct),
    });
  }
}

/** The list query's known filters (built once: zod compiles a schema on its first parse). */
const KnownListFilters = inventory.ListProductsQuery.omit({ attributes: true });

/** The service's list query: the known filters, plus `attributes.<key>` parameters as one record. */
function listQueryOf(query: Record<string, unknown>): inventory.ListProductsQuery {
  const known = KnownListFilters.parse(query);
  const attributes = attributeFiltersOf(query);
  return attributes ? { ...known, attributes } : known;
}
