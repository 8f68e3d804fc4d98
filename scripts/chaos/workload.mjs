// The chaos run's workload (scripts/chaos.mjs): clients that place orders, pay them, refund part of
// payments and receive stock through the gateways, and a ledger of every write the API acknowledged.
// A write is retried, on the other gateway, with the same Idempotency-Key when its answer is lost (a
// killed replica, a NATS restart): so "acknowledged" means a 2xx came back, and the invariants can
// demand each acknowledged write exactly once in the log.
import { randomUUID } from 'node:crypto';

const ATTEMPTS = 6;
const RETRY_PAUSE_MS = 500;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export class Ledger {
  orders = []; // { id, total, lines }
  payments = []; // { id, orderId, amount }
  refunds = []; // { paymentId, amount }
  receipts = []; // { reference, productId, quantity }
  /** Writes whose answer never came: each may be in the log once or not at all, never twice. */
  unacknowledged = []; // { kind, key, target }
  refused = 0; // 4xx: the business said no (e.g. stock ran out), nothing to check

  summary() {
    const count = (kind) => this.unacknowledged.filter((u) => u.kind === kind).length;
    return {
      'orders placed': { acknowledged: this.orders.length, unanswered: count('order') },
      'payments recorded': { acknowledged: this.payments.length, unanswered: count('payment') },
      'refunds made': { acknowledged: this.refunds.length, unanswered: count('refund') },
      'stock receipts': { acknowledged: this.receipts.length, unanswered: count('receipt') },
      'refused (4xx)': { acknowledged: this.refused, unanswered: 0 },
    };
  }
}

/** A client of both gateways: logs in, then sends each write until one gateway answers it. */
class Client {
  constructor(gateways) {
    this.gateways = gateways;
    this.turn = Math.floor(Math.random() * gateways.length);
    this.token = undefined;
  }

  async login() {
    for (let attempt = 0; ; attempt++) {
      const res = await this.raw('POST', '/auth/login', {
        email: process.env.OMNI_ADMIN_EMAIL ?? 'admin@omni.local',
        password: process.env.OMNI_ADMIN_PASSWORD ?? 'omni-admin',
      }).catch(() => undefined);
      if (res?.status === 200) {
        this.token = res.body.accessToken;
        return;
      }
      if (attempt > 20) throw new Error(`login failed: ${res?.status}`);
      await sleep(RETRY_PAUSE_MS);
    }
  }

  async raw(method, route, body, headers = {}) {
    const gateway = this.gateways[this.turn++ % this.gateways.length];
    const response = await fetch(`${gateway}/api/v1${route}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  /**
   * A write: `{ status, body }` of the first answer that is not a lost one (network error, 5xx,
   * 401 after a restart), or undefined when every attempt was lost.
   */
  async write(method, route, body) {
    const key = randomUUID();
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        const res = await this.raw(method, route, body, { 'idempotency-key': key });
        if (res.status === 401) await this.login();
        else if (res.status < 500) return { ...res, key };
      } catch {
        // lost: a killed gateway, a timeout
      }
      await sleep(RETRY_PAUSE_MS);
    }
    return { status: undefined, key };
  }

  async read(route) {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        const res = await this.raw('GET', route);
        if (res.status === 200) return res.body;
      } catch {
        // try the other gateway
      }
      await sleep(RETRY_PAUSE_MS);
    }
    return undefined;
  }
}

async function setUp(client, ledger) {
  await client.login();
  const location = await client.write('POST', '/inventory/locations', {
    code: `CHAOS-${randomUUID().slice(0, 8)}`,
    name: 'Chaos warehouse',
  });
  if (location.status !== 201) throw new Error(`could not create a location: ${location.status}`);
  const products = [];
  for (let i = 0; i < 3; i++) {
    const product = await client.write('POST', '/inventory/products', {
      sku: `CHAOS-${randomUUID()}`,
      name: `Chaos product ${i}`,
      price: { amount: 1000 + i * 250, currency: 'USD' },
    });
    if (product.status !== 201) throw new Error(`could not create a product: ${product.status}`);
    products.push(product.body.id);
  }
  const context = { client, ledger, locationId: location.body.id, products };
  for (const productId of products) await receive(context, productId, 500);
  return context;
}

async function receive({ client, ledger, locationId }, productId, quantity) {
  const reference = `chaos-${randomUUID()}`;
  const res = await client.write('POST', `/inventory/products/${productId}/receipts`, {
    locationId,
    quantity,
    reference,
  });
  record(ledger, res, 'receipt', reference, () => ledger.receipts.push({ reference, productId, quantity }));
}

function record(ledger, res, kind, target, onAcknowledged) {
  if (res.status === undefined) ledger.unacknowledged.push({ kind, key: res.key, target });
  else if (res.status >= 200 && res.status < 300) onAcknowledged();
  else ledger.refused++;
}

const pick = (list) => list[Math.floor(Math.random() * list.length)];

/** One step of a client: mostly orders and payments, some refunds and receipts. */
async function step(context) {
  const { client, ledger, locationId, products } = context;
  const roll = Math.random();
  if (roll < 0.4) {
    const lines = [{ productId: pick(products), quantity: 1 + Math.floor(Math.random() * 3) }];
    const res = await client.write('POST', '/orders', { customer: { name: 'Chaos' }, locationId, lines });
    record(ledger, res, 'order', undefined, () =>
      ledger.orders.push({ id: res.body.id, total: res.body.total, lines }),
    );
  } else if (roll < 0.75) {
    const paid = new Set(ledger.payments.map((p) => p.orderId));
    const candidates = ledger.orders.filter((o) => !paid.has(o.id));
    if (candidates.length === 0) return;
    const order = pick(candidates);
    const current = await client.read(`/orders/${order.id}`);
    if (current?.status !== 'awaiting_payment') return;
    const res = await client.write('POST', '/payments', {
      orderId: order.id,
      amount: current.due,
      method: 'card',
    });
    record(ledger, res, 'payment', order.id, () =>
      ledger.payments.push({ id: res.body.id, orderId: order.id, amount: res.body.amount }),
    );
  } else if (roll < 0.85) {
    if (ledger.payments.length === 0) return;
    const payment = pick(ledger.payments);
    const res = await client.write('POST', `/payments/${payment.id}/refunds`, {
      amount: { amount: 100, currency: payment.amount.currency },
      reason: 'chaos goodwill',
    });
    record(ledger, res, 'refund', payment.id, () =>
      ledger.refunds.push({ paymentId: payment.id, amount: 100 }),
    );
  } else {
    await receive(context, pick(products), 20);
  }
}

/** A location and products with stock for the workload, made before any fault. */
export async function prepareWorkload({ gateways }) {
  const ledger = new Ledger();
  const shared = await setUp(new Client(gateways), ledger);
  return { ledger, shared };
}

/** Runs `workers` clients until `deadline`; resolves with the ledger. */
export async function runWorkload({ gateways, deadline, workers, prepared: { ledger, shared } }) {
  await Promise.all(
    Array.from({ length: workers }, async () => {
      const client = new Client(gateways);
      await client.login();
      const context = { ...shared, client };
      while (Date.now() < deadline) await step(context);
    }),
  );
  return ledger;
}
