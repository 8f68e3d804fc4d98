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
    access: 'scheduling.manage' | 'scheduling.selfService',
    refusals: RouteSpec['refusals'] = [],
  ) =>
    defineRoute({
      operationId,
      method: 'post',
      path: `/scheduling/shifts/:shiftId/${path}`,
      tag,
      summary,
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
    access: 'scheduling.manage' | 'scheduling.selfService',
    body?: z.ZodType,
  ) =>
    defineRoute({
      operationId,
      method: 'post',
      path: `/scheduling/time-off/:timeOffId/${path}`,
      tag,
      summary,
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
      params: TimeOffPath,
      response: scheduling.TimeOff,
      status: 200,
      handle: forward(RPC.getTimeOff, ({ params }) => params),
    }),
    decision(
      RPC.approveTimeOff,
      'approve',
      "Approve: the staff member's assigned shifts inside it become open",
      'scheduling.manage',
      scheduling.DecideTimeOffInput,
    ),
    decision(
      RPC.rejectTimeOff,
      'reject',
      'Reject a pending request',
      'scheduling.manage',
      scheduling.DecideTimeOffInput,
    ),
    decision(
      RPC.cancelTimeOff,
      'cancel',
      'Withdraw a pending request (the requester, or a manager)',
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
