import { newId } from '@omni/contracts';
import { givenEvents } from '@omni/projections';
import { useTestDatabase } from '@omni/testing';
import { openReservationsProjection } from '../src/projections/openReservations/projection.js';
import { listOpenReservations } from '../src/projections/openReservations/query.js';

const database = useTestDatabase();

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
  await givenEvents(database.pool, schema, openReservationsProjection, [
    movement('stock_reserved', shipped, 1),
    movement('stock_reserved', cancelled, 2),
    movement('stock_reserved', open, 3),
    movement('reservation_committed', shipped, 1),
    movement('reservation_released', cancelled, 2),
    // A reservation stream's own events name the order too: they are not the product's.
    { streamId: `reservation-${open}`, type: 'released', data: { orderId: open } },
  ]);
  expect(await listOpenReservations(database.pool, schema, productId, 50)).toEqual([
    { orderId: open, locationId, quantity: 3, reservedAt: expect.any(String) },
  ]);
});
