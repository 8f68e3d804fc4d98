/**
 * What a call through `@omni/client` can fail with, as distinct classes a UI tells apart by `kind`:
 *
 * - `api`: the gateway answered with an RFC 9457 problem+json (docs/request-flow.md);
 * - `timeout` / `offline`: no answer came (the request timed out, or the gateway could not be reached);
 * - `signed_out`: the session ended (its refresh was refused), so the user must sign in again.
 */
export type OmniClientErrorKind = 'api' | 'timeout' | 'offline' | 'signed_out';

/** One offending field of a `400` (the problem's `errors`). */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

/** The problem+json body the gateway sends with every error answer. */
export interface Problem {
  readonly type?: string;
  readonly title?: string;
  readonly status?: number;
  readonly detail?: string;
  readonly code?: string;
  readonly errors?: FieldError[];
  readonly traceId?: string;
  readonly [extension: string]: unknown;
}

/** The gateway answered, and not with success: status, code, field errors and the trace id to report. */
export class OmniApiError extends Error {
  readonly kind = 'api' as const;
  readonly problem: Problem;
  /** The rule or reason, e.g. `insufficient_stock`, `unauthorized`; `http_<status>` when none was sent. */
  readonly code: string;
  readonly fieldErrors: readonly FieldError[];
  /** The OpenTelemetry trace id of the request (the problem's `traceId`, else the `X-Trace-Id` header). */
  readonly traceId: string | undefined;

  constructor(
    readonly status: number,
    problem: Problem | undefined,
    traceIdHeader?: string | null,
  ) {
    const body = problem ?? {};
    super(`${status} ${body.code ?? body.title ?? 'error'}: ${body.detail ?? ''}`);
    this.name = 'OmniApiError';
    this.problem = body;
    this.code = body.code ?? `http_${status}`;
    this.fieldErrors = body.errors ?? [];
    this.traceId = body.traceId ?? traceIdHeader ?? undefined;
  }

  /** The error of an answer that was not 2xx (its body parsed when it is JSON). */
  static of(response: Response, body: unknown): OmniApiError {
    const problem = typeof body === 'object' && body !== null ? (body as Problem) : undefined;
    return new OmniApiError(response.status, problem, response.headers.get('x-trace-id'));
  }
}

/** No answer: `timeout` (the request outlived its deadline) or `offline` (the gateway could not be reached). */
export class OmniNetworkError extends Error {
  constructor(
    readonly kind: 'timeout' | 'offline',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'OmniNetworkError';
  }
}

/** The session ended: its refresh token was refused (revoked, expired, user deactivated). Sign in again. */
export class OmniSignedOutError extends Error {
  readonly kind = 'signed_out' as const;

  constructor(options?: ErrorOptions) {
    super('signed out: the session could not be refreshed; sign in again', options);
    this.name = 'OmniSignedOutError';
  }
}

export type OmniClientError = OmniApiError | OmniNetworkError | OmniSignedOutError;
