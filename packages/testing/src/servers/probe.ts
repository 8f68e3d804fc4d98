import net from 'node:net';
import pg from 'pg';

/** How a server answered one probe. `refused` is final (it answered, but will not serve us). */
export type ProbeResult =
  | { readonly status: 'up' }
  | { readonly status: 'down'; readonly reason: string }
  | { readonly status: 'refused'; readonly reason: string };

const PROBE_TIMEOUT_MS = 2_000;
/** SQLSTATE 3D000: the server answered and only the database is missing, which services create. */
const DATABASE_MISSING = '3D000';

/** Connects to PostgreSQL at `url` once: a real handshake, so a wrong password is told apart from "nothing there". */
export async function probePostgres(url: string): Promise<ProbeResult> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
  client.on('error', () => undefined); // a failed probe is reported through connect(), not as an event
  try {
    await client.connect();
    return { status: 'up' };
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    if (code === DATABASE_MISSING) return { status: 'up' };
    // A five-character SQLSTATE means the server itself answered and said no (e.g. a bad password).
    if (code && /^[0-9A-Z]{5}$/.test(code)) return { status: 'refused', reason: message };
    return { status: 'down', reason: networkReason(error) };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Opens a TCP connection to each server in `url` and waits for NATS's `INFO` greeting. */
export async function probeNats(url: string): Promise<ProbeResult> {
  const reasons: string[] = [];
  for (const { host, port } of natsAddresses(url)) {
    const result = await probeNatsAddress(host, port);
    if (result.status !== 'down') return result;
    reasons.push(result.reason);
  }
  return { status: 'down', reason: reasons.join('; ') };
}

/** `nats://a:4222,nats://b:4222`, `tls://a`, `a:4223` → host and port of each. */
export function natsAddresses(url: string): { host: string; port: number }[] {
  return url
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const parsed = new URL(part.includes('://') ? part : `nats://${part}`);
      return { host: parsed.hostname.replace(/^\[|\]$/g, ''), port: Number(parsed.port || 4222) };
    });
}

function probeNatsAddress(host: string, port: number): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let greeting = '';
    const done = (result: ProbeResult) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(PROBE_TIMEOUT_MS, () => done({ status: 'down', reason: 'no answer (timed out)' }));
    socket.on('error', (error) => done({ status: 'down', reason: networkReason(error) }));
    socket.on('data', (chunk) => {
      greeting += chunk.toString('utf8');
      if (!greeting.includes('\n')) return;
      done(
        greeting.startsWith('INFO ')
          ? { status: 'up' }
          : { status: 'refused', reason: `something other than NATS answers on ${host}:${port}` },
      );
    });
  });
}

function networkReason(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND') return 'unknown host';
  if (code === 'ETIMEDOUT') return 'no answer (timed out)';
  return message || code || String(error);
}
