import type { z } from 'zod';
import type { CloudEvent } from './cloud-event.js';
import { parseEventData, type EventDataSchemas } from './events/map.js';

/**
 * A CloudEvent whose `data` was parsed with the schema of its `type`: a union tagged by `type`, so a
 * `switch (event.type)` narrows `data` and the compiler checks every case against the contracts.
 */
export type TypedEvent<M extends EventDataSchemas> = {
  [K in keyof M & string]: Omit<CloudEvent, 'type' | 'data'> & {
    readonly type: K;
    readonly data: Readonly<z.output<M[K]>>;
  };
}[keyof M & string];

/**
 * Parses another service's event at the consumer's edge (see `parseEventData`): a type the map does
 * not know, or data that breaks its schema, is a ValidationError, which a consumer dead-letters.
 */
export function parseEvent<M extends EventDataSchemas>(schemas: M, event: CloudEvent): TypedEvent<M> {
  const data = parseEventData(schemas, event.type, event.data) as unknown;
  return { ...event, data } as TypedEvent<M>;
}
