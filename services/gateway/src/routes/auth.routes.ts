import { identity } from '@omni/contracts';
import { eventMetadataFor } from '@omni/messaging';
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
      operationId: 'changePassword',
      method: 'post',
      path: '/auth/password',
      tag: 'auth',
      summary: "Change one's own password; every other sign-in of the user is signed out",
      description:
        'Checks the current password, sets the new one (at least 8 characters, else 400) and signs the user out of every other sign-in (their refresh tokens stop working); this one stays signed in. A wrong current password is 422 `wrong_password`.',
      access: 'self',
      body: identity.ChangePasswordInput,
      status: 204,
      refusals: [{ status: 422, code: 'wrong_password' }],
      handle: ({ actor, body }) => auth.changePassword(actor!, body.currentPassword, body.newPassword),
    }),
    defineRoute({
      operationId: 'getMyProfile',
      method: 'get',
      path: '/auth/me/profile',
      tag: 'auth',
      summary: "The signed-in user's profile",
      description:
        "The signed-in user's profile: title, department, phone, location and avatar (each null until set).",
      access: 'self',
      response: identity.Profile,
      status: 200,
      handle: ({ actor }) => auth.users.profile(actor!.userId),
    }),
    defineRoute({
      operationId: 'updateMyProfile',
      method: 'patch',
      path: '/auth/me/profile',
      tag: 'auth',
      summary: "Change the signed-in user's profile (null clears a field)",
      description:
        "Changes the signed-in user's profile; fields left out keep their value and null clears one. Title and department are at most 100 characters, phone at most 20 (digits, spaces and + ( ) . / -), avatarUrl an http(s) URL; every offending field is listed in a 400. Published as `gateway.user.<id>.updated`.",
      access: 'self',
      body: identity.UpdateProfileInput,
      response: identity.Profile,
      status: 200,
      handle: ({ actor, body, context }) =>
        auth.users.updateProfile(actor!.userId, body, eventMetadataFor(context)),
    }),
  ];
}
