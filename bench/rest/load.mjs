// The load generator for REST benchmarks: autocannon, N keep-alive connections, each pinned to its own
// resource for the whole run (no contention between connections), for a fixed time. It is a copy of
// the one that drives the Emmett peer benchmark, so Omni and Emmett are driven the same way and their
// figures can be compared (see bench/README.md).
//
// Each connection's request is built once, in autocannon's setupClient hook: pathFor(c) and body(c)
// are called once per connection c. (A per-request setupRequest cannot pin a connection: autocannon
// resets its context after every request when the request list has one entry, so resources rotate
// across connections and two connections can hit the same stream at once.)
import autocannon from 'autocannon';

/**
 * @param {{ url: string, method: 'GET'|'POST', pathFor: (connection: number) => string,
 *   body?: (connection: number) => unknown, headers?: Record<string,string>,
 *   connections?: number, seconds?: number,
 *   sequenceFor?: (connection: number) => { method: string, path: string, body?: unknown }[] }} o
 *   sequenceFor, when given, replaces method/pathFor/body: each connection repeats its own requests in
 *   order (e.g. assign then unassign one shift, so every request is a fresh decision).
 * @returns {Promise<{ requestsPerSecond: number, p50: number, p90: number, p99: number, mean: number,
 *   errors: number, non2xx: number, ok: number, total: number, seconds: number }>}
 *   latencies in ms; errors = socket errors + timeouts; non2xx = answered with another status.
 */
export async function drive(o) {
  const connections = o.connections ?? 32;
  let next = 0;
  const result = await autocannon({
    url: o.url,
    connections,
    duration: o.seconds ?? 10,
    headers: { 'content-type': 'application/json', ...(o.headers ?? {}) },
    setupClient: (client) => {
      const c = next++ % connections;
      const sequence = o.sequenceFor ? o.sequenceFor(c) : [{ method: o.method, path: o.pathFor(c), body: o.body?.(c) }];
      client.setRequests(sequence.map((r) => ({ method: r.method, path: r.path, ...(r.body ? { body: JSON.stringify(r.body) } : {}) })));
    },
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    mean: result.latency.mean,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    ok: result['2xx'],
    total: result.requests.total,
    seconds: result.duration,
  };
}
