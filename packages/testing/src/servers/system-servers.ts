import path from 'node:path';
import { resolveNats, resolvePostgres, type ResolvedServer } from './resolve.js';

/** The contract's defaults; a server answering there is used as it is. */
export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/omni';
export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';
const DEFAULT_CONNECT_TIMEOUT_MS = 30_000;

export interface SystemServers {
  readonly postgres: ResolvedServer;
  readonly nats: ResolvedServer;
  /** Stops whichever of the two we started. */
  stop(options?: { immediate?: boolean }): Promise<void>;
}

export interface SystemServersOptions {
  /** Reads DATABASE_URL, NATS_URL, OMNI_EMBEDDED=1 and OMNI_CONNECT_TIMEOUT_MS (default 30 s). */
  readonly env: NodeJS.ProcessEnv;
  /** Embedded servers keep their data in `<dataDir>/postgres` and `<dataDir>/nats`. */
  readonly dataDir: string;
  readonly onWaiting?: (message: string) => void;
}

/**
 * The PostgreSQL and NATS that `npm start` runs the system against: each the configured one, else the
 * one on the default address, else an embedded one. Throws ServerUnavailableError (one line) when one
 * cannot be had; whatever was already started is stopped first.
 */
export async function resolveSystemServers({
  env,
  dataDir,
  onWaiting,
}: SystemServersOptions): Promise<SystemServers> {
  const common = {
    forceEmbedded: env.OMNI_EMBEDDED === '1',
    connectTimeoutMs: Number(env.OMNI_CONNECT_TIMEOUT_MS ?? DEFAULT_CONNECT_TIMEOUT_MS),
    onWaiting,
  };
  const [postgres, nats] = await Promise.allSettled([
    resolvePostgres({
      ...common,
      configuredUrl: env.DATABASE_URL,
      configuredBy: 'DATABASE_URL',
      defaultUrl: DEFAULT_DATABASE_URL,
      dataDir: path.join(dataDir, 'postgres'),
      database: 'omni',
    }),
    resolveNats({
      ...common,
      configuredUrl: env.NATS_URL,
      configuredBy: 'NATS_URL',
      defaultUrl: DEFAULT_NATS_URL,
      dataDir: path.join(dataDir, 'nats'),
    }),
  ]);
  if (postgres.status === 'rejected' || nats.status === 'rejected') {
    await Promise.all([postgres, nats].map((r) => (r.status === 'fulfilled' ? r.value.stop() : undefined)));
    throw postgres.status === 'rejected' ? postgres.reason : (nats as PromiseRejectedResult).reason;
  }
  return {
    postgres: postgres.value,
    nats: nats.value,
    async stop(options) {
      await Promise.all([postgres.value.stop(options), nats.value.stop(options)]);
    },
  };
}
