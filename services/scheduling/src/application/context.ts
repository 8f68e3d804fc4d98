import {
  BusinessRuleError,
  ForbiddenError,
  NotFoundError,
  type Actor,
  type EventMetadata,
  type RpcContext,
} from '@omni/contracts';
import {
  createCommandProcessor,
  type CommandProcessor,
  type CommandSession,
  type EventStore,
} from '@omni/event-store';
import { eventMetadataFor } from '@omni/messaging';
import { inlineProjections } from '@omni/projections';
import { facilityDecider } from '../domain/facility/decider.js';
import { staffDecider } from '../domain/staff/decider.js';
import { SCHEDULING_PROJECTIONS } from '../projections/index.js';

export interface Scheduling {
  readonly store: EventStore;
  readonly schema: string;
  /** Runs every command: per-stream order, group commit, inline read models and timers. */
  readonly commands: CommandProcessor;
}

export function createScheduling(store: EventStore): Scheduling {
  return {
    store,
    schema: store.schema,
    commands: createCommandProcessor({
      store,
      project: inlineProjections(store.schema, SCHEDULING_PROJECTIONS),
    }),
  };
}

/** Stream ids: `<aggregate>-<id>`; the aggregate name is the event subject's second token. */
export const streams = {
  facility: (id: string) => `facility-${id}`,
  staff: (id: string) => `staff-${id}`,
  shift: (id: string) => `shift-${id}`,
  timeOff: (id: string) => `timeoff-${id}`,
  event: (id: string) => `event-${id}`,
  staffSchedule: (staffId: string) => `staffschedule-${staffId}`,
  facilityCalendar: (facilityId: string) => `facilitycalendar-${facilityId}`,
};

export const metadataFrom = (context: RpcContext): EventMetadata => eventMetadataFor(context);

export const notFound = {
  facility: () => new NotFoundError('There is no such facility', 'facility_not_found'),
  staff: () => new NotFoundError('There is no such staff member', 'staff_not_found'),
  shift: () => new NotFoundError('There is no such shift', 'shift_not_found'),
  timeOff: () => new NotFoundError('There is no such time-off request', 'time_off_not_found'),
  event: () => new NotFoundError('There is no such event', 'event_not_found'),
};

/**
 * The gateway user a caller is limited to, or undefined for a caller who sees everything: staff
 * see and act on their own shifts and time off only (docs/scheduling.md).
 */
export function restrictedTo(actor: Actor | undefined): string | undefined {
  if (!actor) return undefined;
  return actor.roles.some((role) => role === 'admin' || role === 'manager') ? undefined : actor.userId;
}

/** Refuses a staff user acting for a staff member who is not them. */
export function requireSelfOrManager(actor: Actor | undefined, staffUserId: string | null): void {
  const self = restrictedTo(actor);
  if (self !== undefined && self !== staffUserId)
    throw new ForbiddenError('Only the staff member themself or a manager may do this');
}

/** A facility named in a body (not the path): unknown is a broken rule, 422, not a 404. */
export async function facilityTimeZone(session: CommandSession, facilityId: string): Promise<string> {
  const { state } = await session.load(streams.facility(facilityId), facilityDecider);
  if (state.status === 'none') throw new BusinessRuleError('unknown_facility', 'There is no such facility');
  return state.timezone;
}

/** A staff member named in a body: unknown is 422 `unknown_staff`. */
export async function staffMember(session: CommandSession, staffId: string) {
  const { state } = await session.load(streams.staff(staffId), staffDecider);
  if (state.status === 'none') throw new BusinessRuleError('unknown_staff', 'There is no such staff member');
  return state;
}
