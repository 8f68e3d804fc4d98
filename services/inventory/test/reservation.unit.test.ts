import { given, recordingDecisions } from '@omni/testing';
import { inventory } from '@omni/contracts';
import { reservationDecider as decider } from '../src/domain/reservation/decider.js';
import { locationDecider as locations } from '../src/domain/location/decider.js';

/** Every event the specs see the deciders produce, to check each against its schema at the end. */
const reservationEvents: inventory.ReservationEvent[] = [];
const locationEvents: inventory.LocationEvent[] = [];
const reservationDecider = recordingDecisions(decider, reservationEvents);
const locationDecider = recordingDecisions(locations, locationEvents);

const orderId = '0190aaaa-0000-7000-8000-0000000000aa';
const locationId = '0190aaaa-0000-7000-8000-00000000000a';
const confirmed: inventory.ReservationEvent = {
  type: 'confirmed',
  data: { orderId, locationId, lines: [{ productId: '0190aaaa-0000-7000-8000-000000000001', quantity: 2 }] },
};

describe('reservation decider', () => {
  describe('when the order has no reservation', () => {
    it('confirms one', () => {
      given(reservationDecider, [])
        .when({ type: 'ConfirmReservation', data: confirmed.data as inventory.ReservationConfirmed })
        .then([confirmed]);
    });
    it('refuses to commit', () => {
      given(reservationDecider, [])
        .when({ type: 'CommitReservation', orderId })
        .thenFails('reservation_not_active');
    });
  });
  describe('when the order already has a reservation', () => {
    it('refuses a duplicate reservation', () => {
      given(reservationDecider, [confirmed])
        .when({
          type: 'RejectReservation',
          data: { orderId, locationId, reason: 'insufficient_stock', failedLines: [] },
        })
        .thenFails('duplicate_reservation');
    });
    it('commits it once', () => {
      given(reservationDecider, [confirmed])
        .when({ type: 'CommitReservation', orderId })
        .then([{ type: 'committed', data: { orderId } }]);
      given(reservationDecider, [confirmed, { type: 'committed', data: { orderId } }])
        .when({ type: 'ReleaseReservation', orderId })
        .thenFails('reservation_not_active');
    });
  });
});

describe('location decider', () => {
  it('creates a location once', () => {
    const created: inventory.LocationEvent = {
      type: 'created',
      data: { locationId, code: 'SHOP', name: 'Shop' },
    };
    given(locationDecider, [])
      .when({ type: 'CreateLocation', locationId, code: 'SHOP', name: 'Shop' })
      .then([created]);
    given(locationDecider, [created])
      .when({ type: 'CreateLocation', locationId, code: 'SHOP', name: 'Shop' })
      .thenFails('location_exists');
  });
});

describe('a release that overtakes its reservation', () => {
  it('is recorded, and the late reservation is refused', () => {
    given(reservationDecider, [])
      .when({ type: 'ReleaseReservation', orderId })
      .then([{ type: 'released', data: { orderId } }]);
    given(reservationDecider, [{ type: 'released', data: { orderId } }])
      .when({ type: 'ConfirmReservation', data: confirmed.data as inventory.ReservationConfirmed })
      .thenFails('duplicate_reservation');
  });
});

it('produces only events whose data parse with their schemas', () => {
  expect(reservationEvents.length).toBeGreaterThan(0);
  expect(locationEvents.length).toBeGreaterThan(0);
  for (const event of reservationEvents) {
    expect(inventory.reservationEvents[event.type].parse(event.data)).toEqual(event.data);
  }
  for (const event of locationEvents) {
    expect(inventory.locationEvents[event.type].parse(event.data)).toEqual(event.data);
  }
});
