import type { NatsConnection } from '@nats-io/nats-core';
import { type Actor, type Logger } from '@omni/contracts';
import { wsConnections, wsDrops } from '@omni/service-kit';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Presence } from '../collaboration/presence.js';
import type { LiveFeeds } from './feeds.js';
import { RealtimeSession, type SessionLimits } from './session.js';

export interface BridgeOptions {
  readonly server: Server;
  readonly nats: NatsConnection;
  readonly feeds: LiveFeeds;
  readonly authenticate: (token: string) => Promise<Actor>;
  readonly presence: Presence;
  readonly nameOf: (actor: Actor) => Promise<string>;
  readonly logger: Logger;
  readonly limits?: Partial<SessionLimits & { maxFrameBytes: number; heartbeatMs: number }>;
}

export interface Bridge {
  /** Closes every socket of the user on this gateway process (a deactivation). */
  disconnectUser(userId: string, reason: string): void;
  close(): Promise<void>;
}

/** Close code sent to the sockets of a user who may no longer sign in. */
export const DEACTIVATED_CLOSE_CODE = 4003;

const DEFAULTS = {
  maxSubscriptions: 50,
  maxPresence: 20,
  maxBufferedBytes: 1024 * 1024,
  maxPendingEvents: 10_000,
  maxFrameBytes: 64 * 1024,
  heartbeatMs: 30_000,
};

/**
 * `GET /ws` (CONTRACT §7): the access token is checked on the upgrade (401 otherwise); each socket
 * gets a session; every stream has one live feed per gateway process (shared with SSE).
 */
export function startRealtimeBridge({
  server,
  nats,
  feeds,
  authenticate,
  presence,
  nameOf,
  logger,
  limits = {},
}: BridgeOptions): Bridge {
  const settings = { ...DEFAULTS, ...limits };
  const wss = new WebSocketServer({ noServer: true, maxPayload: settings.maxFrameBytes });

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://gateway');
    if (url.pathname !== '/ws') return;
    void authenticate(tokenOf(request, url) ?? '')
      .then((actor) => wss.handleUpgrade(request, socket, head, (ws) => accept(ws, actor)))
      .catch(() => refuse(socket));
  };

  const socketsOf = new Map<string, Set<WebSocket>>();
  const accept = (ws: WebSocket, actor: Actor) => {
    wsConnections.inc();
    const own = socketsOf.get(actor.userId) ?? new Set<WebSocket>();
    socketsOf.set(actor.userId, own.add(ws));
    const session = new RealtimeSession(ws, actor, {
      nats,
      feedFor: (stream) => feeds.feedFor(stream),
      logger,
      limits: settings,
      onSlowConsumer: () => wsDrops.inc(),
      presence,
      nameOf,
    });
    let alive = true;
    ws.on('pong', () => (alive = true));
    const heartbeat = setInterval(() => {
      if (!alive) return ws.terminate();
      alive = false;
      ws.ping();
    }, settings.heartbeatMs);
    ws.on('message', (data, isBinary) => {
      if (isBinary) return void session.handle('not json');
      void session
        .handle(data.toString())
        .catch((error: unknown) => logger.warn({ err: error }, 'ws frame failed'));
    });
    ws.on('close', () => {
      own.delete(ws);
      if (own.size === 0) socketsOf.delete(actor.userId);
      clearInterval(heartbeat);
      session.close();
      wsConnections.dec();
    });
    ws.on('error', () => ws.terminate());
  };

  server.on('upgrade', onUpgrade);
  return {
    disconnectUser(userId, reason) {
      for (const ws of socketsOf.get(userId) ?? []) ws.close(DEACTIVATED_CLOSE_CODE, reason);
    },
    async close() {
      server.off('upgrade', onUpgrade);
      for (const ws of wss.clients) ws.close(1001, 'gateway shutting down');
      await feeds.stop();
      wss.close();
    },
  };
}

export function tokenOf(request: IncomingMessage, url: URL): string | undefined {
  const header = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  return header ?? url.searchParams.get('access_token') ?? undefined;
}

function refuse(socket: Duplex): void {
  const body = JSON.stringify({
    type: 'https://omni.dev/problems/unauthorized',
    title: 'Unauthorized',
    status: 401,
    detail: 'A valid access token is required',
    code: 'unauthorized',
    errors: [],
  });
  socket.end(
    `HTTP/1.1 401 Unauthorized\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
