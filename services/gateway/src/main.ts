import 'reflect-metadata';
import { buildAsyncApiDocument } from '@omni/contracts';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { createEventStore, startRelay } from '@omni/event-store';
import { connectNats, checkServices, createRpcClient, ensureServiceStream } from '@omni/messaging';
import {
  createLogger,
  createPool,
  createShutdown,
  ensureDatabase,
  loadConfig,
  metricsText,
  observeRelayLag,
} from '@omni/service-kit';
import express from 'express';
import { readFileSync } from 'node:fs';
import { AppModule } from './app.module.js';
import { Locks } from './collaboration/locks.js';
import { Presence } from './collaboration/presence.js';
import { GatewayEnv } from './config.js';
import { startMobileBff } from './bff/index.js';
import { allowedOrigins, corsMiddleware, refuseUpgradesFromOtherOrigins } from './http/cors.js';
import { RoutePipeline } from './http/pipeline.js';
import { IdempotencyKeys } from './http/idempotency.js';
import { ProblemFilter, problemMiddleware } from './http/problems.js';
import { controllerForRoutes } from './http/routes.controller.js';
import { traceIdMiddleware } from './http/trace-id.js';
import { AccessTokens } from './identity/access-tokens.js';
import { Auth, bootstrapAdmin } from './identity/auth.js';
import { LoginLimiter } from './identity/login-limiter.js';
import { RefreshTokens } from './identity/refresh-tokens.js';
import { Users } from './identity/users.js';
import { buildOpenApiDocument } from './openapi/document.js';
import { startRealtimeBridge } from './realtime/bridge.js';
import { liveFeeds } from './realtime/feeds.js';
import { EVENTS_PATH, eventStreamHandler } from './realtime/sse.js';
import { allRoutes } from './routes/index.js';
import { closeSocketsOfDeactivatedUsers } from './identity/deactivations.js';
import { GATEWAY_SCHEMA, migrateGatewaySchema, signingSecret } from './schema.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

async function main(): Promise<void> {
  const config = loadConfig(GatewayEnv);
  const logger = createLogger({ service: 'gateway', level: config.LOG_LEVEL });
  const shutdown = createShutdown({ logger, graceMs: config.SHUTDOWN_GRACE_MS });

  await ensureDatabase(config.DATABASE_URL);
  const pool = createPool(config.DATABASE_URL);
  shutdown.onShutdown('close the database pool', () => pool.end());
  await migrateGatewaySchema(pool);

  const nats = await connectNats({ url: config.NATS_URL, name: 'omni-gateway' });
  shutdown.onShutdown('drain NATS', () => nats.drain());
  // Identity changes go through the same outbox and relay as every service's events (stream GATEWAY).
  await ensureServiceStream(nats, 'gateway');
  const store = createEventStore({ pool, schema: GATEWAY_SCHEMA, service: 'gateway' });
  const relay = await startRelay({ store, nats, logger });
  observeRelayLag('gateway', () => relay.lag());
  shutdown.onShutdown('stop the relay', () => relay.stop());

  const users = new Users(pool, store);
  const production = config.NODE_ENV === 'production';
  if (production && !config.JWT_SECRET) throw new Error('JWT_SECRET must be set when NODE_ENV=production');
  await bootstrapAdmin(
    users,
    { email: config.OMNI_ADMIN_EMAIL, password: config.OMNI_ADMIN_PASSWORD, production },
    logger,
  );
  const auth = new Auth(
    users,
    new AccessTokens(await signingSecret(pool, config.JWT_SECRET), config.ACCESS_TOKEN_TTL_SECONDS),
    new RefreshTokens(pool, config.REFRESH_TOKEN_TTL_SECONDS),
    new LoginLimiter(),
  );

  const rpc = createRpcClient(nats, { logger, defaultTimeoutMs: config.RPC_TIMEOUT_MS });

  const locks = await Locks.open(nats, config.LOCK_TTL_MS, (userId) => users.nameOf(userId));
  const feeds = liveFeeds(nats, logger);
  const bff = startMobileBff({ rpc, users, feeds, logger, settings: config });
  shutdown.onShutdown('stop the mobile BFF', () => bff.stop());
  const routes = bff.invalidatingWrites(allRoutes({ auth, rpc, locks, mobile: bff.dependencies }));
  const openApiDocument = buildOpenApiDocument(routes, version);
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.with({
      apiController: controllerForRoutes(routes, new RoutePipeline(auth, new IdempotencyKeys(pool), locks)),
      checkServices: () => checkServices(rpc, config.OMNI_SERVICES, 1500),
      openApiDocument,
      asyncApiDocument: buildAsyncApiDocument(version),
      metricsText,
    }),
    { bodyParser: false, logger: false },
  );
  app.disable('x-powered-by');
  app.set('etag', false); // ETags are aggregate versions, set by the pipeline
  app.use(traceIdMiddleware);
  const origins = allowedOrigins(config.CORS_ORIGINS, production);
  app.use(corsMiddleware(origins));
  const parseJson = express.json({ limit: '1mb' });
  const reportProblem = problemMiddleware(logger);
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) =>
    parseJson(req, res, (error?: unknown) => (error ? reportProblem(error, req, res, next) : next())),
  );
  const realtimeLimits = {
    maxBufferedBytes: config.WS_MAX_BUFFERED_BYTES,
    maxSubscriptions: config.WS_MAX_SUBSCRIPTIONS,
  };
  app.use(
    EVENTS_PATH,
    eventStreamHandler({
      engine: {
        nats,
        feedFor: (stream) => feeds.feedFor(stream),
        logger,
        limits: { maxPendingEvents: 10_000, ...realtimeLimits },
      },
      authenticate: (token) => auth.authenticate(token),
      keepaliveMs: config.SSE_KEEPALIVE_MS,
    }),
  );
  app.useGlobalFilters(new ProblemFilter(logger));
  SwaggerModule.setup('api/docs', app, openApiDocument as unknown as OpenAPIObject);
  refuseUpgradesFromOtherOrigins(app.getHttpServer(), origins);
  await app.listen(config.PORT);
  shutdown.onShutdown('stop taking HTTP requests', () => app.close());
  const presence = await Presence.open(nats, config.PRESENCE_TTL_MS, logger);
  const bridge = startRealtimeBridge({
    server: app.getHttpServer(),
    nats,
    feeds,
    authenticate: (token) => auth.authenticate(token),
    presence,
    nameOf: async (actor) => (await users.get(actor.userId)).name,
    logger,
    limits: realtimeLimits,
  });
  shutdown.onShutdown('leave every presence of this replica', () => presence.close());
  shutdown.onShutdown('close WebSockets', () => bridge.close());
  const deactivations = closeSocketsOfDeactivatedUsers(nats, bridge);
  shutdown.onShutdown('stop watching deactivations', () => deactivations.unsubscribe());
  logger.info(
    { port: config.PORT, pid: process.pid },
    `gateway listening on http://localhost:${config.PORT}`,
  );
}

main().catch((error: unknown) => {
  // The logger may not exist yet: a failed start must still say why on stderr.
  process.stderr.write(`gateway failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
