import {
  authorizationErrorPage,
  createInteractionRouter,
  createPatientAccessRouter,
  createRouter,
  deriveKey,
} from '@plan-api/http';
import type { Router } from '@plan-api/http';
import { createSandboxPortal } from '@plan-api/portal';
import type { PortalMailer, SandboxPortal } from '@plan-api/portal';
import { createAuthServer, createKeyRing, DEFAULT_SUPPORTED_TYPES } from '@plan-api/smart';
import type { AuthServer } from '@plan-api/smart';
import type { FhirStore, KeyValueStore, RecordStore } from '@plan-api/store';
import type { SearchRegistry } from '@plan-api/fhir';
import { syntheticPatients } from '@plan-api/synthetic';
import type { Directory, Terminology } from '@plan-api/synthetic';
import type { ProductionGateway, VendorContact } from './connection/model.ts';
import type { SandboxLogger } from './config.ts';
import { simulatedAuthFailures, simulatedFhirFailures } from './hooks.ts';
import { createLifecycleState, grantLifecycle, keepSigningKeyCurrent } from './lifecycle.ts';

/** Where a sandbox realm's three surfaces are mounted, relative to the server's root. */
export interface RealmPaths {
  /** The authorization server (the issuer is `<public URL><auth>`). */
  auth: string;
  /** The patient picker and consent pages. */
  interaction: string;
  /** The Patient Access FHIR base. */
  fhir: string;
}

export interface SandboxRealmOptions {
  /** The server's public URL, without a trailing slash. */
  publicUrl: string;
  paths: RealmPaths;
  stores: { fhir: FhirStore; records: RecordStore; kv: KeyValueStore; registry: SearchRegistry };
  directory: Directory;
  terminology: Terminology;
  /** The root secret the realm's cookie keys are derived from. */
  secret: string;
  logger: SandboxLogger;
  /** Where the vendor's production-request mail goes (the sandbox's outbox, or SMTP on the server). */
  mailer?: PortalMailer;
  /** How an owner's seed becomes a member's (a hosted sandbox keeps its vendors' patients apart). */
  memberSeed?: (owner: string, seed: string) => string;
  /**
   * Whether apps' JWKS URLs on localhost may be fetched (a sandbox on the developer's machine); default false (the
   * hosted sandbox: no requests into the server's own network).
   */
  loopbackJwksUris?: boolean;
  /** The authorization server's cookie prefix (one per realm on one host). */
  cookiePrefix?: string;
  /** Number launch-log steps with the key-value store's atomic counter (several processes share a launch). */
  sharedCounters?: boolean;
  /** Where production requests go when the desktop/headless sandbox is connected to a plan server. */
  production?: ProductionGateway;
  /** The enrolled vendor of an owner (the hosted sandbox): where the portal's mail about its requests goes. */
  vendorContact?: VendorContact;
  /**
   * The Patient Access types supported: served by the FHIR API, granted by scopes (a wildcard as this list).
   * Default: the seed's scope list plus Patient (DEFAULT_SUPPORTED_TYPES).
   */
  resourceTypes?: readonly string[];
  /**
   * Require PKCE from every app, confidential ones too (default off: only public apps must use it), so a vendor
   * can test their app against both server policies: the production server requires it by default.
   */
  requirePkce?: boolean;
}

/** A sandbox realm: the portal over its stores, and its authorization server and FHIR API behind one router. */
export interface SandboxRealm {
  portal: SandboxPortal;
  auth: AuthServer;
  fhirBaseUrl: string;
  /** Serves the realm's paths (mount it at the server's root). */
  router: Router;
  close(): Promise<void>;
}

/**
 * The sandbox behind a SMART realm: synthetic patients (the portal's generator), simulated failures (the hooks of
 * the authorization server and the Patient Access API), the launch log and access log. The desktop and headless
 * sandbox mount it at `/auth`, `/interaction`, `/fhir`; the production server at `/sandbox/...` for every vendor.
 */
export async function createSandboxRealm(options: SandboxRealmOptions): Promise<SandboxRealm> {
  const { publicUrl, paths, stores, logger } = options;
  const resourceTypes = options.resourceTypes ?? DEFAULT_SUPPORTED_TYPES;
  const fhirBaseUrl = `${publicUrl}${paths.fhir}`;
  // The production gateway and the vendor contact are ports of the portal's issue-11 deps.
  const productionDeps = {
    ...(options.production ? { production: options.production } : {}),
    ...(options.vendorContact ? { vendorContact: options.vendorContact } : {}),
  };
  // The grant lifecycle (issue #15): its state is read by the authorization server's storedEntry hook, and the
  // realm signs with its own key ring (rotate-signing-key). The server is made after the portal it asks.
  const lifecycleState = createLifecycleState(stores.kv);
  const keyRing = createKeyRing(stores.kv, 'sandbox');
  const started: { auth?: AuthServer } = {};
  const startedAuth = (): AuthServer => {
    if (started.auth === undefined) throw new Error('the sandbox realm is not started yet');
    return started.auth;
  };
  const keysCurrent = keepSigningKeyCurrent(keyRing, startedAuth, (await keyRing.keys())[0]?.kid);
  const lifecycle = grantLifecycle(lifecycleState, keyRing, startedAuth, keysCurrent);
  const portal = createSandboxPortal({
    ...productionDeps,
    lifecycle,
    records: stores.records,
    fhir: stores.fhir,
    fhirBaseUrl,
    generator: syntheticPatients({
      directory: options.directory.handle,
      terminology: options.terminology,
      ...(options.memberSeed ? { memberSeed: options.memberSeed } : {}),
    }),
    registry: stores.registry,
    ...(options.mailer ? { mailer: options.mailer } : {}),
    ...(options.sharedCounters
      ? {
          counters: {
            increment: (key: string, windowSeconds: number) =>
              stores.kv.increment('counters', key, { expiresInSeconds: windowSeconds }),
          },
        }
      : {}),
  });
  // An "Initialize Patient" cut off by a crash left resources without their patient record: remove them before
  // serving. Several processes on one store (the hosted sandbox) leave recent loads to the process running them.
  const cleaned = await portal.cleanUpInterruptedPatients(
    options.sharedCounters ? { olderThanSeconds: 600 } : undefined,
  );
  if (cleaned.patients.length > 0) {
    logger.info(
      `Removed ${cleaned.resources} resources of ${cleaned.patients.length} interrupted "Initialize Patient" run(s).`,
    );
  }
  const auth = await createAuthServer({
    issuer: `${publicUrl}${paths.auth}`,
    fhirBaseUrl,
    kv: stores.kv,
    clients: (clientId) => portal.clientFor(clientId),
    launches: (launch, clientId) => portal.resolveLaunch(launch, clientId),
    resourceTypes,
    interactionUrl: (uid) => `${paths.interaction}/${encodeURIComponent(uid)}`,
    cookieKeys: [deriveKey(options.secret, 'auth-cookies')],
    secureCookies: publicUrl.startsWith('https:'),
    errorPage: authorizationErrorPage,
    keys: keyRing.keys,
    hooks: { ...simulatedAuthFailures, storedEntry: lifecycleState.hook },
    requirePkce: options.requirePkce === true,
    ...(options.cookiePrefix ? { cookiePrefix: options.cookiePrefix } : {}),
    ...(options.loopbackJwksUris ? { loopbackJwksUris: true } : {}),
    onEvent: (event) => {
      portal.recordAuthEvent(event).catch((error: unknown) => logger.error('Could not log an auth event', { error }));
    },
  });

  started.auth = auth;
  const router = createRouter();
  // Several processes of a hosted sandbox share the key ring: each serves with its newest key.
  router.use(paths.auth, (req, res, next) => {
    keysCurrent().then(() => auth.callback(req, res), next);
  });
  // The picker offers the patients of the app's owner: a vendor never sees another vendor's patients.
  const listPatients = async (clientId: string) =>
    (await portal.listPatientsForClient(clientId)).map((p) => ({
      id: p.id,
      name: p.name,
      ...(p.birthDate !== undefined ? { birthDate: p.birthDate } : {}),
    }));
  router.use(paths.interaction, createInteractionRouter({ auth, listPatients }));
  router.use(
    paths.fhir,
    createPatientAccessRouter({
      store: stores.fhir,
      registry: stores.registry,
      auth,
      baseUrl: fhirBaseUrl,
      resourceTypes,
      logger,
      hooks: simulatedFhirFailures,
      onAccess: async (entry) => {
        await portal.recordFhirAccess(entry);
      },
    }),
  );
  return { portal, auth, fhirBaseUrl, router, close: () => auth.close() };
}
