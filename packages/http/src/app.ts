import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Express } from 'express';
import { fhirErrorHandler, unknownPath } from './fhir/error-handler.ts';
import type { FhirRouterOptions } from './fhir/options.ts';
import { createFhirRouter } from './fhir/router.ts';

export interface FhirAppOptions extends FhirRouterOptions {
  /** Where the FHIR base is mounted (default `/fhir`). */
  mountPath?: string;
}

export interface FhirApp {
  app: Express;
  /** Listens (port 0 = any free port; host default 127.0.0.1) and resolves the FHIR base URL. */
  start(port?: number, host?: string): Promise<string>;
  /** Stops listening and closes every connection, idle keep-alive ones included. */
  stop(): Promise<void>;
}

/** How long in-flight requests get to finish on stop before their connections are cut. */
const STOP_GRACE_MS = 2000;

/**
 * An Express app serving one FHIR base at `mountPath`, with start/stop helpers on a node:http server:
 * for tests, the benchmark and small embeddings. Real hosts compose createFhirRouter themselves.
 */
export function createFhirApp(options: FhirAppOptions): FhirApp {
  const mountPath = options.mountPath ?? '/fhir';
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.use(mountPath, createFhirRouter(options));
  app.use(unknownPath);
  app.use(fhirErrorHandler(options.logger ? { logger: options.logger } : {}));

  let server: Server | undefined;
  return {
    app,
    start(port = 0, host = '127.0.0.1') {
      if (server) return Promise.reject(new Error('createFhirApp: already started'));
      const cache = options.responseCache;
      const listening = createServer(cache ? (req, res) => cache.serve(req, res) || app(req, res) : app);
      server = listening;
      return new Promise<string>((resolve, reject) => {
        listening.once('error', reject);
        listening.listen(port, host, () => {
          listening.off('error', reject);
          const address = listening.address() as AddressInfo;
          const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          resolve(`http://${shownHost}:${address.port}${mountPath === '/' ? '' : mountPath}`);
        });
      });
    },
    stop() {
      const closing = server;
      server = undefined;
      if (!closing) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const force = setTimeout(() => closing.closeAllConnections(), STOP_GRACE_MS);
        force.unref();
        closing.close((err) => {
          clearTimeout(force);
          if (err) reject(err);
          else resolve();
        });
        closing.closeIdleConnections();
      });
    },
  };
}
