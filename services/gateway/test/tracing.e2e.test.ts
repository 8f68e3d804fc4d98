import { OmniRealtime, ok, type OmniClient } from '@omni/client';
import { eventually, startSystem, type RunningSystem, SYSTEM_START_TIMEOUT_MS } from '@omni/testing';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signInAsAdmin, unique } from './helpers.js';

interface OtlpSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly name: string;
  readonly kind: number;
  readonly links?: { traceId: string; spanId: string }[];
  readonly service: string;
}

/** An OTLP/HTTP receiver (JSON encoding) standing in for the collector. */
let receiver: Server;
const spans: OtlpSpan[] = [];
let system: RunningSystem;
let admin: OmniClient;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      collect(JSON.parse(body));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const port = (receiver.address() as AddressInfo).port;
  system = await startSystem({
    env: {
      OTEL_SDK_DISABLED: 'false',
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '100',
    },
  });
  admin = await signInAsAdmin(system);
}, SYSTEM_START_TIMEOUT_MS);

afterAll(async () => {
  await system?.stop();
  await new Promise((resolve) => receiver.close(resolve));
});

function collect(payload: {
  resourceSpans?: {
    resource: { attributes: { key: string; value: { stringValue?: string } }[] };
    scopeSpans: { spans: Omit<OtlpSpan, 'service'>[] }[];
  }[];
}) {
  for (const resourceSpans of payload.resourceSpans ?? []) {
    const service =
      resourceSpans.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue ?? '';
    for (const scope of resourceSpans.scopeSpans)
      for (const span of scope.spans) spans.push({ ...span, service });
  }
}

it('follows a stock receipt in one trace from the HTTP request to the WebSocket push', async () => {
  const location = ok(
    await admin.http.POST('/inventory/locations', { body: { code: unique('TR'), name: 'Shop' } }),
  );
  const product = ok(
    await admin.http.POST('/inventory/products', {
      body: { sku: unique('TR'), name: 'Traced', price: { amount: 1, currency: 'EUR' } },
    }),
  );
  const socket = new OmniRealtime({ baseUrl: system.baseUrl, accessToken: () => admin.accessToken! });
  const pushed: unknown[] = [];
  const subscription = await socket.subscribe(`inventory.product.${product.id}.stock_received`, (frame) =>
    pushed.push(frame),
  );
  // subscribe() resolves on the gateway's confirmation, which also gives the subscription its position.
  expect(subscription.lastSeq).toBeDefined();

  const response = await fetch(`${system.baseUrl}/api/v1/inventory/products/${product.id}/receipts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin.accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ locationId: location.id, quantity: 2 }),
  });
  expect(response.status).toBe(201);
  const traceId = response.headers.get('x-trace-id')!;
  await eventually(() => expect(pushed).toHaveLength(1));

  const inTrace = () => spans.filter((s) => s.traceId === traceId);
  await eventually(
    () => {
      const names = inTrace().map((s) => `${s.service} ${s.name}`);
      expect(names).toEqual(
        expect.arrayContaining([
          // The server span names the route's template, not the id in the URL (route-table.ts).
          'omni-gateway POST /api/v1/inventory/products/:productId/receipts',
          'omni-gateway rpc rpc.inventory.receiveStock',
          'omni-inventory rpc rpc.inventory.receiveStock',
          expect.stringMatching(/^omni-inventory (pg\.query|INSERT|SELECT)/),
          `omni-inventory publish inventory.product.${product.id}.stock_received`,
        ]),
      );
    },
    { timeoutMs: 15_000 },
  );
  // The push is its own unit of work, linked to the event's trace rather than parented by it.
  await eventually(() => {
    const push = spans.find(
      (s) =>
        s.service === 'omni-gateway' && s.name === `ws push inventory.product.${product.id}.stock_received`,
    );
    expect(push?.links?.map((l) => l.traceId)).toContain(traceId);
  });
  socket.close();
});
