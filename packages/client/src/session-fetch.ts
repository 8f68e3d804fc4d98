import { OmniNetworkError } from './errors.js';
import type { TokenSession } from './session.js';

/** How long one HTTP exchange may take unless the client is told otherwise. */
export const DEFAULT_TIMEOUT_MS = 10_000;

export interface SessionFetchOptions {
  readonly session: TokenSession;
  readonly fetch: typeof globalThis.fetch;
  readonly timeoutMs: number;
}

/** The auth endpoints carry no access token and never trigger a refresh (the refresh itself is one). */
const SESSIONLESS = /\/auth\/(login|refresh|logout)$/;

/**
 * The fetch under the typed client: adds the access token, gives every exchange a deadline, turns
 * "no answer" into OmniNetworkError, and answers a 401 by renewing the token (one refresh for any
 * number of such answers, TokenSession) and sending the request once more.
 */
export function sessionFetch({ session, fetch, timeoutMs }: SessionFetchOptions) {
  const exchange = async (request: Request): Promise<Response> => {
    const deadline = AbortSignal.timeout(timeoutMs);
    try {
      return await fetch(request, { signal: AbortSignal.any([request.signal, deadline]) });
    } catch (error) {
      if (request.signal.aborted) throw error; // the caller's own abort: theirs to handle
      if (deadline.aborted) {
        throw new OmniNetworkError('timeout', `no answer within ${timeoutMs} ms: ${describe(request)}`, {
          cause: error,
        });
      }
      throw new OmniNetworkError('offline', `the gateway could not be reached: ${describe(request)}`, {
        cause: error,
      });
    }
  };

  return async (input: Request): Promise<Response> => {
    const path = new URL(input.url).pathname;
    // A caller that set its own Authorization chose its token: it gets the answer as it comes.
    if (SESSIONLESS.test(path) || input.headers.has('authorization')) return exchange(input);
    if (session.signedOut) throw session.signedOut;

    const retry = input.clone(); // before the first send consumes the body
    const token = await session.currentAccessToken();
    const response = await exchange(withToken(input, token));
    if (response.status !== 401) return response;
    // Refused while another call's refresh was refused: this call ends with the session too, rather
    // than handing back a 401 (the session dropped its tokens, so the check below would pass it on).
    if (session.signedOut) {
      await response.body?.cancel();
      throw session.signedOut;
    }
    if (!session.refreshToken) return response;

    await response.body?.cancel();
    const renewed = await session.renewAccessToken(token);
    return exchange(withToken(retry, renewed));
  };
}

function withToken(request: Request, token: string | undefined): Request {
  if (token) request.headers.set('authorization', `Bearer ${token}`);
  return request;
}

const describe = (request: Request) => `${request.method} ${new URL(request.url).pathname}`;
