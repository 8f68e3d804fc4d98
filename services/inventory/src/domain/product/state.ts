import type { inventory } from '@omni/contracts';

export interface StockAtLocation {
  readonly onHand: number;
  readonly reserved: number;
}

export interface HeldReservation {
  readonly locationId: string;
  readonly quantity: number;
}

export type ProductState =
  | { readonly status: 'unregistered' }
  | {
      readonly status: 'registered';
      readonly sku: string;
      readonly reorderLevel: number;
      /** Null: the product belongs to no vendor. */
      readonly vendorId: string | null;
      readonly stock: Readonly<Record<string, StockAtLocation>>;
      readonly reservations: Readonly<Record<string, HeldReservation>>;
      /** At or below the reorder level; low_stock_detected fires only when this turns true. */
      readonly lowStock: boolean;
    };

export type RegisteredProduct = Extract<ProductState, { status: 'registered' }>;

type WithoutResultingStock<E> = E extends { readonly type: infer T; readonly data: infer D }
  ? { readonly type: T; readonly data: Omit<D, 'levels' | 'totals'> }
  : never;
/**
 * What evolving needs of an event. Stock events carry the levels they leave behind for live screens,
 * but the state follows from the quantities alone: events recorded before they carried levels evolve
 * the same way, and the decider can evolve a movement to compute its levels.
 */
export type ProductChange = WithoutResultingStock<inventory.ProductEvent>;

export const EMPTY_STOCK: StockAtLocation = { onHand: 0, reserved: 0 };

export function stockAt(state: RegisteredProduct, locationId: string): StockAtLocation {
  return state.stock[locationId] ?? EMPTY_STOCK;
}

export function availableAt(state: RegisteredProduct, locationId: string): number {
  const { onHand, reserved } = stockAt(state, locationId);
  return onHand - reserved;
}

export function totalAvailable(state: RegisteredProduct): number {
  return totalsOf(state).available;
}

export function levelAt(state: RegisteredProduct, locationId: string): inventory.StockLevel {
  const { onHand, reserved } = stockAt(state, locationId);
  return { locationId, onHand, reserved, available: onHand - reserved };
}

export function totalsOf(state: RegisteredProduct): inventory.StockLevelTotals {
  let onHand = 0;
  let reserved = 0;
  for (const stock of Object.values(state.stock)) {
    onHand += stock.onHand;
    reserved += stock.reserved;
  }
  return { onHand, reserved, available: onHand - reserved };
}

function withStock(state: RegisteredProduct, locationId: string, change: Partial<StockAtLocation>) {
  const current = stockAt(state, locationId);
  const next = {
    onHand: current.onHand + (change.onHand ?? 0),
    reserved: current.reserved + (change.reserved ?? 0),
  };
  return { ...state, stock: { ...state.stock, [locationId]: next } };
}

function withoutReservation(state: RegisteredProduct, orderId: string): RegisteredProduct {
  const { [orderId]: _dropped, ...rest } = state.reservations;
  return { ...state, reservations: rest };
}

/** Re-arms low-stock detection once the product is above its reorder level again. */
function rearm(state: RegisteredProduct): RegisteredProduct {
  return state.lowStock && totalAvailable(state) > state.reorderLevel ? { ...state, lowStock: false } : state;
}

export function evolveProduct(state: ProductState, event: ProductChange): ProductState {
  if (event.type === 'registered') {
    const { sku, reorderLevel } = event.data;
    const vendorId = event.data.vendorId ?? null;
    // Nothing is in stock yet: a new product starts at or below any reorder level.
    return { status: 'registered', sku, reorderLevel, vendorId, stock: {}, reservations: {}, lowStock: true };
  }
  if (state.status !== 'registered') return state;
  return rearm(applyToRegistered(state, event));
}

function applyToRegistered(state: RegisteredProduct, event: ProductChange): RegisteredProduct {
  switch (event.type) {
    case 'updated': {
      const { reorderLevel, vendorId } = event.data.changes;
      return {
        ...state,
        ...(reorderLevel === undefined ? {} : { reorderLevel }),
        ...(vendorId === undefined ? {} : { vendorId }),
      };
    }
    case 'stock_received':
      return withStock(state, event.data.locationId, { onHand: event.data.quantity });
    case 'stock_adjusted':
      return withStock(state, event.data.locationId, { onHand: event.data.quantityDelta });
    case 'stock_transferred': {
      const { fromLocationId, toLocationId, quantity } = event.data;
      return withStock(withStock(state, fromLocationId, { onHand: -quantity }), toLocationId, {
        onHand: quantity,
      });
    }
    case 'stock_reserved': {
      const { orderId, locationId, quantity } = event.data;
      const reserved = withStock(state, locationId, { reserved: quantity });
      return { ...reserved, reservations: { ...reserved.reservations, [orderId]: { locationId, quantity } } };
    }
    case 'reservation_released': {
      const { orderId, locationId, quantity } = event.data;
      return withoutReservation(withStock(state, locationId, { reserved: -quantity }), orderId);
    }
    case 'reservation_committed': {
      const { orderId, locationId, quantity } = event.data;
      return withoutReservation(
        withStock(state, locationId, { reserved: -quantity, onHand: -quantity }),
        orderId,
      );
    }
    case 'low_stock_detected':
      return { ...state, lowStock: true };
    default:
      return state;
  }
}
