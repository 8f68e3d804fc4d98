import { jetstreamManager, type StoredMsg } from '@nats-io/jetstream';
import { DEAD_LETTER_STREAM, newId } from '@omni/contracts';
import { retrySubject } from '@omni/messaging';
import { headers as natsHeaders } from '@nats-io/nats-core';
import { withNats, type Output } from '../context.js';

interface DeadLetter {
  readonly seq: number;
  readonly consumer: string;
  readonly stream: string;
  readonly subject: string;
  readonly reason: string;
  readonly eventId: string | undefined;
  readonly at: string;
}

function describe(message: StoredMsg): DeadLetter {
  const h = (name: string) => message.header?.get(name) ?? '';
  let eventId: string | undefined;
  try {
    eventId = message.json<{ id?: string }>().id;
  } catch {
    eventId = undefined;
  }
  return {
    seq: message.seq,
    consumer: h('Omni-Dlq-Consumer'),
    stream: h('Omni-Dlq-Stream'),
    subject: h('Omni-Dlq-Subject'),
    reason: h('Omni-Dlq-Reason'),
    eventId,
    at: message.time.toISOString(),
  };
}

/** `omni dlq list`: every dead letter with the consumer that gave up and why. */
export async function dlqList(out: Output) {
  const letters = await withNats(async (nats) => {
    const jsm = await jetstreamManager(nats);
    const { state } = await jsm.streams.info(DEAD_LETTER_STREAM);
    const found: DeadLetter[] = [];
    for (let seq = state.first_seq; seq <= state.last_seq && state.messages > 0; seq++) {
      const message = await jsm.streams.getMessage(DEAD_LETTER_STREAM, { seq }).catch(() => null);
      if (message) found.push(describe(message));
    }
    return found;
  });
  out.result(letters, () =>
    letters.length === 0
      ? 'no dead letters'
      : letters.map((l) => `${l.seq} ${l.at} ${l.consumer} ${l.subject}: ${l.reason}`).join('\n'),
  );
}

export async function dlqShow(seq: number, out: Output) {
  const shown = await withNats(async (nats) => {
    const message = await (await jetstreamManager(nats)).streams.getMessage(DEAD_LETTER_STREAM, { seq });
    if (!message) throw new Error(`no dead letter ${seq}`);
    return { ...describe(message), payload: message.json<unknown>() };
  });
  out.result(shown, () => JSON.stringify(shown, null, 2));
}

/** Sends a dead letter back to the consumer that gave up on it, then removes it from the DLQ if handled. */
export async function dlqRetry(seq: number, out: Output) {
  const outcome = await withNats(async (nats) => {
    const jsm = await jetstreamManager(nats);
    const message = await jsm.streams.getMessage(DEAD_LETTER_STREAM, { seq });
    if (!message) throw new Error(`no dead letter ${seq}`);
    const letter = describe(message);
    const headers = natsHeaders();
    for (const [key, values] of message.header ?? []) for (const value of values) headers.append(key, value);
    const reply = await nats.request(retrySubject(letter.stream, letter.consumer), message.data, {
      headers,
      timeout: 30_000,
    });
    const answer = reply.json<{ ok: boolean; reason?: string }>();
    await jsm.streams.deleteMessage(DEAD_LETTER_STREAM, seq); // a failed retry was dead-lettered again
    return {
      seq,
      consumer: letter.consumer,
      retried: answer.ok,
      ...(answer.reason ? { reason: answer.reason } : {}),
      requestId: newId(),
    };
  });
  out.result(outcome, () =>
    outcome.retried
      ? `retried ${seq}: handled by ${outcome.consumer}`
      : `retried ${seq}: failed again (${outcome.reason}); back in the DLQ`,
  );
  if (!outcome.retried) process.exitCode = 1;
}

export async function dlqDrop(seq: number, out: Output) {
  await withNats(async (nats) => {
    const removed = await (await jetstreamManager(nats)).streams.deleteMessage(DEAD_LETTER_STREAM, seq);
    if (!removed) throw new Error(`no dead letter ${seq}`);
  });
  out.result({ seq, dropped: true }, () => `dropped ${seq}`);
}
