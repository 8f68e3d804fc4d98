import { DeliverPolicy, jetstream } from '@nats-io/jetstream';
import { streamName, type CloudEvent } from '@omni/contracts';
import { withNats, type Output } from '../context.js';

/** `omni tail <subject> [--since N]`: prints events as they come (after sequence N first, when given). */
export async function tail(subject: string, options: { since?: number; limit?: number }, out: Output) {
  const service = subject.split('.')[0];
  if (!service || service === '*' || service === '>')
    throw new Error('the subject must start with a service, e.g. inventory.>');
  await withNats(async (nats) => {
    const consumer = await jetstream(nats).consumers.get(streamName(service), {
      filter_subjects: subject,
      ...(options.since === undefined
        ? { deliver_policy: DeliverPolicy.New }
        : { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: options.since + 1 }),
    });
    const messages = await consumer.consume();
    const stop = () => void messages.close();
    process.once('SIGINT', stop);
    let printed = 0;
    for await (const message of messages) {
      const event = message.json<CloudEvent>();
      out.result(
        { seq: message.seq, subject: message.subject, event },
        () => `${message.seq} ${event.time} ${message.subject} ${JSON.stringify(event.data)}`,
      );
      if (options.limit !== undefined && ++printed >= options.limit) break;
    }
    process.off('SIGINT', stop);
    await messages.close();
  });
}
