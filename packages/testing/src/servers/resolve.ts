import path from 'node:path';
import { startEmbeddedNats } from './embedded-nats.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { probeNats, probePostgres, type ProbeResult } from './probe.js';

/** Where a server came from: its URL variable, the default address, or started by us. */
export type ServerOrigin = 'configured' | 'default' | 'embedded';

export interface ResolvedServer {
  readonly kind: 'PostgreSQL' | 'NATS';
  readonly url: string;
  readonly origin: ServerOrigin;
  /** One line saying which server is used and why, without passwords. */
  readonly description: string;
  /** The server's process when embedded. */
  readonly pid: number | undefined;
  /** Stops an embedded server; does nothing for one we did not start. */
  stop(options?: { immediate?: boolean }): Promise<void>;
}

/** A server cannot be used; `message` is one line meant for the user, no stack trace needed. */
export class ServerUnavailableError extends Error {
  override readonly name = 'ServerUnavailableError';
}

export interface ResolveOptions {
  /** The URL the user set (e.g. DATABASE_URL), if any. */
  readonly configuredUrl?: string | undefined;
  /** The variable's name, for messages. */
  readonly configuredBy: string;
  readonly defaultUrl: string;
  /** Start our own server even if one is configured or answers on the default address. */
  readonly forceEmbedded?: boolean;
  /** The embedded server's data directory. */
  readonly dataDir: string;
  /** How long a configured server may take to answer before we give up. */
  readonly connectTimeoutMs: number;
  /** Told once when a configured server does not answer yet and we keep trying. */
  readonly onWaiting?: (message: string) => void;
}

interface ServerKind {
  readonly kind: ResolvedServer['kind'];
  probe(url: string): Promise<ProbeResult>;
  startEmbedded(
    dataDir: string,
  ): Promise<{ url: string; pid: number | undefined; stop: ResolvedServer['stop'] }>;
}

const RETRY_INTERVAL_MS = 500;

/** PostgreSQL: configured (`configuredUrl`), else running on the default address, else embedded. */
export function resolvePostgres(
  options: ResolveOptions & { readonly database?: string; readonly persistent?: boolean },
): Promise<ResolvedServer> {
  const { database, persistent } = options;
  return resolveServer(
    {
      kind: 'PostgreSQL',
      probe: probePostgres,
      startEmbedded: (dataDir) => startEmbeddedPostgres({ dataDir, database, persistent }),
    },
    options,
  );
}

/** NATS: configured (`configuredUrl`), else running on the default address, else embedded. */
export function resolveNats(options: ResolveOptions): Promise<ResolvedServer> {
  return resolveServer(
    { kind: 'NATS', probe: probeNats, startEmbedded: (dataDir) => startEmbeddedNats({ dataDir }) },
    options,
  );
}

async function resolveServer(server: ServerKind, options: ResolveOptions): Promise<ResolvedServer> {
  const { kind } = server;
  const external = (url: string, origin: ServerOrigin, why: string): ResolvedServer => ({
    kind,
    url,
    origin,
    description: `${kind}: ${redact(url)} (${why})`,
    pid: undefined,
    stop: async () => undefined,
  });
  if (!options.forceEmbedded && options.configuredUrl) {
    await waitUntilUp(server, options.configuredUrl, options);
    return external(options.configuredUrl, 'configured', `configured by ${options.configuredBy}`);
  }
  if (!options.forceEmbedded) {
    const probe = await server.probe(options.defaultUrl);
    if (probe.status === 'up')
      return external(options.defaultUrl, 'default', 'already running on the default address');
    if (probe.status === 'refused') {
      throw new ServerUnavailableError(
        `${kind} at ${redact(options.defaultUrl)} refuses us (${probe.reason}); set ${options.configuredBy} to a server we may use`,
      );
    }
  }
  const embedded = await startEmbedded(server, options.dataDir);
  const relative = path.relative(process.cwd(), options.dataDir);
  const where = relative && !relative.startsWith('..') ? relative : options.dataDir;
  return {
    ...external(embedded.url, 'embedded', `embedded, data in ${where}`),
    pid: embedded.pid,
    stop: embedded.stop,
  };
}

async function startEmbedded(server: ServerKind, dataDir: string) {
  try {
    return await server.startEmbedded(dataDir);
  } catch (error) {
    throw new ServerUnavailableError(`cannot start an embedded ${server.kind}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** Probes a configured server until it answers, refuses outright, or the time is up. */
async function waitUntilUp(server: ServerKind, url: string, options: ResolveOptions): Promise<void> {
  const deadline = Date.now() + options.connectTimeoutMs;
  let told = false;
  for (;;) {
    const probe = await server.probe(url);
    if (probe.status === 'up') return;
    const where = `${server.kind} at ${redact(url)} (${options.configuredBy})`;
    if (probe.status === 'refused') throw new ServerUnavailableError(`${where} refuses us: ${probe.reason}`);
    const remainingMs = deadline - Date.now();
    if (remainingMs <= 0) {
      const seconds = Math.round(options.connectTimeoutMs / 100) / 10;
      throw new ServerUnavailableError(`cannot reach ${where}: ${probe.reason}; gave up after ${seconds} s`);
    }
    if (!told) options.onWaiting?.(`waiting for ${where}: ${probe.reason}`);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, Math.min(RETRY_INTERVAL_MS, remainingMs)));
  }
}

/** A URL fit for logs: any password replaced by `***`. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@,]+:)[^@/,]*@/g, '$1***@');
}
