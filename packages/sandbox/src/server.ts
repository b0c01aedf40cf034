import type { Server } from 'node:http';
import { closeServer, createServerApp, listen, localUrl, rootSecret } from '@plan-api/http';
import type { Express } from '@plan-api/http';
import { loadTerminology } from '@plan-api/synthetic';
import { consoleSandboxLogger } from './config.ts';
import type { SandboxServerConfig } from './config.ts';
import { composeSandbox } from './compose.ts';
import type { SandboxParts } from './compose.ts';
import { ensureDirectory } from './directory.ts';
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

/**
 * The composition root of the sandbox: the stores (lowdb in `dataDir`, or memory), the synthetic provider
 * directory (loaded at the first start), the portal, the SMART authorization server, and the HTTP
 * surface of DESIGN.md: `/health`, `/auth`, `/interaction`, `/fhir`, `/directory/fhir`, `/api`,
 * `/login`, `/logout`, `/`. Reads no environment: the app's config loader builds `config`.
 */
export function createSandboxServer(config: SandboxServerConfig): SandboxServer {
  const logger = config.logger ?? consoleSandboxLogger;
  const app = createServerApp();

  let server: Server | undefined;
  let stores: SandboxStores | undefined;
  let parts: SandboxParts | undefined;
  let starting: Promise<{ url: string; listenUrl: string }> | undefined;

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
    // The directory's cached answers are sent before Express sees the request.
    const bound = await listen(
      (req, res) => {
        if (!parts?.directoryCache.serve(req, res)) app(req, res);
      },
      host,
      config.port ?? 4010,
    );
    server = bound.server;
    try {
      const listenUrl = localUrl(host, bound.port);
      const publicUrl = (config.publicUrl ?? listenUrl).replace(/\/+$/, '');
      stores = await openSandboxStores(config.dataDir);
      const secret = await rootSecret(stores.kv, config.cookieSecret);
      const terminology = loadTerminology(config.terminologyDir);
      const directory = await ensureDirectory({
        fhir: stores.fhir,
        records: stores.records,
        size: config.directorySize ?? 2000,
        seed: config.directorySeed ?? 'sandbox',
        terminology,
        logger,
      });
      parts = await composeSandbox({ config, logger, stores, publicUrl, secret, directory, terminology });
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
