// Helpers the REST benchmarks share: JSON calls that fail loudly (a benchmark of errors measures
// nothing) and latency percentiles of sequential requests.

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
