/**
 * The AsyncAPI 3 document of every event subject (docs/events.md), built from the same zod schemas
 * the services validate their event data with, so it cannot drift from the code. Served by the
 * gateway at GET /api/v1/asyncapi.json and checked in as docs/asyncapi.json.
 */
import { z } from 'zod';
import { gatewayEvents } from './events/gateway.js';
import { inventoryEvents } from './events/inventory.js';
import { notificationEvents } from './events/notification.js';
import type { EventDataSchemas } from './events/map.js';
import { ordersEvents } from './events/orders.js';
import { paymentsEvents } from './events/payments.js';
import { schedulingEvents } from './events/scheduling.js';
import { ticketingEvents } from './events/ticketing.js';
import { analyticsEvents } from './events/analytics.js';
import { streamName } from './subjects.js';

type JsonSchema = Record<string, unknown>;

/** Every service's event map: `<service>.<aggregate>.<event>` → zod schema of `data`. */
export const eventMaps: Readonly<Record<string, EventDataSchemas>> = {
  inventory: inventoryEvents,
  orders: ordersEvents,
  payments: paymentsEvents,
  scheduling: schedulingEvents,
  ticketing: ticketingEvents,
  notification: notificationEvents,
  gateway: gatewayEvents,
  analytics: analyticsEvents,
};

/** `inventory.product.stock_received` → `inventory_product_stock_received` (AsyncAPI ids are keys). */
const idOf = (type: string) => type.replaceAll('.', '_');

/** The CloudEvents 1.0 envelope every event travels in (docs/events.md), with `data` plugged in. */
function envelopeSchema(service: string, type: string, data: JsonSchema): JsonSchema {
  return {
    type: 'object',
    required: [
      'specversion',
      'id',
      'source',
      'type',
      'subject',
      'time',
      'datacontenttype',
      'data',
      'streamversion',
    ],
    properties: {
      specversion: { const: '1.0' },
      id: { type: 'string', format: 'uuid', description: 'Event id; also the Nats-Msg-Id header' },
      source: { const: `omni/${service}` },
      type: { const: type },
      subject: { type: 'string', description: 'The aggregate id' },
      time: { type: 'string', format: 'date-time' },
      datacontenttype: { const: 'application/json' },
      data,
      streamversion: { type: 'integer', minimum: 1, description: "Version of the aggregate's stream" },
      correlationid: { type: 'string' },
      causationid: { type: 'string' },
      traceparent: { type: 'string' },
      actorid: {
        type: 'string',
        description: 'User whose request caused the event; absent for timers and reactions',
      },
    },
  };
}

/** A plausible value for a JSON Schema, for the documents' examples: first choices, minimal sizes. */
export function exampleOf(schema: JsonSchema): unknown {
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0) {
      const concrete = (options as JsonSchema[]).find((o) => o.type !== 'null') ?? options[0];
      return exampleOf(concrete as JsonSchema);
    }
  }
  switch (schema.type) {
    case 'object':
      return exampleObject(schema);
    case 'array':
      return schema.items ? [exampleOf(schema.items as JsonSchema)] : [];
    case 'integer':
    case 'number':
      return Math.min(Math.max(1, Number(schema.minimum ?? 1)), Number(schema.maximum ?? 1));
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'string':
      return exampleString(schema);
    default:
      return {};
  }
}

function exampleObject(schema: JsonSchema): Record<string, unknown> {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  return Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, exampleOf(value)]));
}

function exampleString(schema: JsonSchema): string {
  if (schema.format === 'uuid') return '0190a5d2-6c4e-7b3a-9f1e-2d3c4b5a6f70';
  if (schema.format === 'date-time') return '2026-01-01T09:00:00.000Z';
  if (schema.format === 'date') return '2026-01-01';
  if (schema.format === 'email') return 'someone@example.com';
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 1;
  return 'x'.repeat(Math.max(minLength, 3));
}

function dataSchemaOf(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as JsonSchema;
  const { $schema: _dialect, $defs: defs = {}, ...rest } = json;
  return inlineRefs(rest, defs as Record<string, JsonSchema>) as JsonSchema;
}

/** Shared schemas with ids (Money) come out as `#/$defs/…` refs: inlined so each message stands alone. */
function inlineRefs(value: unknown, defs: Record<string, JsonSchema>): unknown {
  if (Array.isArray(value)) return value.map((item) => inlineRefs(item, defs));
  if (typeof value !== 'object' || value === null) return value;
  const { $ref: ref, ...rest } = value as JsonSchema;
  const target =
    typeof ref === 'string' && ref.startsWith('#/$defs/') ? defs[ref.slice('#/$defs/'.length)] : undefined;
  const merged = target ? { ...target, ...rest } : (value as JsonSchema);
  return Object.fromEntries(Object.entries(merged).map(([key, item]) => [key, inlineRefs(item, defs)]));
}

/** `inventory.product.stock_received` → channel `inventory.product.{aggregateId}.stock_received`. */
function channelAddress(type: string): string {
  const parts = type.split('.');
  return [...parts.slice(0, 2), '{aggregateId}', ...parts.slice(2)].join('.');
}

export function buildAsyncApiDocument(version: string): Record<string, unknown> {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const [service, events] of Object.entries(eventMaps)) {
    for (const [type, schema] of Object.entries(events)) {
      const id = idOf(type);
      const payload = envelopeSchema(service, type, dataSchemaOf(schema));
      messages[id] = {
        name: type,
        title: type,
        contentType: 'application/json',
        payload,
        examples: [{ name: 'example', payload: exampleOf(payload) }],
      };
      channels[id] = {
        address: channelAddress(type),
        description: `\`${type}\` events, in JetStream stream ${streamName(service)}`,
        parameters: { aggregateId: { description: 'Id of the aggregate the event belongs to' } },
        messages: { [id]: { $ref: `#/components/messages/${id}` } },
      };
      operations[`publish_${id}`] = {
        action: 'send',
        channel: { $ref: `#/channels/${id}` },
        messages: [{ $ref: `#/channels/${id}/messages/${id}` }],
      };
    }
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Omni events',
      version,
      description:
        'Domain events published on NATS JetStream as CloudEvents 1.0 JSON (docs/events.md). Each stream is named after its service in upper case and keeps every event.',
    },
    defaultContentType: 'application/json',
    servers: {
      nats: { host: 'localhost:4222', protocol: 'nats', description: 'NATS with JetStream (NATS_URL)' },
    },
    channels,
    operations,
    components: { messages },
  };
}

const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/**
 * The event catalogue as one server-rendered page (GET /api/docs/events): each channel with its
 * envelope schema and example. Plain HTML instead of the AsyncAPI web component, which would add a
 * multi-megabyte React bundle to the gateway for a page that lists schemas.
 */
export function renderAsyncApiHtml(document: Record<string, unknown>): string {
  const channels = document.channels as Record<string, { address: string; description: string }>;
  const messages = (
    document.components as {
      messages: Record<string, { payload: unknown; examples: { payload: unknown }[] }>;
    }
  ).messages;
  const sections = Object.entries(channels).map(([id, channel]) => {
    const message = messages[id]!;
    return `<section id="${id}"><h2><code>${escapeHtml(channel.address)}</code></h2><p>${escapeHtml(channel.description)}</p>
<details><summary>Schema</summary><pre>${escapeHtml(JSON.stringify(message.payload, null, 2))}</pre></details>
<details><summary>Example</summary><pre>${escapeHtml(JSON.stringify(message.examples[0]?.payload, null, 2))}</pre></details></section>`;
  });
  const index = Object.entries(channels)
    .map(([id, channel]) => `<li><a href="#${id}"><code>${escapeHtml(channel.address)}</code></a></li>`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Omni events</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}pre{background:#f4f4f4;padding:.5rem;overflow:auto}</style></head>
<body><h1>Omni events (AsyncAPI ${escapeHtml(String(document.asyncapi))})</h1><p>Machine-readable: <a href="/api/v1/asyncapi.json">/api/v1/asyncapi.json</a></p>
<ul>${index}</ul>${sections.join('\n')}</body></html>`;
}
