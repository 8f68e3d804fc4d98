import { given, recordingDecisions } from '@omni/testing';
import { inventory } from '@omni/contracts';
import { vendorDecider as decider } from '../src/domain/vendor/decider.js';

/** Every event the specs see the decider produce, to check each against its schema at the end. */
const produced: inventory.VendorEvent[] = [];
const vendorDecider = recordingDecisions(decider, produced);

const vendorId = '0190aaaa-0000-7000-8000-000000000001';
const created: inventory.VendorEvent = {
  type: 'created',
  data: { vendorId, code: 'TCG', name: 'Card Shop' },
};
const renamed = (name: string): inventory.VendorEvent => ({
  type: 'updated',
  data: { vendorId, changes: { name } },
});

describe('a vendor', () => {
  it('is created', () => {
    given(vendorDecider, [])
      .when({ type: 'CreateVendor', vendorId, code: 'TCG', name: 'Card Shop' })
      .then([created]);
  });

  it('is not created twice', () => {
    given(vendorDecider, [created])
      .when({ type: 'CreateVendor', vendorId, code: 'TCG', name: 'Card Shop' })
      .thenFails('vendor_exists');
  });

  it('is renamed', () => {
    given(vendorDecider, [created])
      .when({ type: 'UpdateVendor', vendorId, changes: { name: 'Card Palace' } })
      .then([renamed('Card Palace')]);
  });

  it('keeps the latest name: renaming it to what it is already publishes nothing', () => {
    const history = [created, renamed('Card Palace')];
    expect(given(vendorDecider, history).state).toEqual({
      status: 'active',
      code: 'TCG',
      name: 'Card Palace',
    });
    given(vendorDecider, history)
      .when({ type: 'UpdateVendor', vendorId, changes: { name: 'Card Palace' } })
      .then([]);
  });

  it('must exist to be changed', () => {
    given(vendorDecider, [])
      .when({ type: 'UpdateVendor', vendorId, changes: { name: 'Card Palace' } })
      .thenFails('vendor_not_found');
  });

  it('produces only events whose data parse with their schemas', () => {
    expect(produced.length).toBeGreaterThan(0);
    for (const event of produced) {
      expect(inventory.vendorEvents[event.type].parse(event.data)).toEqual(event.data);
    }
  });
});
