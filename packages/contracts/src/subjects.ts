/**
 * Subjects and stream names (CONTRACT §6, ARCHITECTURE §5).
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
] as const;
export type ServiceName = (typeof SERVICES)[number];

export interface EventSubject {
  readonly service: string;
  readonly aggregate: string;
  readonly aggregateId: string;
  readonly event: string;
}

const TOKEN = /^[A-Za-z0-9_-]+$/;

function assertToken(kind: string, value: string): void {
  if (!TOKEN.test(value)) throw new RangeError(`invalid ${kind} subject token: ${JSON.stringify(value)}`);
}

export function eventSubject({ service, aggregate, aggregateId, event }: EventSubject): string {
  assertToken('service', service);
  assertToken('aggregate', aggregate);
  assertToken('aggregate id', aggregateId);
  assertToken('event', event);
  return `${service}.${aggregate}.${aggregateId}.${event}`;
}

export function parseEventSubject(subject: string): EventSubject {
  const parts = subject.split('.');
  if (parts.length !== 4 || parts.some((p) => !TOKEN.test(p))) {
    throw new RangeError(`not an event subject: ${JSON.stringify(subject)}`);
  }
  const [service, aggregate, aggregateId, event] = parts as [string, string, string, string];
  return { service, aggregate, aggregateId, event };
}

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
