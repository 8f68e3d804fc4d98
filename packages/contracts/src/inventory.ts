/**
 * Inventory's public language (docs/events.md, docs/openapi.json): REST/RPC inputs, read models, event data.
 * The gateway validates requests with these schemas and generates OpenAPI from them; the
 * inventory service decides on them; other services read the event data types.
 */
import { z } from 'zod';
import { Money } from './money.js';
import { PageQuery, page } from './pagination.js';

const id = z.uuid();
const name = z.string().trim().min(1).max(200);
const quantity = z.number().int().positive();
const attributes = z.record(z.string().min(1).max(100), z.string().max(1000));

// ---- inputs -------------------------------------------------------------------------------------

export const CreateLocationInput = z
  .object({
    code: z
      .string()
      .trim()
      .min(1)
      .max(50)
      .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, "_", "-" and "." only'),
    name,
  })
  .strict()
  .meta({ id: 'CreateLocationInput' });

export const CreateVendorInput = CreateLocationInput.meta({ id: 'CreateVendorInput' });

export const UpdateVendorInput = z
  .object({ name: name.optional() })
  .strict()
  .refine((u) => Object.keys(u).length > 0, { message: 'name at least one field to change' })
  .meta({ id: 'UpdateVendorInput' });

export const RegisterProductInput = z
  .object({
    sku: z.string().trim().min(1).max(100),
    name,
    description: z.string().max(5000).optional(),
    category: z.string().trim().min(1).max(100).optional(),
    price: Money,
    reorderLevel: z.number().int().min(0).default(0),
    attributes: attributes.default({}),
    vendorId: id.optional().meta({ description: "The product's vendor; a vendor user's own by default" }),
  })
  .strict()
  .meta({ id: 'RegisterProductInput' });

export const UpdateProductInput = z
  .object({
    name: name.optional(),
    description: z.string().max(5000).nullable().optional(),
    category: z.string().trim().min(1).max(100).nullable().optional(),
    price: Money.optional(),
    reorderLevel: z.number().int().min(0).optional(),
    attributes: attributes.optional(),
    vendorId: id.nullable().optional().meta({ description: 'Move the product to this vendor; null: none' }),
  })
  .strict()
  .refine((u) => Object.keys(u).length > 0, { message: 'name at least one field to change' })
  .meta({ id: 'UpdateProductInput' });

export const ReceiveStockInput = z
  .object({ locationId: id, quantity, reference: z.string().max(200).optional() })
  .strict()
  .meta({ id: 'ReceiveStockInput' });

export const AdjustStockInput = z
  .object({
    locationId: id,
    quantityDelta: z
      .number()
      .int()
      .refine((d) => d !== 0, 'must not be zero'),
    reason: z.string().trim().min(1).max(500),
  })
  .strict()
  .meta({ id: 'AdjustStockInput' });

export const TransferStockInput = z
  .object({ fromLocationId: id, toLocationId: id, quantity })
  .strict()
  .meta({ id: 'TransferStockInput' });

export const ReservationLine = z.object({ productId: id, quantity });
export const ReserveStockInput = z
  .object({ orderId: id, locationId: id, lines: z.array(ReservationLine).min(1).max(200) })
  .strict()
  .meta({ id: 'ReserveStockInput' });

/** `?attributes.<key>=<value>`: keys as product attributes are usually named, values as stored. */
export const AttributeFilterKey = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'an attribute key has letters, digits, "_", "-", "." and ":" only');
export const AttributeFilterValue = z
  .string()
  .min(1, 'must not be empty')
  .max(1000)
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters');
export const MAX_ATTRIBUTE_FILTERS = 20;
export const ATTRIBUTE_FILTER_PREFIX = 'attributes.';

export const ListProductsQuery = PageQuery.extend({
  category: z.string().trim().min(1).max(100).optional(),
  q: z.string().trim().min(1).max(100).optional(),
  // A query string says "true"; the gateway forwards the parsed boolean to the service.
  lowStock: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).optional(),
  vendorId: id.optional(),
  /** Every pair must match exactly; the gateway builds this from `attributes.<key>=<value>` parameters. */
  attributes: z.record(AttributeFilterKey, AttributeFilterValue).optional(),
});

export type CreateLocationInput = z.infer<typeof CreateLocationInput>;
export type CreateVendorInput = z.infer<typeof CreateVendorInput>;
export type UpdateVendorInput = z.infer<typeof UpdateVendorInput>;
export type RegisterProductInput = z.infer<typeof RegisterProductInput>;
export type UpdateProductInput = z.infer<typeof UpdateProductInput>;
export type ReceiveStockInput = z.infer<typeof ReceiveStockInput>;
export type AdjustStockInput = z.infer<typeof AdjustStockInput>;
export type TransferStockInput = z.infer<typeof TransferStockInput>;
export type ReservationLine = z.infer<typeof ReservationLine>;
export type ReserveStockInput = z.infer<typeof ReserveStockInput>;
export type ListProductsQuery = z.infer<typeof ListProductsQuery>;

// ---- read models --------------------------------------------------------------------------------

export const Location = z
  .object({ id, code: z.string(), name: z.string(), version: z.number().int(), createdAt: z.iso.datetime() })
  .meta({ id: 'Location' });

export const Vendor = Location.meta({ id: 'Vendor' });

export const StockTotals = z.object({
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
});

export const Product = z
  .object({
    id,
    sku: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    category: z.string().nullable(),
    price: Money,
    reorderLevel: z.number().int(),
    attributes: z.record(z.string(), z.string()),
    vendorId: id.nullable(),
    totals: StockTotals,
    lowStock: z.boolean(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Product' });

export const StockAtLocation = StockTotals.extend({ locationId: id, locationCode: z.string() });

export const ProductDetails = Product.extend({ stock: z.array(StockAtLocation) }).meta({
  id: 'ProductDetails',
});

export const Movement = z
  .object({
    eventId: id,
    type: z.string().meta({ description: 'the event that made the movement, e.g. stock_received' }),
    locationId: id,
    quantityDelta: z.number().int(),
    reference: z.string().nullable(),
    reason: z.string().nullable(),
    orderId: z.string().nullable(),
    at: z.iso.datetime(),
  })
  .meta({ id: 'Movement' });

export const Reservation = z
  .object({
    orderId: id,
    status: z.enum(['confirmed', 'rejected', 'released', 'committed']),
    /** Null for a release that came before any reservation: it only leaves a tombstone. */
    locationId: id.nullable(),
    lines: z.array(ReservationLine),
    failedLines: z.array(
      z.object({ productId: id, requested: z.number().int(), available: z.number().int() }),
    ),
    reason: z.string().nullable(),
  })
  .meta({ id: 'Reservation' });

/** Units of one product held for an order that has neither shipped nor been cancelled. */
export const OpenReservation = z
  .object({ orderId: id, locationId: id, quantity: z.number().int(), reservedAt: z.iso.datetime() })
  .meta({ id: 'OpenReservation' });

export const ListOpenReservationsInput = z.object({
  productId: id,
  limit: z.number().int().min(1).max(200).default(50),
});

export const LocationPage = page(Location);
export const VendorPage = page(Vendor);
export const ProductPage = page(Product);
export const MovementPage = page(Movement);

export type Location = z.infer<typeof Location>;
export type Vendor = z.infer<typeof Vendor>;
export type Product = z.infer<typeof Product>;
export type ProductDetails = z.infer<typeof ProductDetails>;
export type StockAtLocation = z.infer<typeof StockAtLocation>;
export type Movement = z.infer<typeof Movement>;
export type Reservation = z.infer<typeof Reservation>;
export type OpenReservation = z.infer<typeof OpenReservation>;

// ---- events: schemas of every event's data, in events/inventory.ts (docs/events.md) ---------

export * from './events/inventory.js';

// ---- RPC ----------------------------------------------------------------------------------------

/** Names under `rpc.inventory.<name>`. */
export const INVENTORY_RPC = {
  createLocation: 'createLocation',
  listLocations: 'listLocations',
  createVendor: 'createVendor',
  listVendors: 'listVendors',
  updateVendor: 'updateVendor',
  registerProduct: 'registerProduct',
  updateProduct: 'updateProduct',
  getProduct: 'getProduct',
  listProducts: 'listProducts',
  receiveStock: 'receiveStock',
  adjustStock: 'adjustStock',
  transferStock: 'transferStock',
  listMovements: 'listMovements',
  reserveStock: 'reserveStock',
  releaseReservation: 'releaseReservation',
  commitReservation: 'commitReservation',
  getReservation: 'getReservation',
  listOpenReservations: 'listOpenReservations',
} as const;
