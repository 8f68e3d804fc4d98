/**
 * The `data` of every inventory event (docs/events.md). One zod schema per event type: services
 * type their deciders with the inferred types, consumers parse other services' events at their
 * edge, and the AsyncAPI document is generated from the same schemas (so: plain objects, JSON-schema
 * friendly, every field described). Objects are not `.strict()`: a consumer must accept a field
 * added later. No schema here carries a registry `id`: the OpenAPI document lists every schema with
 * one as a REST component, and events are not REST; the maps below name them instead.
 */
import { z } from 'zod';
import { Money } from '../money.js';
import { type EventsOf, qualified } from './map.js';

const productId = z.uuid().describe('The product');
const orderId = z.uuid().describe('The order the stock is held for');
const locationId = z.uuid().describe('The location');
const count = (what: string) => z.number().int().describe(what);
/**
 * Every event of a vendor's product names the vendor (after the event), so the WebSocket bridge shows
 * a vendor user only its own products' events without a lookup. Absent: the product has no vendor.
 */
const vendorId = z.uuid().nullable().optional().describe("The product's vendor; absent when it has none");

// ---- stock levels after a movement ----------------------------------------------------------

export const StockLevel = z
  .object({
    locationId,
    onHand: count('Units physically at the location'),
    reserved: count('Units held for orders that have not shipped'),
    available: count('onHand minus reserved: what can still be reserved or moved'),
  })
  .describe('Stock of a product at one location after the event');

export const StockLevelTotals = z
  .object({
    onHand: count('Units on hand over every location'),
    reserved: count('Units reserved over every location'),
    available: count('Units available over every location'),
  })
  .describe('Stock of a product over every location after the event');

/** Every stock movement says where it left the stock, so a live screen never re-fetches. */
const resultingStock = {
  levels: z
    .array(StockLevel)
    .describe('The resulting stock at each location the event touched (two for a transfer)'),
  totals: StockLevelTotals,
};

// ---- location ---------------------------------------------------------------------------------

export const LocationCreated = z
  .object({
    locationId: z.uuid().describe('The new location'),
    code: z.string().describe('Short unique code, e.g. SHOP-1'),
    name: z.string().describe('Display name'),
  })
  .describe('A stock location was created');

// ---- vendor -----------------------------------------------------------------------------------

export const VendorCreated = z
  .object({
    vendorId: z.uuid().describe('The new vendor'),
    code: z.string().describe('Short unique code'),
    name: z.string().describe('Display name'),
  })
  .describe('A vendor (a seller of a marketplace catalogue) was created');

export const VendorUpdated = z
  .object({
    vendorId: z.uuid().describe('The vendor'),
    changes: z
      .object({ name: z.string().optional().describe('The new display name') })
      .describe('Only the fields that changed (the code never changes)'),
  })
  .describe("A vendor's data changed");

// ---- product ----------------------------------------------------------------------------------

const attributes = z.record(z.string(), z.string()).describe('Free-form attributes, e.g. language=ja');

export const ProductRegistered = z
  .object({
    productId: z.uuid().describe('The new product'),
    sku: z.string().describe('Stock keeping unit, unique'),
    name: z.string().describe('Display name'),
    description: z.string().nullable().describe('Long description, or null'),
    category: z.string().nullable().describe('Category, or null'),
    price: Money.describe('Catalogue price of one unit'),
    reorderLevel: count('Low stock is announced when total available falls to or below this'),
    attributes,
    vendorId,
  })
  .describe('A product entered the catalogue');

export const ProductUpdated = z
  .object({
    productId,
    changes: z
      .object({
        name: z.string().optional(),
        description: z.string().nullable().optional(),
        category: z.string().nullable().optional(),
        price: Money.optional(),
        reorderLevel: z.number().int().optional(),
        attributes: attributes.optional(),
        vendorId: z.uuid().nullable().optional().describe('The vendor the product moved to, or null'),
      })
      .describe('Only the fields that changed; null clears description, category or vendorId'),
    vendorId,
  })
  .describe("A product's catalogue data changed");

export const StockReceived = z
  .object({
    productId,
    locationId,
    quantity: count('Units received (> 0)'),
    reference: z.string().nullable().describe('Delivery note or purchase order, or null'),
    ...resultingStock,
    vendorId,
  })
  .describe('Goods arrived at a location');

export const StockAdjusted = z
  .object({
    productId,
    locationId,
    quantityDelta: count('Change of on-hand units (negative for a loss), never 0'),
    reason: z.string().describe('Why, e.g. stock count'),
    ...resultingStock,
    vendorId,
  })
  .describe('On-hand stock was corrected');

export const StockTransferred = z
  .object({
    productId,
    fromLocationId: z.uuid().describe('Where the units left'),
    toLocationId: z.uuid().describe('Where the units arrived'),
    quantity: count('Units moved (> 0)'),
    ...resultingStock,
    vendorId,
  })
  .describe('Stock moved between two locations; totals unchanged');

const reservationMovement = (description: string) =>
  z
    .object({
      productId,
      orderId,
      locationId,
      quantity: count('Units concerned'),
      ...resultingStock,
      vendorId,
    })
    .describe(description);

export const StockReserved = reservationMovement('Units were reserved for an order: available decreases');
export const ReservationReleased = reservationMovement(
  "An order's reserved units are available again (the order was cancelled)",
);
export const ReservationCommitted = reservationMovement(
  "An order's reserved units left: on-hand and reserved both decrease (the order shipped)",
);

export const LowStockDetected = z
  .object({
    productId,
    sku: z.string().describe("The product's SKU"),
    available: count('Total available over every location'),
    reorderLevel: count("The product's reorder level"),
    vendorId,
  })
  .describe('Total available fell to or below the reorder level (once per crossing)');

// ---- reservation (one per order) --------------------------------------------------------------

export const ReservedLine = z.object({
  productId,
  quantity: count('Units reserved'),
});

export const FailedReservationLine = z.object({
  productId,
  requested: count('Units the order asked for'),
  available: count('Units that were available'),
});

export const ReservationConfirmed = z
  .object({
    orderId,
    locationId,
    lines: z.array(ReservedLine).describe('Every line of the order, all reserved'),
  })
  .describe("Every line of an order's stock was reserved");

export const ReservationRejected = z
  .object({
    orderId,
    locationId,
    reason: z.string().describe('Why, e.g. insufficient_stock or product_not_found'),
    failedLines: z.array(FailedReservationLine).describe('The lines that could not be reserved'),
  })
  .describe("An order's stock could not be reserved: nothing was");

export const ReservationClosed = z.object({ orderId }).describe('A reservation was released or committed');

// ---- maps from event name to schema ------------------------------------------------------------

export const locationEvents = { created: LocationCreated } as const;
export const vendorEvents = { created: VendorCreated, updated: VendorUpdated } as const;
export const productEvents = {
  registered: ProductRegistered,
  updated: ProductUpdated,
  stock_received: StockReceived,
  stock_adjusted: StockAdjusted,
  stock_transferred: StockTransferred,
  stock_reserved: StockReserved,
  reservation_released: ReservationReleased,
  reservation_committed: ReservationCommitted,
  low_stock_detected: LowStockDetected,
} as const;
export const reservationEvents = {
  confirmed: ReservationConfirmed,
  rejected: ReservationRejected,
  released: ReservationClosed,
  committed: ReservationClosed,
} as const;

/** Every inventory event's data schema by its CloudEvents `type`, e.g. `inventory.product.stock_received`. */
export const inventoryEvents = {
  ...qualified('inventory.location', locationEvents),
  ...qualified('inventory.vendor', vendorEvents),
  ...qualified('inventory.product', productEvents),
  ...qualified('inventory.reservation', reservationEvents),
};

export type StockLevel = z.infer<typeof StockLevel>;
export type StockLevelTotals = z.infer<typeof StockLevelTotals>;
export type LocationCreated = Readonly<z.infer<typeof LocationCreated>>;
export type ProductRegistered = Readonly<z.infer<typeof ProductRegistered>>;
export type ProductUpdated = Readonly<z.infer<typeof ProductUpdated>>;
export type StockReceived = Readonly<z.infer<typeof StockReceived>>;
export type StockAdjusted = Readonly<z.infer<typeof StockAdjusted>>;
export type StockTransferred = Readonly<z.infer<typeof StockTransferred>>;
/** Reserved, released and committed stock of one product for one order at one location. */
export type ReservationMovement = Readonly<z.infer<typeof StockReserved>>;
export type LowStockDetected = Readonly<z.infer<typeof LowStockDetected>>;
export type FailedReservationLine = Readonly<z.infer<typeof FailedReservationLine>>;
export type ReservationConfirmed = Readonly<z.infer<typeof ReservationConfirmed>>;
export type ReservationRejected = Readonly<z.infer<typeof ReservationRejected>>;
export type ReservationClosed = Readonly<z.infer<typeof ReservationClosed>>;

export type LocationEvent = EventsOf<typeof locationEvents>;
export type VendorEvent = EventsOf<typeof vendorEvents>;
export type ProductEvent = EventsOf<typeof productEvents>;
export type ReservationEvent = EventsOf<typeof reservationEvents>;
