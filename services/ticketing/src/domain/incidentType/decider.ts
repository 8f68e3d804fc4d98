import { ConflictError, type Decider, type OmniError, type ticketing } from '@omni/contracts';

type IncidentTypeEvent = ticketing.IncidentTypeEvent;

export type CreateIncidentType = { readonly type: 'CreateIncidentType' } & ticketing.IncidentType;
export type IncidentTypeState = { readonly status: 'none' } | { readonly status: 'created' };

/** An incident type; its code's uniqueness is a claim taken in the same command (application). */
export const incidentTypeDecider: Decider<
  CreateIncidentType,
  IncidentTypeEvent,
  IncidentTypeState,
  OmniError
> = {
  initialState: { status: 'none' },
  decide(command, state) {
    if (state.status !== 'none')
      return new ConflictError('incident_type_exists', 'This incident type exists already');
    const { id, code, name, defaultPriority } = command;
    return [{ type: 'created', data: { incidentTypeId: id, code, name, defaultPriority } }];
  },
  evolve: (state, event) => (event.type === 'created' ? { status: 'created' } : state),
};
