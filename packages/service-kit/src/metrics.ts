import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per process, exposed on `/metrics` in Prometheus format (docs/runbooks). */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

export const commandDuration = new Histogram({
  name: 'omni_command_duration_seconds',
  help: 'Time to handle a command, from request to commit',
  labelNames: ['service', 'command', 'outcome'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
  registers: [metricsRegistry],
});

export const httpRequestDuration = new Histogram({
  name: 'omni_http_request_duration_seconds',
  help: 'REST requests at the gateway',
  labelNames: ['operation', 'status'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
  registers: [metricsRegistry],
});

type LagSource = () => { events: number; ms: number };
const relayLagSources = new Map<string, LagSource>();

/** Relay lag is read from the relay itself at scrape time, so it is never stale. */
export const relayLagEvents = new Gauge({
  name: 'omni_relay_lag_events',
  help: 'Committed events the relay has read but JetStream has not acknowledged yet',
  labelNames: ['service'] as const,
  registers: [metricsRegistry],
  collect() {
    for (const [service, lag] of relayLagSources) this.set({ service }, lag().events);
  },
});

export const relayLagSeconds = new Gauge({
  name: 'omni_relay_lag_seconds',
  help: 'Age of the oldest event the relay has not published yet',
  labelNames: ['service'] as const,
  registers: [metricsRegistry],
  collect() {
    for (const [service, lag] of relayLagSources) this.set({ service }, lag().ms / 1000);
  },
});

export function observeRelayLag(service: string, lag: LagSource): void {
  relayLagSources.set(service, lag);
}

export const deadLetters = new Counter({
  name: 'omni_dead_letters_total',
  help: 'Messages sent to the DLQ stream',
  labelNames: ['service', 'consumer'] as const,
  registers: [metricsRegistry],
});

export const wsConnections = new Gauge({
  name: 'omni_ws_connections',
  help: 'Open WebSocket connections',
  registers: [metricsRegistry],
});

export const wsDrops = new Counter({
  name: 'omni_ws_drops_total',
  help: 'WebSockets closed for not keeping up (4008)',
  registers: [metricsRegistry],
});

/** Gateway BFF cache (docs/mobile.md): hit ratio = hit / (hit + miss), per section. */
export const bffCacheLookups = new Counter({
  name: 'omni_bff_cache_lookups_total',
  help: 'Mobile BFF section lookups in the gateway cache, by section and outcome (hit; miss; shared: a miss that waited for the same fetch already under way)',
  labelNames: ['section', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const bffCacheBytes = new Gauge({
  name: 'omni_bff_cache_bytes',
  help: 'Bytes held by the mobile BFF cache (bounded by BFF_CACHE_MAX_BYTES)',
  registers: [metricsRegistry],
});

export const bffSectionErrors = new Counter({
  name: 'omni_bff_section_errors_total',
  help: 'Mobile BFF sections answered with an error in place of data (unavailable: past the deadline)',
  labelNames: ['section', 'code'] as const,
  registers: [metricsRegistry],
});

export function metricsText(): Promise<string> {
  return metricsRegistry.metrics();
}

export const METRICS_CONTENT_TYPE = metricsRegistry.contentType;
