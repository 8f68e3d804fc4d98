import { ForbiddenError, PageQuery, decodeCursor, encodeCursor, identity, type Actor } from '@omni/contracts';
import { eventMetadataFor } from '@omni/messaging';
import { z } from 'zod';
import { defineRoute, type RouteSpec } from '../http/route.js';
import { isAllowed } from '../http/policy.js';
import type { Auth } from '../identity/auth.js';

const UserPath = z.object({ userId: z.uuid() });

/** Users and profiles (services/gateway/README.md, Identity). Every change is a `gateway.user.*` event. */
export function usersRoutes(auth: Auth): RouteSpec[] {
  // Read in the handlers, not here: the OpenAPI generator builds the routes without any dependency.
  const users = () => auth.users;
  return [
    defineRoute({
      operationId: 'createUser',
      method: 'post',
      path: '/users',
      tag: 'users',
      summary: 'Create a user (admin); a `vendor` user needs a vendorId',
      access: 'users.manage',
      body: identity.CreateUserInput,
      response: identity.User,
      status: 201,
      idempotent: true,
      refusals: [{ status: 409, code: 'duplicate_email' }],
      handle: ({ body, context }) => users().create(body, eventMetadataFor(context)),
    }),
    defineRoute({
      operationId: 'listUsers',
      method: 'get',
      path: '/users',
      tag: 'users',
      summary: 'List users by email; `q` matches email or name, `role` keeps users with that role',
      access: 'users.read',
      query: PageQuery.extend(identity.ListUsersQuery.shape),
      response: z
        .object({ items: z.array(identity.User), nextCursor: z.string().nullable() })
        .meta({ id: 'UserPage' }),
      status: 200,
      handle: async ({ query }) => {
        const after = query.cursor ? decodeCursor(query.cursor)?.[0] : undefined;
        const afterEmail = typeof after === 'string' ? after : undefined;
        const found = await users().list({
          q: query.q,
          role: query.role,
          afterEmail,
          limit: query.limit + 1,
        });
        const items = found.slice(0, query.limit);
        const more = found.length > query.limit;
        return { items, nextCursor: more ? encodeCursor([items[items.length - 1]!.email]) : null };
      },
    }),
    defineRoute({
      operationId: 'getUser',
      method: 'get',
      path: '/users/:userId',
      tag: 'users',
      summary: 'One user',
      access: 'users.read',
      params: UserPath,
      response: identity.User,
      status: 200,
      handle: ({ params }) => users().get(params.userId),
    }),
    defineRoute({
      operationId: 'updateUser',
      method: 'patch',
      path: '/users/:userId',
      tag: 'users',
      summary: "Change a user's name, roles or vendor (admin); takes effect on the user's next request",
      access: 'users.manage',
      params: UserPath,
      body: identity.UpdateUserInput,
      response: identity.User,
      status: 200,
      handle: ({ params, body, context }) => users().update(params.userId, body, eventMetadataFor(context)),
    }),
    defineRoute({
      operationId: 'deactivateUser',
      method: 'post',
      path: '/users/:userId/deactivate',
      tag: 'users',
      summary: 'Deactivate a user (admin): signed out everywhere, sockets closed, sign-in refused',
      access: 'users.manage',
      params: UserPath,
      response: identity.User,
      status: 200,
      idempotent: true,
      handle: ({ params, context }) => users().deactivate(params.userId, eventMetadataFor(context)),
    }),
    defineRoute({
      operationId: 'getUserProfile',
      method: 'get',
      path: '/users/:userId/profile',
      tag: 'users',
      summary: "A user's profile (any signed-in user: colleagues look each other up)",
      access: 'self',
      params: UserPath,
      response: identity.Profile,
      status: 200,
      handle: ({ params }) => users().profile(params.userId),
    }),
    defineRoute({
      operationId: 'updateUserProfile',
      method: 'patch',
      path: '/users/:userId/profile',
      tag: 'users',
      summary: "Change a user's profile: one's own, or anyone's as admin",
      access: 'self',
      params: UserPath,
      body: identity.UpdateProfileInput,
      response: identity.Profile,
      status: 200,
      handle: ({ actor, params, body, context }) => {
        assertMayEditProfile(actor!, params.userId);
        return users().updateProfile(params.userId, body, eventMetadataFor(context));
      },
    }),
  ];
}

function assertMayEditProfile(actor: Actor, userId: string): void {
  if (actor.userId !== userId && !isAllowed(actor, 'users.manage')) {
    throw new ForbiddenError("Only an admin may change another user's profile");
  }
}
