import { PageQuery, scheduling } from '@omni/contracts';
import type { RpcClient } from '@omni/messaging';
import { z } from 'zod';
import { defineRoute, type RouteCall, type RouteSpec } from '../http/route.js';
import { forwarderTo } from './forward.js';

const RPC = scheduling.SCHEDULING_RPC;
const FacilityPath = z.object({ facilityId: z.uuid() });
const StaffPath = z.object({ staffId: z.uuid() });
const ShiftPath = z.object({ shiftId: z.uuid() });
const TimeOffPath = z.object({ timeOffId: z.uuid() });
const EventPath = z.object({ eventId: z.uuid() });
const tag = 'scheduling';

/** A path id plus the body, as the service's RPC input expects them. */
const withBody = ({ params, body }: RouteCall<object, unknown, unknown>) => ({ ...params, body });

/**
 * Scheduling (docs/scheduling.md). Each route forwards its validated input to
 * `rpc.scheduling.<name>`; the caller travels in the RPC context, and the service limits a staff
 * caller to their own shifts and time off.
 */
export function schedulingRoutes(rpc: RpcClient): RouteSpec[] {
  const forward = forwarderTo(rpc, 'scheduling');
  return [
    ...facilityRoutes(forward),
    ...staffRoutes(forward),
    ...shiftRoutes(forward),
    ...timeOffRoutes(forward),
    ...eventRoutes(forward),
  ];
}

type Forward = ReturnType<typeof forwarderTo>;

function facilityRoutes(forward: Forward): RouteSpec[] {
  return [
    defineRoute({
      operationId: 'createFacility',
      method: 'post',
      path: '/scheduling/facilities',
      tag,
      summary: 'Create a facility (where work happens); its time zone defaults to UTC',
      access: 'scheduling.manage',
      description:
        'A place where shifts and events happen (a studio, a shop, a van). Its `code` is unique: a second facility with the same code is 409 `duplicate_facility_code`. The time zone (IANA name, e.g. Europe/Berlin) decides where a day and an ISO week begin for weekly limits.',
      body: scheduling.CreateFacilityInput,
      response: scheduling.Facility,
      status: 201,
      idempotent: true,
      refusals: [{ status: 409, code: 'duplicate_facility_code' }],
      handle: forward(RPC.createFacility, ({ body }) => body),
    }),
    defineRoute({
      operationId: 'listFacilities',
      method: 'get',
      path: '/scheduling/facilities',
      tag,
      summary: 'List facilities by code',
      access: 'scheduling.read',
      description:
        'Every facility, ordered by code, a page at a time: pass `nextCursor` back as `cursor` until it is null.',
      query: PageQuery,
      response: scheduling.FacilityPage,
      status: 200,
      handle: forward(RPC.listFacilities, ({ query }) => query),
    }),
    defineRoute({
      operationId: 'updateFacility',
      method: 'patch',
      path: '/scheduling/facilities/:facilityId',
      tag,
      summary: 'Rename a facility or change its time zone',
      access: 'scheduling.manage',
      description:
        'Renames a facility or changes its time zone; fields left out keep their value. With `If-Match`, a facility changed since you read it is 412 and nothing is written.',
      params: FacilityPath,
      body: scheduling.UpdateFacilityInput,
      response: scheduling.Facility,
      status: 200,
      ifMatch: true,
      handle: forward(RPC.updateFacility, withBody),
    }),
  ];
}

function staffRoutes(forward: Forward): RouteSpec[] {
  return [
    defineRoute({
      operationId: 'registerStaff',
      method: 'post',
      path: '/scheduling/staff',
      tag,
      summary: 'Register a staff member; userId links the gateway user who sees their shifts',
      access: 'scheduling.manage',
      description:
        'Adds a person who can be given shifts. `userId` links the gateway user account, so that user sees their own shifts (GET /scheduling/me/shifts) and their own shift events on the socket. `weeklyMinutesLimit` caps the minutes they may be assigned per ISO week.',
      body: scheduling.RegisterStaffInput,
      response: scheduling.Staff,
      status: 201,
      idempotent: true,
      handle: forward(RPC.registerStaff, ({ body }) => body),
    }),
    defineRoute({
      operationId: 'listStaff',
      method: 'get',
      path: '/scheduling/staff',
      tag,
      summary: 'List staff; q matches name or e-mail',
      access: 'scheduling.manage',
      description:
        'Staff members, a page at a time; `q` matches a substring of the name or e-mail, case-insensitive.',
      query: scheduling.ListStaffQuery,
      response: scheduling.StaffPage,
      status: 200,
      handle: forward(RPC.listStaff, ({ query }) => query),
    }),
    defineRoute({
      operationId: 'getStaff',
      method: 'get',
      path: '/scheduling/staff/:staffId',
      tag,
      summary: 'A staff member',
      access: 'scheduling.manage',
      description: 'One staff member with skills, linked user and weekly limit. An unknown id is 404.',
      params: StaffPath,
      response: scheduling.Staff,
      status: 200,
      handle: forward(RPC.getStaff, ({ params }) => params),
    }),
    defineRoute({
      operationId: 'updateStaff',
      method: 'patch',
      path: '/scheduling/staff/:staffId',
      tag,
      summary: 'Change a staff member; null clears userId or weeklyMinutesLimit',
      access: 'scheduling.manage',
      description:
        'Changes name, e-mail, skills, linked user or weekly limit; null clears `userId` or `weeklyMinutesLimit`. With `If-Match`, a record changed since you read it is 412.',
      params: StaffPath,
      body: scheduling.UpdateStaffInput,
      response: scheduling.Staff,
      status: 200,
      ifMatch: true,
      handle: forward(RPC.updateStaff, withBody),
    }),
  ];
}

const BOOKING_REFUSALS = [
  { status: 422, code: 'shift_overlap' },
  { status: 422, code: 'staff_on_leave' },
  { status: 422, code: 'weekly_limit_exceeded' },
  { status: 422, code: 'unknown_staff' },
];

function shiftRoutes(forward: Forward): RouteSpec[] {
  const shiftCommand = (
    operationId: string,
    path: string,
    summary: string,
    description: string,
    access: 'scheduling.manage' | 'scheduling.selfService',
    refusals: RouteSpec['refusals'] = [],
  ) =>
    defineRoute({
      operationId,
      method: 'post',
      path: `/scheduling/shifts/:shiftId/${path}`,
      tag,
      summary,
      description,
      access,
      params: ShiftPath,
      response: scheduling.Shift,
      status: 200,
      idempotent: true,
      ifMatch: true,
      refusals,
      handle: forward(operationId, ({ params }) => params),
    });
  return [
    defineRoute({
      operationId: 'scheduleShift',
      method: 'post',
      path: '/scheduling/shifts',
      tag,
      summary: 'Schedule a shift (at most 16 hours), open or assigned to staffId',
      access: 'scheduling.manage',
      description:
        'Creates a shift at a facility, `open` without `staffId` or `assigned` with it. `endsAt` must be after `startsAt` and at most 16 hours later (400). Assigning at creation follows the booking rules: an overlapping shift of the same person (`shift_overlap`), their approved time off (`staff_on_leave`) or their weekly limit (`weekly_limit_exceeded`) is 422 and nothing is created.',
      body: scheduling.ScheduleShiftInput,
      response: scheduling.Shift,
      status: 201,
      idempotent: true,
      refusals: [...BOOKING_REFUSALS, { status: 422, code: 'unknown_facility' }],
      handle: forward(RPC.scheduleShift, ({ body }) => body),
    }),
    defineRoute({
      operationId: 'listShifts',
      method: 'get',
      path: '/scheduling/shifts',
      tag,
      summary:
        'Shifts starting in [from, to) (at most 31 days; default the next 7 days); staff see their own',
      access: 'scheduling.read',
      description:
        'Shifts by start time, filtered by facility, staff member or status; the range is at most 31 days (400 beyond). A `staff` user sees only their own shifts, whatever the filters.',
      query: scheduling.ListShiftsQuery,
      response: scheduling.ShiftPage,
      status: 200,
      handle: forward(RPC.listShifts, ({ query }) => query),
    }),
    defineRoute({
      operationId: 'myShifts',
      method: 'get',
      path: '/scheduling/me/shifts',
      tag,
      summary: "The caller's own shifts in [from, to) (at most 31 days)",
      access: 'self',
      description:
        "The signed-in user's own shifts (through the staff member linked to their account), by start time; the range is at most 31 days. Empty when no staff member is linked.",
      query: scheduling.MyShiftsQuery,
      response: scheduling.ShiftPage,
      status: 200,
      handle: forward(RPC.myShifts, ({ query }) => query),
    }),
    defineRoute({
      operationId: 'getShift',
      method: 'get',
      path: '/scheduling/shifts/:shiftId',
      tag,
      summary: 'A shift with its status, staff member and time entry; staff see their own',
      access: 'scheduling.read',
      description:
        'One shift with status, staff member and clock-in/clock-out times. The `ETag` header is its version for `If-Match`. A `staff` user gets 404 for a shift that is not theirs.',
      params: ShiftPath,
      response: scheduling.Shift,
      status: 200,
      handle: forward(RPC.getShift, ({ params }) => params),
    }),
    defineRoute({
      operationId: 'rescheduleShift',
      method: 'patch',
      path: '/scheduling/shifts/:shiftId',
      tag,
      summary: 'Move a shift in time or to another facility; an assigned one keeps the booking rules',
      access: 'scheduling.manage',
      description:
        'Moves a shift in time or to another facility. An assigned shift keeps the booking rules at its new time (422 `shift_overlap`, `staff_on_leave`, `weekly_limit_exceeded`); a cancelled or already started one cannot move (409 `shift_not_reschedulable`).',
      params: ShiftPath,
      body: scheduling.RescheduleShiftInput,
      response: scheduling.Shift,
      status: 200,
      ifMatch: true,
      refusals: [...BOOKING_REFUSALS, { status: 409, code: 'shift_not_reschedulable' }],
      handle: forward(RPC.rescheduleShift, withBody),
    }),
    defineRoute({
      operationId: 'assignShift',
      method: 'post',
      path: '/scheduling/shifts/:shiftId/assign',
      tag,
      summary: 'Assign a staff member to an open shift',
      access: 'scheduling.manage',
      description:
        'Gives an open shift to a staff member. Refused with 422 when it overlaps another of their shifts, falls in their approved time off, or takes them past their weekly limit; 409 when the shift is already assigned. Of two concurrent assignments that would overlap, exactly one succeeds.',
      params: ShiftPath,
      body: scheduling.AssignShiftInput,
      response: scheduling.Shift,
      status: 201,
      idempotent: true,
      ifMatch: true,
      refusals: [...BOOKING_REFUSALS, { status: 409, code: 'shift_already_assigned' }],
      handle: forward(RPC.assignShift, withBody),
    }),
    shiftCommand(
      RPC.unassignShift,
      'unassign',
      'Take the staff member off the shift: open again',
      'Takes the staff member off an assigned shift, which becomes open again. A shift that is not assigned is 409 `shift_not_assigned`.',
      'scheduling.manage',
      [{ status: 409, code: 'shift_not_assigned' }],
    ),
    defineRoute({
      operationId: 'cancelShift',
      method: 'post',
      path: '/scheduling/shifts/:shiftId/cancel',
      tag,
      summary: 'Cancel a shift; its staff member is free again',
      access: 'scheduling.manage',
      description:
        'Cancels a shift with a reason; its staff member is free for that time again. Cancelling twice is 409 `shift_cancelled`.',
      params: ShiftPath,
      body: scheduling.CancelInput,
      response: scheduling.Shift,
      status: 200,
      idempotent: true,
      ifMatch: true,
      refusals: [{ status: 409, code: 'shift_cancelled' }],
      handle: forward(RPC.cancelShift, withBody),
    }),
    shiftCommand(
      RPC.clockIn,
      'clock-in',
      'Clock in: the assigned staff member or a manager, from 30 minutes before the start',
      "Records the start of work on a shift, by the assigned staff member themself or a manager for them. Earlier than 30 minutes before the start (`clock_in_too_early`), a second time (`already_clocked_in`) or on a shift with nobody assigned (`shift_not_assigned`) is 422; someone else's shift is 403.",
      'scheduling.selfService',
      [
        { status: 422, code: 'clock_in_too_early' },
        { status: 422, code: 'already_clocked_in' },
        { status: 422, code: 'shift_not_assigned' },
      ],
    ),
    shiftCommand(
      RPC.clockOut,
      'clock-out',
      'Clock out: the assigned staff member or a manager',
      'Records the end of work on a shift, by the assigned staff member or a manager. Before clocking in (`not_clocked_in`) or a second time (`already_clocked_out`) is 422.',
      'scheduling.selfService',
      [
        { status: 422, code: 'not_clocked_in' },
        { status: 422, code: 'already_clocked_out' },
      ],
    ),
    defineRoute({
      operationId: 'timeEntries',
      method: 'get',
      path: '/scheduling/time-entries',
      tag,
      summary:
        'Worked shifts (clocked in and out) in [from, to) with minutes and totals; staff see their own',
      access: 'scheduling.read',
      description:
        'Worked time per shift (clocked in and out) in a range, each with `minutes`, and `totals` of minutes and shifts; filter by staff member. A `staff` user sees only their own.',
      query: scheduling.TimeEntriesQuery,
      response: scheduling.TimeEntries,
      status: 200,
      handle: forward(RPC.timeEntries, ({ query }) => query),
    }),
  ];
}

function timeOffRoutes(forward: Forward): RouteSpec[] {
  const decision = (
    operationId: string,
    path: string,
    summary: string,
    description: string,
    access: 'scheduling.manage' | 'scheduling.selfService',
    body?: z.ZodType,
  ) =>
    defineRoute({
      operationId,
      method: 'post',
      path: `/scheduling/time-off/:timeOffId/${path}`,
      tag,
      summary,
      description,
      access,
      params: TimeOffPath,
      ...(body ? { body } : {}),
      response: scheduling.TimeOff,
      status: 200,
      idempotent: true,
      ifMatch: true,
      refusals: [{ status: 409, code: 'time_off_not_pending' }],
      handle: forward(operationId, (call: RouteCall<object, unknown, unknown>) =>
        body ? withBody(call) : call.params,
      ),
    });
  return [
    defineRoute({
      operationId: 'requestTimeOff',
      method: 'post',
      path: '/scheduling/time-off',
      tag,
      summary: 'Ask for time off (staff: for themself); pending until approved or rejected',
      access: 'scheduling.selfService',
      description:
        'Asks for time off from `from` to `to` with a reason; it stays `pending` until a manager approves or rejects it. A `staff` user may ask only for themself; an unknown staff member is 422 `unknown_staff`.',
      body: scheduling.RequestTimeOffInput,
      response: scheduling.TimeOff,
      status: 201,
      idempotent: true,
      refusals: [{ status: 422, code: 'unknown_staff' }],
      handle: forward(RPC.requestTimeOff, ({ body }) => body),
    }),
    defineRoute({
      operationId: 'listTimeOff',
      method: 'get',
      path: '/scheduling/time-off',
      tag,
      summary: 'Time-off requests, newest first; staff see their own',
      access: 'scheduling.read',
      description:
        'Time-off requests, newest first, filtered by staff member, status and range. A `staff` user sees only their own.',
      query: scheduling.ListTimeOffQuery,
      response: scheduling.TimeOffPage,
      status: 200,
      handle: forward(RPC.listTimeOff, ({ query }) => query),
    }),
    defineRoute({
      operationId: 'getTimeOff',
      method: 'get',
      path: '/scheduling/time-off/:timeOffId',
      tag,
      summary: 'A time-off request; staff see their own',
      access: 'scheduling.read',
      description:
        "One time-off request with its status and decision. A `staff` user gets 404 for another person's request.",
      params: TimeOffPath,
      response: scheduling.TimeOff,
      status: 200,
      handle: forward(RPC.getTimeOff, ({ params }) => params),
    }),
    decision(
      RPC.approveTimeOff,
      'approve',
      "Approve: the staff member's assigned shifts inside it become open",
      "Approves a pending request. The staff member's assigned shifts inside it are unassigned (reason `time_off`) and become open, so they can be given to someone else. A request no longer pending is 409 `time_off_not_pending`.",
      'scheduling.manage',
      scheduling.DecideTimeOffInput,
    ),
    decision(
      RPC.rejectTimeOff,
      'reject',
      'Reject a pending request',
      'Rejects a pending request, optionally with a reason. A request no longer pending is 409 `time_off_not_pending`.',
      'scheduling.manage',
      scheduling.DecideTimeOffInput,
    ),
    decision(
      RPC.cancelTimeOff,
      'cancel',
      'Withdraw a pending request (the requester, or a manager)',
      'Withdraws a pending request, by the person who asked or a manager. A request no longer pending is 409 `time_off_not_pending`.',
      'scheduling.selfService',
    ),
  ];
}

function eventRoutes(forward: Forward): RouteSpec[] {
  return [
    defineRoute({
      operationId: 'scheduleEvent',
      method: 'post',
      path: '/scheduling/events',
      tag,
      summary: 'Book a facility for an event (a broadcast, a delivery window)',
      access: 'scheduling.manage',
      description:
        'Books a facility for a time span (a broadcast, a delivery window). Overlapping another event that is not cancelled at the same facility is 409 `facility_booked`; an unknown facility is 422 `unknown_facility`.',
      body: scheduling.ScheduleEventInput,
      response: scheduling.ScheduledEvent,
      status: 201,
      idempotent: true,
      refusals: [
        { status: 409, code: 'facility_booked' },
        { status: 422, code: 'unknown_facility' },
      ],
      handle: forward(RPC.scheduleEvent, ({ body }) => body),
    }),
    defineRoute({
      operationId: 'listEvents',
      method: 'get',
      path: '/scheduling/events',
      tag,
      summary: 'Events starting in [from, to) (at most 31 days; default the next 7 days)',
      access: 'scheduling.manage',
      description:
        'Scheduled events by start time, filtered by facility; the range is at most 31 days, by default the next 7 days.',
      query: scheduling.ListEventsQuery,
      response: scheduling.ScheduledEventPage,
      status: 200,
      handle: forward(RPC.listEvents, ({ query }) => query),
    }),
    defineRoute({
      operationId: 'getEvent',
      method: 'get',
      path: '/scheduling/events/:eventId',
      tag,
      summary: 'A scheduled event',
      access: 'scheduling.manage',
      description: 'One scheduled event. An unknown id is 404.',
      params: EventPath,
      response: scheduling.ScheduledEvent,
      status: 200,
      handle: forward(RPC.getEvent, ({ params }) => params),
    }),
    defineRoute({
      operationId: 'rescheduleEvent',
      method: 'patch',
      path: '/scheduling/events/:eventId',
      tag,
      summary: 'Change an event’s title, time or facility',
      access: 'scheduling.manage',
      description:
        "Changes an event's title, time or facility. A new time that overlaps another event at the facility is 409 `facility_booked`. With `If-Match`, an event changed since you read it is 412.",
      params: EventPath,
      body: scheduling.RescheduleEventInput,
      response: scheduling.ScheduledEvent,
      status: 200,
      ifMatch: true,
      refusals: [{ status: 409, code: 'facility_booked' }],
      handle: forward(RPC.rescheduleEvent, withBody),
    }),
    defineRoute({
      operationId: 'cancelEvent',
      method: 'post',
      path: '/scheduling/events/:eventId/cancel',
      tag,
      summary: 'Cancel an event; its facility time is free again',
      access: 'scheduling.manage',
      description: 'Cancels an event; its facility time is free for other bookings again.',
      params: EventPath,
      body: scheduling.CancelEventInput,
      response: scheduling.ScheduledEvent,
      status: 200,
      idempotent: true,
      ifMatch: true,
      handle: forward(RPC.cancelEvent, withBody),
    }),
  ];
}
