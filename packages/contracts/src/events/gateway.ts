/**
 * The `data` of every identity event the gateway publishes on stream `GATEWAY` (docs/events.md):
 * other services keep their own view of users and roles from these instead of calling the gateway.
 * Never a password or its hash. Objects are not `.strict()`: a consumer must accept a field added later.
 */
import { z } from 'zod';
import { Role } from '../rpc.js';
import { type EventsOf, qualified } from './map.js';

const userId = z.uuid().describe('The user');
const roles = z.array(Role).describe('Every role the user has now');
const vendorId = z.uuid().nullable().describe('The vendor a `vendor` user acts for, or null');

const profile = z
  .object({
    title: z.string().nullable(),
    department: z.string().nullable(),
    phone: z.string().nullable(),
    locationId: z.uuid().nullable(),
    avatarUrl: z.string().nullable(),
  })
  .describe('The profile after the change');

export const UserCreated = z
  .object({ userId, email: z.string().describe('Sign-in email'), name: z.string(), roles, vendorId })
  .describe('A user was created');

export const UserUpdated = z
  .object({ userId, name: z.string(), vendorId, profile })
  .describe("A user's name, vendor or profile changed; carries the whole resulting state");

export const UserRolesChanged = z
  .object({ userId, roles, previousRoles: z.array(Role).describe('The roles before the change') })
  .describe("A user's roles changed; takes effect on the user's next request");

export const UserDeactivated = z
  .object({ userId })
  .describe('A user was deactivated: signed out everywhere, and sign-in is refused from now on');

export const userEvents = {
  created: UserCreated,
  updated: UserUpdated,
  roles_changed: UserRolesChanged,
  deactivated: UserDeactivated,
} as const;

/** Every gateway event's data schema by its CloudEvents `type`, e.g. `gateway.user.created`. */
export const gatewayEvents = { ...qualified('gateway.user', userEvents) };

export type UserEvent = EventsOf<typeof userEvents>;
