import type { NatsConnection } from '@nats-io/nats-core';
import {
  parseEvent,
  streamName,
  type CloudEvent,
  type EventDataSchemas,
  type Logger,
  type TypedEvent,
} from '@omni/contracts';
import { startConsumer, type RunningConsumer } from '@omni/messaging';
import type { StreamSource } from '@omni/projections';
import { deadLetters } from './metrics.js';

/**
 * What a service does when another service's event arrives, as a pure function: the event (its
 * `data` parsed with the contracts' schemas) in, the service's own commands out. Specified
 * given/when/then like a decider (packages/testing, `whenEvent`); carried out by `startReaction`.
 */
export interface Reaction<M extends EventDataSchemas, Command> {
  /** The durable consumer's name, `<service>-<what it follows>`: it keeps its place in the stream. */
  readonly name: string;
  readonly source: StreamSource<M>;
  react(event: TypedEvent<M>): readonly Command[];
}

/** Declares a reaction with its event and command types inferred. */
export const reaction = <M extends EventDataSchemas, Command>(r: Reaction<M, Command>) => r;

/**
 * Carries out one command a reaction asked for, through the service's application functions. `cause`
 * is the event: its id becomes the causation id of the events the command writes (`causedBy`).
 */
export type ExecuteReaction<Command> = (command: Command, cause: CloudEvent) => Promise<void>;

/**
 * Runs a reaction as a durable consumer: parse at the edge (data that breaks its schema goes to the
 * DLQ, it is never guessed at), react, execute each command. A failed command is redelivered with
 * backoff, a refused one dead-lettered, and every dead letter counted in `omni_dead_letters_total`.
 * Commands must be idempotent: a redelivery finds the state the first delivery left.
 */
export function startReaction<M extends EventDataSchemas, Command>(
  { service, nats, logger }: { service: string; nats: NatsConnection; logger: Logger },
  { name, source, react }: Reaction<M, Command>,
  execute: ExecuteReaction<Command>,
): Promise<RunningConsumer> {
  return startConsumer({
    nats,
    stream: streamName(source.service),
    durable: name,
    filterSubject: source.filterSubject,
    logger,
    onDeadLetter: () => deadLetters.inc({ service, consumer: name }),
    handle: async (event) => {
      for (const command of react(parseEvent(source.events, event))) await execute(command, event);
    },
  });
}
