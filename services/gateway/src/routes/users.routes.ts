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
      description:
        'Creates a user who can sign in at once with the given password. An email already in use (compared case-insensitively) is 409 `duplicate_email`; a short password, an unknown role or role `vendor` without `vendorId` is 400. Published as `gateway.user.<id>.created`.',
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
      description:
        'Users ordered by email, a page at a time: pass `nextCursor` back as `cursor` until it is null. `q` matches a substring of the email or name, case-insensitive; `role` keeps users who have that role.',
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
      description: 'One user with roles, vendor and whether they are active; an unknown id is 404.',
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
      description:
        "Changes a user's name, roles or vendor (null detaches it); fields left out keep their value. Role `vendor` without a vendor is 400. New roles apply to the user's next request, without a new token. Published as `gateway.user.<id>.updated` and/or `roles_changed`.",
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
      description:
        'Revokes every refresh token of the user, refuses their access tokens from the next request on (on every gateway), closes their WebSockets and refuses their sign-in. Deactivating an inactive user changes nothing. Published as `gateway.user.<id>.deactivated`.',
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
      description: "Any signed-in user's profile, for any signed-in user; an unknown id is 404.",
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
      description:
        "Changes a user's profile as `PATCH /auth/me/profile` does; a user may change only their own (403 otherwise), an admin anyone's.",
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
