import {
  PreconditionFailedError,
  UnauthorizedError,
  ValidationError,
  zodIssuesToFieldErrors,
  type Actor,
  type FieldError,
  type RpcContext,
} from '@omni/contracts';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { resourceWrittenBy } from '../collaboration/resources.js';
import type { Locks } from '../collaboration/locks.js';
import type { Auth } from '../identity/auth.js';
import type { IdempotencyKeys, StoredResponse } from './idempotency.js';
import { authorize } from './policy.js';
import { RouteAnswer, type RouteCall, type RouteSpec } from './route.js';
import type { MatchedRoute } from './route-table.js';
import { traceIdOf } from './trace-id.js';
import { httpRequestDuration } from '@omni/service-kit';

/**
 * Runs one REST call through the same steps for every route: authenticate, authorise by role,
 * validate every input (all bad fields at once), refuse writes to a resource another user has
 * locked, honour If-Match and Idempotency-Key, answer with an ETag when the result is a versioned
 * aggregate.
 */
export class RoutePipeline {
  constructor(
    private readonly auth: Auth,
    private readonly idempotency: IdempotencyKeys,
    private readonly locks: Pick<Locks, 'assertWritable'>,
  ) {}

  async run(route: RouteSpec, params: RouteParams, req: Request, res: Response): Promise<void> {
    observeDuration(route, res);
    const actor = route.access === 'public' ? undefined : await this.authenticate(req);
    if (actor && route.access !== 'public') authorize(actor, route.access);
    const call = this.validatedCall(route, params, req, res, actor);
    const resource = resourceWrittenBy(route, call.params);
    if (resource && actor) await this.locks.assertWritable(resource, actor.userId);
    const key = route.idempotent ? req.header('idempotency-key') : undefined;
    const execute = () => this.execute(route, call);
    const response =
      key === undefined
        ? { ...(await execute()), replayed: false }
        : await this.idempotency.once(
            {
              principal: actor?.userId ?? 'anonymous',
              key,
              request: [route.operationId, call.params, call.body],
            },
            execute,
          );
    for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
    if (response.replayed) res.setHeader('Idempotency-Replayed', 'true');
    if (response.body === undefined) res.status(response.status).end();
    else res.status(response.status).type('json').send(response.body);
  }

  private async execute(route: RouteSpec, call: RouteCall): Promise<StoredResponse> {
    const result = await route.handle(call);
    const status = result instanceof RouteAnswer ? result.status : route.status;
    const body: unknown = result instanceof RouteAnswer ? result.body : result;
    const version = (body as { version?: unknown } | undefined)?.version;
    return {
      status,
      headers: typeof version === 'number' ? { ETag: `"${version}"` } : {},
      // Serialised once here, so the stored replay and the first answer are the same bytes.
      body: status === 204 ? undefined : serialize(route, body ?? null),
    };
  }

  private async authenticate(req: Request): Promise<Actor> {
    const header = req.header('authorization');
    const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!token) throw new UnauthorizedError('Send an access token: Authorization: Bearer <token>');
    return this.auth.authenticate(token);
  }

  private validatedCall(
    route: RouteSpec,
    pathParams: RouteParams,
    req: Request,
    res: Response,
    actor: Actor | undefined,
  ): RouteCall {
    const errors: FieldError[] = [];
    const parse = (schema: z.ZodType | undefined, value: unknown) => {
      if (!schema) return value;
      const result = schema.safeParse(value);
      if (result.success) return result.data;
      errors.push(...zodIssuesToFieldErrors(result.error.issues));
      return undefined;
    };
    const params = parse(route.params, pathParams);
    const query = parse(route.query, req.query);
    const body = parse(route.body, req.body);
    if (errors.length) throw new ValidationError('The request is invalid', errors);
    const expectedVersion = route.ifMatch ? parseIfMatch(req.header('if-match')) : undefined;
    const key = route.idempotent ? req.header('idempotency-key') : undefined;
    const context: RpcContext = {
      correlationId: traceIdOf(res),
      ...(actor ? { actor } : {}),
      ...(expectedVersion === undefined ? {} : { expectedVersion }),
      ...(key ? { idempotencyKey: `${actor?.userId ?? 'anonymous'}:${route.operationId}:${key}` } : {}),
    };
    return {
      params,
      query,
      body,
      actor,
      context,
      clientAddress: req.ip ?? 'unknown',
    };
  }
}

type RouteParams = MatchedRoute['params'];

function serialize(route: RouteSpec, body: unknown): string {
  return route.serialize ? route.serialize(body) : JSON.stringify(body);
}

/** `If-Match: "7"` → 7; `*` or no header → no check; anything else can never match. */
function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const version = header.trim().match(/^(?:W\/)?"?(\d+)"?$/)?.[1];
  if (version === undefined)
    throw new PreconditionFailedError('If-Match must be an ETag this API gave out, e.g. "3"');
  return Number(version);
}

/** `omni_http_request_duration_seconds` by operation and status, whatever the answer (problems too). */
function observeDuration(route: RouteSpec, res: Response): void {
  const stop = httpRequestDuration.startTimer({ operation: route.operationId });
  res.once('finish', () => stop({ status: String(res.statusCode) }));
}
