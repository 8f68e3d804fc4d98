import type { analytics } from '@omni/contracts';
import { given } from '@omni/testing';
import { dashboardDecider, type DashboardEvent } from '../src/domain/dashboard/decider.js';

const day = (ordersPlaced: number): analytics.SalesDay => ({
  date: '2026-03-02',
  ordersPlaced,
  ordersPaid: 0,
  ordersCancelled: 0,
  revenue: { amount: 0, currency: 'EUR' },
});
const figures = (placed: number): analytics.DashboardFigures => ({ dashboard: 'sales', today: day(placed) });
const publish = (placed: number, now: string) => ({
  type: 'PublishFigures' as const,
  figures: figures(placed),
  now,
});
const updated = (placed: number, at: string): DashboardEvent => ({
  type: 'updated',
  data: { dashboard: 'sales', at, today: day(placed) },
});

describe('a dashboard update feed', () => {
  describe('when nothing was published yet', () => {
    it('publishes the figures', () => {
      given(dashboardDecider, [])
        .when(publish(1, '2026-03-02T10:00:00.000Z'))
        .then([updated(1, '2026-03-02T10:00:00.000Z')]);
    });
  });

  describe('when the same figures were published', () => {
    it('publishes nothing, whatever the order of their keys', () => {
      const stored = updated(1, '2026-03-02T10:00:00.000Z');
      const reordered: DashboardEvent = {
        type: 'updated',
        data: JSON.parse(JSON.stringify({ today: { ...day(1) }, at: stored.data.at, dashboard: 'sales' })),
      };
      given(dashboardDecider, [reordered]).when(publish(1, '2026-03-02T10:00:05.000Z')).then([]);
    });
  });

  describe('when the figures moved less than a second after the last update', () => {
    it('waits: publishes nothing yet', () => {
      given(dashboardDecider, [updated(1, '2026-03-02T10:00:00.000Z')])
        .when(publish(2, '2026-03-02T10:00:00.900Z'))
        .then([]);
    });
  });

  describe('when the figures moved a second or more after the last update', () => {
    it('publishes the new figures', () => {
      given(dashboardDecider, [updated(1, '2026-03-02T10:00:00.000Z')])
        .when(publish(2, '2026-03-02T10:00:01.000Z'))
        .then([updated(2, '2026-03-02T10:00:01.000Z')]);
    });
  });
});
