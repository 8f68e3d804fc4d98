import { newId } from '@omni/contracts';
import { givenEvents } from '@omni/projections';
import { createTestDatabase, type TestDatabase } from '@omni/testing';
import pg from 'pg';
import { openReservationsProjection } from '../src/projections/openReservations/projection.js';
import { listOpenReservations } from '../src/projections/openReservations/query.js';

let database: TestDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
});

afterAll(async () => {
  await pool.end();
  await database.drop();
});

it('holds each order’s reserved units until the reservation is released or committed', async () => {
  const schema = 'spec_open_reservations';
  const productId = newId();
  const locationId = newId();
  const [shipped, cancelled, open] = [newId(), newId(), newId()];
  const stream = `product-${productId}`;
  const movement = (type: string, orderId: string, quantity: number) => ({
    streamId: stream,
    type,
    data: { productId, orderId, locationId, quantity },
  });
  await givenEvents(pool, schema, openReservationsProjection, [
    movement('stock_reserved', shipped, 1),
    movement('stock_reserved', cancelled, 2),
    movement('stock_reserved', open, 3),
    movement('reservation_committed', shipped, 1),
    movement('reservation_released', cancelled, 2),
    // A reservation stream's own events name the order too: they are not the product's.
    { streamId: `reservation-${open}`, type: 'released', data: { orderId: open } },
  ]);
  expect(await listOpenReservations(pool, schema, productId, 50)).toEqual([
    { orderId: open, locationId, quantity: 3, reservedAt: expect.any(String) },
  ]);
});
