import type { Server } from 'node:http';
import express from 'express';
import type { Express, RequestHandler } from 'express';
import { consoleSandboxLogger } from './config.ts';
import type { SandboxServerConfig } from './config.ts';
import { composeSandbox } from './compose.ts';
import type { SandboxParts } from './compose.ts';
import { ensureDirectory } from './directory.ts';
import { closeServer, listen, localUrl } from './listen.ts';
import { rootSecret } from './secrets.ts';
import { openSandboxStores } from './stores.ts';
import type { SandboxStores } from './stores.ts';

/** The sandbox server (see {@link createSandboxServer}). */
export interface SandboxServer {
  /** The Express app (every route answers 503 until start() has resolved, but /health which says so). */
  app: Express;
  /**
   * Listens, opens the stores, loads the directory at the first start; resolves the public URL and the
   * local URL of the socket it bound (they differ behind a proxy or with a configured public URL).
   */
  start(): Promise<{ url: string; listenUrl: string }>;
  /** Closes the HTTP server (idle keep-alive connections at once), the authorization server and the stores. */
  stop(): Promise<void>;
}

const securityHeaders: RequestHandler = (_req, res, next) => {
  res.set({ 'X-Content-Type-Options': 'nosniff', 'X-Frame-Options': 'DENY' });
  next();
};

/**
 * The composition root of the sandbox: the stores (lowdb in `dataDir`, or memory), the synthetic provider
 * directory (loaded at the first start), the portal, the SMART authorization server, and the HTTP
 * surface of DESIGN.md: `/health`, `/auth`, `/interaction`, `/fhir`, `/directory/fhir`, `/api`,
 * `/login`, `/logout`, `/`. Reads no environment: the app's config loader builds `config`.
 */
export function createSandboxServer(config: SandboxServerConfig): SandboxServer {
  const logger = config.logger ?? consoleSandboxLogger;
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');

  let server: Server | undefined;
  let stores: SandboxStores | undefined;
  let parts: SandboxParts | undefined;
  let starting: Promise<{ url: string; listenUrl: string }> | undefined;

  app.use(securityHeaders);
  app.get('/health', (_req, res) => {
    res
      .status(parts ? 200 : 503)
      .set('Cache-Control', 'no-store')
      .json({ status: parts ? 'ok' : 'starting' });
  });
  // The routes need the public URL, which is known only once the port is bound (PORT 0).
  app.use((req, res, next) => {
    if (parts) {
      parts.router(req, res, next);
      return;
    }
    res.status(503).set({ 'Retry-After': '1', 'Cache-Control': 'no-store' }).json({
      error: 'starting',
      message: 'The sandbox is starting; try again in a moment.',
    });
  });

  const release = async (): Promise<void> => {
    const closing = [server && closeServer(server), parts?.close(), stores?.close()];
    server = undefined;
    parts = undefined;
    stores = undefined;
    const results = await Promise.allSettled(closing);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  };

  const run = async (): Promise<{ url: string; listenUrl: string }> => {
    const host = config.host ?? '127.0.0.1';
    const bound = await listen(app, host, config.port ?? 4010);
    server = bound.server;
    try {
      const listenUrl = localUrl(host, bound.port);
      const publicUrl = (config.publicUrl ?? listenUrl).replace(/\/+$/, '');
      stores = await openSandboxStores(config.dataDir);
      const secret = await rootSecret(stores.kv, config.cookieSecret);
      const directory = await ensureDirectory({
        fhir: stores.fhir,
        records: stores.records,
        size: config.directorySize ?? 2000,
        seed: config.directorySeed ?? 'sandbox',
        logger,
      });
      parts = await composeSandbox({ config, logger, stores, publicUrl, secret, directory });
      return { url: publicUrl, listenUrl };
    } catch (err) {
      await release().catch(() => undefined);
      throw err;
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
      // A stop during start waits for it, then undoes it.
      if (pending) await pending.catch(() => undefined);
      await release();
    },
  };
}
