import { ConflictError, type Decider, type OmniError, type inventory } from '@omni/contracts';

export type LocationCommand = {
  readonly type: 'CreateLocation';
  readonly locationId: string;
  readonly code: string;
  readonly name: string;
};

export type LocationState =
  { readonly status: 'absent' } | { readonly status: 'active'; readonly code: string; readonly name: string };

export const locationDecider: Decider<LocationCommand, inventory.LocationEvent, LocationState, OmniError> = {
  initialState: { status: 'absent' },

  decide(command, state) {
    switch (command.type) {
      case 'CreateLocation':
        if (state.status !== 'absent') {
          return new ConflictError('location_exists', 'This location already exists');
        }
        return [
          {
            type: 'created',
            data: { locationId: command.locationId, code: command.code, name: command.name },
          },
        ];
      default:
        return assertNever(command.type);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'created':
        return { status: 'active', code: event.data.code, name: event.data.name };
      default:
        return state;
    }
  },
};

function assertNever(value: never): never {
  throw new Error(`unhandled command ${String(value)}`);
}
