import { resourceTypesOf } from '@plan-api/fhir';
import {
  authorizationErrorPage,
  createFhirRouter,
  createInteractionRouter,
  createManagementApi,
  createPatientAccessRouter,
  createRouter,
  createSessionRouter,
  createSessions,
  createUiRouter,
  deriveKey,
  fhirCors,
  lastResortErrors,
  managementAuth,
} from '@plan-api/http';
import type { Router } from '@plan-api/http';
import { createOutboxMailer } from '@plan-api/mail';
import { createSandboxPortal } from '@plan-api/portal';
import { createAuthServer } from '@plan-api/smart';
import { syntheticPatients } from '@plan-api/synthetic';
import type { Directory, Terminology } from '@plan-api/synthetic';
import type { SandboxLogger, SandboxServerConfig } from './config.ts';
import { simulatedAuthFailures, simulatedFhirFailures } from './hooks.ts';
import type { SandboxStores } from './stores.ts';

/** The one vendor of a desktop or headless sandbox: everything it makes belongs to this owner. */
export const SANDBOX_OWNER = 'sandbox';

/** The running parts of a started sandbox. */
export interface SandboxParts {
  router: Router;
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
 * Wires the portal, the authorization server and every router of the sandbox over open stores, in the
 * order DESIGN.md's HTTP surface needs: the authorization server gets the raw request (no body parser in
 * front of it), each router owns its own body parsing and error format. Sandbox behaviour comes in through
 * the ports and hooks: synthetic patients (the portal's generator), simulated failures (the authorization
 * server's and the Patient Access API's hooks), and the outbox as the mailer.
 */
export async function composeSandbox(options: ComposeOptions): Promise<SandboxParts> {
  const { config, logger, stores, publicUrl, secret } = options;
  const secure = publicUrl.startsWith('https:');
  const publicOrigin = new URL(publicUrl).origin;
  const fhirBaseUrl = `${publicUrl}/fhir`;

  // The sandbox delivers no mail: it keeps what it would send in its outbox (the Outbox page, GET /api/outbox).
  const mailer = createOutboxMailer({ records: stores.records });
  const portal = createSandboxPortal({
    mailer,
    records: stores.records,
    fhir: stores.fhir,
    fhirBaseUrl,
    generator: syntheticPatients({ directory: options.directory.handle, terminology: options.terminology }),
    registry: stores.registry,
  });
  const auth = await createAuthServer({
    issuer: `${publicUrl}/auth`,
    fhirBaseUrl,
    kv: stores.kv,
    clients: (clientId) => portal.clientFor(clientId),
    launches: (launch, clientId) => portal.resolveLaunch(launch, clientId),
    resourceTypes: resourceTypesOf('patientAccess'),
    interactionUrl: (uid) => `/interaction/${encodeURIComponent(uid)}`,
    cookieKeys: [deriveKey(secret, 'auth-cookies')],
    secureCookies: secure,
    errorPage: authorizationErrorPage,
    hooks: simulatedAuthFailures,
    onEvent: (event) => {
      portal.recordAuthEvent(event).catch((error: unknown) => logger.error('Could not log an auth event', { error }));
    },
  });

  const sessions = createSessions({ kv: stores.kv, secret: deriveKey(secret, 'session-cookie'), secure });
  const session = createSessionRouter({
    token: config.managementToken,
    sessions,
    publicOrigin,
    ...(config.tokenHint !== undefined ? { tokenHint: config.tokenHint } : {}),
    ...(config.signInRateLimit !== undefined ? { failedSignInLimit: config.signInRateLimit } : {}),
  });

  const router = createRouter();
  router.use('/auth', auth.callback);
  // The picker offers the patients of the app's owner (the sandbox's one vendor).
  const listPatients = async (clientId: string) =>
    (await portal.listPatientsForClient(clientId)).map((p) => ({
      id: p.id,
      name: p.name,
      ...(p.birthDate !== undefined ? { birthDate: p.birthDate } : {}),
    }));
  router.use('/interaction', createInteractionRouter({ auth, listPatients }));
  router.use(
    '/fhir',
    createPatientAccessRouter({
      store: stores.fhir,
      registry: stores.registry,
      auth,
      baseUrl: fhirBaseUrl,
      logger,
      hooks: simulatedFhirFailures,
      onAccess: async (entry) => {
        await portal.recordFhirAccess(entry);
      },
    }),
  );
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
    }),
  );
  router.use(
    '/api',
    createManagementApi({
      portal,
      authenticate: managementAuth({ token: config.managementToken, owner: SANDBOX_OWNER, sessions, publicOrigin }),
      serverUrl: `${publicUrl}/api`,
      logger,
      outbox: mailer,
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
    async close() {
      session.close();
      await auth.close();
    },
  };
}
