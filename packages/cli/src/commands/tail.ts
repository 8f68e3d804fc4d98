import { DeliverPolicy, jetstream } from '@nats-io/jetstream';
import { streamName, type CloudEvent } from '@omni/contracts';
import type { NatsConnection } from '@nats-io/nats-core';
import { NATS_URL, withNats, type Output } from '../context.js';

/**
 * `omni tail <subject> [--since N]`: prints events as they come (after sequence N first, when given).
 * Runs until --limit events or a signal, and follows NATS through its restarts.
 */
export async function tail(subject: string, options: { since?: number; limit?: number }, out: Output) {
  const service = subject.split('.')[0];
  if (!service || service === '*' || service === '>')
    throw new Error('the subject must start with a service, e.g. inventory.>');
  await withNats(async (nats) => {
    void noteConnectionChanges(nats, out);
    const consumer = await jetstream(nats).consumers.get(streamName(service), {
      filter_subjects: subject,
      ...(options.since === undefined
        ? { deliver_policy: DeliverPolicy.New }
        : { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: options.since + 1 }),
    });
    const messages = await consumer.consume();
    out.note(`following ${subject} in ${streamName(service)}; Ctrl-C stops`);
    let printed = 0;
    for await (const message of messages) {
      const event = message.json<CloudEvent>();
      out.result(
        { seq: message.seq, subject: message.subject, event },
        () => `${message.seq} ${event.time} ${message.subject} ${JSON.stringify(event.data)}`,
      );
      if (options.limit !== undefined && ++printed >= options.limit) break;
    }
    // Ctrl-C ends the loop above by exiting the process (see lifecycle.ts); the connection's bounded
    // close also ends this consumer.
  });
}

/** Tail may sit quiet for long: say when NATS is lost and back, so silence is not taken for calm. */
async function noteConnectionChanges(nats: NatsConnection, out: Output) {
  for await (const status of nats.status()) {
    if (status.type === 'disconnect') out.note(`lost NATS at ${NATS_URL}; reconnecting (Ctrl-C stops)`);
    if (status.type === 'reconnect') out.note(`reconnected to NATS at ${status.server}`);
  }
}
