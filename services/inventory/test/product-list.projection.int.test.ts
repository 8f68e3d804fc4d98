import { newId } from '@omni/contracts';
import { givenEvents } from '@omni/projections';
import { useTestDatabase } from '@omni/testing';
import { productListProjection } from '../src/projections/productList/projection.js';

const database = useTestDatabase();

beforeAll(async () => {
  await database.pool.query('CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public');
});

const productId = newId();
const [dock, shop] = [newId(), newId()];
const stream = `product-${productId}`;
const registered = {
  streamId: stream,
  type: 'registered',
  data: {
    productId,
    sku: 'W-1',
    name: 'Widget',
    description: null,
    category: 'tools',
    price: { amount: 500, currency: 'EUR' },
    reorderLevel: 4,
    attributes: {},
  },
};
/** As events were written before they carried their resulting levels: the fold must not need them. */
const withoutLevels = [
  registered,
  {
    streamId: stream,
    type: 'stock_received',
    data: { productId, locationId: dock, quantity: 10, reference: null },
  },
  {
    streamId: stream,
    type: 'stock_transferred',
    data: { productId, fromLocationId: dock, toLocationId: shop, quantity: 3 },
  },
  {
    streamId: stream,
    type: 'stock_reserved',
    data: { productId, orderId: newId(), locationId: shop, quantity: 2 },
  },
  {
    streamId: stream,
    type: 'stock_adjusted',
    data: { productId, locationId: dock, quantityDelta: -4, reason: 'count' },
  },
];

describe('the product list', () => {
  it('given stock events without levels (older logs), folds the same totals and levels', async () => {
    const t = await givenEvents(database.pool, 'spec_products', productListProjection, withoutLevels);
    const { rows: products } = await database.pool.query(
      `SELECT on_hand, reserved, available, low_stock, version FROM ${t['product_list']} WHERE id = $1`,
      [productId],
    );
    expect(products).toEqual([{ on_hand: 6, reserved: 2, available: 4, low_stock: true, version: 5 }]);
    const { rows: levels } = await database.pool.query(
      `SELECT location_id, on_hand, reserved FROM ${t['stock_levels']} WHERE product_id = $1 ORDER BY reserved`,
      [productId],
    );
    expect(levels).toEqual([
      { location_id: dock, on_hand: 3, reserved: 0 },
      { location_id: shop, on_hand: 3, reserved: 2 },
    ]);
  });
});
