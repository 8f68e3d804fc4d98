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
