import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/nats-core';

export interface NatsConnectOptions {
  /** e.g. `nats://127.0.0.1:4222`; several may be given comma-separated. */
  readonly url: string;
  /** Shows up in `nats server report connections`; use the process's service name. */
  readonly name: string;
}

/**
 * Connects with endless reconnects: a NATS restart must not take a service down, it only
 * pauses publishing and consuming until the server is back.
 */
export async function connectNats({ url, name }: NatsConnectOptions): Promise<NatsConnection> {
  return connect({
    servers: url.split(',').map((s) => s.trim()),
    name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 250,
    waitOnFirstConnect: true,
    timeout: 5_000,
  });
}

export type { NatsConnection };
