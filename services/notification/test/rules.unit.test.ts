/**
 * The rules table, one spec per rule: given a source event, when notification reacts, then it asks to
 * notify this audience in this category with these words, or nobody.
 */
import { newId, type EventDataSchemas } from '@omni/contracts';
import { whenEvent, type ReactionUnderTest } from '@omni/testing';
import type { z } from 'zod';
import {
  notifyOnInventory,
  notifyOnOrders,
  notifyOnPayments,
  notifyOnScheduling,
  notifyOnTicketing,
} from '../src/integration/reactions.js';
import type { Notify } from '../src/rules/notify.js';

/** The one Notify a rule asks for, checked to name its source event. */
function notifies<M extends EventDataSchemas, T extends keyof M & string>(
  reaction: ReactionUnderTest<M, Notify>,
  type: T,
  data: z.input<M[T]>,
): Omit<Notify, 'sourceEventId'> {
  const { commands } = whenEvent(reaction, type, data);
  expect(commands).toHaveLength(1);
  const { sourceEventId, ...rest } = commands[0]!;
  expect(sourceEventId).toEqual(expect.any(String));
  return rest;
}

const productId = newId();
const orderId = newId();
const paymentId = newId();
const shiftId = newId();
const staffId = newId();
const staffUserId = newId();
const facilityId = newId();
const ticketId = newId();
const reporterId = newId();
const assigneeUserId = newId();
const startsAt = '2026-12-01T08:00:00.000Z';
const endsAt = '2026-12-01T16:00:00.000Z';

describe('when a product falls to its reorder level', () => {
  it('notifies every manager and clerk of low stock', () => {
    expect(
      notifies(notifyOnInventory, 'inventory.product.low_stock_detected', {
        productId,
        sku: 'TEA-1',
        available: 2,
        reorderLevel: 5,
      }),
    ).toEqual({
      type: 'Notify',
      category: 'low_stock',
      audience: { kind: 'roles', roles: ['manager', 'clerk'] },
      except: [],
      title: 'Low stock: TEA-1',
      body: '2 available, at or below the reorder level of 5.',
      resource: { type: 'product', id: productId },
    });
  });

  it('notifies nobody of other stock movements', () => {
    whenEvent(notifyOnInventory, 'inventory.location.created', { locationId: newId(), code: 'A', name: 'A' }).then([]);
  });
});

describe("when an order's status changes", () => {
  it('notifies the user who placed it, with the reason', () => {
    const notify = notifies(notifyOnOrders, 'orders.order.status_changed', {
      orderId,
      from: 'awaiting_payment',
      to: 'cancelled',
      reason: 'payment_timeout',
    });
    expect(notify).toMatchObject({
      category: 'order_status',
      audience: { kind: 'orderPlacer', orderId },
      title: `Order ${orderId.slice(0, 8)} is cancelled`,
      body: 'It went from awaiting payment to cancelled (payment_timeout).',
      resource: { type: 'order', id: orderId },
    });
  });
});

describe('when a payment is recorded or refunded on an order', () => {
  it('notifies the placer of a payment', () => {
    expect(
      notifies(notifyOnPayments, 'payments.payment.recorded', {
        paymentId,
        orderId,
        amount: { amount: 1250, currency: 'EUR' },
        method: 'card',
        reference: null,
      }),
    ).toMatchObject({ category: 'payment', audience: { kind: 'orderPlacer', orderId }, body: '12.50 EUR paid by card.' });
  });

  it('notifies the placer of a refund with its reason', () => {
    expect(
      notifies(notifyOnPayments, 'payments.payment.refunded', {
        paymentId,
        orderId,
        refundId: newId(),
        amount: { amount: 500, currency: 'EUR' },
        reason: 'order_cancelled',
      }),
    ).toMatchObject({ category: 'payment', audience: { kind: 'orderPlacer', orderId }, body: '5.00 EUR refunded: order_cancelled.' });
  });
});

describe("when a staff member's shift changes", () => {
  const shiftFor = (title: string) => ({
    category: 'shift',
    audience: { kind: 'users', userIds: [staffUserId] },
    title,
    resource: { type: 'shift', id: shiftId },
  });

  it('notifies them of an assignment', () => {
    const n = notifies(notifyOnScheduling, 'scheduling.shift.assigned', { shiftId, facilityId, startsAt, endsAt, staffId, staffUserId });
    expect(n).toMatchObject(shiftFor('You have a new shift'));
  });

  it('notifies them when they are unassigned, saying so when time off was the reason', () => {
    const n = notifies(notifyOnScheduling, 'scheduling.shift.unassigned', { shiftId, staffId, staffUserId, reason: 'time_off' });
    expect(n).toMatchObject({ ...shiftFor('A shift was taken off your schedule'), body: 'Your approved time off overlaps it.' });
  });

  it('notifies them of a reschedule, a cancellation and the reminder', () => {
    expect(
      notifies(notifyOnScheduling, 'scheduling.shift.rescheduled', {
        shiftId, facilityId, startsAt, endsAt, staffId, staffUserId,
        previous: { facilityId, startsAt: endsAt, endsAt: '2026-12-01T20:00:00.000Z' },
      }),
    ).toMatchObject(shiftFor('Your shift moved'));
    expect(
      notifies(notifyOnScheduling, 'scheduling.shift.cancelled', { shiftId, reason: 'closed', staffId, staffUserId }),
    ).toMatchObject(shiftFor('Your shift was cancelled'));
    expect(
      notifies(notifyOnScheduling, 'scheduling.shift.starting_soon', { shiftId, facilityId, startsAt, endsAt, staffId, staffUserId }),
    ).toMatchObject(shiftFor('Your shift starts soon'));
  });

  it('asks for nobody when the staff member has no gateway user (the executor drops nulls)', () => {
    const n = notifies(notifyOnScheduling, 'scheduling.shift.cancelled', { shiftId, reason: 'closed', staffId: null, staffUserId: null });
    expect(n.audience).toEqual({ kind: 'users', userIds: [null] });
  });

  it('notifies nobody of a clock-in', () => {
    whenEvent(notifyOnScheduling, 'scheduling.shift.clocked_in', { shiftId, staffId, staffUserId, at: startsAt }).then([]);
  });
});

describe('when time off is decided', () => {
  const timeOffId = newId();
  it('notifies the requester of an approval and of a rejection', () => {
    expect(
      notifies(notifyOnScheduling, 'scheduling.timeoff.approved', { timeOffId, staffId, staffUserId, from: startsAt, to: endsAt, reason: null, unassignedShiftIds: [] }),
    ).toMatchObject({ category: 'time_off', audience: { kind: 'users', userIds: [staffUserId] }, title: 'Time off approved' });
    expect(
      notifies(notifyOnScheduling, 'scheduling.timeoff.rejected', { timeOffId, staffId, staffUserId, reason: 'busy week' }),
    ).toMatchObject({ category: 'time_off', title: 'Time off rejected', body: 'Reason: busy week.' });
  });
});

describe('when a ticket is assigned, commented or breaches its SLA', () => {
  const audience = { ticketId, reporterId, assigneeUserId };

  it('notifies the assignee of the assignment', () => {
    expect(
      notifies(notifyOnTicketing, 'ticketing.ticket.assigned', { ...audience, staffId, previousStaffId: null }),
    ).toMatchObject({ category: 'ticket_assigned', audience: { kind: 'users', userIds: [assigneeUserId] } });
  });

  it('notifies reporter and assignee of a comment, never its author', () => {
    expect(
      notifies(notifyOnTicketing, 'ticketing.ticket.commented', {
        ...audience,
        commentId: newId(),
        authorId: reporterId,
        body: 'Any news?',
        internal: false,
      }),
    ).toMatchObject({
      category: 'ticket_comment',
      audience: { kind: 'users', userIds: [reporterId, assigneeUserId] },
      except: [reporterId],
      body: 'Any news?',
    });
  });

  it('notifies only the assignee of an internal comment', () => {
    const n = notifies(notifyOnTicketing, 'ticketing.ticket.commented', {
      ...audience,
      commentId: newId(),
      authorId: newId(),
      body: 'Customer is difficult',
      internal: true,
    });
    expect(n.audience).toEqual({ kind: 'users', userIds: [assigneeUserId] });
  });

  it('notifies every manager of a breached SLA', () => {
    expect(
      notifies(notifyOnTicketing, 'ticketing.ticket.sla_breached', { ...audience, slaDueAt: endsAt }),
    ).toMatchObject({ category: 'sla_breached', audience: { kind: 'roles', roles: ['manager'] } });
  });

  it('notifies nobody when work starts', () => {
    whenEvent(notifyOnTicketing, 'ticketing.ticket.started', audience).then([]);
  });
});
