import {
  BusinessRuleError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  type Decider,
  type OmniError,
  type inventory,
} from '@omni/contracts';
import {
  availableAt,
  evolveProduct,
  levelAt,
  stockAt,
  totalAvailable,
  totalsOf,
  type ProductChange,
  type ProductState,
  type RegisteredProduct,
} from './state.js';

type Registration = Omit<inventory.ProductRegistered, 'productId'>;

/**
 * `actingVendorId`: set when a `vendor` user gives the command (application/vendor-scope.ts). Such a
 * user may only act on products of that vendor: another vendor's product does not exist for them (404),
 * and registering or moving a product to another vendor is forbidden (403).
 */
export type ProductCommand = { readonly productId: string; readonly actingVendorId?: string } & (
  | ({ readonly type: 'RegisterProduct' } & Registration)
  | { readonly type: 'UpdateProduct'; readonly changes: inventory.ProductUpdated['changes'] }
  | {
      readonly type: 'ReceiveStock';
      readonly locationId: string;
      readonly quantity: number;
      readonly reference: string | null;
    }
  | {
      readonly type: 'AdjustStock';
      readonly locationId: string;
      readonly quantityDelta: number;
      readonly reason: string;
    }
  | {
      readonly type: 'TransferStock';
      readonly fromLocationId: string;
      readonly toLocationId: string;
      readonly quantity: number;
    }
  | {
      readonly type: 'ReserveStock';
      readonly orderId: string;
      readonly locationId: string;
      readonly quantity: number;
    }
  | { readonly type: 'ReleaseReservation'; readonly orderId: string }
  | { readonly type: 'CommitReservation'; readonly orderId: string }
);

type ProductEvent = inventory.ProductEvent;
type Outcome = readonly ProductEvent[] | OmniError;

export const productDecider: Decider<ProductCommand, ProductEvent, ProductState, OmniError> = {
  initialState: { status: 'unregistered' },
  evolve: evolveProduct,
  // A product's stream grows with every stock movement; its state is small and plain JSON.
  // v2: the state names the product's vendor.
  snapshotKey: 'product-v2',
  decide(command, state) {
    if (command.type === 'RegisterProduct') return register(command, state);
    if (state.status !== 'registered' || !actsForVendor(command, state.vendorId))
      return new NotFoundError('Product not found', 'product_not_found');
    const outcome = decideOnRegistered(command, state);
    return Array.isArray(outcome)
      ? withVendor(withLowStockCheck(state, outcome), vendorAfter(command, state))
      : outcome;
  },
};

const actsForVendor = (command: ProductCommand, vendorId: string | null) =>
  command.actingVendorId === undefined || command.actingVendorId === vendorId;

function register(
  command: Extract<ProductCommand, { type: 'RegisterProduct' }>,
  state: ProductState,
): Outcome {
  if (state.status !== 'unregistered')
    return new ConflictError('product_exists', 'This product already exists');
  if (!actsForVendor(command, command.vendorId ?? null)) return forbiddenVendor();
  const { type: _type, actingVendorId: _acting, ...data } = command;
  return [{ type: 'registered', data }];
}

function vendorAfter(command: ProductCommand, state: RegisteredProduct): string | null {
  return command.type === 'UpdateProduct' && command.changes.vendorId !== undefined
    ? command.changes.vendorId
    : state.vendorId;
}

/**
 * Every event of a vendor's product names the vendor, for the WebSocket bridge (docs/events.md); the
 * events of a product without a vendor stay as they were.
 */
function withVendor(events: readonly ProductEvent[], vendorId: string | null): readonly ProductEvent[] {
  if (vendorId === null) return events;
  return events.map((event) => ({ ...event, data: { ...event.data, vendorId } }) as ProductEvent);
}

const forbiddenVendor = () => new ForbiddenError('A vendor user may only give products to their own vendor');

function decideOnRegistered(
  command: Exclude<ProductCommand, { type: 'RegisterProduct' }>,
  state: RegisteredProduct,
): Outcome {
  const { productId } = command;
  switch (command.type) {
    case 'UpdateProduct': {
      const moved = command.changes.vendorId;
      if (moved !== undefined && !actsForVendor(command, moved)) return forbiddenVendor();
      return [{ type: 'updated', data: { productId, changes: command.changes } }];
    }
    case 'ReceiveStock': {
      if (!(command.quantity > 0)) return invalidQuantity();
      const { locationId, quantity, reference } = command;
      return [
        withResultingStock(state, {
          type: 'stock_received',
          data: { productId, locationId, quantity, reference },
        }),
      ];
    }
    case 'AdjustStock': {
      const { locationId, quantityDelta, reason } = command;
      const { onHand, reserved } = stockAt(state, locationId);
      if (quantityDelta === 0) return invalidQuantity();
      if (onHand + quantityDelta < reserved) {
        return insufficientStock(
          `On hand would fall to ${onHand + quantityDelta}, below the ${reserved} reserved`,
        );
      }
      return [
        withResultingStock(state, {
          type: 'stock_adjusted',
          data: { productId, locationId, quantityDelta, reason },
        }),
      ];
    }
    case 'TransferStock':
      return transfer(command, state);
    case 'ReserveStock':
      return reserve(command, state);
    case 'ReleaseReservation':
    case 'CommitReservation': {
      const held = state.reservations[command.orderId];
      if (!held)
        return new ConflictError('unknown_reservation', 'No stock of this product is reserved for the order');
      const data = { productId, orderId: command.orderId, ...held };
      const type = command.type === 'ReleaseReservation' ? 'reservation_released' : 'reservation_committed';
      return [withResultingStock(state, { type, data })];
    }
    default:
      return assertNever(command);
  }
}

function transfer(
  command: Extract<ProductCommand, { type: 'TransferStock' }>,
  state: RegisteredProduct,
): Outcome {
  const { productId, fromLocationId, toLocationId, quantity } = command;
  if (fromLocationId === toLocationId) {
    return new BusinessRuleError('same_location', 'A transfer needs two different locations');
  }
  if (!(quantity > 0)) return invalidQuantity();
  const available = availableAt(state, fromLocationId);
  if (quantity > available) return insufficientStock(`Only ${available} available at the source location`);
  return [
    withResultingStock(state, {
      type: 'stock_transferred',
      data: { productId, fromLocationId, toLocationId, quantity },
    }),
  ];
}

function reserve(
  command: Extract<ProductCommand, { type: 'ReserveStock' }>,
  state: RegisteredProduct,
): Outcome {
  const { productId, orderId, locationId, quantity } = command;
  if (state.reservations[orderId]) {
    return new ConflictError(
      'duplicate_reservation',
      'Stock of this product is already reserved for the order',
    );
  }
  if (!(quantity > 0)) return invalidQuantity();
  const available = availableAt(state, locationId);
  if (quantity > available) {
    return insufficientStock(`Only ${available} available at the location`, { available });
  }
  return [
    withResultingStock(state, { type: 'stock_reserved', data: { productId, orderId, locationId, quantity } }),
  ];
}

type StockMovement = Extract<
  ProductChange,
  {
    type:
      | 'stock_received'
      | 'stock_adjusted'
      | 'stock_transferred'
      | 'stock_reserved'
      | 'reservation_released'
      | 'reservation_committed';
  }
>;

/**
 * Stamps a stock movement with the stock it leaves at the locations it touches and over all of them,
 * so that a live screen follows stock from the events alone (docs/events.md).
 */
function withResultingStock(before: RegisteredProduct, movement: StockMovement): ProductEvent {
  const after = evolveProduct(before, movement) as RegisteredProduct;
  const touched =
    movement.type === 'stock_transferred'
      ? [movement.data.fromLocationId, movement.data.toLocationId]
      : [movement.data.locationId];
  const levels = touched.map((locationId) => levelAt(after, locationId));
  // The union of movements does not narrow through a spread; each member gains the same two fields.
  return { ...movement, data: { ...movement.data, levels, totals: totalsOf(after) } } as ProductEvent;
}

/** Low stock is announced once per crossing: only when the product goes from above to at-or-below. */
function withLowStockCheck(
  before: RegisteredProduct,
  events: readonly ProductEvent[],
): readonly ProductEvent[] {
  const after = events.reduce(evolveProduct, before) as RegisteredProduct;
  const available = totalAvailable(after);
  if (before.lowStock || available > after.reorderLevel) return events;
  const productId = events[0]?.data.productId ?? '';
  const detected: ProductEvent = {
    type: 'low_stock_detected',
    data: { productId, sku: after.sku, available, reorderLevel: after.reorderLevel },
  };
  return [...events, detected];
}

function insufficientStock(message: string, details?: Record<string, unknown>): OmniError {
  return new BusinessRuleError('insufficient_stock', message, details ? { details } : {});
}

function invalidQuantity(): OmniError {
  return new BusinessRuleError('invalid_quantity', 'The quantity must be a positive whole number');
}

function assertNever(value: never): never {
  throw new Error(`unhandled command ${JSON.stringify(value)}`);
}
