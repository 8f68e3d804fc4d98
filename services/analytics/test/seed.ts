/** What the dashboards' e2e suites make through the gateway: stock, orders and shifts. */
import { ok, type OmniClient } from '@omni/client';
import { eventually } from '@omni/testing';
import { unique } from '../../gateway/test/helpers.js';

export const eur = (amount: number) => ({ amount, currency: 'EUR' });

/** A fresh location and product priced `price` EUR-cents with `onHand` units received there. */
export async function productWithStock(admin: OmniClient, price: number, onHand: number, reorderLevel = 0) {
  const location = ok(
    await admin.http.POST('/inventory/locations', { body: { code: unique('DSH'), name: 'Shop' } }),
  );
  const product = ok(
    await admin.http.POST('/inventory/products', {
      body: { sku: unique('DSH'), name: unique('Lamp'), price: eur(price), reorderLevel },
    }),
  );
  ok(
    await admin.http.POST('/inventory/products/{productId}/receipts', {
      params: { path: { productId: product.id } },
      body: { locationId: location.id, quantity: onHand },
    }),
  );
  return { product, location };
}

/** Places an order by `seller` and waits (reading as `admin`) until its stock is reserved. */
export async function placeOrder(
  seller: OmniClient,
  admin: OmniClient,
  { productId, locationId, quantity }: { productId: string; locationId: string; quantity: number },
) {
  const order = await eventually(async () =>
    ok(
      await seller.http.POST('/orders', {
        body: { customer: { name: 'Ada' }, locationId, lines: [{ productId, quantity }] },
      }),
    ),
  );
  await eventually(async () => {
    const { status } = ok(
      await admin.http.GET('/orders/{orderId}', { params: { path: { orderId: order.id } } }),
    );
    expect(status).toBe('awaiting_payment');
  });
  return order;
}

/** An open shift (nobody assigned) starting later today, UTC (or at 23:59 when a minute is tomorrow). */
export async function openShiftToday(admin: OmniClient) {
  const facility = ok(
    await admin.http.POST('/scheduling/facilities', { body: { code: unique('FAC'), name: 'Studio' } }),
  );
  const today = new Date().toISOString().slice(0, 10);
  const soon = new Date(Date.now() + 60_000);
  const startsAt = soon.toISOString().startsWith(today) ? soon : new Date(`${today}T23:59:00Z`);
  return ok(
    await admin.http.POST('/scheduling/shifts', {
      body: {
        facilityId: facility.id,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
      },
    }),
  );
}
