import type { Decider, DomainEvent, analytics } from '@omni/contracts';

/** The least time between two updates of one dashboard: a live screen moves at most once a second. */
export const PUBLISH_INTERVAL_MS = 1000;

export interface PublishFigures {
  readonly type: 'PublishFigures';
  readonly figures: analytics.DashboardFigures;
  /** ISO time of the attempt (the clock comes in as an argument). */
  readonly now: string;
}
export type DashboardCommand = PublishFigures;

export type DashboardEvent = DomainEvent<'updated', analytics.DashboardUpdated>;

export interface DashboardState {
  /** The figures last published, as JSON, to compare the next ones with; null before the first. */
  readonly published: string | null;
  readonly publishedAt: string | null;
}

/**
 * A dashboard's update feed (stream `dashboard-<name>`): publishes figures only when they differ from
 * the last ones published and at least PUBLISH_INTERVAL_MS after them. Every replica may ask each
 * second; the command processor orders them on the stream, so one change is published once.
 */
export const dashboardDecider: Decider<DashboardCommand, DashboardEvent, DashboardState> = {
  initialState: { published: null, publishedAt: null },
  snapshotKey: 'dashboard-v1',
  decide({ figures, now }, state) {
    if (canonicalJson(figures) === state.published) return [];
    if (state.publishedAt && Date.parse(now) - Date.parse(state.publishedAt) < PUBLISH_INTERVAL_MS) return [];
    return [{ type: 'updated', data: { ...figures, at: now } as analytics.DashboardUpdated }];
  },
  evolve(state, event) {
    if (event.type !== 'updated') return state;
    const { at, ...figures } = event.data;
    return { published: canonicalJson(figures), publishedAt: at };
  },
};

/** JSON with object keys sorted: stored events come back from jsonb with their keys reordered. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}
