/**
 * One error hierarchy with stable codes (ARCHITECTURE §11), mapped once at each edge:
 * problem+json over HTTP (`toProblem`), a plain object over RPC (`toWireError`/`fromWireError`),
 * `term` or `nak` on JetStream (`isTransient`).
 */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

export interface OmniErrorOptions {
  readonly cause?: unknown;
  readonly errors?: readonly FieldError[];
  /** Extra, client-safe facts about the refusal (e.g. the order lines that failed). */
  readonly details?: Readonly<Record<string, unknown>>;
}

export abstract class OmniError extends Error {
  abstract readonly status: number;
  readonly code: string;
  readonly errors?: readonly FieldError[];
  readonly details?: Readonly<Record<string, unknown>>;

  constructor(code: string, message: string, options: OmniErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    if (options.errors) this.errors = options.errors;
    if (options.details) this.details = options.details;
  }
}

/** 400: the input breaks the schema; `errors` lists every offending field. */
export class ValidationError extends OmniError {
  readonly status = 400;
  constructor(
    message: string,
    errors: readonly FieldError[],
    options: Omit<OmniErrorOptions, 'errors'> = {},
  ) {
    super('validation_failed', message, { ...options, errors });
  }
}

export class UnauthorizedError extends OmniError {
  readonly status = 401;
  constructor(message = 'Authentication is required', options?: OmniErrorOptions) {
    super('unauthorized', message, options);
  }
}

export class ForbiddenError extends OmniError {
  readonly status = 403;
  constructor(message = 'Your role does not allow this', options?: OmniErrorOptions) {
    super('forbidden', message, options);
  }
}

export class NotFoundError extends OmniError {
  readonly status = 404;
  constructor(message = 'Not found', code = 'not_found', options?: OmniErrorOptions) {
    super(code, message, options);
  }
}

/** 409: the state or version of the target does not allow the command. */
export class ConflictError extends OmniError {
  readonly status = 409;
  constructor(code: string, message: string, options?: OmniErrorOptions) {
    super(code, message, options);
  }
}

export class PreconditionFailedError extends OmniError {
  readonly status = 412;
  constructor(message = 'If-Match does not match the current version', options?: OmniErrorOptions) {
    super('precondition_failed', message, options);
  }
}

/** 422: a business rule refused the command; `code` names the rule (e.g. `insufficient_stock`). */
export class BusinessRuleError extends OmniError {
  readonly status = 422;
  constructor(code: string, message: string, options?: OmniErrorOptions) {
    super(code, message, options);
  }
}

export class RateLimitedError extends OmniError {
  readonly status = 429;
  constructor(message = 'Too many requests', options?: OmniErrorOptions) {
    super('rate_limited', message, options);
  }
}

/** 503: a dependency is down or did not answer in time; worth retrying. */
export class UnavailableError extends OmniError {
  readonly status = 503;
  constructor(message = 'A service is unavailable', options?: OmniErrorOptions) {
    super('service_unavailable', message, options);
  }
}

/** 500: anything unexpected. Its message is never shown to clients. */
export class InternalError extends OmniError {
  readonly status = 500;
  constructor(message = 'Internal error', options?: OmniErrorOptions) {
    super('internal_error', message, options);
  }
}

export function isOmniError(value: unknown): value is OmniError {
  return value instanceof OmniError;
}

/** Transient failures are retried (nak with delay); everything else is final (term). */
export function isTransient(error: unknown): boolean {
  return !(error instanceof OmniError) || error.status >= 500 || error.status === 409;
}

// ---------------------------------------------------------------- over RPC

export interface WireError {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly errors?: readonly FieldError[];
  readonly details?: Readonly<Record<string, unknown>>;
}

/**
 * Refusals raised beneath the domain (the event store, database constraints) whose own words would
 * speak of events, streams or tables: what a client reads instead. No internal name reaches a client.
 */
const CLIENT_WORDING: Readonly<Record<string, string>> = {
  duplicate_event: 'This change was already recorded',
};

/** The message a client may read: ours for refusals, nothing internal for failures. */
function clientMessage(error: OmniError): string {
  if (error.status >= 500) return 'Internal error';
  return CLIENT_WORDING[error.code] ?? error.message;
}

export function toWireError(error: unknown): WireError {
  if (error instanceof OmniError) {
    return {
      status: error.status,
      code: error.code,
      message: clientMessage(error),
      ...(error.errors ? { errors: error.errors } : {}),
      ...(error.details ? { details: error.details } : {}),
    };
  }
  return { status: 500, code: 'internal_error', message: 'Internal error' };
}

export function isWireError(value: unknown): value is WireError {
  const v = value as WireError | null;
  return typeof v === 'object' && v !== null && typeof v.status === 'number' && typeof v.code === 'string';
}

export function fromWireError(wire: WireError): OmniError {
  const options: OmniErrorOptions = {
    ...(wire.errors ? { errors: wire.errors } : {}),
    ...(wire.details ? { details: wire.details } : {}),
  };
  switch (wire.status) {
    case 400:
      return new ValidationError(wire.message, wire.errors ?? [], options);
    case 401:
      return new UnauthorizedError(wire.message, options);
    case 403:
      return new ForbiddenError(wire.message, options);
    case 404:
      return new NotFoundError(wire.message, wire.code, options);
    case 409:
      return new ConflictError(wire.code, wire.message, options);
    case 412:
      return new PreconditionFailedError(wire.message, options);
    case 422:
      return new BusinessRuleError(wire.code, wire.message, options);
    case 429:
      return new RateLimitedError(wire.message, options);
    case 503:
      return new UnavailableError(wire.message, options);
    default:
      return new InternalError(wire.message, options);
  }
}

// ---------------------------------------------------------------- over HTTP (RFC 9457)

export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly errors: readonly FieldError[];
  readonly traceId?: string;
  readonly [extension: string]: unknown;
}

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  412: 'Precondition Failed',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function toProblem(error: unknown, traceId?: string): ProblemDetails {
  const wire = toWireError(error);
  return {
    type: `https://omni.dev/problems/${wire.code}`,
    title: TITLES[wire.status] ?? 'Error',
    status: wire.status,
    detail: wire.message,
    code: wire.code,
    errors: wire.errors ?? [],
    ...(wire.details ?? {}),
    ...(traceId ? { traceId } : {}),
  };
}
