import { OmniApiError, OmniSignedOutError } from './errors.js';

/** The tokens of a signed-in session (the answer of `POST /auth/login` and `/auth/refresh`). */
export interface TokenPair {
  readonly accessToken: string;
  readonly refreshToken: string;
}

/**
 * Where REST calls and realtime connections get their access token, and a fresh one when the
 * gateway refused it (`OmniClient` is one).
 */
export interface AccessTokenSource {
  /** The current access token; waits for a refresh under way, so nothing is sent with a stale one. */
  currentAccessToken(): Promise<string | undefined>;
  /**
   * A token newer than `stale`, the one the gateway just refused: the one a refresh already brought,
   * or the result of the single refresh in flight. Rejects with `OmniSignedOutError` when the refresh
   * is refused.
   */
  renewAccessToken(stale: string | undefined): Promise<string>;
  /** Called once when the session ends because its refresh was refused; returns an unsubscribe. */
  onSignedOut(listener: (error: OmniSignedOutError) => void): () => void;
}

/**
 * The tokens of one client and the rule that keeps them fresh: one refresh in flight at a time,
 * whoever asks; everyone who asks meanwhile gets its result. A refresh the gateway refuses (401: the
 * refresh token was revoked, rotated elsewhere or its user deactivated) ends the session: the tokens are
 * dropped, the sign-out listeners hear it once, and every waiting caller rejects with OmniSignedOutError.
 * A refresh that failed for any other reason (timeout, offline, 5xx) keeps the session for a later try.
 */
export class TokenSession implements AccessTokenSource {
  private refreshing: Promise<string> | undefined;
  private readonly signedOutListeners = new Set<(error: OmniSignedOutError) => void>();
  private signedOutError: OmniSignedOutError | undefined;

  constructor(
    private tokens: Partial<TokenPair>,
    /** Exchanges a refresh token for a new pair (`POST /auth/refresh`); throws OmniApiError when refused. */
    private readonly exchange: (refreshToken: string) => Promise<TokenPair>,
  ) {}

  get accessToken(): string | undefined {
    return this.tokens.accessToken;
  }

  get refreshToken(): string | undefined {
    return this.tokens.refreshToken;
  }

  /** Set when the last refresh was refused; cleared by the next sign-in. */
  get signedOut(): OmniSignedOutError | undefined {
    return this.signedOutError;
  }

  /** A new session (sign-in, or a refresh the caller made itself). */
  replace(tokens: Partial<TokenPair>): void {
    this.tokens = tokens;
    this.signedOutError = undefined;
  }

  async currentAccessToken(): Promise<string | undefined> {
    if (this.refreshing) await this.refreshing.catch(() => undefined);
    return this.tokens.accessToken;
  }

  renewAccessToken(stale: string | undefined): Promise<string> {
    if (this.signedOutError) return Promise.reject(this.signedOutError);
    const current = this.tokens.accessToken;
    if (current !== undefined && current !== stale && !this.refreshing) return Promise.resolve(current);
    this.refreshing ??= this.refresh().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  onSignedOut(listener: (error: OmniSignedOutError) => void): () => void {
    this.signedOutListeners.add(listener);
    return () => this.signedOutListeners.delete(listener);
  }

  private async refresh(): Promise<string> {
    const { refreshToken } = this.tokens;
    if (!refreshToken) throw this.signOut(undefined);
    try {
      const pair = await this.exchange(refreshToken);
      this.tokens = { accessToken: pair.accessToken, refreshToken: pair.refreshToken };
      return pair.accessToken;
    } catch (error) {
      if (error instanceof OmniApiError && error.status === 401) throw this.signOut(error);
      throw error;
    }
  }

  private signOut(cause: unknown): OmniSignedOutError {
    const error = new OmniSignedOutError(cause === undefined ? undefined : { cause });
    this.tokens = {};
    this.signedOutError = error;
    for (const listener of this.signedOutListeners) listener(error);
    return error;
  }
}

/** The token a realtime connection opens with, and (given a client) a way to renew it once refused. */
export interface ConnectionTokens {
  current(): Promise<string>;
  renew?(stale: string): Promise<string>;
}

export function connectionTokens(
  client: AccessTokenSource | undefined,
  accessToken: (() => string | Promise<string>) | undefined,
): ConnectionTokens {
  if (client) {
    return {
      current: async () => (await client.currentAccessToken()) ?? '',
      renew: (stale) => client.renewAccessToken(stale),
    };
  }
  if (!accessToken) throw new TypeError('OmniRealtime needs a client or an accessToken function');
  return { current: async () => accessToken() };
}

/**
 * Opens a connection with the current token and, when the gateway refused that token (`refused` says
 * so) and it can be renewed, once more with the renewed one: the same rule as a REST call.
 */
export async function connectWithFreshToken<T>(
  tokens: ConnectionTokens,
  connect: (token: string) => Promise<T>,
  refused: (error: unknown) => boolean,
): Promise<T> {
  const token = await tokens.current();
  try {
    return await connect(token);
  } catch (error) {
    if (!tokens.renew || !refused(error)) throw error;
    return connect(await tokens.renew(token));
  }
}
