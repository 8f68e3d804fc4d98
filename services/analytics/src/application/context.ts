import { createCommandProcessor, type CommandProcessor, type EventStore } from '@omni/event-store';
import { inlineProjections } from '@omni/projections';
import { ANALYTICS_PROJECTIONS } from '../projections/index.js';

export interface Analytics {
  readonly store: EventStore;
  readonly schema: string;
  /** Runs the dashboards' publish commands (stream `dashboard-<name>`). */
  readonly commands: CommandProcessor;
}

export function createAnalytics(store: EventStore): Analytics {
  return {
    store,
    schema: store.schema,
    commands: createCommandProcessor({
      store,
      project: inlineProjections(store.schema, ANALYTICS_PROJECTIONS),
    }),
  };
}
