/** The gateway's identity API (CONTRACT §3). */
import { z } from 'zod';
import { Role } from './rpc.js';

export const LoginInput = z
  .object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1000) })
  .strict()
  .meta({ id: 'LoginInput' });

export const RefreshInput = z
  .object({ refreshToken: z.string().min(1).max(500) })
  .strict()
  .meta({ id: 'RefreshInput' });

export const CreateUserInput = z
  .object({
    email: z.email().max(320),
    name: z.string().trim().min(1).max(200),
    password: z.string().min(8, 'must be at least 8 characters').max(1000),
    roles: z.array(Role).min(1),
    vendorId: z
      .uuid()
      .optional()
      .meta({ description: 'The vendor of a `vendor` user (required for that role)' }),
  })
  .strict()
  .meta({ id: 'CreateUserInput' });

export const UpdateUserInput = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    roles: z.array(Role).min(1).optional(),
    vendorId: z.uuid().nullable().optional().meta({ description: 'null detaches the user from its vendor' }),
  })
  .strict()
  .meta({ id: 'UpdateUserInput' });

export const ListUsersQuery = z.object({
  q: z.string().trim().min(1).max(200).optional().meta({ description: 'Substring of the email or name' }),
  role: Role.optional(),
});

export const ChangePasswordInput = z
  .object({
    currentPassword: z.string().min(1).max(1000),
    newPassword: z.string().min(8, 'must be at least 8 characters').max(1000),
  })
  .strict()
  .meta({ id: 'ChangePasswordInput' });

const profileFields = {
  title: z.string().trim().max(100).nullable().optional(),
  department: z.string().trim().max(100).nullable().optional(),
  phone: z
    .string()
    .trim()
    .max(20)
    .regex(/^[+0-9 ()./-]*$/, 'may hold digits, spaces and + ( ) . / - only')
    .nullable()
    .optional(),
  locationId: z.uuid().nullable().optional(),
  avatarUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullable()
    .optional(),
};

export const UpdateProfileInput = z.object(profileFields).strict().meta({ id: 'UpdateProfileInput' });

export const Profile = z
  .object({
    userId: z.uuid(),
    name: z.string(),
    title: z.string().nullable(),
    department: z.string().nullable(),
    phone: z.string().nullable(),
    locationId: z.uuid().nullable(),
    avatarUrl: z.string().nullable(),
  })
  .meta({ id: 'Profile' });

export const User = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    roles: z.array(Role),
    vendorId: z.uuid().nullable(),
    active: z.boolean().meta({ description: 'false once the user is deactivated' }),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'User' });

export const Session = z
  .object({
    accessToken: z.string(),
    refreshToken: z.string(),
    expiresIn: z.number().int().meta({ description: 'seconds until the access token expires' }),
    user: User,
  })
  .meta({ id: 'Session' });

export type LoginInput = z.infer<typeof LoginInput>;
export type CreateUserInput = z.infer<typeof CreateUserInput>;
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;
export type UpdateProfileInput = z.infer<typeof UpdateProfileInput>;
export type Profile = z.infer<typeof Profile>;
export type User = z.infer<typeof User>;
export type Session = z.infer<typeof Session>;
