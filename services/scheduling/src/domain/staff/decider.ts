import { ConflictError, type Decider, type OmniError, type scheduling } from '@omni/contracts';

type StaffProfile = Omit<scheduling.StaffRegistered, 'staffId'>;

export type StaffCommand =
  | ({ readonly type: 'RegisterStaff'; readonly staffId: string } & StaffProfile)
  | ({ readonly type: 'UpdateStaff' } & Partial<StaffProfile>);

export type StaffState =
  { readonly status: 'none' } | ({ readonly status: 'active'; readonly staffId: string } & StaffProfile);

export const staffDecider: Decider<StaffCommand, scheduling.StaffEvent, StaffState, OmniError> = {
  initialState: { status: 'none' },

  decide(command, state) {
    if (command.type === 'RegisterStaff') {
      if (state.status !== 'none')
        return new ConflictError('staff_exists', 'This staff member exists already');
      const { type: _type, ...data } = command;
      return [{ type: 'registered', data }];
    }
    if (state.status === 'none') return new ConflictError('staff_not_found', 'There is no such staff member');
    const { status: _status, ...current } = state;
    const { type: _type, ...changes } = command;
    const next = { ...current, ...definedOnly(changes) };
    if (JSON.stringify(next) === JSON.stringify(current)) return [];
    return [{ type: 'updated', data: next }];
  },

  evolve(state, event) {
    switch (event.type) {
      case 'registered':
      case 'updated':
        return { status: 'active', ...event.data };
      default:
        return state;
    }
  },
};

/** A PATCH leaves out what it does not change; `null` clears a field. */
function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}
