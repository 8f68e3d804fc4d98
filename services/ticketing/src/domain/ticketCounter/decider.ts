import type { Decider, OmniError, ticketing } from '@omni/contracts';

type CounterEvent = ticketing.TicketCounterEvent;

export type DrawNumber = {
  readonly type: 'DrawNumber';
  readonly kind: ticketing.TicketKind;
  readonly ticketId: string;
};
export interface CounterState {
  readonly last: number;
}

/**
 * One counter stream per ticket kind (`ticketcounter-incident`). A number is drawn in the same command
 * (and so the same transaction) as the ticket's `opened`: both commit or neither does, so accepted
 * tickets number 1..N per kind with no gap and no duplicate, whatever fails or runs concurrently.
 */
export const ticketCounterDecider: Decider<DrawNumber, CounterEvent, CounterState, OmniError> = {
  initialState: { last: 0 },
  decide: (command, state) => [
    {
      type: 'number_drawn',
      data: { kind: command.kind, number: state.last + 1, ticketId: command.ticketId },
    },
  ],
  evolve: (state, event) => (event.type === 'number_drawn' ? { last: event.data.number } : state),
};

const PREFIX: Readonly<Record<ticketing.TicketKind, string>> = { incident: 'INC', service: 'SRV' };

export const ticketNumber = (kind: ticketing.TicketKind, number: number) => `${PREFIX[kind]}-${number}`;
