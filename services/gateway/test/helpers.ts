import { OmniClient, ok } from '@omni/client';
import type { RunningSystem } from '@omni/testing';

export const ADMIN = { email: 'admin@omni.local', password: 'omni-admin' };

export async function signInAsAdmin(system: RunningSystem): Promise<OmniClient> {
  const client = new OmniClient({ baseUrl: system.baseUrl });
  await client.login(ADMIN.email, ADMIN.password);
  return client;
}

/** A signed-in client for a fresh user with exactly these roles. */
export async function signInWithRoles(
  system: RunningSystem,
  admin: OmniClient,
  roles: string[],
): Promise<OmniClient> {
  const email = `${roles.join('-')}-${Math.random().toString(36).slice(2, 8)}@omni.test`;
  ok(
    await admin.http.POST('/users', {
      body: { email, name: roles.join(' '), password: 'correct horse battery', roles: roles as never },
    }),
  );
  const client = new OmniClient({ baseUrl: system.baseUrl });
  await client.login(email, 'correct horse battery');
  return client;
}

/** Raw HTTP for what the typed client deliberately cannot send (malformed bodies, odd headers). */
export function raw(system: RunningSystem, path: string, init: RequestInit & { token?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  if (init.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
  return fetch(`${system.baseUrl}/api/v1${path}`, { ...init, headers });
}

export const unique = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;

export interface ProblemBody {
  readonly code: string;
  readonly detail: string;
  readonly traceId?: string;
  readonly errors: { path: string; message: string }[];
}

export const problemOf = async (response: Response) => (await response.json()) as ProblemBody;
