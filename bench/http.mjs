// Helpers the REST benchmarks share: JSON calls that fail loudly (a benchmark of errors measures
// nothing) and latency percentiles of sequential requests.
import http from 'node:http';

/** POST a JSON body to `${baseUrl}/api/v1${path}`; throws on any non-2xx answer. */
export async function post(baseUrl, path, body, headers = {}) {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** GET `${baseUrl}/api/v1${path}` as JSON; throws on any non-2xx answer. */
export async function get(baseUrl, path, headers = {}) {
  const response = await fetch(`${baseUrl}/api/v1${path}`, { headers });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/**
 * A client for latency measured one call at a time: node:http over one kept-alive connection, as
 * autocannon drives the load benchmarks. `fetch` (undici) costs the benchmark process several times
 * the CPU and garbage per call, and on two shared cores that cost lands in the measured latency: the
 * lock benchmark's p99 fell from 5.6–6.7 ms to 3.6–4.2 ms with the same server (bench/README.md,
 * Collaboration). Resolves to the parsed JSON answer (undefined for an empty one); throws on non-2xx.
 */
export function keepAliveClient(baseUrl) {
  const { hostname, port } = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return (method, path, body, headers = {}) =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const contentHeaders = payload
        ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
        : {};
      const request = http.request(
        {
          host: hostname,
          port,
          path: `/api/v1${path}`,
          method,
          agent,
          headers: { ...headers, ...contentHeaders },
        },
        (response) => {
          const chunks = [];
          response.on('data', (chunk) => chunks.push(chunk));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString();
            if (response.statusCode >= 300)
              reject(new Error(`${method} ${path}: ${response.statusCode} ${text}`));
            else resolve(text ? JSON.parse(text) : undefined);
          });
        },
      );
      request.on('error', reject);
      request.end(payload);
    });
}

/** `count` sequential GETs of one path: p50/p99 in ms, the rate of one client, failed answers. */
export async function measureReads(baseUrl, path, headers, count = 200) {
  const latencies = [];
  let failures = 0;
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const response = await fetch(`${baseUrl}/api/v1${path}`, { headers });
    await response.arrayBuffer();
    latencies.push(performance.now() - t0);
    if (!response.ok) failures++;
  }
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  const mean = latencies.reduce((a, b) => a + b, 0) / latencies.length;
  return { rate: 1000 / mean, p50: at(0.5), p99: at(0.99), failures };
}

/** Runs task(0..count-1) with `concurrency` in flight; results in index order. */
export async function inParallel(count, concurrency, task) {
  const results = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      results[i] = await task(i);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}

export function fmt(n) {
  return Math.round(n).toLocaleString('en-US');
}
