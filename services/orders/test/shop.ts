import { OmniClient, ok } from '@omni/client';
import { startSystem, type RunningSystem, SYSTEM_START_TIMEOUT_MS } from '@omni/testing';

export const unique = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;

/** This machine is shared and often loaded: give the system time to start rather than fail. */
const READY_TIMEOUT_MS = 240_000;
/** For the `beforeAll` that starts a shop. */
export const SHOP_START_TIMEOUT_MS = SYSTEM_START_TIMEOUT_MS + READY_TIMEOUT_MS;

export interface Shop {
  readonly system: RunningSystem;
  readonly admin: OmniClient;
  readonly locationId: string;
  /** A product with plenty of stock at the location. */
  readonly productId: string;
}

/** A running system with one location holding plenty of one product at `unitPrice` (EUR). */
export async function startShop(unitPrice: number): Promise<Shop> {
  const system = await startSystem({ readyTimeoutMs: READY_TIMEOUT_MS });
  const admin = new OmniClient({ baseUrl: system.baseUrl });
  await admin.login('admin@omni.local', 'omni-admin');
  const location = ok(
    await admin.http.POST('/inventory/locations', { body: { code: unique('SHOP'), name: 'Shop' } }),
  );
  const product = ok(
    await admin.http.POST('/inventory/products', {
      body: { sku: unique('SHOP'), name: 'Widget', price: { amount: unitPrice, currency: 'EUR' } },
    }),
  );
  ok(
    await admin.http.POST('/inventory/products/{productId}/receipts', {
      params: { path: { productId: product.id } },
      body: { locationId: location.id, quantity: 10_000 },
    }),
  );
  return { system, admin, locationId: location.id, productId: product.id };
}
