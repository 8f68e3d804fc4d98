import { DeliverPolicy, jetstream, type JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { CloudEvent, silentLogger, streamName, type Logger } from '@omni/contracts';
import type { StreamEvent, StreamSource } from './stream-projection.js';

export interface StoredRange {
  /** Read the messages after this sequence. */
  readonly after: number;
  /**
   * Hand over nothing beyond this sequence; without it, stop at the head (nothing pending). A read
   * up to a checkpoint ends exactly there even when the message at it is no longer stored.
   */
  readonly until?: number;
  readonly batchSize?: number;
  /** Where a message that is not a CloudEvent is reported (it is skipped: `toStreamEvent`). */
  readonly logger?: Logger;
}

/**
 * The message as an event, or undefined when it is not a CloudEvent at all (something other than a
 * relay published on the stream's subjects). Such a message is skipped with an error in the log, as
 * an event whose data breaks its schema is (stream-apply.ts), live and in a rebuild alike: one foreign
 * message must not stop a read model for good.
 */
export function toStreamEvent(
  message: JsMsg,
  logger: Logger,
  context: Readonly<Record<string, string>>,
): StreamEvent | undefined {
  let json: unknown;
  try {
    json = message.json();
  } catch {
    json = undefined;
  }
  const parsed = CloudEvent.safeParse(json);
  if (parsed.success) return { seq: message.seq, event: parsed.data };
  const reason = json === undefined ? 'not JSON' : (parsed.error.issues[0]?.message ?? 'not a CloudEvent');
  logger.error(
    { ...context, seq: message.seq, subject: message.subject, reason },
    'skipping an unreadable message',
  );
  return undefined;
}

/**
 * Reads the stored messages of a source in order, in batches, with a short-lived ordered consumer
 * (no state on the server, nothing to clean up). Resolves with the last sequence handed over.
 */
export async function readStream(
  nats: NatsConnection,
  source: Pick<StreamSource, 'service' | 'filterSubject'>,
  range: StoredRange,
  /** `pending`: how many matching messages beyond this batch are still to be read (up to `until`). */
  onBatch: (batch: readonly StreamEvent[], pending: number) => Promise<void>,
): Promise<number> {
  const { after, until, batchSize = 1000 } = range;
  if (until !== undefined && until <= after) return after;
  const consumer = await jetstream(nats).consumers.get(streamName(source.service), {
    filter_subjects: source.filterSubject, // a string: sent as `filter_subject`, which NATS 2.9 knows
    deliver_policy: DeliverPolicy.StartSequence,
    opt_start_seq: after + 1,
  });
  if ((await consumer.info()).num_pending === 0) return after;
  const messages = await consumer.consume({ max_messages: batchSize });
  let last = after;
  let batch: StreamEvent[] = [];
  try {
    for await (const message of messages) {
      if (until !== undefined && message.seq > until) break;
      const event = toStreamEvent(message, range.logger ?? silentLogger, { filter: source.filterSubject });
      if (event) batch.push(event);
      last = message.seq;
      // The sequence distance bounds the matching messages left before `until`.
      const pending = Math.min(message.info.pending, (until ?? Infinity) - message.seq);
      if ((pending === 0 && batch.length > 0) || batch.length >= batchSize) {
        await onBatch(batch, pending);
        batch = [];
      }
      if (pending === 0) break;
    }
    if (batch.length > 0) await onBatch(batch, 0);
  } finally {
    await messages.close();
  }
  return last;
}
