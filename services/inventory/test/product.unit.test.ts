import { given, recordingDecisions } from '@omni/testing';
import { inventory } from '@omni/contracts';
import { productDecider as decider } from '../src/domain/product/decider.js';
import type { ProductChange } from '../src/domain/product/state.js';

/** Every event the specs see the decider produce, to check each against its schema at the end. */
const produced: inventory.ProductEvent[] = [];
const productDecider = recordingDecisions(decider, produced);

const productId = '0190aaaa-0000-7000-8000-000000000001';
const orderId = '0190aaaa-0000-7000-8000-0000000000aa';
const shop = '0190aaaa-0000-7000-8000-00000000000a';
const depot = '0190aaaa-0000-7000-8000-00000000000b';

const registered = (reorderLevel = 0): inventory.ProductEvent => ({
  type: 'registered',
  data: {
    productId,
    sku: 'SKU-1',
    name: 'Widget',
    description: null,
    category: null,
    price: { amount: 1250, currency: 'EUR' },
    reorderLevel,
    attributes: {},
  },
});
// History as older logs hold it: stock events without their resulting levels (evolving needs only
// the quantities). What the decider produces now is written out in full, levels and totals included.
const recordedBeforeLevels = (change: ProductChange) => change as inventory.ProductEvent;
const received = (quantity: number, locationId = shop) =>
  recordedBeforeLevels({
    type: 'stock_received',
    data: { productId, locationId, quantity, reference: null },
  });
const reserved = (quantity: number, locationId = shop) =>
  recordedBeforeLevels({ type: 'stock_reserved', data: { productId, orderId, locationId, quantity } });
/** Stock left at a location, and over every location. */
const level = (locationId: string, onHand: number, reserved = 0) => ({
  locationId,
  onHand,
  reserved,
  available: onHand - reserved,
});
const totals = (onHand: number, reserved = 0) => ({ onHand, reserved, available: onHand - reserved });
const lowStock = (available: number, reorderLevel: number): inventory.ProductEvent => ({
  type: 'low_stock_detected',
  data: { productId, sku: 'SKU-1', available, reorderLevel },
});

describe('product decider', () => {
  describe('when the product is not registered', () => {
    it('registers it', () => {
      const { type: _t, data } = registered() as Extract<inventory.ProductEvent, { type: 'registered' }>;
      given(productDecider, [])
        .when({ type: 'RegisterProduct', ...data })
        .then([registered()]);
    });
    it('refuses stock movements', () => {
      given(productDecider, [])
        .when({ type: 'ReceiveStock', productId, locationId: shop, quantity: 1, reference: null })
        .thenFails('product_not_found');
    });
  });

  describe('when the product is registered', () => {
    it('refuses a second registration', () => {
      const { type: _t, data } = registered() as Extract<inventory.ProductEvent, { type: 'registered' }>;
      given(productDecider, [registered()])
        .when({ type: 'RegisterProduct', ...data })
        .thenFails('product_exists');
    });
    it('receives stock', () => {
      given(productDecider, [registered(), received(5)])
        .when({ type: 'ReceiveStock', productId, locationId: shop, quantity: 3, reference: 'PO-1' })
        .then([
          {
            type: 'stock_received',
            data: {
              productId,
              locationId: shop,
              quantity: 3,
              reference: 'PO-1',
              levels: [level(shop, 8)],
              totals: totals(8),
            },
          },
        ]);
    });
    it('refuses an adjustment that leaves on-hand negative', () => {
      given(productDecider, [registered(), received(5)])
        .when({ type: 'AdjustStock', productId, locationId: shop, quantityDelta: -6, reason: 'count' })
        .thenFails('insufficient_stock');
    });
    it('refuses an adjustment below what is reserved', () => {
      given(productDecider, [registered(), received(5), reserved(4)])
        .when({ type: 'AdjustStock', productId, locationId: shop, quantityDelta: -2, reason: 'broken' })
        .thenFails('insufficient_stock');
    });
    it('adjusts down to exactly what is reserved', () => {
      given(productDecider, [registered(), received(5), reserved(4)])
        .when({ type: 'AdjustStock', productId, locationId: shop, quantityDelta: -1, reason: 'broken' })
        .then([
          {
            type: 'stock_adjusted',
            data: {
              productId,
              locationId: shop,
              quantityDelta: -1,
              reason: 'broken',
              levels: [level(shop, 4, 4)],
              totals: totals(4, 4),
            },
          },
          lowStock(0, 0),
        ]);
    });
    it('refuses a transfer to the same location', () => {
      given(productDecider, [registered(), received(5)])
        .when({ type: 'TransferStock', productId, fromLocationId: shop, toLocationId: shop, quantity: 1 })
        .thenFails('same_location');
    });
    it('refuses a transfer of more than is available', () => {
      given(productDecider, [registered(), received(5), reserved(2)])
        .when({ type: 'TransferStock', productId, fromLocationId: shop, toLocationId: depot, quantity: 4 })
        .thenFails('insufficient_stock');
    });
    it('transfers what is available', () => {
      given(productDecider, [registered(), received(5), reserved(2)])
        .when({ type: 'TransferStock', productId, fromLocationId: shop, toLocationId: depot, quantity: 3 })
        .then([
          {
            type: 'stock_transferred',
            data: {
              productId,
              fromLocationId: shop,
              toLocationId: depot,
              quantity: 3,
              levels: [level(shop, 2, 2), level(depot, 3)],
              totals: totals(5, 2),
            },
          },
        ]);
    });
    it('refuses to reserve more than is available at the location', () => {
      given(productDecider, [registered(), received(5), received(10, depot)])
        .when({ type: 'ReserveStock', productId, orderId, locationId: shop, quantity: 6 })
        .thenFails('insufficient_stock');
    });
  });

  describe('when stock is reserved for an order', () => {
    const history = [registered(), received(5), reserved(2)];
    it('refuses a duplicate reservation for the same order', () => {
      given(productDecider, history)
        .when({ type: 'ReserveStock', productId, orderId, locationId: shop, quantity: 1 })
        .thenFails('duplicate_reservation');
    });
    it('releases it', () => {
      given(productDecider, history)
        .when({ type: 'ReleaseReservation', productId, orderId })
        .then([
          {
            type: 'reservation_released',
            data: {
              productId,
              orderId,
              locationId: shop,
              quantity: 2,
              levels: [level(shop, 5)],
              totals: totals(5),
            },
          },
        ]);
    });
    it('commits it, which decreases on-hand', () => {
      const { state } = given(productDecider, [
        ...history,
        recordedBeforeLevels({
          type: 'reservation_committed',
          data: { productId, orderId, locationId: shop, quantity: 2 },
        }),
      ]);
      expect(state).toMatchObject({ stock: { [shop]: { onHand: 3, reserved: 0 } }, reservations: {} });
    });
    it('commits it, saying what is left at the location and in total', () => {
      given(productDecider, [...history, received(4, depot)])
        .when({ type: 'CommitReservation', productId, orderId })
        .then([
          {
            type: 'reservation_committed',
            data: {
              productId,
              orderId,
              locationId: shop,
              quantity: 2,
              levels: [level(shop, 3)],
              totals: totals(7),
            },
          },
        ]);
    });
    it('refuses to release a reservation the order does not hold', () => {
      given(productDecider, [registered(), received(5)])
        .when({ type: 'ReleaseReservation', productId, orderId })
        .thenFails('unknown_reservation');
    });
  });

  describe('low stock', () => {
    it('is detected when available falls to the reorder level', () => {
      given(productDecider, [registered(3), received(5)])
        .when({ type: 'AdjustStock', productId, locationId: shop, quantityDelta: -2, reason: 'count' })
        .then([
          {
            type: 'stock_adjusted',
            data: {
              productId,
              locationId: shop,
              quantityDelta: -2,
              reason: 'count',
              levels: [level(shop, 3)],
              totals: totals(3),
            },
          },
          lowStock(3, 3),
        ]);
    });
    it('is not detected again while the product stays low', () => {
      given(productDecider, [registered(3), received(5), reserved(2), lowStock(3, 3)])
        .when({ type: 'AdjustStock', productId, locationId: shop, quantityDelta: -1, reason: 'count' })
        .then([
          {
            type: 'stock_adjusted',
            data: {
              productId,
              locationId: shop,
              quantityDelta: -1,
              reason: 'count',
              levels: [level(shop, 4, 2)],
              totals: totals(4, 2),
            },
          },
        ]);
    });
    it('re-arms after rising above the level and fires on the next fall', () => {
      given(productDecider, [registered(3), received(5), reserved(2), lowStock(3, 3), received(4)])
        .when({ type: 'TransferStock', productId, fromLocationId: shop, toLocationId: depot, quantity: 1 })
        .then([
          {
            type: 'stock_transferred',
            data: {
              productId,
              fromLocationId: shop,
              toLocationId: depot,
              quantity: 1,
              levels: [level(shop, 8, 2), level(depot, 1)],
              totals: totals(9, 2),
            },
          },
        ]);
      given(productDecider, [registered(3), received(5), reserved(2), lowStock(3, 3), received(4)])
        .when({ type: 'AdjustStock', productId, locationId: shop, quantityDelta: -4, reason: 'theft' })
        .then([
          {
            type: 'stock_adjusted',
            data: {
              productId,
              locationId: shop,
              quantityDelta: -4,
              reason: 'theft',
              levels: [level(shop, 5, 2)],
              totals: totals(5, 2),
            },
          },
          lowStock(3, 3),
        ]);
    });
    it('is detected when a reservation takes available down to the level', () => {
      given(productDecider, [registered(1), received(3)])
        .when({ type: 'ReserveStock', productId, orderId, locationId: shop, quantity: 2 })
        .then([
          {
            type: 'stock_reserved',
            data: {
              productId,
              orderId,
              locationId: shop,
              quantity: 2,
              levels: [level(shop, 3, 2)],
              totals: totals(3, 2),
            },
          },
          lowStock(1, 1),
        ]);
    });
    it('is detected when the reorder level is raised above what is available', () => {
      given(productDecider, [registered(0), received(3)])
        .when({ type: 'UpdateProduct', productId, changes: { reorderLevel: 5 } })
        .then([{ type: 'updated', data: { productId, changes: { reorderLevel: 5 } } }, lowStock(3, 5)]);
    });
  });

  it('produces only events whose data parse with their schemas', () => {
    expect(produced.length).toBeGreaterThan(0);
    for (const event of produced) {
      expect(inventory.productEvents[event.type].parse(event.data)).toEqual(event.data);
    }
  });
});
