import type { SearchRegistry } from '@plan-api/fhir';
import {
  authorizationErrorPage,
  createInteractionRouter,
  createPatientAccessRouter,
  createRouter,
  deriveKey,
} from '@plan-api/http';
import type { HttpLogger, Router } from '@plan-api/http';
import { PortalError } from '@plan-api/portal';
import type { AccountsPortal, MemberPortal } from '@plan-api/portal';
import { createAuthServer, DEFAULT_SUPPORTED_TYPES } from '@plan-api/smart';
import type { AuthServer, ClientSource } from '@plan-api/smart';
import type { FhirStore, KeyValueStore } from '@plan-api/store';
import { BRANDS_PATH, brandIdentifier, userAccessBrands } from './brands.ts';

/** Where the production realm lives: the plan's own SMART authorization server and Patient Access API. */
export const PRODUCTION_PATHS = { auth: '/auth', interaction: '/interaction', fhir: '/fhir' } as const;

export interface ProductionRealmOptions {
  publicUrl: string;
  planName: string;
  stores: { fhir: FhirStore; kv: KeyValueStore; registry: SearchRegistry };
  /** The approved apps (the review portal's published, not suspended, snapshots). */
  clients: ClientSource;
  accounts: AccountsPortal;
  /** Where grants and reads go (the member's connected apps and access history). */
  members: Pick<MemberPortal, 'recordGrant' | 'recordAccess'>;
  secret: string;
  logger: HttpLogger;
  /** Require PKCE from every app, confidential ones too (the server's PLAN_API_REQUIRE_PKCE, default on). */
  requirePkce: boolean;
}

export interface ProductionRealm {
  auth: AuthServer;
  router: Router;
  close(): Promise<void>;
}

/**
 * The authorization server's state in its own namespaces of the shared key-value store, so the production realm
 * and the hosted sandbox's realm (same client IDs on both) never read each other's grants, sessions or keys.
 */
function namespaced(kv: KeyValueStore, prefix: string): KeyValueStore {
  const ns = (namespace: string) => `${prefix}${namespace}`;
  return {
    get: (namespace, key) => kv.get(ns(namespace), key),
    set: (namespace, key, value, options) => kv.set(ns(namespace), key, value, options),
    delete: (namespace, key) => kv.delete(ns(namespace), key),
    increment: (namespace, key, options) => kv.increment(ns(namespace), key, options),
    take: (namespace, key) => kv.take(ns(namespace), key),
    findByIndex: (namespace, name, value) => kv.findByIndex(ns(namespace), name, value),
    deleteByIndex: (name, value) => kv.deleteByIndex(name, value),
    close: () => kv.close(),
  };
}

/**
 * The production realm (DESIGN.md "Production realm"): approved apps only, with the same client ID and secret
 * as in the sandbox and the approved snapshot of their details; members sign in with their account (no patient
 * picker) and consent per resource type; tokens are bound to the member's Patient. An app suspended by a
 * reviewer stops at once: its refresh fails (the client is gone) and its access tokens get 401 on the next call.
 */
export async function createProductionRealm(options: ProductionRealmOptions): Promise<ProductionRealm> {
  const { publicUrl, accounts, clients, logger } = options;
  const fhirBaseUrl = `${publicUrl}${PRODUCTION_PATHS.fhir}`;
  const auth = await createAuthServer({
    issuer: `${publicUrl}${PRODUCTION_PATHS.auth}`,
    fhirBaseUrl,
    kv: namespaced(options.stores.kv, 'production:'),
    clients,
    // Production has no EHR-style launches: members start from the app (standalone launch).
    launches: () => Promise.resolve(undefined),
    resourceTypes: DEFAULT_SUPPORTED_TYPES,
    accounts: async (accountId) => {
      const account = await accounts.getAccount(accountId);
      if (account?.kind !== 'member' || account.status !== 'active' || account.patientId === undefined) {
        return undefined;
      }
      return { accountId: account.id, patientId: account.patientId };
    },
    interactionUrl: (uid) => `${PRODUCTION_PATHS.interaction}/${encodeURIComponent(uid)}`,
    cookieKeys: [deriveKey(options.secret, 'production-auth-cookies')],
    secureCookies: publicUrl.startsWith('https:'),
    errorPage: authorizationErrorPage,
    cookiePrefix: '_plan',
    requirePkce: options.requirePkce,
    onEvent: (event) => {
      if (event.type !== 'consent' || event.status !== 'ok' || event.grantId === undefined) return;
      if (event.clientId === undefined || event.patientId === undefined) return;
      options.members
        .recordGrant({
          grantId: event.grantId,
          clientId: event.clientId,
          patientId: event.patientId,
          scopes: event.scopes ?? [],
          at: event.at,
        })
        .catch((error: unknown) => logger.error('Could not record a member grant', { error }));
    },
  });

  // Every call re-checks that the app is still approved: a suspension takes effect on the next request.
  const verifyAccessToken: AuthServer['verifyAccessToken'] = async (token) => {
    const grant = await auth.verifyAccessToken(token);
    if ((await clients(grant.clientId)) === undefined) {
      throw Object.assign(new Error('the app is not available on this plan any more (suspended by the plan)'), {
        status: 401,
      });
    }
    return grant;
  };

  const router = createRouter();
  const brands = JSON.stringify(
    userAccessBrands({ publicUrl, planName: options.planName, fhirBaseUrl, lastUpdated: new Date().toISOString() }),
  );
  router.get(BRANDS_PATH, (_req, res) => {
    res
      .status(200)
      .set({
        'Content-Type': 'application/fhir+json; charset=utf-8',
        'Access-Control-Allow-Origin': '*',
        'Cache-Control': 'public, max-age=3600',
      })
      .send(brands);
  });
  router.use(PRODUCTION_PATHS.auth, auth.callback);
  router.use(
    PRODUCTION_PATHS.interaction,
    createInteractionRouter({
      auth,
      signInTitle: `Sign in with your ${options.planName} member account`,
      forgotPasswordUrl: `${publicUrl}/forgot-password`,
      signIn: async (email, password, context) => {
        try {
          const account = await accounts.signIn('member', { email, password }, context);
          return { accountId: account.id };
        } catch (error) {
          if (error instanceof PortalError) return { error: error.message };
          throw error;
        }
      },
    }),
  );
  router.use(
    PRODUCTION_PATHS.fhir,
    createPatientAccessRouter({
      store: options.stores.fhir,
      registry: options.stores.registry,
      auth: {
        verifyAccessToken,
        // SMART 2.2 User-access Brands: apps find the plan (name, portal, this FHIR base) from here.
        smartConfiguration: () => ({
          ...auth.smartConfiguration(),
          user_access_brand_bundle: `${publicUrl}${BRANDS_PATH}`,
          user_access_brand_identifier: brandIdentifier(publicUrl),
        }),
        oauthUris: () => auth.oauthUris(),
      },
      baseUrl: fhirBaseUrl,
      resourceTypes: DEFAULT_SUPPORTED_TYPES,
      logger,
      onAccess: async (entry) => {
        await options.members.recordAccess(entry);
      },
    }),
  );
  return { auth, router, close: () => auth.close() };
}
