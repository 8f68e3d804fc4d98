/**
 * THE RULES: which event notifies whom, in which category, with which words (docs/notifications.md).
 * One table per source service, keyed by CloudEvents type; an event type that is not listed notifies
 * nobody. Each rule is a pure function of the event's data (specs in test/rules.unit.test.ts).
 */
import type { inventoryEvents, ordersEvents, paymentsEvents, schedulingEvents, ticketingEvents } from '@omni/contracts';
import type { z } from 'zod';
import { formatMoney, orderPlacer, roles, shortId, users, type RuleOutcome } from './notify.js';

type Rules<M> = { readonly [K in keyof M & string]?: (data: Readonly<z.output<M[K]>>) => RuleOutcome | null };

export const INVENTORY_RULES: Rules<typeof inventoryEvents> = {
  'inventory.product.low_stock_detected': (d) => ({
    category: 'low_stock',
    audience: roles('manager', 'clerk'),
    title: `Low stock: ${d.sku}`,
    body: `${d.available} available, at or below the reorder level of ${d.reorderLevel}.`,
    resource: { type: 'product', id: d.productId },
  }),
};

export const ORDERS_RULES: Rules<typeof ordersEvents> = {
  'orders.order.status_changed': (d) => ({
    category: 'order_status',
    audience: orderPlacer(d.orderId),
    title: `Order ${shortId(d.orderId)} is ${d.to.replace('_', ' ')}`,
    body: `It went from ${d.from.replace('_', ' ')} to ${d.to.replace('_', ' ')}${d.reason ? ` (${d.reason})` : ''}.`,
    resource: { type: 'order', id: d.orderId },
  }),
};

export const PAYMENTS_RULES: Rules<typeof paymentsEvents> = {
  'payments.payment.recorded': (d) => ({
    category: 'payment',
    audience: orderPlacer(d.orderId),
    title: `Payment recorded on order ${shortId(d.orderId)}`,
    body: `${formatMoney(d.amount)} paid by ${d.method}.`,
    resource: { type: 'order', id: d.orderId },
  }),
  'payments.payment.refunded': (d) => ({
    category: 'payment',
    audience: orderPlacer(d.orderId),
    title: `Refund on order ${shortId(d.orderId)}`,
    body: `${formatMoney(d.amount)} refunded: ${d.reason}.`,
    resource: { type: 'order', id: d.orderId },
  }),
};

const shift = (id: string) => ({ type: 'shift' as const, id });
const span = (d: { startsAt: string; endsAt: string }) => `${d.startsAt} to ${d.endsAt}`;

export const SCHEDULING_RULES: Rules<typeof schedulingEvents> = {
  'scheduling.shift.assigned': (d) => ({
    category: 'shift',
    audience: users(d.staffUserId),
    title: 'You have a new shift',
    body: `From ${span(d)}.`,
    resource: shift(d.shiftId),
  }),
  'scheduling.shift.unassigned': (d) => ({
    category: 'shift',
    audience: users(d.staffUserId),
    title: 'A shift was taken off your schedule',
    body: d.reason === 'time_off' ? 'Your approved time off overlaps it.' : 'You are no longer assigned to it.',
    resource: shift(d.shiftId),
  }),
  'scheduling.shift.rescheduled': (d) => ({
    category: 'shift',
    audience: users(d.staffUserId),
    title: 'Your shift moved',
    body: `It now runs from ${span(d)}.`,
    resource: shift(d.shiftId),
  }),
  'scheduling.shift.cancelled': (d) => ({
    category: 'shift',
    audience: users(d.staffUserId),
    title: 'Your shift was cancelled',
    body: `Reason: ${d.reason}.`,
    resource: shift(d.shiftId),
  }),
  'scheduling.shift.starting_soon': (d) => ({
    category: 'shift',
    audience: users(d.staffUserId),
    title: 'Your shift starts soon',
    body: `It starts at ${d.startsAt}.`,
    resource: shift(d.shiftId),
  }),
  'scheduling.timeoff.approved': (d) => ({
    category: 'time_off',
    audience: users(d.staffUserId),
    title: 'Time off approved',
    body: `From ${d.from} to ${d.to}.`,
    resource: { type: 'timeoff', id: d.timeOffId },
  }),
  'scheduling.timeoff.rejected': (d) => ({
    category: 'time_off',
    audience: users(d.staffUserId),
    title: 'Time off rejected',
    body: d.reason ? `Reason: ${d.reason}.` : 'Your request was rejected.',
    resource: { type: 'timeoff', id: d.timeOffId },
  }),
};

const ticket = (id: string) => ({ type: 'ticket' as const, id });

export const TICKETING_RULES: Rules<typeof ticketingEvents> = {
  'ticketing.ticket.assigned': (d) => ({
    category: 'ticket_assigned',
    audience: users(d.assigneeUserId),
    title: 'A ticket was assigned to you',
    body: 'Open it to see what needs doing.',
    resource: ticket(d.ticketId),
  }),
  'ticketing.ticket.commented': (d) => ({
    category: 'ticket_comment',
    // An internal comment is for admin, manager and the assignee only (docs/ticketing.md).
    audience: d.internal ? users(d.assigneeUserId) : users(d.reporterId, d.assigneeUserId),
    except: [d.authorId],
    title: 'New comment on a ticket',
    body: d.body.length > 200 ? `${d.body.slice(0, 199)}…` : d.body,
    resource: ticket(d.ticketId),
  }),
  'ticketing.ticket.sla_breached': (d) => ({
    category: 'sla_breached',
    audience: roles('manager'),
    title: 'A ticket breached its SLA',
    body: `It was due by ${d.slaDueAt}.`,
    resource: ticket(d.ticketId),
  }),
};
