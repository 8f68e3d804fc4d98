import { z } from 'zod';
import { kindWrittenBy } from '../collaboration/resources.js';
import { POLICY } from '../http/policy.js';
import type { RouteSpec } from '../http/route.js';

type JsonSchema = Record<string, unknown>;

const PROBLEM: JsonSchema = {
  type: 'object',
  description: 'RFC 9457 problem details',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string', description: 'stable machine-readable reason, e.g. insufficient_stock' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { path: { type: 'string' }, message: { type: 'string' } },
        required: ['path', 'message'],
      },
    },
    traceId: { type: 'string' },
  },
  required: ['type', 'title', 'status', 'detail', 'code', 'errors'],
};

/**
 * OpenAPI 3.1 generated from the route table and the zod contracts (docs/architecture.md): the schemas
 * are the ones requests are validated with, so the document cannot drift from the code.
 */
export function buildOpenApiDocument(routes: readonly RouteSpec[], version: string): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    paths[path] = { ...paths[path], [route.method]: operation(route) };
  }
  paths['/events'] = { get: EVENT_STREAM };
  const schemas = { ...componentSchemas(), Problem: PROBLEM };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Omni API',
      version,
      description: API_DESCRIPTION,
      contact: { name: 'Omni maintainers' },
    },
    servers: [{ url: '/api/v1' }],
    tags: [...new Set([...routes.map((r) => r.tag), 'realtime'])].map((name) => ({ name })),
    paths,
    components: {
      schemas: usedSchemas(paths, schemas),
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
}

/** Served outside the route table (a stream, not a JSON answer), documented here with the rest. */
const EVENT_STREAM: JsonSchema = {
  operationId: 'streamEvents',
  summary:
    'Server-Sent Events: one subscription (same filters and rights as the WebSocket); id = stream sequence, ' +
    'event = event type, data = CloudEvent; resume with Last-Event-ID or since; a keepalive comment every 15 s',
  description:
    'A `text/event-stream` of the events matching `subject` (NATS wildcards, inside one service), for clients ' +
    'that cannot open the `/ws` WebSocket. Each event: `id:` its stream sequence, `event:` its type, `data:` the ' +
    'CloudEvent. Reconnect with `Last-Event-ID` (or `since`) to resume with no gap and no duplicate. ' +
    'A reader that falls too far behind is cut off and resumes the same way. See docs/realtime.md.' +
    '\n\nWho may call it: any signed-in user, for the events their role may read.',
  tags: ['realtime'],
  security: [{ bearer: [] }],
  parameters: [
    {
      name: 'subject',
      in: 'query',
      required: true,
      schema: { type: 'string' },
      description: 'e.g. inventory.>',
    },
    { name: 'since', in: 'query', required: false, schema: { type: 'integer', minimum: 0 } },
    { name: 'access_token', in: 'query', required: false, schema: { type: 'string' } },
    { name: 'Last-Event-ID', in: 'header', required: false, schema: { type: 'string' } },
  ],
  responses: {
    '200': {
      description: 'The event stream',
      content: { 'text/event-stream': { schema: { type: 'string' } } },
    },
    '400': { description: 'Bad filter or since' },
    '401': { description: 'No or invalid access token' },
    '403': { description: 'Your role may not read these events' },
    '404': { description: 'No such service or stream' },
  },
};
const API_DESCRIPTION = [
  'REST API of Omni. Errors are application/problem+json with a stable `code`; every response carries ' +
    '`X-Trace-Id`, which a problem repeats as `traceId`: quote it when reporting a problem.',
  'Browsers: pages on the origins the gateway lists in `CORS_ORIGINS` (by default http://localhost:5173 and ' +
    'http://localhost:3000 outside production, none in production) may call this API, open the `/ws` WebSocket and read `/api/v1/events`. ' +
    'Preflights are answered; `Authorization`, `Content-Type`, `Idempotency-Key` and `If-Match` may be sent; ' +
    '`X-Trace-Id`, `ETag`, `Idempotency-Replayed` and `Retry-After` can be read. Other origins get no CORS headers, ' +
    'and their WebSocket upgrade is refused with 403.',
  'See docs/ in the repository for the WebSocket protocol and the events.',
].join('\n\n');

/** What the operation does, then who may call it, from the same role table the gateway enforces. */
function descriptionOf(route: RouteSpec): string {
  if (route.access === 'public') return `${route.description}\n\nNo access token needed.`;
  const roles: 'any' | readonly string[] = POLICY[route.access];
  const who = roles === 'any' ? 'any signed-in user' : roles.join(', ');
  return `${route.description}\n\nWho may call it: ${who}.`;
}

/**
 * Only the schemas the operations reach: the contracts register more (events, internal commands)
 * than the REST API shows, and a component nobody references only misleads a reader.
 */
function usedSchemas(
  paths: Record<string, unknown>,
  schemas: Record<string, JsonSchema>,
): Record<string, JsonSchema> {
  const used = new Set<string>();
  const visit = (value: unknown) => {
    for (const [, id] of JSON.stringify(value).matchAll(/"#\/components\/schemas\/([^"]+)"/g)) {
      if (used.has(id!) || !schemas[id!]) continue;
      used.add(id!);
      visit(schemas[id!]);
    }
  };
  visit(paths);
  return Object.fromEntries(Object.entries(schemas).filter(([id]) => used.has(id)));
}

function operation(route: RouteSpec): JsonSchema {
  const parameters = [
    ...parametersOf(route.params, 'path'),
    ...parametersOf(route.query, 'query'),
    ...(route.idempotent
      ? [header('Idempotency-Key', 'Repeat a POST safely: the first response is replayed')]
      : []),
    ...(route.ifMatch ? [header('If-Match', 'The ETag of the version you changed, e.g. "3"')] : []),
  ];
  return {
    operationId: route.operationId,
    summary: route.summary,
    description: descriptionOf(route),
    tags: [route.tag],
    ...(route.access === 'public' ? { security: [] } : { security: [{ bearer: [] }] }),
    ...(parameters.length ? { parameters } : {}),
    ...(route.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(route.body) } } } }
      : {}),
    responses: responsesOf(route),
  };
}

function responsesOf(route: RouteSpec): Record<string, unknown> {
  const problem = (description: string) => ({
    description,
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  });
  const success =
    route.status === 204 || !route.response
      ? { description: 'Done' }
      : { description: 'OK', content: { 'application/json': { schema: schemaOf(route.response) } } };
  const responses: Record<string, unknown> = {
    [route.status]: success,
    '400': problem('Invalid input; errors lists every field'),
  };
  for (const answer of route.otherAnswers ?? []) {
    responses[answer.status] = {
      description: answer.description,
      ...(answer.response ? { content: { 'application/json': { schema: schemaOf(answer.response) } } } : {}),
    };
  }
  if (route.access !== 'public') {
    responses['401'] = problem('No or invalid access token');
    responses['403'] = problem('Your role may not do this');
  }
  if (route.params) responses['404'] = problem('Unknown id');
  if (route.ifMatch) responses['412'] = problem('If-Match does not match the current version');
  for (const { status, code } of route.refusals ?? []) {
    const existing = responses[status] as { description: string } | undefined;
    responses[status] = problem(existing ? `${existing.description}, ${code}` : `Refused: ${code}`);
  }
  if (route.idempotent) responses['422'] ??= problem('Idempotency-Key reused with a different request');
  if (kindWrittenBy(route))
    responses['423'] = problem('Another user holds a lock on this resource: resource_locked');
  return responses;
}

function parametersOf(schema: z.ZodObject | undefined, where: 'path' | 'query'): JsonSchema[] {
  if (!schema) return [];
  const json = schemaOf(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, propertySchema]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: propertySchema,
  }));
}

function header(name: string, description: string): JsonSchema {
  return { name, in: 'header', required: false, description, schema: { type: 'string' } };
}

const uri = (id: string) => `#/components/schemas/${id}`;

/**
 * Request schemas describe what a client may send (input), so defaulted fields are optional. Schemas
 * with an id live in components; nested ones are referenced there instead of repeated.
 */
function schemaOf(schema: z.ZodType): JsonSchema {
  const id = z.globalRegistry.get(schema)?.id;
  if (id) return { $ref: uri(id) };
  const {
    $schema: _s,
    $defs: _d,
    ...json
  } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return JSON.parse(JSON.stringify(json).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema;
}

function componentSchemas(): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, { io: 'input', unrepresentable: 'any', uri }) as {
    schemas: Record<string, JsonSchema>;
  };
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $schema: _s, $id: _i, ...schema }]) => [id, schema]),
  );
}
