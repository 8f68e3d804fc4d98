import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { METRICS_CONTENT_TYPE, metricsText } from './metrics.js';

/**
 * `/health/live`, `/health/ready` and `/metrics` for a backend service, on METRICS_PORT when set
 * (the gateway serves these on its own port). Kubernetes probes and Prometheus scrape it.
 */
export async function startOpsServer({
  port,
  host = '0.0.0.0',
  isReady,
}: {
  port: number;
  host?: string;
  isReady: () => Promise<boolean> | boolean;
}): Promise<{ port: number; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    void (async () => {
      if (req.url === '/health/live') return void res.writeHead(200).end('{"status":"up"}');
      if (req.url === '/health/ready') {
        const ready = await Promise.resolve(isReady()).catch(() => false);
        return void res.writeHead(ready ? 200 : 503).end(JSON.stringify({ status: ready ? 'up' : 'down' }));
      }
      if (req.url === '/metrics') {
        return void res.writeHead(200, { 'Content-Type': METRICS_CONTENT_TYPE }).end(await metricsText());
      }
      res.writeHead(404).end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
