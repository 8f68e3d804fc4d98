import { DeliverPolicy, jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import type { CloudEvent } from '@omni/contracts';
import type { StreamMessage } from './live-feed.js';

/**
 * The stored events of `stream` matching `filter` with sequence in (since, head], read with a
 * short-lived ordered consumer. Handed over in batches so a slow socket can stop the read.
 */
export async function readBacklog(
  nats: NatsConnection,
  { stream, filter, since, head }: { stream: string; filter: string; since: number; head: number },
  onMessage: (message: StreamMessage) => boolean,
): Promise<void> {
  if (since >= head) return;
  const consumer = await jetstream(nats).consumers.get(stream, {
    filter_subjects: filter, // one filter as a string: NATS 2.9 understands only `filter_subject`
    deliver_policy: DeliverPolicy.StartSequence,
    opt_start_seq: since + 1,
  });
  if ((await consumer.info()).num_pending === 0) {
    await consumer.delete().catch(() => undefined);
    return;
  }
  const messages = await consumer.consume();
  try {
    for await (const message of messages) {
      const keepGoing = onMessage({
        subject: message.subject,
        seq: message.seq,
        event: message.json<CloudEvent>(),
      });
      if (!keepGoing || message.seq >= head || message.info.pending === 0) break;
    }
  } finally {
    await messages.close();
  }
}
