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
  })
  .strict()
  .meta({ id: 'CreateUserInput' });

export const User = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    roles: z.array(Role),
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
export type User = z.infer<typeof User>;
export type Session = z.infer<typeof Session>;
