import { z } from 'zod';

/** Settings every Omni process reads from its environment, with defaults that run locally (README.md, Quick start). */
export const BaseEnv = z.object({
  OMNI_SERVICE: z
    .string()
    .regex(/^[a-z]+$/)
    .optional(),
  NODE_ENV: z.string().default('development'),
  DATABASE_URL: z.url().default('postgres://postgres@127.0.0.1:5432/omni'),
  NATS_URL: z.string().min(1).default('nats://127.0.0.1:4222'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().positive().default(10_000),
});
export type BaseEnv = z.infer<typeof BaseEnv>;

export class ConfigError extends Error {}

/**
 * Reads and validates the environment at start; a bad variable stops the process with a message
 * naming every offending variable, rather than failing later somewhere else.
 */
export function loadConfig(): BaseEnv;
export function loadConfig<S extends z.ZodObject>(extra: S): BaseEnv & z.output<S>;
export function loadConfig(
  extra?: z.ZodObject,
  env: NodeJS.ProcessEnv = process.env,
): Record<string, unknown> {
  const schema = extra ? BaseEnv.extend(extra.shape) : BaseEnv;
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = schema.safeParse(present);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new ConfigError(`Invalid environment:\n${problems.join('\n')}`);
}
