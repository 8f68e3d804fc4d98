import type { z } from 'zod';
import type { CloudEvent } from './cloud-event.js';
import { ValidationError } from './errors.js';
import { parseWith } from './validation.js';

/** Another service's events as a consumer reads them: CloudEvents `type` → zod schema of its `data`. */
export type EventSchemaMap = Readonly<Record<string, z.ZodType>>;

/**
 * A CloudEvent whose `data` was parsed with the schema of its `type`: a union tagged by `type`, so a
 * `switch (event.type)` narrows `data` and the compiler checks every case against the contracts.
 */
export type TypedEvent<M extends EventSchemaMap> = {
  [K in keyof M & string]: Omit<CloudEvent, 'type' | 'data'> & {
    readonly type: K;
    readonly data: Readonly<z.output<M[K]>>;
  };
}[keyof M & string];

/**
 * Parses another service's event at the consumer's edge. A type the map does not know, or data that
 * breaks its schema, is a ValidationError naming every offending field: a consumer dead-letters it
 * rather than act on a guess.
 */
export function parseEvent<M extends EventSchemaMap>(schemas: M, event: CloudEvent): TypedEvent<M> {
  const schema = Object.hasOwn(schemas, event.type) ? schemas[event.type] : undefined;
  if (!schema) {
    throw new ValidationError(`No schema for event type ${event.type}`, [
      { path: 'type', message: 'Unknown event type' },
    ]);
  }
  const data = parseWith(schema, event.data, `data of ${event.type}`) as unknown;
  return { ...event, data } as TypedEvent<M>;
}
