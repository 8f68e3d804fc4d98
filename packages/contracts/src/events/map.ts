/** Maps from an event's name to the zod schema of its data, and what is derived from them. */
import type { z } from 'zod';
import { ValidationError } from '../errors.js';
import { parseWith } from '../validation.js';

export type EventDataSchemas = Readonly<Record<string, z.ZodType>>;

/** The domain events of one aggregate, `{ type, data }`, as a union derived from its schemas. */
export type EventsOf<M extends EventDataSchemas> = {
  [K in keyof M & string]: { readonly type: K; readonly data: Readonly<z.output<M[K]>> };
}[keyof M & string];

export type Qualified<Prefix extends string, M extends EventDataSchemas> = {
  readonly [K in keyof M & string as `${Prefix}.${K}`]: M[K];
};

/** `{ created: S }` under `inventory.location` becomes `{ 'inventory.location.created': S }`. */
export function qualified<Prefix extends string, M extends EventDataSchemas>(
  prefix: Prefix,
  schemas: M,
): Qualified<Prefix, M> {
  const entries = Object.entries(schemas).map(([name, schema]) => [`${prefix}.${name}`, schema]);
  return Object.fromEntries(entries) as Qualified<Prefix, M>;
}

/**
 * Parses another service's event data at a consumer's edge: `parseEventData(ordersEvents, event.type,
 * event.data)`. A type the map does not know, or data that breaks its schema, is a ValidationError
 * naming every offending field (a consumer dead-letters it instead of acting on a guess).
 */
export function parseEventData<M extends EventDataSchemas, T extends keyof M & string>(
  schemas: M,
  type: T,
  data: unknown,
): z.output<M[T]> {
  const schema = Object.hasOwn(schemas, type) ? schemas[type] : undefined;
  if (!schema) {
    throw new ValidationError(`Unknown event type ${type}`, [
      { path: 'type', message: 'Unknown event type' },
    ]);
  }
  return parseWith(schema, data, `data of ${type}`) as z.output<M[T]>;
}
