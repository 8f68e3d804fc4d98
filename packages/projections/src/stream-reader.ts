import { DeliverPolicy, jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { CloudEvent, streamName } from '@omni/contracts';
import type { StreamEvent, StreamSource } from './stream-projection.js';

export interface StoredRange {
  /** Read the messages after this sequence. */
  readonly after: number;
  /** Stop once this sequence is reached; without it, stop at the head (nothing pending). */
  readonly until?: number;
  readonly batchSize?: number;
}

/**
 * Reads the stored messages of a source in order, in batches, with a short-lived ordered consumer
 * (no state on the server, nothing to clean up). Resolves with the last sequence handed over.
 */
export async function readStream(
  nats: NatsConnection,
  source: Pick<StreamSource, 'service' | 'filterSubject'>,
  range: StoredRange,
  /** `pending`: how many matching messages the stream holds beyond this batch. */
  onBatch: (batch: readonly StreamEvent[], pending: number) => Promise<void>,
): Promise<number> {
  if (range.until !== undefined && range.until <= range.after) return range.after;
  const consumer = await jetstream(nats).consumers.get(streamName(source.service), {
    filter_subjects: source.filterSubject, // a string: sent as `filter_subject`, which NATS 2.9 knows
    deliver_policy: DeliverPolicy.StartSequence,
    opt_start_seq: range.after + 1,
  });
  if ((await consumer.info()).num_pending === 0) return range.after;
  const messages = await consumer.consume({ max_messages: range.batchSize ?? 1000 });
  let last = range.after;
  let batch: StreamEvent[] = [];
  try {
    for await (const message of messages) {
      batch.push({ seq: message.seq, event: CloudEvent.parse(message.json()) });
      last = message.seq;
      const done = message.info.pending === 0 || (range.until !== undefined && message.seq >= range.until);
      if (done || batch.length >= (range.batchSize ?? 1000)) {
        await onBatch(batch, message.info.pending);
        batch = [];
      }
      if (done) break;
    }
  } finally {
    await messages.close();
  }
  return last;
}
