import { PageQuery, decodeCursor, encodeCursor, identity } from '@omni/contracts';
import { z } from 'zod';
import { defineRoute, type RouteSpec } from '../http/route.js';
import type { Auth } from '../identity/auth.js';

export function authRoutes(auth: Auth): RouteSpec[] {
  return [
    defineRoute({
      operationId: 'login',
      method: 'post',
      path: '/auth/login',
      tag: 'auth',
      summary: 'Sign in with email and password',
      description:
        'Answers an access token (send it as `Authorization: Bearer <token>`; it expires after `expiresIn` seconds) ' +
        'and a refresh token to get the next pair. A wrong email and a wrong password are the same 401, ' +
        'so the answer never tells which part was wrong; repeated failures for one account or address are 429 for a while.',
      access: 'public',
      body: identity.LoginInput,
      response: identity.Session,
      status: 200,
      handle: ({ body, clientAddress }) => auth.login(body.email, body.password, clientAddress),
    }),
    defineRoute({
      operationId: 'refresh',
      method: 'post',
      path: '/auth/refresh',
      tag: 'auth',
      summary: 'Rotate the refresh token and get a new pair; reusing a rotated token revokes its family',
      description:
        'Each refresh token works once: the answer carries a new access token and a new refresh token, and the old ' +
        'one stops working. Presenting a refresh token that was already rotated is taken as theft: the whole family ' +
        'of tokens descended from the same login is revoked and the answer is 401, so the user signs in again.',
      access: 'public',
      body: identity.RefreshInput,
      response: identity.Session,
      status: 200,
      handle: ({ body }) => auth.refresh(body.refreshToken),
    }),
    defineRoute({
      operationId: 'logout',
      method: 'post',
      path: '/auth/logout',
      tag: 'auth',
      summary: 'Revoke the refresh token and its family',
      description:
        'Signs this login out: the refresh token and every token rotated from it stop working. Access tokens ' +
        'already issued stay valid until they expire (minutes), so drop them on the client. A token already ' +
        'revoked is also 204: signing out twice is not an error.',
      access: 'public',
      body: identity.RefreshInput,
      status: 204,
      handle: ({ body }) => auth.logout(body.refreshToken),
    }),
    defineRoute({
      operationId: 'me',
      method: 'get',
      path: '/auth/me',
      tag: 'auth',
      summary: 'The signed-in user',
      description:
        'The user the access token belongs to: id, email, name and roles, e.g. to decide which screens to show.',
      access: 'self',
      response: identity.User,
      status: 200,
      handle: ({ actor }) => auth.users.get(actor!.userId),
    }),
    defineRoute({
      operationId: 'createUser',
      method: 'post',
      path: '/users',
      tag: 'users',
      summary: 'Create a user (admin)',
      description:
        'Creates a user who can sign in at once with the given password. An email already in use (compared ' +
        'case-insensitively) is 409 `duplicate_email`; a password shorter than the minimum or an unknown role is 400.',
      refusals: [{ status: 409, code: 'duplicate_email' }],
      access: 'users.manage',
      body: identity.CreateUserInput,
      response: identity.User,
      status: 201,
      idempotent: true,
      handle: ({ body }) => auth.users.create(body),
    }),
    defineRoute({
      operationId: 'listUsers',
      method: 'get',
      path: '/users',
      tag: 'users',
      summary: 'List users (admin)',
      description:
        'Every user, ordered by email, a page at a time: pass `nextCursor` back as `cursor` until it is null.',
      access: 'users.manage',
      query: PageQuery,
      response: z
        .object({ items: z.array(identity.User), nextCursor: z.string().nullable() })
        .meta({ id: 'UserPage' }),
      status: 200,
      handle: async ({ query }) => {
        const after = query.cursor ? decodeCursor(query.cursor)?.[0] : undefined;
        const users = await auth.users.list(query.limit + 1, typeof after === 'string' ? after : undefined);
        const items = users.slice(0, query.limit);
        const more = users.length > query.limit;
        return { items, nextCursor: more ? encodeCursor([items[items.length - 1]!.email]) : null };
      },
    }),
  ];
}
