import { ForbiddenError } from '@omni/contracts';
import cors, { type CorsOptions } from 'cors';
import type { RequestHandler } from 'express';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { z } from 'zod';
import { endWithProblem } from './problems.js';

/** Where a web app runs during development (Vite, then Next.js/CRA); production lists none by default. */
export const DEVELOPMENT_ORIGINS = ['http://localhost:5173', 'http://localhost:3000'] as const;

/** `CORS_ORIGINS`: comma-separated origins, each exactly `scheme://host[:port]` as a browser sends it. */
export const CorsOriginsSetting = z
  .string()
  .transform((list) =>
    list
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
  )
  .pipe(
    z.array(
      z.string().refine(isOrigin, {
        message: 'each origin must be scheme://host[:port], without a path, e.g. https://app.example.com',
      }),
    ),
  );

function isOrigin(value: string): boolean {
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}

export function allowedOrigins(
  configured: readonly string[] | undefined,
  production: boolean,
): ReadonlySet<string> {
  return new Set(configured ?? (production ? [] : DEVELOPMENT_ORIGINS));
}

/**
 * What a browser page on an allowed origin may do: send our request headers (so a preflight passes)
 * and read the response headers a client needs (trace id for bug reports, ETag for If-Match, whether
 * an answer was a replay, when to retry). Bearer tokens, not cookies, so no credentials.
 */
const POLICY: CorsOptions = {
  methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
  allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match', 'Last-Event-ID'],
  exposedHeaders: ['X-Trace-Id', 'ETag', 'Idempotency-Replayed', 'Retry-After'],
  maxAge: 600,
};

/**
 * CORS for every HTTP route. A request from an origin not listed gets no CORS header at all, so the
 * browser keeps the answer from the page; requests without `Origin` (servers, curl, apps) are not
 * affected. `Vary: Origin` keeps caches from handing one origin's answer to another.
 */
export function corsMiddleware(origins: ReadonlySet<string>): RequestHandler {
  const handler = cors((req, callback) => {
    const origin = req.headers.origin;
    callback(null, origin !== undefined && origins.has(origin) ? { ...POLICY, origin } : { origin: false });
  });
  return (req, res, next) => {
    res.vary('Origin');
    handler(req, res, next);
  };
}

/**
 * Browsers do not apply CORS to WebSockets: they send `Origin` and leave the check to the server.
 * Without one, any web page could open `/ws` with a token it got hold of. An upgrade from an origin
 * not listed is answered 403 before any upgrade handler sees it; one without `Origin` (not a browser)
 * goes through.
 */
export function refuseUpgradesFromOtherOrigins(server: Server, origins: ReadonlySet<string>): void {
  const emit = server.emit.bind(server) as (event: string, ...args: unknown[]) => boolean;
  server.emit = ((event: string, ...args: unknown[]) => {
    if (event === 'upgrade') {
      const [request, socket] = args as [IncomingMessage, Duplex];
      const origin = request.headers.origin;
      if (origin !== undefined && !origins.has(origin)) {
        refuseForbidden(socket);
        return true;
      }
    }
    return emit(event, ...args);
  }) as Server['emit'];
}

function refuseForbidden(socket: Duplex): void {
  endWithProblem(
    socket,
    new ForbiddenError(
      'Pages on this origin may not open the WebSocket; the gateway lists allowed ones in CORS_ORIGINS',
    ),
  );
}
