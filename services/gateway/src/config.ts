import { z } from 'zod';
import { CorsOriginsSetting } from './http/cors.js';

/** The gateway's own settings, on top of service-kit's (DATABASE_URL, NATS_URL, LOG_LEVEL, ...). */
export const GatewayEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  OMNI_ADMIN_EMAIL: z.email().default('admin@omni.local'),
  OMNI_ADMIN_PASSWORD: z.string().min(1).optional(),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(900),
  REFRESH_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(30 * 24 * 3600),
  /** The backend services /health/ready waits for; `npm start` passes the ones it runs. */
  OMNI_SERVICES: z
    .string()
    .default('inventory,orders,payments,scheduling,ticketing,notification,analytics')
    .transform((list) =>
      list
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  RPC_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  /** Bytes queued on one WebSocket before it is closed as a slow consumer (4008). */
  WS_MAX_BUFFERED_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  WS_MAX_SUBSCRIPTIONS: z.coerce.number().int().positive().default(50),
  /** Comment lines on an idle Server-Sent Events stream, so proxies keep it open. */
  SSE_KEEPALIVE_MS: z.coerce.number().int().positive().default(15_000),
  /** How long a lock lasts without a renewal (docs/collaboration.md); shorter only in tests. */
  LOCK_TTL_MS: z.coerce.number().int().min(1000).default(30_000),
  /**
   * How long a presence outlives its gateway's last heartbeat (every third of it): a dead replica's
   * members are dropped within this (docs/collaboration.md).
   */
  PRESENCE_TTL_MS: z.coerce.number().int().min(1500).default(6_000),
  /** Mobile BFF (docs/mobile.md): each section's deadline, the cache's bound and lifetime, the wait for a reservation. */
  BFF_SECTION_DEADLINE_MS: z.coerce.number().int().positive().default(250),
  BFF_CACHE_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(64 * 1024 * 1024),
  BFF_CACHE_TTL_MS: z.coerce.number().int().positive().default(60_000),
  BFF_ORDER_DECISION_WAIT_MS: z.coerce.number().int().positive().default(2_000),
  /** Origins whose pages may call the API and open /ws; unset: the development ones, none in production. */
  CORS_ORIGINS: CorsOriginsSetting.optional(),
});
export type GatewayEnv = z.infer<typeof GatewayEnv>;
