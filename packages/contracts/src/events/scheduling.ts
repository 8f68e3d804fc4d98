/**
 * The `data` of every scheduling event (docs/events.md); see events/inventory.ts for why schemas.
 * Every shift and time-off event names the staff member it concerns (`staffId`) and the gateway user
 * linked to them (`staffUserId`, null when none), so a subscriber (the WebSocket bridge deciding what
 * a staff user may see, notifications) needs no lookup.
 */
import { z } from 'zod';
import { type EventsOf, qualified } from './map.js';

export const SHIFT_STATUSES = [
  'open',
  'assigned',
  'in_progress',
  'completed',
  'missed',
  'cancelled',
] as const;
export const ShiftStatus = z.enum(SHIFT_STATUSES);
export type ShiftStatus = z.infer<typeof ShiftStatus>;

export const TIME_OFF_STATUSES = ['pending', 'approved', 'rejected', 'cancelled'] as const;
export const TimeOffStatus = z.enum(TIME_OFF_STATUSES);
export type TimeOffStatus = z.infer<typeof TimeOffStatus>;

const instant = (what: string) => z.iso.datetime().describe(`${what} (ISO 8601, UTC)`);
const facilityId = z.uuid().describe('The facility');
const shiftId = z.uuid().describe('The shift');
const staffId = z.uuid().describe('The staff member');
const staffUserId = z.uuid().nullable().describe('The gateway user linked to the staff member, or null');
const shiftOwner = { staffId: staffId.nullable(), staffUserId };

// ---- facility ---------------------------------------------------------------------------------

export const FacilityCreated = z
  .object({
    facilityId,
    code: z.string().describe('Unique short code'),
    name: z.string(),
    timezone: z.string().describe('IANA time zone: weekly limits count ISO weeks in it'),
  })
  .describe('A facility was created');

export const FacilityUpdated = FacilityCreated.omit({ code: true }).describe(
  'A facility was renamed or moved to another time zone (every field: the new values)',
);

// ---- staff ------------------------------------------------------------------------------------

export const StaffRegistered = z
  .object({
    staffId,
    name: z.string(),
    email: z.string(),
    userId: z.uuid().nullable().describe('The gateway user who is this staff member, or null'),
    skills: z.array(z.string()),
    weeklyMinutesLimit: z.number().int().nullable().describe('Most minutes per ISO week, or null'),
  })
  .describe('A staff member was registered');

export const StaffUpdated = StaffRegistered.describe('A staff member changed (every field: the new values)');

// ---- shift ------------------------------------------------------------------------------------

const when = {
  facilityId,
  startsAt: instant('Start'),
  endsAt: instant('End'),
};

export const ShiftScheduled = z
  .object({
    shiftId,
    ...when,
    position: z.string().nullable(),
    notes: z.string().nullable(),
    ...shiftOwner,
  })
  .describe('A shift was scheduled; it is open until a staff member is assigned');

export const ShiftAssigned = z
  .object({ shiftId, ...when, staffId, staffUserId })
  .describe('A staff member was assigned to the shift');

export const ShiftUnassigned = z
  .object({
    shiftId,
    staffId,
    staffUserId,
    reason: z.string().describe('`manual`, or `time_off` when approved time off took the staff member away'),
  })
  .describe('The staff member was taken off the shift; it is open again');

export const ShiftRescheduled = z
  .object({
    shiftId,
    ...when,
    previous: z.object(when).describe('Where and when it was before'),
    ...shiftOwner,
  })
  .describe('The shift moved in time or to another facility');

export const ShiftCancelled = z
  .object({ shiftId, reason: z.string(), ...shiftOwner })
  .describe('The shift was cancelled; its staff member is free again');

export const ShiftStartingSoon = z
  .object({ shiftId, ...when, staffId, staffUserId })
  .describe('Reminder, SHIFT_REMINDER_MINUTES before an assigned shift starts (once)');

export const ShiftMissed = z
  .object({ shiftId, ...when, staffId, staffUserId })
  .describe('No clock-in CLOCK_IN_GRACE_MINUTES after the start of an assigned shift (once)');

export const ShiftClockedIn = z
  .object({ shiftId, staffId, staffUserId, at: instant('When') })
  .describe('The staff member started work on the shift');

export const ShiftClockedOut = z
  .object({
    shiftId,
    staffId,
    staffUserId,
    at: instant('When'),
    minutes: z.number().int().describe('Whole minutes worked, clock-in to clock-out'),
  })
  .describe('The staff member finished work on the shift');

// ---- time off ---------------------------------------------------------------------------------

const timeOffId = z.uuid().describe('The time-off request');

export const TimeOffRequested = z
  .object({
    timeOffId,
    staffId,
    staffUserId,
    from: instant('First instant off'),
    to: instant('End'),
    reason: z.string(),
  })
  .describe('A staff member asked for time off; pending until approved or rejected');

export const TimeOffApproved = z
  .object({
    timeOffId,
    staffId,
    staffUserId,
    from: instant('First instant off'),
    to: instant('End'),
    reason: z.string().nullable(),
    unassignedShiftIds: z.array(shiftId).describe('Assigned shifts inside the time off, now open again'),
  })
  .describe('Time off was approved: the staff member cannot be assigned inside it');

export const TimeOffRejected = z
  .object({ timeOffId, staffId, staffUserId, reason: z.string().nullable() })
  .describe('Time off was rejected');

export const TimeOffCancelled = z
  .object({ timeOffId, staffId, staffUserId })
  .describe('The requester withdrew pending time off');

// ---- scheduled event --------------------------------------------------------------------------

const eventId = z.uuid().describe('The scheduled event');

export const EventScheduled = z
  .object({ eventId, title: z.string(), ...when })
  .describe('An event (a broadcast, a delivery window) booked a facility');

export const EventRescheduled = EventScheduled.describe(
  'The event changed title, time or facility (new values)',
);

export const EventCancelled = z
  .object({ eventId, facilityId, reason: z.string().nullable() })
  .describe('The event was cancelled; its facility time is free');

// ---- bookkeeping streams: the rules across aggregates (docs/adr/0007-schedules-as-streams.md) ---

export const ShiftBooked = z
  .object({ staffId, shiftId, startsAt: instant('Start'), endsAt: instant('End') })
  .describe("A shift took its time in the staff member's schedule");

export const ShiftReleased = z
  .object({ staffId, shiftId })
  .describe("A shift left the staff member's schedule (unassigned, cancelled, moved)");

export const LeaveBlocked = z
  .object({ staffId, timeOffId, from: instant('Start'), to: instant('End') })
  .describe("Approved time off blocks the staff member's schedule");

export const FacilityTimeBooked = z
  .object({ facilityId, eventId, startsAt: instant('Start'), endsAt: instant('End') })
  .describe("An event took its time in the facility's calendar");

export const FacilityTimeReleased = z
  .object({ facilityId, eventId })
  .describe("An event left the facility's calendar (cancelled or moved)");

export const facilityEvents = { created: FacilityCreated, updated: FacilityUpdated } as const;
export const staffEvents = { registered: StaffRegistered, updated: StaffUpdated } as const;
export const shiftEvents = {
  scheduled: ShiftScheduled,
  assigned: ShiftAssigned,
  unassigned: ShiftUnassigned,
  rescheduled: ShiftRescheduled,
  cancelled: ShiftCancelled,
  starting_soon: ShiftStartingSoon,
  missed: ShiftMissed,
  clocked_in: ShiftClockedIn,
  clocked_out: ShiftClockedOut,
} as const;
export const timeOffEvents = {
  requested: TimeOffRequested,
  approved: TimeOffApproved,
  rejected: TimeOffRejected,
  cancelled: TimeOffCancelled,
} as const;
export const scheduledEventEvents = {
  scheduled: EventScheduled,
  rescheduled: EventRescheduled,
  cancelled: EventCancelled,
} as const;
export const staffScheduleEvents = {
  shift_booked: ShiftBooked,
  shift_released: ShiftReleased,
  leave_blocked: LeaveBlocked,
} as const;
export const facilityCalendarEvents = {
  booked: FacilityTimeBooked,
  released: FacilityTimeReleased,
} as const;

/** Every scheduling event's data schema by its CloudEvents `type`, e.g. `scheduling.shift.assigned`. */
export const schedulingEvents = {
  ...qualified('scheduling.facility', facilityEvents),
  ...qualified('scheduling.staff', staffEvents),
  ...qualified('scheduling.shift', shiftEvents),
  ...qualified('scheduling.timeoff', timeOffEvents),
  ...qualified('scheduling.event', scheduledEventEvents),
  ...qualified('scheduling.staffschedule', staffScheduleEvents),
  ...qualified('scheduling.facilitycalendar', facilityCalendarEvents),
};

export type FacilityEvent = EventsOf<typeof facilityEvents>;
export type StaffEvent = EventsOf<typeof staffEvents>;
export type ShiftEvent = EventsOf<typeof shiftEvents>;
export type TimeOffEvent = EventsOf<typeof timeOffEvents>;
export type ScheduledEventEvent = EventsOf<typeof scheduledEventEvents>;
export type StaffScheduleEvent = EventsOf<typeof staffScheduleEvents>;
export type FacilityCalendarEvent = EventsOf<typeof facilityCalendarEvents>;

export type FacilityCreated = Readonly<z.infer<typeof FacilityCreated>>;
export type FacilityUpdated = Readonly<z.infer<typeof FacilityUpdated>>;
export type StaffRegistered = Readonly<z.infer<typeof StaffRegistered>>;
export type StaffUpdated = Readonly<z.infer<typeof StaffUpdated>>;
export type ShiftScheduled = Readonly<z.infer<typeof ShiftScheduled>>;
export type ShiftAssigned = Readonly<z.infer<typeof ShiftAssigned>>;
export type ShiftUnassigned = Readonly<z.infer<typeof ShiftUnassigned>>;
export type ShiftRescheduled = Readonly<z.infer<typeof ShiftRescheduled>>;
export type ShiftCancelled = Readonly<z.infer<typeof ShiftCancelled>>;
export type ShiftStartingSoon = Readonly<z.infer<typeof ShiftStartingSoon>>;
export type ShiftMissed = Readonly<z.infer<typeof ShiftMissed>>;
export type ShiftClockedIn = Readonly<z.infer<typeof ShiftClockedIn>>;
export type ShiftClockedOut = Readonly<z.infer<typeof ShiftClockedOut>>;
export type TimeOffRequested = Readonly<z.infer<typeof TimeOffRequested>>;
export type TimeOffApproved = Readonly<z.infer<typeof TimeOffApproved>>;
export type TimeOffRejected = Readonly<z.infer<typeof TimeOffRejected>>;
export type TimeOffCancelled = Readonly<z.infer<typeof TimeOffCancelled>>;
export type EventScheduled = Readonly<z.infer<typeof EventScheduled>>;
export type EventRescheduled = Readonly<z.infer<typeof EventRescheduled>>;
export type EventCancelled = Readonly<z.infer<typeof EventCancelled>>;
export type ShiftBooked = Readonly<z.infer<typeof ShiftBooked>>;
export type ShiftReleased = Readonly<z.infer<typeof ShiftReleased>>;
export type LeaveBlocked = Readonly<z.infer<typeof LeaveBlocked>>;
export type FacilityTimeBooked = Readonly<z.infer<typeof FacilityTimeBooked>>;
export type FacilityTimeReleased = Readonly<z.infer<typeof FacilityTimeReleased>>;
