import http from 'node:http';
import express from 'express';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './db/embedded.js';
import { connectOrm, migrate, sqlCounter } from './db/orm.js';
import { watchDatabase } from './db/database-watch.js';
import { features } from './features.js';
import { buildAppSchema } from './graphql/schema.js';
import { createApollo, createArmor, graphqlMetrics } from './graphql/apollo.js';
import { refuseOversizedDocuments } from './graphql/document-limits.js';
import { PublicQueryCache, publicQueryCacheMetrics } from './graphql/public-query-cache.js';
import type { GraphQLContext } from './graphql/context.js';
import { accountsOptions } from './accounts/accounts.resolver.js';
import { sessionTokenFrom } from './accounts/session-cookie.js';
import { viewerForToken } from './accounts/session.service.js';
import { LiveHub, liveMetrics } from './live/live-hub.js';
import { LiveEventListener } from './live/listener.js';
import { attachLiveWebSocket, socketMetrics } from './live/ws-server.js';
import { LiveEventPruning } from './live/retention.js';
import { requestsInFlight } from './http/drain.js';
import { staticClient } from './http/static-client.js';
import { compressResponses } from './http/compress-responses.js';
import { httpErrorHandler } from './http/errors.js';
import { refuseDeepJson } from './http/json-depth.js';
import { securityHeaders } from './http/security-headers.js';
import { isOwnOrigin } from './http/origin.js';
import { Mailer } from './mail/mailer.js';
import { devMailRoutes } from './mail/dev-mail.js';
import { calendarFeeds } from './calendar/calendar-feeds.js';
import { Outbox } from './outbox/outbox.js';

export interface RunningSamverka {
  url: string;
  port: number;
  orm: MikroORM;
  databaseUrl: string;
  outbox: Outbox;
  /** Stops accepting, finishes requests in flight, closes WebSockets (1001), the pool and the embedded database. */
  close(): Promise<void>;
}

/** Called when the server cannot go on (its database stayed gone): one line saying why. */
export type GiveUp = (message: string) => void;

/** Releases what was started, in reverse order, when start-up fails half way. */
class Resources {
  private readonly stops: (() => Promise<unknown>)[] = [];
  add(stop: () => Promise<unknown>) {
    this.stops.unshift(stop);
  }
  async release(log: Logger) {
    for (const stop of this.stops.splice(0)) {
      await stop().catch((error: Error) => log.warn({ err: error.message }, 'error while stopping'));
    }
  }
}

function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `port ${port} on ${host} is already in use (set PORT to another port)`
            : error.message,
        ),
      );
    });
    server.listen(port, host, () => resolve((server.address() as { port: number }).port));
  });
}

export async function startSamverka(
  config: Config,
  log: Logger,
  giveUp: GiveUp = (message) => log.fatal(message),
): Promise<RunningSamverka> {
  const resources = new Resources();
  try {
    let databaseUrl = config.databaseUrl;
    let embedded: EmbeddedDatabase | null = null;
    if (!databaseUrl) {
      const db = await startEmbeddedDatabase(config.dataDir, log);
      resources.add(() => db.stop());
      databaseUrl = db.url;
      embedded = db;
    }
    const orm = await connectOrm(databaseUrl, log);
    resources.add(() => orm.close());
    await migrate(orm, log);
    if (config.seedDemo) {
      for (const { name, seed } of features) {
        if (seed && (await seed(orm.em.fork()))) log.info({ feature: name }, 'demo data seeded');
      }
    }

    accountsOptions.cookieSecure = config.cookieSecure;
    accountsOptions.registrationsPerHour = config.registrationsPerHour;
    const mailer = await Mailer.create(
      {
        smtpUrl: config.smtpUrl,
        catchMail: config.mailCatcher,
        from: config.mailFrom,
        publicUrl: config.publicUrl,
      },
      log,
    );
    resources.add(() => mailer.close());
    const outbox = await Outbox.start(databaseUrl, { mailer, orm }, log);
    resources.add(() => outbox.stop(config.shutdownGraceMs));
    for (const kind of features.flatMap((feature) => feature.sideEffects ?? [])) await outbox.handle(kind);
    const schema = await buildAppSchema();
    const app = express();
    const httpServer = http.createServer(app);
    const publicQueryCache = new PublicQueryCache();
    const inFlight = requestsInFlight(httpServer);
    const apollo = createApollo(schema, log, publicQueryCache);
    await apollo.start();
    resources.add(() => apollo.stop());

    const hub = new LiveHub(orm, log);
    const ws = attachLiveWebSocket(httpServer, {
      schema,
      orm,
      hub,
      liveFields: features.flatMap((feature) => feature.liveFields ?? []),
      validationRules: createArmor().validationRules,
      log,
      acceptsOrigin: (request) => isOwnOrigin(request, config.publicUrl),
      authenticate: (request) => viewerForToken(orm.em.fork(), sessionTokenFrom(request.headers.cookie)),
      maxSubscriptionsPerConnection: config.maxSubscriptionsPerConnection,
      connectionInitWaitTimeout: config.connectionInitWaitTimeout,
      maxBufferedBytes: config.liveMaxBufferedBytes,
    });
    resources.add(() => ws.close());
    const listener = new LiveEventListener(
      databaseUrl,
      (event) => {
        if (event.topic.startsWith('session:') && event.subjectId) return ws.closeSession(event.subjectId);
        publicQueryCache.clear();
        hub.dispatch(event);
      },
      log,
    );
    await listener.start();
    resources.add(() => listener.stop());
    const pruning = LiveEventPruning.start(orm, config.liveEventRetentionHours, log);
    resources.add(() => pruning.stop());
    const database = watchDatabase({
      databaseUrl,
      embedded,
      recoveryMs: config.databaseRecoveryMs,
      log,
      onLost: () => ws.closeForRestart(),
      onGiveUp: giveUp,
    });
    resources.add(async () => database.stop());

    app.disable('x-powered-by');
    app.set('trust proxy', config.trustProxy);
    app.use(securityHeaders(config.publicUrl));
    app.get('/healthz', (_req, res) => {
      res.json({ status: 'ok' });
    });
    app.get('/readyz', async (_req, res) => {
      if (!database.available) {
        res.status(503).json({ status: 'database unavailable' });
        return;
      }
      try {
        await orm.em.getConnection().execute('select 1');
        res.json({ status: 'ready' });
      } catch {
        res.status(503).json({ status: 'database unavailable' });
      }
    });
    if (config.metrics) {
      app.get('/metrics', (_req, res) => {
        res.json({
          graphqlExecutions: graphqlMetrics.executions + liveMetrics.executions,
          sqlStatements: sqlCounter.statements,
          subscribers: liveMetrics.subscribers,
          liveExecutions: liveMetrics.executions,
          liveTopics: hub.size.topics,
          liveGroups: hub.size.groups,
          liveResyncs: liveMetrics.resyncs,
          slowConsumersClosed: socketMetrics.slowConsumersClosed,
          connections: ws.connectionCount,
          publicQueryCache: publicQueryCacheMetrics,
          rssBytes: process.memoryUsage.rss(),
        });
      });
    }
    app.use(
      '/graphql',
      compressResponses(),
      express.json({ limit: '100kb', verify: refuseDeepJson }),
      refuseOversizedDocuments(),
      expressMiddleware(apollo, {
        context: async ({ req, res }): Promise<GraphQLContext> => {
          const em = orm.em.fork();
          return {
            em,
            viewer: await viewerForToken(em, sessionTokenFrom(req.headers.cookie)),
            res,
            ip: req.ip ?? req.socket.remoteAddress ?? 'unknown',
            outbox,
            registration: config.registration,
            invitations: config.invitations,
          };
        },
      }),
    );
    for (const feature of features) if (feature.http) app.use(feature.http({ orm, config, log }));
    if (mailer.catcher) app.use(devMailRoutes(mailer.catcher));
    app.use(calendarFeeds(orm, (pathname) => mailer.link(pathname, {})));
    app.use(staticClient(config.clientDir));
    app.use(httpErrorHandler(log));

    const port = await listen(httpServer, config.port, config.host);
    const url = `http://${config.host}:${port}`;
    mailer.useDefaultPublicUrl(url);
    log.info({ url }, 'Samverka is listening');

    let closing: Promise<void> | null = null;
    return {
      url,
      port,
      orm,
      databaseUrl,
      outbox,
      close: () => (closing ??= inFlight.drain(config.shutdownGraceMs).then(() => resources.release(log))),
    };
  } catch (error) {
    await resources.release(log);
    throw error;
  }
}
