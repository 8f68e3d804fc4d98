import createClient, { type Client } from 'openapi-fetch';
import { OmniApiError, type OmniSignedOutError } from './errors.js';
import type { paths } from './schema.js';
import { DEFAULT_TIMEOUT_MS, sessionFetch } from './session-fetch.js';
import { type AccessTokenSource, TokenSession } from './session.js';

export type OmniHttpClient = Client<paths>;

export interface OmniClientOptions {
  /** Gateway origin, e.g. `http://localhost:8080` (the `/api/v1` base path is added here). */
  readonly baseUrl: string;
  readonly accessToken?: string;
  readonly refreshToken?: string;
  readonly fetch?: typeof globalThis.fetch;
  /** Deadline of one HTTP exchange, after which the call fails with `OmniNetworkError` `timeout`; default 10 s. */
  readonly timeoutMs?: number;
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

/**
 * Typed REST client: `client.http` is an openapi-fetch client generated from the gateway's OpenAPI
 * document (every path, body and response typed). It keeps the session itself: the access token on
 * every request, an expired one refreshed once for any number of calls that got 401 (each retried
 * once), and a sign-out event when the refresh is refused (README.md).
 */
export class OmniClient implements AccessTokenSource {
  readonly http: OmniHttpClient;
  readonly baseUrl: string;
  private readonly session: TokenSession;
  private readonly options: OmniClientOptions;

  constructor(options: OmniClientOptions) {
    const {
      baseUrl,
      accessToken,
      refreshToken,
      fetch = globalThis.fetch,
      timeoutMs = DEFAULT_TIMEOUT_MS,
    } = options;
    this.options = options;
    this.baseUrl = baseUrl.replace(/\/$/, '');
    this.session = new TokenSession(
      { ...(accessToken ? { accessToken } : {}), ...(refreshToken ? { refreshToken } : {}) },
      (token) => this.exchange(token),
    );
    this.http = createClient<paths>({
      baseUrl: `${this.baseUrl}/api/v1`,
      fetch: sessionFetch({ session: this.session, fetch, timeoutMs }),
    });
  }

  get accessToken(): string | undefined {
    return this.session.accessToken;
  }

  get refreshToken(): string | undefined {
    return this.session.refreshToken;
  }

  /** Set once a refresh was refused, until the next `login`. */
  get signedOut(): boolean {
    return this.session.signedOut !== undefined;
  }

  async login(email: string, password: string): Promise<Session> {
    return this.remember(ok(await this.http.POST('/auth/login', { body: { email, password } })) as Session);
  }

  /** Rotates the tokens now; throws OmniApiError when refused (the automatic refresh signs out instead). */
  async refresh(): Promise<Session> {
    if (!this.refreshToken) throw new Error('no refresh token: log in first');
    const session = await this.exchange(this.refreshToken);
    return this.remember(session);
  }

  async logout(): Promise<void> {
    if (!this.refreshToken) return;
    await this.http.POST('/auth/logout', { body: { refreshToken: this.refreshToken } });
    this.session.replace({});
  }

  /** A second client for the same gateway signed in as someone else. */
  as(session: Pick<Session, 'accessToken' | 'refreshToken'>): OmniClient {
    return new OmniClient({ ...this.options, ...session });
  }

  /** Called once when a refresh is refused and the session ends; returns an unsubscribe. */
  onSignedOut(listener: (error: OmniSignedOutError) => void): () => void {
    return this.session.onSignedOut(listener);
  }

  currentAccessToken(): Promise<string | undefined> {
    return this.session.currentAccessToken();
  }

  renewAccessToken(stale: string | undefined): Promise<string> {
    return this.session.renewAccessToken(stale);
  }

  private async exchange(refreshToken: string): Promise<Session> {
    return ok(await this.http.POST('/auth/refresh', { body: { refreshToken } })) as Session;
  }

  private remember(session: Session): Session {
    this.session.replace({ accessToken: session.accessToken, refreshToken: session.refreshToken });
    return session;
  }
}

/**
 * Unwraps an openapi-fetch result: the data, or an OmniApiError with the problem (status, code, field
 * errors, trace id). Calls that got no answer already threw OmniNetworkError or OmniSignedOutError.
 */
export function ok<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok) return result.data as T;
  throw OmniApiError.of(result.response, result.error);
}
