// The order in which answers arrive decides a race the e2e suite (session.e2e.test.ts) can only hit by
// chance; here each answer is released by hand, with no network.
import { OmniApiError, OmniSignedOutError } from '../src/errors.js';
import { sessionFetch } from '../src/session-fetch.js';
import { TokenSession } from '../src/session.js';

/** A fetch whose answers the test releases one by one, in the order it chooses. */
function heldAnswers() {
  const waiting: ((response: Response) => void)[] = [];
  const fetch = (() => new Promise<Response>((resolve) => waiting.push(resolve))) as typeof globalThis.fetch;
  const release = (status: number) => waiting.shift()!(new Response('{}', { status }));
  return { fetch, release, pending: () => waiting.length };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

it('a 401 that arrives after another call’s refresh was refused rejects as signed out, not as a 401', async () => {
  const refused = new OmniApiError(401, { code: 'unauthorized' });
  const session = new TokenSession({ accessToken: 'old', refreshToken: 'revoked' }, () =>
    Promise.reject(refused),
  );
  const answers = heldAnswers();
  const send = sessionFetch({ session, fetch: answers.fetch, timeoutMs: 10_000 });

  const early = send(new Request('http://gateway/api/v1/auth/me')).then(
    () => 'answered',
    (error: unknown) => error,
  );
  const late = send(new Request('http://gateway/api/v1/inventory/locations')).then(
    () => 'answered',
    (error: unknown) => error,
  );
  await settle();
  expect(answers.pending()).toBe(2);

  answers.release(401); // the early call refreshes; the refresh is refused: the session ends
  expect(await early).toBeInstanceOf(OmniSignedOutError);
  answers.release(401); // the late call's 401 comes after the sign-out
  expect(await late).toBeInstanceOf(OmniSignedOutError);
});

it('a client that never had a refresh token gets the 401 as it came', async () => {
  const session = new TokenSession({ accessToken: 'only' }, () => Promise.reject(new Error('no refresh')));
  const answers = heldAnswers();
  const send = sessionFetch({ session, fetch: answers.fetch, timeoutMs: 10_000 });
  const call = send(new Request('http://gateway/api/v1/auth/me'));
  await settle();
  answers.release(401);
  expect((await call).status).toBe(401);
});
