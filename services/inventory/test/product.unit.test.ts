import { given } from '@omni/testing';
import type { inventory } from '@omni/contracts';
import { productDecider } from '../src/domain/product/decider.js';

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
const received = (quantity: number, locationId = shop): inventory.ProductEvent => ({
  type: 'stock_received',
  data: { productId, locationId, quantity, reference: null },
});
const reserved = (quantity: number, locationId = shop): inventory.ProductEvent => ({
  type: 'stock_reserved',
  data: { productId, orderId, locationId, quantity },
});
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
          { type: 'stock_received', data: { productId, locationId: shop, quantity: 3, reference: 'PO-1' } },
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
            data: { productId, locationId: shop, quantityDelta: -1, reason: 'broken' },
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
            data: { productId, fromLocationId: shop, toLocationId: depot, quantity: 3 },
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
          { type: 'reservation_released', data: { productId, orderId, locationId: shop, quantity: 2 } },
        ]);
    });
    it('commits it, which decreases on-hand', () => {
      const { state } = given(productDecider, [
        ...history,
        { type: 'reservation_committed', data: { productId, orderId, locationId: shop, quantity: 2 } },
      ]);
      expect(state).toMatchObject({ stock: { [shop]: { onHand: 3, reserved: 0 } }, reservations: {} });
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
            data: { productId, locationId: shop, quantityDelta: -2, reason: 'count' },
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
            data: { productId, locationId: shop, quantityDelta: -1, reason: 'count' },
          },
        ]);
    });
    it('re-arms after rising above the level and fires on the next fall', () => {
      given(productDecider, [registered(3), received(5), reserved(2), lowStock(3, 3), received(4)])
        .when({ type: 'TransferStock', productId, fromLocationId: shop, toLocationId: depot, quantity: 1 })
        .then([
          {
            type: 'stock_transferred',
            data: { productId, fromLocationId: shop, toLocationId: depot, quantity: 1 },
          },
        ]);
      given(productDecider, [registered(3), received(5), reserved(2), lowStock(3, 3), received(4)])
        .when({ type: 'AdjustStock', productId, locationId: shop, quantityDelta: -4, reason: 'theft' })
        .then([
          {
            type: 'stock_adjusted',
            data: { productId, locationId: shop, quantityDelta: -4, reason: 'theft' },
          },
          lowStock(3, 3),
        ]);
    });
    it('is detected when a reservation takes available down to the level', () => {
      given(productDecider, [registered(1), received(3)])
        .when({ type: 'ReserveStock', productId, orderId, locationId: shop, quantity: 2 })
        .then([reserved(2), lowStock(1, 1)]);
    });
    it('is detected when the reorder level is raised above what is available', () => {
      given(productDecider, [registered(0), received(3)])
        .when({ type: 'UpdateProduct', productId, changes: { reorderLevel: 5 } })
        .then([{ type: 'updated', data: { productId, changes: { reorderLevel: 5 } } }, lowStock(3, 5)]);
    });
  });
});
