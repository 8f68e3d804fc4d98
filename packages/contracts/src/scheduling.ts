/** Scheduling's public language: facilities, staff, shifts, time off, scheduled events (docs/scheduling.md). */
import { z } from 'zod';
import { PageQuery, page } from './pagination.js';
import { ShiftStatus, TimeOffStatus } from './events/scheduling.js';

// Events: schemas of every event's data, with the statuses, in events/scheduling.ts (docs/events.md).
export * from './events/scheduling.js';

/** A shift is at most this long (docs/scheduling.md). */
export const MAX_SHIFT_MINUTES = 16 * 60;
/** Shift, event and time-entry lists cover at most this many days. */
export const MAX_RANGE_DAYS = 31;

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

const name = z.string().trim().min(1).max(200);
const instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString());

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const TimeZone = z.string().refine(isTimeZone, { message: 'Not an IANA time zone, e.g. Europe/Berlin' });

/** Why a `[startsAt, endsAt)` pair is not a shift, or undefined: each message names its field. */
export function shiftTimeProblem(startsAt: string, endsAt: string): string | undefined {
  const minutes = (Date.parse(endsAt) - Date.parse(startsAt)) / MINUTE_MS;
  if (minutes <= 0) return 'endsAt must be after startsAt';
  if (minutes > MAX_SHIFT_MINUTES) return `A shift lasts at most ${MAX_SHIFT_MINUTES / 60} hours`;
  return undefined;
}

/** `from`..`to` of a list: `to` after `from` and at most MAX_RANGE_DAYS apart. */
export function rangeProblem(from: string, to: string): string | undefined {
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS;
  if (days <= 0) return 'to must be after from';
  if (days > MAX_RANGE_DAYS) return `The range spans at most ${MAX_RANGE_DAYS} days`;
  return undefined;
}

type Refiner = z.core.$RefinementCtx<{ from?: string | undefined; to?: string | undefined }>;
function checkRange({ from, to }: { from?: string | undefined; to?: string | undefined }, ctx: Refiner) {
  if (!from || !to) return;
  const problem = rangeProblem(from, to);
  if (problem)
    for (const path of ['from', 'to']) ctx.addIssue({ code: 'custom', path: [path], message: problem });
}

// ---- facilities -------------------------------------------------------------------------------

export const CreateFacilityInput = z
  .object({
    code: z.string().trim().min(1).max(50),
    name,
    timezone: TimeZone.default('UTC'),
  })
  .strict()
  .meta({ id: 'CreateFacilityInput' });

export const UpdateFacilityInput = z
  .object({ name: name.optional(), timezone: TimeZone.optional() })
  .strict()
  .meta({ id: 'UpdateFacilityInput' });

export const Facility = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    timezone: z.string(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Facility' });

export const FacilityPage = page(Facility).meta({ id: 'FacilityPage' });

// ---- staff ------------------------------------------------------------------------------------

const WeeklyMinutes = z
  .number()
  .int()
  .min(1)
  .max(7 * 24 * 60);
const Skills = z.array(z.string().trim().min(1).max(100)).max(50);

export const RegisterStaffInput = z
  .object({
    name,
    email: z.email(),
    userId: z.uuid().optional(),
    skills: Skills.optional(),
    weeklyMinutesLimit: WeeklyMinutes.optional(),
  })
  .strict()
  .meta({ id: 'RegisterStaffInput' });

export const UpdateStaffInput = z
  .object({
    name: name.optional(),
    email: z.email().optional(),
    userId: z.uuid().nullable().optional(),
    skills: Skills.optional(),
    weeklyMinutesLimit: WeeklyMinutes.nullable().optional(),
  })
  .strict()
  .meta({ id: 'UpdateStaffInput' });

export const Staff = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    userId: z.uuid().nullable(),
    skills: z.array(z.string()),
    weeklyMinutesLimit: z.number().int().nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Staff' });

export const StaffPage = page(Staff).meta({ id: 'StaffPage' });
export const ListStaffQuery = PageQuery.extend({ q: z.string().trim().min(1).max(200).optional() });

// ---- shifts -----------------------------------------------------------------------------------

export const ScheduleShiftInput = z
  .object({
    facilityId: z.uuid(),
    startsAt: instant,
    endsAt: instant,
    position: z.string().trim().min(1).max(100).optional(),
    staffId: z.uuid().optional(),
    notes: z.string().max(2000).optional(),
  })
  .strict()
  .superRefine(({ startsAt, endsAt }, ctx) => {
    const problem = shiftTimeProblem(startsAt, endsAt);
    if (problem) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: problem });
  })
  .meta({ id: 'ScheduleShiftInput' });

export const AssignShiftInput = z.object({ staffId: z.uuid() }).strict().meta({ id: 'AssignShiftInput' });

export const CancelInput = z
  .object({ reason: z.string().trim().min(1).max(500) })
  .strict()
  .meta({ id: 'CancelInput' });

/** Whether the new times fit is checked against the shift's current ones, so in the service. */
export const RescheduleShiftInput = z
  .object({ startsAt: instant.optional(), endsAt: instant.optional(), facilityId: z.uuid().optional() })
  .strict()
  .refine((input) => Object.keys(input).length > 0, {
    message: 'Name at least one of startsAt, endsAt, facilityId',
  })
  .meta({ id: 'RescheduleShiftInput' });

export const Shift = z
  .object({
    id: z.uuid(),
    facilityId: z.uuid(),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    position: z.string().nullable(),
    notes: z.string().nullable(),
    status: ShiftStatus,
    staffId: z.uuid().nullable(),
    clockedInAt: z.iso.datetime().nullable(),
    clockedOutAt: z.iso.datetime().nullable(),
    cancellationReason: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Shift' });

export const ShiftPage = page(Shift).meta({ id: 'ShiftPage' });

const Range = z.object({ from: instant.optional(), to: instant.optional() });

export const ListShiftsQuery = PageQuery.extend({
  ...Range.shape,
  facilityId: z.uuid().optional(),
  staffId: z.uuid().optional(),
  status: ShiftStatus.optional(),
}).superRefine(checkRange);

export const MyShiftsQuery = PageQuery.extend(Range.shape).superRefine(checkRange);

// ---- time entries -----------------------------------------------------------------------------

export const TimeEntriesQuery = z
  .object({ ...Range.shape, staffId: z.uuid().optional() })
  .superRefine(checkRange);

export const TimeEntry = z
  .object({
    shiftId: z.uuid(),
    staffId: z.uuid(),
    facilityId: z.uuid(),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    clockedInAt: z.iso.datetime(),
    clockedOutAt: z.iso.datetime(),
    minutes: z.number().int(),
  })
  .meta({ id: 'TimeEntry' });

export const TimeEntries = z
  .object({
    items: z.array(TimeEntry),
    totals: z.object({ minutes: z.number().int(), shifts: z.number().int() }),
  })
  .meta({ id: 'TimeEntries' });

// ---- time off ---------------------------------------------------------------------------------

export const RequestTimeOffInput = z
  .object({ staffId: z.uuid(), from: instant, to: instant, reason: z.string().trim().min(1).max(500) })
  .strict()
  .superRefine(({ from, to }, ctx) => {
    if (Date.parse(to) <= Date.parse(from))
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'to must be after from' });
  })
  .meta({ id: 'RequestTimeOffInput' });

export const DecideTimeOffInput = z
  .object({ reason: z.string().trim().min(1).max(500).optional() })
  .strict()
  .meta({ id: 'DecideTimeOffInput' });

export const TimeOff = z
  .object({
    id: z.uuid(),
    staffId: z.uuid(),
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    reason: z.string(),
    status: TimeOffStatus,
    decisionReason: z.string().nullable(),
    unassignedShiftIds: z.array(z.uuid()),
    version: z.number().int(),
    requestedAt: z.iso.datetime(),
  })
  .meta({ id: 'TimeOff' });

export const TimeOffPage = page(TimeOff).meta({ id: 'TimeOffPage' });

export const ListTimeOffQuery = PageQuery.extend({
  ...Range.shape,
  staffId: z.uuid().optional(),
  status: TimeOffStatus.optional(),
});

// ---- scheduled events -------------------------------------------------------------------------

export const ScheduleEventInput = z
  .object({ title: name, facilityId: z.uuid(), startsAt: instant, endsAt: instant })
  .strict()
  .superRefine(({ startsAt, endsAt }, ctx) => {
    if (Date.parse(endsAt) <= Date.parse(startsAt))
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'endsAt must be after startsAt' });
  })
  .meta({ id: 'ScheduleEventInput' });

export const RescheduleEventInput = z
  .object({
    title: name.optional(),
    facilityId: z.uuid().optional(),
    startsAt: instant.optional(),
    endsAt: instant.optional(),
  })
  .strict()
  .refine((input) => Object.keys(input).length > 0, { message: 'Name at least one field to change' })
  .meta({ id: 'RescheduleEventInput' });

export const CancelEventInput = z
  .object({ reason: z.string().trim().min(1).max(500).optional() })
  .strict()
  .meta({ id: 'CancelEventInput' });

export const ScheduledEvent = z
  .object({
    id: z.uuid(),
    title: z.string(),
    facilityId: z.uuid(),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    status: z.enum(['scheduled', 'cancelled']),
    cancellationReason: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ScheduledEvent' });

export const ScheduledEventPage = page(ScheduledEvent).meta({ id: 'ScheduledEventPage' });

export const ListEventsQuery = PageQuery.extend({
  ...Range.shape,
  facilityId: z.uuid().optional(),
}).superRefine(checkRange);

export type CreateFacilityInput = z.infer<typeof CreateFacilityInput>;
export type UpdateFacilityInput = z.infer<typeof UpdateFacilityInput>;
export type Facility = z.infer<typeof Facility>;
export type RegisterStaffInput = z.infer<typeof RegisterStaffInput>;
export type UpdateStaffInput = z.infer<typeof UpdateStaffInput>;
export type Staff = z.infer<typeof Staff>;
export type ListStaffQuery = z.infer<typeof ListStaffQuery>;
export type ScheduleShiftInput = z.infer<typeof ScheduleShiftInput>;
export type RescheduleShiftInput = z.infer<typeof RescheduleShiftInput>;
export type Shift = z.infer<typeof Shift>;
export type ListShiftsQuery = z.infer<typeof ListShiftsQuery>;
export type MyShiftsQuery = z.infer<typeof MyShiftsQuery>;
export type TimeEntriesQuery = z.infer<typeof TimeEntriesQuery>;
export type TimeEntry = z.infer<typeof TimeEntry>;
export type TimeEntries = z.infer<typeof TimeEntries>;
export type RequestTimeOffInput = z.infer<typeof RequestTimeOffInput>;
export type TimeOff = z.infer<typeof TimeOff>;
export type ListTimeOffQuery = z.infer<typeof ListTimeOffQuery>;
export type ScheduleEventInput = z.infer<typeof ScheduleEventInput>;
export type RescheduleEventInput = z.infer<typeof RescheduleEventInput>;
export type ScheduledEvent = z.infer<typeof ScheduledEvent>;
export type ListEventsQuery = z.infer<typeof ListEventsQuery>;

export const SCHEDULING_RPC = {
  createFacility: 'createFacility',
  updateFacility: 'updateFacility',
  listFacilities: 'listFacilities',
  registerStaff: 'registerStaff',
  updateStaff: 'updateStaff',
  getStaff: 'getStaff',
  listStaff: 'listStaff',
  scheduleShift: 'scheduleShift',
  assignShift: 'assignShift',
  unassignShift: 'unassignShift',
  cancelShift: 'cancelShift',
  rescheduleShift: 'rescheduleShift',
  clockIn: 'clockIn',
  clockOut: 'clockOut',
  getShift: 'getShift',
  listShifts: 'listShifts',
  myShifts: 'myShifts',
  timeEntries: 'timeEntries',
  requestTimeOff: 'requestTimeOff',
  approveTimeOff: 'approveTimeOff',
  rejectTimeOff: 'rejectTimeOff',
  cancelTimeOff: 'cancelTimeOff',
  getTimeOff: 'getTimeOff',
  listTimeOff: 'listTimeOff',
  scheduleEvent: 'scheduleEvent',
  rescheduleEvent: 'rescheduleEvent',
  cancelEvent: 'cancelEvent',
  getEvent: 'getEvent',
  listEvents: 'listEvents',
} as const;
