import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from './schema.js';

export type OmniHttpClient = Client<paths>;

export interface OmniClientOptions {
  /** Gateway origin, e.g. `http://localhost:8080` (the `/api/v1` base path is added here). */
  readonly baseUrl: string;
  readonly accessToken?: string;
  readonly refreshToken?: string;
  readonly fetch?: typeof globalThis.fetch;
}

export interface SignedInUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly roles: readonly string[];
}

export interface Session {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresIn: number;
  readonly user: SignedInUser;
}

/** Thrown by the helpers below for any non-2xx answer; carries the problem+json body. */
export class OmniApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: {
      code?: string;
      title?: string;
      detail?: string;
      errors?: { path: string; message: string }[];
      traceId?: string;
    },
  ) {
    super(`${status} ${problem.code ?? problem.title ?? 'error'}: ${problem.detail ?? ''}`);
    this.name = 'OmniApiError';
  }
}

/**
 * Typed REST client: `client.http` is an openapi-fetch client generated from the gateway's OpenAPI
 * document (every path, body and response typed); the session helpers keep the tokens.
 */
export class OmniClient {
  readonly http: OmniHttpClient;
  readonly baseUrl: string;
  accessToken: string | undefined;
  refreshToken: string | undefined;

  constructor({ baseUrl, accessToken, refreshToken, fetch }: OmniClientOptions) {
    this.baseUrl = baseUrl.replace(/\/$/, '');
    this.accessToken = accessToken;
    this.refreshToken = refreshToken;
    this.http = createClient<paths>({ baseUrl: `${this.baseUrl}/api/v1`, ...(fetch ? { fetch } : {}) });
    this.http.use(this.authorization());
  }

  async login(email: string, password: string): Promise<Session> {
    const { data, error, response } = await this.http.POST('/auth/login', { body: { email, password } });
    if (!data) throw new OmniApiError(response.status, error as object);
    return this.remember(data as Session);
  }

  async refresh(): Promise<Session> {
    if (!this.refreshToken) throw new Error('no refresh token: log in first');
    const { data, error, response } = await this.http.POST('/auth/refresh', {
      body: { refreshToken: this.refreshToken },
    });
    if (!data) throw new OmniApiError(response.status, error as object);
    return this.remember(data as Session);
  }

  async logout(): Promise<void> {
    if (!this.refreshToken) return;
    await this.http.POST('/auth/logout', { body: { refreshToken: this.refreshToken } });
    this.accessToken = undefined;
    this.refreshToken = undefined;
  }

  /** A second client for the same gateway signed in as someone else. */
  as(session: Pick<Session, 'accessToken' | 'refreshToken'>): OmniClient {
    return new OmniClient({
      baseUrl: this.baseUrl,
      accessToken: session.accessToken,
      refreshToken: session.refreshToken,
    });
  }

  private remember(session: Session): Session {
    this.accessToken = session.accessToken;
    this.refreshToken = session.refreshToken;
    return session;
  }

  private authorization(): Middleware {
    return {
      onRequest: ({ request }) => {
        if (this.accessToken && !request.headers.has('authorization')) {
          request.headers.set('authorization', `Bearer ${this.accessToken}`);
        }
        return request;
      },
    };
  }
}

/** Unwraps an openapi-fetch result: the data, or an OmniApiError with the problem body. */
export function ok<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data !== undefined && result.response.ok) return result.data;
  throw new OmniApiError(result.response.status, (result.error ?? {}) as object);
}
