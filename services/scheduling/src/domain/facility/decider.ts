import { ConflictError, type Decider, type OmniError, type scheduling } from '@omni/contracts';

export type FacilityCommand =
  | {
      readonly type: 'CreateFacility';
      readonly facilityId: string;
      readonly code: string;
      readonly name: string;
      readonly timezone: string;
    }
  | {
      readonly type: 'UpdateFacility';
      readonly name?: string | undefined;
      readonly timezone?: string | undefined;
    };

export type FacilityState =
  | { readonly status: 'none' }
  | {
      readonly status: 'active';
      readonly facilityId: string;
      readonly name: string;
      readonly timezone: string;
    };

export const facilityDecider: Decider<FacilityCommand, scheduling.FacilityEvent, FacilityState, OmniError> = {
  initialState: { status: 'none' },

  decide(command, state) {
    if (command.type === 'CreateFacility') {
      if (state.status !== 'none')
        return new ConflictError('facility_exists', 'This facility exists already');
      const { facilityId, code, name, timezone } = command;
      return [{ type: 'created', data: { facilityId, code, name, timezone } }];
    }
    if (state.status === 'none') return new ConflictError('facility_not_found', 'There is no such facility');
    const name = command.name ?? state.name;
    const timezone = command.timezone ?? state.timezone;
    if (name === state.name && timezone === state.timezone) return [];
    return [{ type: 'updated', data: { facilityId: state.facilityId, name, timezone } }];
  },

  evolve(state, event) {
    switch (event.type) {
      case 'created':
      case 'updated':
        return {
          status: 'active',
          facilityId: event.data.facilityId,
          name: event.data.name,
          timezone: event.data.timezone,
        };
      default:
        return state;
    }
  },
};
