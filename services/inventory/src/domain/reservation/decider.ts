import { ConflictError, type Decider, type OmniError, type inventory } from '@omni/contracts';

/**
 * One reservation per order (stream `reservation-<orderId>`). The product streams hold the stock;
 * this aggregate records the order-level outcome so a second reservation, release or commit for the
 * same order is refused.
 */
export type ReservationCommand =
  | { readonly type: 'ConfirmReservation'; readonly data: inventory.ReservationConfirmed }
  | { readonly type: 'RejectReservation'; readonly data: inventory.ReservationRejected }
  | { readonly type: 'ReleaseReservation'; readonly orderId: string }
  | { readonly type: 'CommitReservation'; readonly orderId: string };

export type ReservationState =
  | { readonly status: 'none' }
  | {
      readonly status: 'confirmed' | 'released' | 'committed';
      readonly locationId: string;
      readonly lines: readonly inventory.ReservationLine[];
    }
  | { readonly status: 'rejected' };

type ReservationEvent = inventory.ReservationEvent;

export const reservationDecider: Decider<ReservationCommand, ReservationEvent, ReservationState, OmniError> =
  {
    initialState: { status: 'none' },

    decide(command, state) {
      switch (command.type) {
        case 'ConfirmReservation':
        case 'RejectReservation':
          if (state.status !== 'none') {
            return new ConflictError('duplicate_reservation', 'This order already has a reservation');
          }
          return command.type === 'ConfirmReservation'
            ? [{ type: 'confirmed', data: command.data }]
            : [{ type: 'rejected', data: command.data }];
        case 'ReleaseReservation':
        case 'CommitReservation':
          // A release that overtakes its reservation (the order's cancellation handled before its
          // placement, e.g. after a crash and a redelivery) is recorded; the late reservation is refused.
          if (command.type === 'ReleaseReservation' && state.status === 'none') {
            return [{ type: 'released', data: { orderId: command.orderId } }];
          }
          if (state.status !== 'confirmed') {
            return new ConflictError('reservation_not_active', `The reservation is ${state.status}`);
          }
          return [
            {
              type: command.type === 'ReleaseReservation' ? 'released' : 'committed',
              data: { orderId: command.orderId },
            },
          ];
        default:
          return assertNever(command);
      }
    },

    evolve(state, event) {
      switch (event.type) {
        case 'confirmed':
          return { status: 'confirmed', locationId: event.data.locationId, lines: event.data.lines };
        case 'rejected':
          return { status: 'rejected' };
        case 'released':
        case 'committed':
          if (state.status === 'none') return { status: 'released', locationId: '', lines: [] };
          return state.status === 'confirmed' ? { ...state, status: event.type } : state;
        default:
          return state;
      }
    },
  };

function assertNever(value: never): never {
  throw new Error(`unhandled command ${JSON.stringify(value)}`);
}
