/**
 * Subjects and stream names (docs/events.md).
 * Events: `<service>.<aggregate>.<aggregateId>.<event>` in stream `<SERVICE>`.
 * RPC: `rpc.<service>.<name>`, outside every stream.
 */
export const SERVICES = [
  'inventory',
  'orders',
  'payments',
  'scheduling',
  'ticketing',
  'notification',
  // Dashboards folded from the other services' streams; its own events say a dashboard moved.
  'analytics',
  // The gateway publishes identity events (`gateway.user.*`) through its own event log.
  'gateway',
] as const;
export type ServiceName = (typeof SERVICES)[number];

/** The JetStream stream that holds a service's events. */
export function streamName(service: string): string {
  return service.toUpperCase();
}

export function rpcSubject(service: string, name: string): string {
  return `rpc.${service}.${name}`;
}

/** Stream of messages that exhausted their deliveries, with the reason in headers. */
export const DEAD_LETTER_STREAM = 'DLQ';
export const DEAD_LETTER_SUBJECT_PREFIX = 'dlq';
