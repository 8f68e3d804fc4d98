import type { scheduling } from '@omni/contracts';
import { given } from '@omni/testing';
import { facilityDecider } from '../src/domain/facility/decider.js';
import { staffDecider } from '../src/domain/staff/decider.js';

const facilityId = '0190ffff-0000-7000-8000-000000000001';
const staffId = '0190ffff-0000-7000-8000-000000000002';

describe('facility decider', () => {
  const created: scheduling.FacilityEvent = {
    type: 'created',
    data: { facilityId, code: 'STU', name: 'Studio', timezone: 'Europe/Berlin' },
  };

  it('is created once and updated with its new values', () => {
    given(facilityDecider, [])
      .when({ type: 'CreateFacility', facilityId, code: 'STU', name: 'Studio', timezone: 'Europe/Berlin' })
      .then([created]);
    given(facilityDecider, [created])
      .when({ type: 'CreateFacility', facilityId, code: 'STU', name: 'x', timezone: 'UTC' })
      .thenFails('facility_exists');
    given(facilityDecider, [created])
      .when({ type: 'UpdateFacility', timezone: 'UTC' })
      .then([{ type: 'updated', data: { facilityId, name: 'Studio', timezone: 'UTC' } }]);
    given(facilityDecider, [created]).when({ type: 'UpdateFacility', name: 'Studio' }).then([]);
  });
});

describe('staff decider', () => {
  const profile = {
    name: 'Ada',
    email: 'ada@omni.local',
    userId: null,
    skills: ['barista'],
    weeklyMinutesLimit: 2400,
  };
  const registered: scheduling.StaffEvent = { type: 'registered', data: { staffId, ...profile } };

  it('is registered once and updated with every field, null clearing one', () => {
    given(staffDecider, [])
      .when({ type: 'RegisterStaff', staffId, ...profile })
      .then([registered]);
    given(staffDecider, [registered])
      .when({ type: 'RegisterStaff', staffId, ...profile })
      .thenFails('staff_exists');
    given(staffDecider, [registered])
      .when({ type: 'UpdateStaff', weeklyMinutesLimit: null, name: undefined })
      .then([{ type: 'updated', data: { staffId, ...profile, weeklyMinutesLimit: null } }]);
    given(staffDecider, [registered]).when({ type: 'UpdateStaff', name: 'Ada' }).then([]);
  });
});
