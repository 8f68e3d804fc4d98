import type { Actor, RpcContext } from '@omni/contracts';
import type { z } from 'zod';
import type { Action } from './policy.js';

/** What a route handler gets: validated input and who is asking. */
export interface RouteCall<P = unknown, Q = unknown, B = unknown> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  /** Absent on public routes. */
  readonly actor: Actor | undefined;
  readonly context: RpcContext;
  readonly clientAddress: string;
}

/**
 * One REST operation, described once: the route table drives the Nest controller, the pipeline
 * (auth, roles, validation, idempotency, ETag) and the OpenAPI document.
 */
export interface RouteSpec {
  readonly operationId: string;
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Under /api/v1, Express style: `/inventory/products/:productId`. */
  readonly path: string;
  readonly tag: string;
  readonly summary: string;
  /**
   * For a client developer reading the OpenAPI document: what the operation does, what it refuses
   * and why. Roles and documented refusal codes are added from `access` and `refusals`.
   */
  readonly description: string;
  /** `public` needs no token; every other value is checked against the role policy. */
  readonly access: Action | 'public';
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  readonly response?: z.ZodType;
  readonly status: 200 | 201 | 204;
  /** POSTs with side effects honour Idempotency-Key. */
  readonly idempotent?: boolean;
  /** Writes to an aggregate that honour If-Match. */
  readonly ifMatch?: boolean;
  /** Other successful answers a handler may give with `RouteAnswer`, e.g. 202 while work goes on. */
  readonly otherAnswers?: readonly { status: 202; description: string; response?: z.ZodType }[];
  /**
   * How the answer becomes JSON text; `JSON.stringify` unless given. The mobile BFF's answers, made
   * of cached sections, reuse the sections' text (json-text.ts).
   */
  readonly serialize?: (body: unknown) => string;
  /** Business-rule refusals worth documenting, e.g. ['insufficient_stock']. */
  readonly refusals?: readonly { status: number; code: string }[];
  handle(call: RouteCall): Promise<unknown>;
}

/** What a handler returns to answer with another status than the route's (listed in `otherAnswers`). */
export class RouteAnswer {
  constructor(
    readonly status: 202,
    readonly body: unknown,
  ) {}
}

type Output<S> = S extends z.ZodType ? z.output<S> : undefined;

/** A route whose handler sees its inputs typed by its own schemas. */
export interface RouteDefinition<
  P extends z.ZodObject | undefined,
  Q extends z.ZodObject | undefined,
  B extends z.ZodType | undefined,
> extends Omit<RouteSpec, 'params' | 'query' | 'body' | 'handle'> {
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  handle(call: RouteCall<Output<P>, Output<Q>, Output<B>>): Promise<unknown>;
}

/** The pipeline validates a call against these same schemas before `handle` runs, so the cast holds. */
export function defineRoute<
  P extends z.ZodObject | undefined = undefined,
  Q extends z.ZodObject | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(definition: RouteDefinition<P, Q, B>): RouteSpec {
  return definition as unknown as RouteSpec;
}
