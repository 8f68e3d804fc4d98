import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import {
  DEAD_LETTER_STREAM,
  DEAD_LETTER_SUBJECT_PREFIX,
  HEALTH_RPC,
  SERVICES,
  newId,
  type HealthReply,
  type Logger,
} from '@omni/contracts';
import type { RpcClient } from '@omni/messaging';
import type { Pool } from 'pg';
import { every, type PeriodicTask } from '../application/every.js';

/** The services whose relay lag and dead letters the operations dashboard shows. */
const SAMPLED_SERVICES = SERVICES.filter((s) => s !== 'gateway');

export interface HealthSample {
  readonly service: string;
  /** Null when the relay's leader did not answer (down, or another replica answered). */
  readonly relayLag: { events: number; seconds: number } | null;
  readonly deadLetters: number;
}

/**
 * Relay lag and dead letters are not events, so no projection can fold them. Every few seconds the
 * sampler asks each service's health RPC (whose relay leader reports its lag) and counts the DLQ
 * stream's messages per subject (`dlq.<stream>.<durable>`, the durable named `<service>-<what>`),
 * and writes one row per service; the dashboard reads the rows. The figures are as old as the
 * sample (`sampledAt`), never a call at request time.
 */
export async function sampleHealth(
  nats: NatsConnection,
  rpc: RpcClient,
  timeoutMs: number,
): Promise<HealthSample[]> {
  const deadLetters = await deadLettersByService(nats);
  return Promise.all(
    SAMPLED_SERVICES.map(async (service) => {
      const reply = await rpc
        .call<HealthReply>(
          service,
          HEALTH_RPC,
          { input: {}, context: { correlationId: newId() } },
          { timeoutMs },
        )
        .catch(() => null);
      return { service, relayLag: reply?.relayLag ?? null, deadLetters: deadLetters.get(service) ?? 0 };
    }),
  );
}

async function deadLettersByService(nats: NatsConnection): Promise<Map<string, number>> {
  const jsm = await jetstreamManager(nats);
  const info = await jsm.streams
    .info(DEAD_LETTER_STREAM, { subjects_filter: `${DEAD_LETTER_SUBJECT_PREFIX}.>` })
    .catch(() => null);
  const counts = new Map<string, number>();
  for (const [subject, n] of Object.entries(info?.state.subjects ?? {})) {
    const durable = subject.split('.')[2] ?? '';
    const service = durable.split('-')[0]!;
    counts.set(service, (counts.get(service) ?? 0) + n);
  }
  return counts;
}

/** Keeps the last known relay lag of a service whose leader did not answer this time. */
export async function writeHealthSamples(
  pool: Pool,
  schema: string,
  samples: readonly HealthSample[],
  at: Date,
) {
  await pool.query(
    `INSERT INTO ${schema}.service_health AS h (service, relay_lag_events, relay_lag_seconds, dead_letters, sampled_at)
     SELECT * FROM unnest($1::text[], $2::int[], $3::float8[], $4::int[], array_fill($5::timestamptz, ARRAY[$6::int]))
     ON CONFLICT (service) DO UPDATE SET
       relay_lag_events = coalesce(EXCLUDED.relay_lag_events, h.relay_lag_events),
       relay_lag_seconds = coalesce(EXCLUDED.relay_lag_seconds, h.relay_lag_seconds),
       dead_letters = EXCLUDED.dead_letters, sampled_at = EXCLUDED.sampled_at`,
    [
      samples.map((s) => s.service),
      samples.map((s) => s.relayLag?.events ?? null),
      samples.map((s) => s.relayLag?.seconds ?? null),
      samples.map((s) => s.deadLetters),
      at,
      samples.length,
    ],
  );
}

export function startHealthSampler(options: {
  pool: Pool;
  schema: string;
  nats: NatsConnection;
  rpc: RpcClient;
  intervalMs: number;
  logger: Logger;
}): PeriodicTask {
  const { pool, schema, nats, rpc, intervalMs, logger } = options;
  return every(intervalMs, 'health sample', logger, async () => {
    const samples = await sampleHealth(nats, rpc, Math.min(intervalMs, 1000));
    await writeHealthSamples(pool, schema, samples, new Date());
  });
}
