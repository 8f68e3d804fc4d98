import type { scheduling } from '@omni/contracts';
import { given } from '@omni/testing';
import { timeOffDecider } from '../src/domain/timeOff/decider.js';

const timeOffId = '0190dddd-0000-7000-8000-000000000001';
const staffId = '0190dddd-0000-7000-8000-000000000002';
const request = {
  timeOffId,
  staffId,
  staffUserId: null,
  from: '2026-03-10T00:00:00.000Z',
  to: '2026-03-13T00:00:00.000Z',
  reason: 'holiday',
};
const requested: scheduling.TimeOffEvent = { type: 'requested', data: request };
const { reason: _reason, ...decided } = request;

describe('time-off decider', () => {
  it('is requested once, pending', () => {
    given(timeOffDecider, [])
      .when({ type: 'RequestTimeOff', ...request })
      .then([requested]);
    given(timeOffDecider, [requested])
      .when({ type: 'RequestTimeOff', ...request })
      .thenFails('time_off_exists');
  });

  describe('when it is pending', () => {
    it('is approved with the shifts it freed', () => {
      const shiftId = '0190dddd-0000-7000-8000-000000000003';
      given(timeOffDecider, [requested])
        .when({ type: 'ApproveTimeOff', reason: null, unassignedShiftIds: [shiftId] })
        .then([{ type: 'approved', data: { ...decided, reason: null, unassignedShiftIds: [shiftId] } }]);
    });

    it('is rejected or cancelled', () => {
      given(timeOffDecider, [requested])
        .when({ type: 'RejectTimeOff', reason: 'busy week' })
        .then([{ type: 'rejected', data: { timeOffId, staffId, staffUserId: null, reason: 'busy week' } }]);
      given(timeOffDecider, [requested])
        .when({ type: 'CancelTimeOff' })
        .then([{ type: 'cancelled', data: { timeOffId, staffId, staffUserId: null } }]);
    });
  });

  describe('when it is no longer pending', () => {
    const rejected: scheduling.TimeOffEvent = {
      type: 'rejected',
      data: { timeOffId, staffId, staffUserId: null, reason: null },
    };

    it('refuses every decision with time_off_not_pending', () => {
      for (const command of [
        { type: 'ApproveTimeOff', reason: null, unassignedShiftIds: [] },
        { type: 'RejectTimeOff', reason: null },
        { type: 'CancelTimeOff' },
      ] as const) {
        given(timeOffDecider, [requested, rejected]).when(command).thenFails('time_off_not_pending');
      }
    });
  });
});
