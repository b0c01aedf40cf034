import {
  createApi,
  createFhirRouter,
  createResponseCache,
  createRouter,
  createSessionRouter,
  createSessions,
  createUiRouter,
  deriveKey,
  fhirCors,
  kvFailureCounter,
  lastResortErrors,
  managementAuth,
  managementRouteSet,
  SANDBOX_API,
} from '@plan-api/http';
import type { ResponseCache, Router } from '@plan-api/http';
import { createOutboxMailer } from '@plan-api/mail';
import type { Directory, Terminology } from '@plan-api/synthetic';
import type { SandboxLogger, SandboxServerConfig } from './config.ts';
import { connectionRouteSet, createConnection, createHttpProductionGateway } from './connection/index.ts';
import { createSandboxRealm } from './realm.ts';
import type { SandboxStores } from './stores.ts';

/** The one vendor of a desktop or headless sandbox: everything it makes belongs to this owner. */
export const SANDBOX_OWNER = 'sandbox';

/** The running parts of a started sandbox. */
export interface SandboxParts {
  router: Router;
  /** The public directory's answers: its `serve` goes in front of the app (see ResponseCache). */
  directoryCache: ResponseCache;
  close(): Promise<void>;
}

export interface ComposeOptions {
  config: SandboxServerConfig;
  logger: SandboxLogger;
  stores: SandboxStores;
  /** Absolute, without a trailing slash. */
  publicUrl: string;
  /** The root secret keys are derived from. */
  secret: string;
  directory: Directory;
  terminology: Terminology;
}

/**
 * Wires the single-tenant sandbox over open stores, in the order DESIGN.md's HTTP surface needs: the realm
 * (`/auth` gets the raw request: no body parser in front of it; `/interaction`, `/fhir`), the public directory,
 * the management API of the one vendor, the token sign-in, and the web UI. Each router owns its own body
 * parsing and error format. The sandbox keeps its mail in the outbox; connected to a plan server (`/api/connection`),
 * it sends its production requests there instead.
 */
export async function composeSandbox(options: ComposeOptions): Promise<SandboxParts> {
  const { config, logger, stores, publicUrl, secret } = options;
  const secure = publicUrl.startsWith('https:');
  const publicOrigin = new URL(publicUrl).origin;

  // The sandbox delivers no mail: it keeps what it would send in its outbox (the Outbox page, GET /api/outbox).
  const mailer = createOutboxMailer({ records: stores.records });
  // Desktop to production: the plan server (and the vendor's API key there) production requests go to.
  const connection = createConnection({ records: stores.records });
  const realm = await createSandboxRealm({
    publicUrl,
    paths: { auth: '/auth', interaction: '/interaction', fhir: '/fhir' },
    // On the developer's machine, an app under development may publish its JWKS on localhost.
    loopbackJwksUris: true,
    stores,
    directory: options.directory,
    terminology: options.terminology,
    secret,
    logger,
    mailer,
    production: createHttpProductionGateway({ connection }),
    ...(config.supportedTypes !== undefined ? { resourceTypes: config.supportedTypes } : {}),
    ...(config.requirePkce !== undefined ? { requirePkce: config.requirePkce } : {}),
  });

  const sessions = createSessions({ kv: stores.kv, secret: deriveKey(secret, 'session-cookie'), secure });
  const session = createSessionRouter({
    token: config.managementToken,
    sessions,
    publicOrigin,
    ...(config.tokenHint !== undefined ? { tokenHint: config.tokenHint } : {}),
    ...(config.signInRateLimit !== undefined ? { failedSignInLimit: config.signInRateLimit } : {}),
  });

  const directoryCache = createResponseCache({
    mountPath: '/directory/fhir',
    version: { current: () => stores.fhirVersion() },
  });
  const router = createRouter();
  router.use(realm.router);
  router.use(
    '/directory/fhir',
    fhirCors(),
    createFhirRouter({
      store: stores.fhir,
      registry: stores.registry,
      base: 'directory',
      readOnly: true,
      baseUrl: `${publicUrl}/directory/fhir`,
      logger,
      responseCache: directoryCache,
    }),
  );
  router.use(
    '/api',
    createApi({
      sets: [managementRouteSet(realm.portal, mailer), connectionRouteSet(connection)],
      authenticate: managementAuth({
        token: config.managementToken,
        owner: SANDBOX_OWNER,
        sessions,
        publicOrigin,
        // Guessing the management token: after 10 failed bearer attempts a minute, an address waits.
        failedAuthLimit: {
          counter: kvFailureCounter(stores.kv),
          max: 10,
          windowSeconds: 60,
        },
      }),
      serverUrl: `${publicUrl}/api`,
      description: SANDBOX_API,
      logger,
    }),
  );
  router.use(session.router);
  router.use(
    createUiRouter({
      distDir: config.uiDir,
      isSignedIn: async (req) => (await sessions.fromHeaders(req.headers)) !== undefined,
    }),
  );
  router.use((req, res) => {
    res
      .status(404)
      .set('Cache-Control', 'no-store')
      .json({
        error: 'not_found',
        message: `There is nothing at ${req.method} ${req.path.slice(0, 200)}.`,
      });
  });
  router.use(lastResortErrors(logger));

  return {
    router,
    directoryCache,
    async close() {
      session.close();
      await realm.close();
    },
  };
}
