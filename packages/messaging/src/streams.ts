import {
  JetStreamApiCodes,
  JetStreamApiError,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
  DiscardPolicy,
  type StreamConfig,
} from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { DEAD_LETTER_STREAM, DEAD_LETTER_SUBJECT_PREFIX, streamName } from '@omni/contracts';

const DUPLICATE_WINDOW_NS = 2 * 60 * 1_000_000_000; // 2 min: the relay's own guard covers the rest

/**
 * How many copies JetStream keeps of each stream: `NATS_STREAM_REPLICAS` (1 to 5, default 1). A
 * 3-node cluster runs with 3 (k8s/overlays/prod) so that a stream survives the loss of one node; a
 * single server can only hold 1. Streams are updated to it at every start, so raising it later works.
 */
export function streamReplicas(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.NATS_STREAM_REPLICAS ?? '1';
  const replicas = Number(text);
  if (!Number.isInteger(replicas) || replicas < 1 || replicas > 5)
    throw new Error(`NATS_STREAM_REPLICAS must be a whole number from 1 to 5, got "${text}"`);
  return replicas;
}

/** The stream of one service's events: subjects `<service>.>`, file storage, everything kept. */
export function serviceStreamConfig(service: string): Partial<StreamConfig> & { name: string } {
  return {
    name: streamName(service),
    subjects: [`${service}.>`],
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    max_age: 0,
    max_msgs: -1,
    max_bytes: -1,
    duplicate_window: DUPLICATE_WINDOW_NS,
    num_replicas: streamReplicas(),
  };
}

export function deadLetterStreamConfig(): Partial<StreamConfig> & { name: string } {
  return {
    name: DEAD_LETTER_STREAM,
    subjects: [`${DEAD_LETTER_SUBJECT_PREFIX}.>`],
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    max_age: 0,
    num_replicas: streamReplicas(),
  };
}

/** Creates the stream, or updates it to `config`; safe to call at every start. */
export async function ensureStream(
  nc: NatsConnection,
  config: Partial<StreamConfig> & { name: string },
): Promise<void> {
  const jsm = await jetstreamManager(nc);
  try {
    await jsm.streams.info(config.name);
    await jsm.streams.update(config.name, config);
  } catch (error) {
    if (!isStreamNotFound(error)) throw error;
    await jsm.streams.add(config);
  }
}

export async function ensureServiceStream(nc: NatsConnection, service: string): Promise<void> {
  await ensureStream(nc, serviceStreamConfig(service));
}

export async function ensureDeadLetterStream(nc: NatsConnection): Promise<void> {
  await ensureStream(nc, deadLetterStreamConfig());
}

/** The server's own error code, not the wording of its message, says the stream is missing. */
export function isStreamNotFound(error: unknown): boolean {
  return error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound;
}

export function isConsumerNotFound(error: unknown): boolean {
  return error instanceof JetStreamApiError && error.code === JetStreamApiCodes.ConsumerNotFound;
}
