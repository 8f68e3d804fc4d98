import { connectNats, createRpcClient, type NatsConnection, type RpcClient } from '@omni/messaging';

/** Where the CLI finds the system: the same variables `npm start` uses (CONTRACT §1). */
export const NATS_URL = process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';
export const DATABASE_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/omni';

export interface Output {
  readonly json: boolean;
  /** A result: JSON with --json, readable text otherwise. Always stdout. */
  result(value: unknown, text: () => string): void;
  /** Progress and notes: stderr, so stdout stays clean for pipes. */
  note(text: string): void;
}

export function output(json: boolean): Output {
  return {
    json,
    result: (value, text) => process.stdout.write(`${json ? JSON.stringify(value) : text()}\n`),
    note: (text) => process.stderr.write(`${text}\n`),
  };
}

export async function withNats<T>(work: (nats: NatsConnection, rpc: RpcClient) => Promise<T>): Promise<T> {
  const nats = await connectNats({ url: NATS_URL, name: 'omni-cli' });
  try {
    return await work(nats, createRpcClient(nats, { defaultTimeoutMs: 10_000 }));
  } finally {
    await nats.drain();
  }
}
