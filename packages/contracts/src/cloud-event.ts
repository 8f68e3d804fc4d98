import { z } from 'zod';

/** CloudEvents 1.0 JSON envelope of every Omni event (docs/events.md). */
export const CloudEvent = z
  .object({
    specversion: z.literal('1.0'),
    id: z.uuid(),
    source: z.string().regex(/^omni\/[a-z]+$/),
    type: z.string(),
    subject: z.string(),
    time: z.iso.datetime(),
    datacontenttype: z.literal('application/json'),
    data: z.record(z.string(), z.unknown()),
    streamversion: z.number().int().positive(),
    correlationid: z.string(),
    causationid: z.string(),
    traceparent: z.string().optional(),
    actorid: z
      .string()
      .optional()
      .describe(
        "The user whose request caused the event; absent when a timer or another service's event did",
      ),
  })
  .meta({ id: 'CloudEvent' });
export type CloudEvent<D = Record<string, unknown>> = Omit<z.infer<typeof CloudEvent>, 'data'> & { data: D };

/** What travels with every event besides its data; stored in the event store's `metadata` column. */
export interface EventMetadata {
  readonly correlationId: string;
  readonly causationId: string;
  readonly traceparent?: string;
  /** Id of the user whose command caused the event, when there is one. */
  readonly actorId?: string;
}

export interface StoredEventForEnvelope {
  readonly eventId: string;
  readonly service: string;
  readonly aggregate: string;
  readonly aggregateId: string;
  /** snake_case event name, e.g. `stock_received`. */
  readonly eventType: string;
  readonly data: Record<string, unknown>;
  readonly streamVersion: number;
  readonly recordedAt: Date;
  readonly metadata: EventMetadata;
}

export function toCloudEvent(e: StoredEventForEnvelope): CloudEvent {
  return {
    specversion: '1.0',
    id: e.eventId,
    source: `omni/${e.service}`,
    type: `${e.service}.${e.aggregate}.${e.eventType}`,
    subject: e.aggregateId,
    time: e.recordedAt.toISOString(),
    datacontenttype: 'application/json',
    data: e.data,
    streamversion: e.streamVersion,
    correlationid: e.metadata.correlationId,
    causationid: e.metadata.causationId,
    ...(e.metadata.traceparent ? { traceparent: e.metadata.traceparent } : {}),
    ...(e.metadata.actorId ? { actorid: e.metadata.actorId } : {}),
  };
}
