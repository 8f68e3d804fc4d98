import { PageQuery, inventory, type PageQuery as PageQueryType } from '@omni/contracts';
import type { RpcClient } from '@omni/messaging';
import { z } from 'zod';
import { defineRoute, type RouteCall, type RouteSpec } from '../http/route.js';
import { attributeFiltersOf } from './attribute-filters.js';

const RPC = inventory.INVENTORY_RPC;
const ProductPath = z.object({ productId: z.uuid() });
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
      access: 'inventory.read',
      query: PageQuery,
      response: inventory.VendorPage.meta({ id: 'VendorPage' }),
      status: 200,
      handle: forward(RPC.listVendors, ({ query }) => query),
    }),
    defineRoute({
      operationId: 'registerProduct',
      method: 'post',
      path: '/inventory/products',
      tag: 'inventory',
      summary: "Register a product; a vendor user's products belong to their vendor",
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
      summary:
        'List products by SKU; filter by category, text in SKU or name, low stock, vendor (a vendor user sees only their own) and `attributes.<key>=<value>` (any number, all must match exactly)',
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
      access: 'inventory.manageProducts',
      params: ProductPath,
      body: inventory.UpdateProductInput,
      response: inventory.ProductDetails,
      status: 200,
      ifMatch: true,
      handle: forward(RPC.updateProduct, withProduct),
    }),
    stockRoute('receiveStock', 'receipts', 'Receive stock at a location', inventory.ReceiveStockInput, []),
    stockRoute(
      'adjustStock',
      'adjustments',
      'Adjust on-hand stock with a reason',
      inventory.AdjustStockInput,
      insufficientStock,
    ),
    stockRoute(
      'transferStock',
      'transfers',
      'Move stock between two locations',
      inventory.TransferStockInput,
      [...insufficientStock, { status: 422, code: 'same_location' }],
    ),
    defineRoute({
      operationId: 'listMovements',
      method: 'get',
      path: '/inventory/products/:productId/movements',
      tag: 'inventory',
      summary: 'Every stock movement of a product, newest first, with the event that made it',
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

  function stockRoute(
    name: 'receiveStock' | 'adjustStock' | 'transferStock',
    segment: string,
    summary: string,
    body: z.ZodType,
    refusals: readonly { status: number; code: string }[],
  ): RouteSpec {
    return defineRoute({
      operationId: name,
      method: 'post',
      path: `/inventory/products/:productId/${segment}`,
      tag: 'inventory',
      summary,
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

/** The service's list query: the known filters, plus `attributes.<key>` parameters as one record. */
function listQueryOf(query: Record<string, unknown>): inventory.ListProductsQuery {
  const known = inventory.ListProductsQuery.omit({ attributes: true }).parse(query);
  const attributes = attributeFiltersOf(query);
  return attributes ? { ...known, attributes } : known;
}
