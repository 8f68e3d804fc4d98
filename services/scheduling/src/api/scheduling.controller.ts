import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PageQuery, parseWith, rpcSubject, scheduling as contracts, type RpcRequest } from '@omni/contracts';
import { z } from 'zod';
import { restrictedTo, type Scheduling } from '../application/context.js';
import { createFacility, updateFacility } from '../application/facilities.js';
import { approveTimeOff, cancelTimeOff, rejectTimeOff, requestTimeOff } from '../application/time-off.js';
import { cancelEvent, rescheduleEvent, scheduleEvent } from '../application/scheduled-events.js';
import {
  assignShift,
  cancelShift,
  clock,
  rescheduleShift,
  scheduleShift,
  unassignShift,
} from '../application/shifts.js';
import { registerStaff, updateStaff } from '../application/staff.js';
import { getEvent, listEvents } from '../projections/eventList/query.js';
import { listFacilities } from '../projections/facilityList/query.js';
import { getShift, listShifts, timeEntries } from '../projections/shiftList/query.js';
import { getStaff, listStaff } from '../projections/staffList/query.js';
import { getTimeOff, listTimeOff } from '../projections/timeOffList/query.js';

export const SCHEDULING = Symbol('Scheduling');
const rpc = (name: string) => rpcSubject('scheduling', name);
const RPC = contracts.SCHEDULING_RPC;
const FacilityId = z.object({ facilityId: z.uuid() });
const StaffId = z.object({ staffId: z.uuid() });
const ShiftId = z.object({ shiftId: z.uuid() });
const TimeOffId = z.object({ timeOffId: z.uuid() });
const EventId = z.object({ eventId: z.uuid() });

// Request schemas are built once, here: zod compiles an object schema on its first parse, so one
// built per request (`.extend` in the handler) cost more than the parse itself.
const UpdateFacilityRequest = FacilityId.extend({ body: contracts.UpdateFacilityInput });
const UpdateStaffRequest = StaffId.extend({ body: contracts.UpdateStaffInput });
const AssignShiftRequest = ShiftId.extend({ body: contracts.AssignShiftInput });
const CancelShiftRequest = ShiftId.extend({ body: contracts.CancelInput });
const RescheduleShiftRequest = ShiftId.extend({ body: contracts.RescheduleShiftInput });
const DecideTimeOffRequest = TimeOffId.extend({ body: contracts.DecideTimeOffInput });
const RescheduleEventRequest = EventId.extend({ body: contracts.RescheduleEventInput });
const CancelEventRequest = EventId.extend({ body: contracts.CancelEventInput });

/**
 * `rpc.scheduling.<name>` handlers, one per name in `SCHEDULING_RPC`; inputs are parsed again here.
 * A staff caller (the actor in the RPC context) reads only their own shifts and time off.
 */
@Controller()
export class SchedulingController {
  constructor(@Inject(SCHEDULING) private readonly scheduling: Scheduling) {}

  private get db() {
    return this.scheduling.store.pool;
  }

  private get schema() {
    return this.scheduling.schema;
  }

  @MessagePattern(rpc(RPC.createFacility))
  createFacility(@Payload() { input, context }: RpcRequest) {
    return createFacility(this.scheduling, parseWith(contracts.CreateFacilityInput, input), context);
  }

  @MessagePattern(rpc(RPC.updateFacility))
  updateFacility(@Payload() { input, context }: RpcRequest) {
    const { facilityId, body } = parseWith(UpdateFacilityRequest, input);
    return updateFacility(this.scheduling, facilityId, body, context);
  }

  @MessagePattern(rpc(RPC.listFacilities))
  listFacilities(@Payload() { input }: RpcRequest) {
    return listFacilities(this.db, this.schema, parseWith(PageQuery, input));
  }

  @MessagePattern(rpc(RPC.registerStaff))
  registerStaff(@Payload() { input, context }: RpcRequest) {
    return registerStaff(this.scheduling, parseWith(contracts.RegisterStaffInput, input), context);
  }

  @MessagePattern(rpc(RPC.updateStaff))
  updateStaff(@Payload() { input, context }: RpcRequest) {
    const { staffId, body } = parseWith(UpdateStaffRequest, input);
    return updateStaff(this.scheduling, staffId, body, context);
  }

  @MessagePattern(rpc(RPC.getStaff))
  getStaff(@Payload() { input }: RpcRequest) {
    return getStaff(this.db, this.schema, parseWith(StaffId, input).staffId);
  }

  @MessagePattern(rpc(RPC.listStaff))
  listStaff(@Payload() { input }: RpcRequest) {
    return listStaff(this.db, this.schema, parseWith(contracts.ListStaffQuery, input));
  }

  @MessagePattern(rpc(RPC.scheduleShift))
  scheduleShift(@Payload() { input, context }: RpcRequest) {
    return scheduleShift(this.scheduling, parseWith(contracts.ScheduleShiftInput, input), context);
  }

  @MessagePattern(rpc(RPC.assignShift))
  assignShift(@Payload() { input, context }: RpcRequest) {
    const { shiftId, body } = parseWith(AssignShiftRequest, input);
    return assignShift(this.scheduling, shiftId, body.staffId, context);
  }

  @MessagePattern(rpc(RPC.unassignShift))
  unassignShift(@Payload() { input, context }: RpcRequest) {
    return unassignShift(this.scheduling, parseWith(ShiftId, input).shiftId, context);
  }

  @MessagePattern(rpc(RPC.cancelShift))
  cancelShift(@Payload() { input, context }: RpcRequest) {
    const { shiftId, body } = parseWith(CancelShiftRequest, input);
    return cancelShift(this.scheduling, shiftId, body.reason, context);
  }

  @MessagePattern(rpc(RPC.rescheduleShift))
  rescheduleShift(@Payload() { input, context }: RpcRequest) {
    const { shiftId, body } = parseWith(RescheduleShiftRequest, input);
    return rescheduleShift(this.scheduling, shiftId, body, context);
  }

  @MessagePattern(rpc(RPC.clockIn))
  clockIn(@Payload() { input, context }: RpcRequest) {
    return clock(this.scheduling, parseWith(ShiftId, input).shiftId, 'ClockIn', context);
  }

  @MessagePattern(rpc(RPC.clockOut))
  clockOut(@Payload() { input, context }: RpcRequest) {
    return clock(this.scheduling, parseWith(ShiftId, input).shiftId, 'ClockOut', context);
  }

  @MessagePattern(rpc(RPC.getShift))
  getShift(@Payload() { input, context }: RpcRequest) {
    return getShift(this.db, this.schema, parseWith(ShiftId, input).shiftId, restrictedTo(context.actor));
  }

  @MessagePattern(rpc(RPC.listShifts))
  listShifts(@Payload() { input, context }: RpcRequest) {
    return listShifts(
      this.db,
      this.schema,
      parseWith(contracts.ListShiftsQuery, input),
      restrictedTo(context.actor),
    );
  }

  /** The caller's own shifts, whatever their roles. */
  @MessagePattern(rpc(RPC.myShifts))
  myShifts(@Payload() { input, context }: RpcRequest) {
    const me = context.actor?.userId ?? '00000000-0000-0000-0000-000000000000';
    return listShifts(this.db, this.schema, parseWith(contracts.MyShiftsQuery, input), me);
  }

  @MessagePattern(rpc(RPC.timeEntries))
  timeEntries(@Payload() { input, context }: RpcRequest) {
    return timeEntries(
      this.db,
      this.schema,
      parseWith(contracts.TimeEntriesQuery, input),
      restrictedTo(context.actor),
    );
  }

  @MessagePattern(rpc(RPC.requestTimeOff))
  requestTimeOff(@Payload() { input, context }: RpcRequest) {
    return requestTimeOff(this.scheduling, parseWith(contracts.RequestTimeOffInput, input), context);
  }

  @MessagePattern(rpc(RPC.approveTimeOff))
  approveTimeOff(@Payload() { input, context }: RpcRequest) {
    const { timeOffId, body } = parseWith(DecideTimeOffRequest, input);
    return approveTimeOff(this.scheduling, timeOffId, body.reason ?? null, context);
  }

  @MessagePattern(rpc(RPC.rejectTimeOff))
  rejectTimeOff(@Payload() { input, context }: RpcRequest) {
    const { timeOffId, body } = parseWith(DecideTimeOffRequest, input);
    return rejectTimeOff(this.scheduling, timeOffId, body.reason ?? null, context);
  }

  @MessagePattern(rpc(RPC.cancelTimeOff))
  cancelTimeOff(@Payload() { input, context }: RpcRequest) {
    return cancelTimeOff(this.scheduling, parseWith(TimeOffId, input).timeOffId, context);
  }

  @MessagePattern(rpc(RPC.getTimeOff))
  getTimeOff(@Payload() { input, context }: RpcRequest) {
    return getTimeOff(
      this.db,
      this.schema,
      parseWith(TimeOffId, input).timeOffId,
      restrictedTo(context.actor),
    );
  }

  @MessagePattern(rpc(RPC.listTimeOff))
  listTimeOff(@Payload() { input, context }: RpcRequest) {
    return listTimeOff(
      this.db,
      this.schema,
      parseWith(contracts.ListTimeOffQuery, input),
      restrictedTo(context.actor),
    );
  }

  @MessagePattern(rpc(RPC.scheduleEvent))
  scheduleEvent(@Payload() { input, context }: RpcRequest) {
    return scheduleEvent(this.scheduling, parseWith(contracts.ScheduleEventInput, input), context);
  }

  @MessagePattern(rpc(RPC.rescheduleEvent))
  rescheduleEvent(@Payload() { input, context }: RpcRequest) {
    const { eventId, body } = parseWith(RescheduleEventRequest, input);
    return rescheduleEvent(this.scheduling, eventId, body, context);
  }

  @MessagePattern(rpc(RPC.cancelEvent))
  cancelEvent(@Payload() { input, context }: RpcRequest) {
    const { eventId, body } = parseWith(CancelEventRequest, input);
    return cancelEvent(this.scheduling, eventId, body.reason ?? null, context);
  }

  @MessagePattern(rpc(RPC.getEvent))
  getEvent(@Payload() { input }: RpcRequest) {
    return getEvent(this.db, this.schema, parseWith(EventId, input).eventId);
  }

  @MessagePattern(rpc(RPC.listEvents))
  listEvents(@Payload() { input }: RpcRequest) {
    return listEvents(this.db, this.schema, parseWith(contracts.ListEventsQuery, input));
  }
}
