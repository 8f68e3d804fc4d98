/**
 * given/when/then for deciders (ARCHITECTURE §3): no database, no clock, no framework.
 *
 *   given(productDecider, [registered, received]).when(reserve).then([reserved]);
 *   given(productDecider, []).when(reserve).thenFails('unknown_product');
 */
import type { Decider } from '@omni/contracts';

export interface DeciderSpecWhen<Event, Error> {
  then(expected: readonly Event[]): void;
  thenFails(expectedCode: string): Error;
}

export function given<Command, Event, State, Error>(
  decider: Decider<Command, Event, State, Error>,
  history: readonly Event[],
) {
  const state = history.reduce(decider.evolve, decider.initialState);
  return {
    state,
    when(command: Command): DeciderSpecWhen<Event, Error> {
      const outcome = decider.decide(command, state);
      return {
        then(expected) {
          if (!Array.isArray(outcome)) {
            throw new Error(`expected events but the decider refused: ${describe(outcome)}`);
          }
          expect(outcome).toEqual(expected);
        },
        thenFails(expectedCode) {
          if (Array.isArray(outcome)) {
            throw new Error(
              `expected a refusal with ${expectedCode} but got events: ${JSON.stringify(outcome)}`,
            );
          }
          expect((outcome as { code?: string }).code).toBe(expectedCode);
          return outcome as Error;
        },
      };
    },
  };
}

function describe(value: unknown): string {
  const v = value as { code?: string; message?: string };
  return `${v.code ?? '?'}: ${v.message ?? JSON.stringify(value)}`;
}

/**
 * The same decider, keeping every event it decides in `sink`: a spec file can then check all of them
 * against their schemas once, e.g. that each event's data parses with its zod schema from contracts.
 */
export function recordingDecisions<Command, Event, State, Error>(
  decider: Decider<Command, Event, State, Error>,
  sink: Event[],
): Decider<Command, Event, State, Error> {
  return {
    ...decider,
    decide(command, state) {
      const outcome = decider.decide(command, state);
      if (Array.isArray(outcome)) sink.push(...(outcome as readonly Event[]));
      return outcome;
    },
  };
}
