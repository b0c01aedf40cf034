import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { closeServer, createServerApp, listen, localUrl, logRequest, requestLog, rootSecret } from '@plan-api/http';
import type { Express, RequestLogEntry } from '@plan-api/http';
import { loadTerminology } from '@plan-api/synthetic';
import { composeServer } from './compose.ts';
import type { ServerParts } from './compose.ts';
import { readTlsCredentials } from './config.ts';
import type { ServerConfig } from './config.ts';
import type { ServerLogger } from './logger.ts';
import { openServerMail } from './mail.ts';
import type { ServerMail } from './mail.ts';
import { openServerStores } from './stores.ts';
import type { ServerStores } from './stores.ts';

/** What a started server reports (the banner shows it). */
export interface StartedServer {
  url: string;
  listenUrl: string;
  storage: string;
  mail: string;
}

export interface PlanServer {
  app: Express;
  start(): Promise<StartedServer>;
  /** Stops taking connections, lets requests in flight finish (up to a grace period), then closes the stores. */
  stop(): Promise<void>;
}

/**
 * The production server process: `/health` (alive) and `/ready` (the database answers and is migrated) from the
 * first moment, every other route 503 until the stores are open and the parts composed, one log line per request.
 */
export function createPlanServer(config: ServerConfig, logger: ServerLogger): PlanServer {
  const app = createServerApp();
  app.set('trust proxy', config.trustProxy);
  const writeLog = (entry: RequestLogEntry): void => logger.request(entry);
  app.use(requestLog(writeLog));
  // The same log line for the directory's cached answers, which never reach Express.
  const logCached = (req: IncomingMessage, res: ServerResponse): void => logRequest(req, res, writeLog);
  let server: Server | undefined;
  let stores: ServerStores | undefined;
  let mail: ServerMail | undefined;
  let parts: ServerParts | undefined;
  let starting: Promise<StartedServer> | undefined;

  app.get('/health', (_req, res) => {
    res.status(200).set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  app.get('/ready', (_req, res, next) => {
    const check = async () => (parts !== undefined && stores !== undefined ? stores.ready() : false);
    check().then(
      (ready) => {
        res
          .status(ready ? 200 : 503)
          .set('Cache-Control', 'no-store')
          .json({ status: ready ? 'ready' : 'not ready' });
      },
      (error: unknown) => {
        logger.error('The readiness check failed', { error });
        res.status(503).set('Cache-Control', 'no-store').json({ status: 'not ready' });
        next();
      },
    );
  });
  app.use((req, res, next) => {
    if (parts) {
      parts.router(req, res, next);
      return;
    }
    res.status(503).set({ 'Retry-After': '1', 'Cache-Control': 'no-store' }).json({
      error: 'starting',
      message: 'The server is starting; try again in a moment.',
    });
  });

  const release = async (): Promise<void> => {
    const closing = server;
    server = undefined;
    if (closing) await closeServer(closing, 10_000);
    await parts?.close();
    parts = undefined;
    await mail?.stop();
    mail = undefined;
    await stores?.close();
    stores = undefined;
  };

  const run = async (): Promise<StartedServer> => {
    const tls = config.tls && readTlsCredentials(config.tls);
    // The directory's cached answers are sent (and logged) before Express sees the request.
    const bound = await listen(
      (req, res) => {
        if (!parts?.directoryCache.serve(req, res, logCached)) app(req, res);
      },
      config.host,
      config.port,
      tls,
    );
    server = bound.server;
    try {
      const listenUrl = localUrl(config.host, bound.port, tls !== undefined);
      const publicUrl = (config.publicUrl ?? listenUrl).replace(/\/+$/, '');
      stores = await openServerStores({
        ...(config.databaseUrl !== undefined ? { databaseUrl: config.databaseUrl, schema: config.databaseSchema } : {}),
        dataDir: config.dataDir,
      });
      const secret = await rootSecret(stores.kv, config.secret);
      mail = openServerMail({ config, records: stores.records, logger });
      mail.start();
      const fhirVersion = await stores.watchFhirChanges((error) =>
        logger.error('Lost the database change feed; the directory answers uncached until it is back', { error }),
      );
      parts = await composeServer({
        config,
        stores,
        fhirVersion,
        logger,
        publicUrl,
        secret,
        mailer: mail.mailer,
        terminology: loadTerminology(config.terminologyDir),
      });
      const storage =
        stores.kind === 'postgres'
          ? 'PostgreSQL (DATABASE_URL)'
          : `lowdb files in ${config.dataDir} (DATABASE_URL is not set)`;
      return { url: publicUrl, listenUrl, storage, mail: mail.describe };
    } catch (error) {
      await release().catch(() => undefined);
      throw error;
    }
  };

  return {
    app,
    start() {
      starting ??= run();
      return starting;
    },
    async stop() {
      const pending = starting;
      starting = undefined;
      if (pending) await pending.catch(() => undefined);
      await release();
    },
  };
}
