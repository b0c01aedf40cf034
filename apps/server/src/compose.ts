import {
  accountAuth,
  accountRouteSet,
  createApi,
  createMemberOidcRouter,
  memberRouteSet,
  productionRequestRouteSet,
  reviewRouteSet,
  createFhirRouter,
  createResponseCache,
  createRouter,
  createSessions,
  createUiRouter,
  deriveKey,
  fhirCors,
  kvFailureCounter,
  lastResortErrors,
} from '@plan-api/http';
import type { ApiDescription, ResponseCache, Router, Sessions } from '@plan-api/http';
import { createMemberPortal, createReviewPortal } from '@plan-api/portal';
import type { AccountKind, PortalMailer } from '@plan-api/portal';
import { createHostedSandbox } from '@plan-api/sandbox';
import { createServerAccounts } from './accounts.ts';
import { memberLookup } from './member-lookup.ts';
import { createProductionRealm } from './production-realm.ts';
import type { Terminology } from '@plan-api/synthetic';
import type { ServerConfig } from './config.ts';
import type { ServerLogger } from './logger.ts';
import type { ServerStores } from './stores.ts';

/** The JSON API of the production server, as its OpenAPI document introduces it. */
export const SERVER_API: ApiDescription = {
  title: 'Plan API server JSON API',
  description:
    'Everything the web UI does. Vendors: enroll, sign in, and use the hosted developer sandbox (apps, synthetic ' +
    'patients, launches, the launch and access logs) with the session cookie (plus `X-Requested-With` on changes) ' +
    'or an API key (`Authorization: Bearer <key>`, made on the account page) from CI; a connected desktop ' +
    'sandbox sends its production requests to `/production-requests`. Reviewers: the review queue under ' +
    '`/review/...` with their own session cookie. Members: `/account/...`.',
  bearer: 'A vendor API key (`pak_...`).',
  cookie: { name: 'plan_api_vendor', description: 'Set by POST /session or POST /password-links.' },
};

/** The developer area's pages a signed-out visitor may open. */
export const DEVELOPER_PUBLIC_PAGES = ['/enroll', '/enroll/sent', '/sign-in', '/forgot-password', '/set-password'];

/** The review area's pages a signed-out visitor may open. */
export const REVIEW_PUBLIC_PAGES = ['/sign-in', '/forgot-password', '/set-password'];

/** Paths the member portal's page never answers (the server's other surfaces). */
const SERVER_PATHS = ['/api', '/auth', '/fhir', '/interaction', '/sandbox', '/directory', '/developer', '/review'];

export interface ComposeServerOptions {
  config: ServerConfig;
  stores: ServerStores;
  logger: ServerLogger;
  /** Absolute, without a trailing slash. */
  publicUrl: string;
  secret: string;
  mailer: PortalMailer;
  terminology: Terminology;
  /** Moves on with every change of `stores.fhir` (undefined while unknown): the directory's cache follows it. */
  fhirVersion: () => string | undefined;
}

/** The surface of a started server: one router behind the probes, and what to release at stop. */
export interface ServerParts {
  router: Router;
  /** The public directory's answers: its `serve` goes in front of the app (see ResponseCache). */
  directoryCache: ResponseCache;
  close(): Promise<void>;
}

/**
 * The production server's composition (DESIGN.md "HTTP surface of the production server"): the member portal's
 * page at `/`, the hosted developer sandbox (its realm at `/sandbox/...`, its web UI at `/developer`), the review
 * queue (`/review`), the production realm of approved apps (`/auth`, `/interaction`, `/fhir`), the JSON API at
 * `/api` (vendors' accounts and sandbox, production requests, the reviewers' queue, members' accounts, each
 * scoped to its own session), and the public Provider Directory at `/directory/fhir`.
 */
export async function composeServer(options: ComposeServerOptions): Promise<ServerParts> {
  const { config, stores, logger, publicUrl, secret, mailer } = options;
  const secure = publicUrl.startsWith('https:');
  const publicOrigin = new URL(publicUrl).origin;

  const accounts = createServerAccounts({
    records: stores.records,
    kv: stores.kv,
    mailer,
    publicUrl,
    members: memberLookup(stores.fhir, stores.registry),
  });
  const sessionsOf = (kind: AccountKind): Sessions =>
    createSessions({ kv: stores.kv, secret: deriveKey(secret, `${kind}-session`), secure, name: `plan_api_${kind}` });
  const vendorSessions = sessionsOf('vendor');
  const reviewerSessions = sessionsOf('reviewer');
  const memberSessions = sessionsOf('member');
  const vendorContact = async (ownerId: string) => {
    const account = await accounts.getAccount(ownerId);
    if (account?.kind !== 'vendor') return undefined;
    return {
      name: account.name,
      email: account.email,
      ...(account.organizationName !== undefined ? { organizationName: account.organizationName } : {}),
    };
  };
  const review = createReviewPortal({
    records: stores.records,
    mailer,
    vendorContact,
    appLink: (appId) => `${publicUrl}/developer/apps/${encodeURIComponent(appId)}`,
  });
  const hosted = await createHostedSandbox({
    publicUrl,
    stores: { fhir: stores.sandboxFhir, records: stores.records, kv: stores.kv, registry: stores.registry },
    terminology: options.terminology,
    secret,
    logger,
    mailer,
    vendorContact,
  });
  // The member portal revokes through the production authorization server, which records grants through it: the
  // closure reads `production` when a member revokes, long after both exist.
  const members = createMemberPortal({
    records: stores.records,
    fhir: stores.fhir,
    registry: stores.registry,
    fhirBaseUrl: `${publicUrl}/fhir`,
    revokeAccess: (clientId, accountId) => production.auth.revokeAccess(clientId, accountId),
  });
  const production = await createProductionRealm({
    publicUrl,
    planName: config.planName,
    stores: { fhir: stores.fhir, kv: stores.kv, registry: stores.registry },
    clients: review.productionClientFor,
    accounts,
    members,
    secret,
    logger,
    requirePkce: config.requirePkce,
  });

  const directoryCache = createResponseCache({
    mountPath: '/directory/fhir',
    version: { current: options.fhirVersion },
  });
  const router = createRouter();
  router.use(hosted.realm.router);
  router.use(production.router);
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
      sets: [
        accountRouteSet({ accounts, sessions: vendorSessions, kind: 'vendor', publicOrigin }),
        hosted.routes,
        productionRequestRouteSet(hosted.realm.portal),
        accountRouteSet({ accounts, sessions: reviewerSessions, kind: 'reviewer', publicOrigin }),
        reviewRouteSet(review),
        accountRouteSet({ accounts, sessions: memberSessions, kind: 'member', publicOrigin }),
        memberRouteSet(members),
      ],
      authenticate: {
        vendor: accountAuth({
          sessions: vendorSessions,
          accounts,
          publicOrigin,
          failedAuthLimit: {
            counter: kvFailureCounter(stores.kv),
            max: 20,
            windowSeconds: 60,
          },
          signInHint: `Sign in at ${publicUrl}/developer/sign-in, or send an API key.`,
        }),
        reviewer: accountAuth({
          sessions: reviewerSessions,
          accounts,
          publicOrigin,
          kind: 'reviewer',
          signInHint: `Sign in at ${publicUrl}/review/sign-in.`,
        }),
        member: accountAuth({
          sessions: memberSessions,
          accounts,
          publicOrigin,
          kind: 'member',
          signInHint: `Sign in at ${publicUrl}/account/sign-in.`,
        }),
      },
      serverUrl: `${publicUrl}/api`,
      description: SERVER_API,
      logger,
    }),
  );
  const uiConfig = { planName: config.planName };
  router.use(
    '/developer',
    createUiRouter({
      distDir: config.uiDir,
      config: { ...uiConfig, mode: 'hosted', basePath: '/developer' },
      isSignedIn: async (req) => (await vendorSessions.fromHeaders(req.headers))?.subject !== undefined,
      publicPages: DEVELOPER_PUBLIC_PAGES,
      signInPath: '/developer/sign-in',
      serverPaths: [],
    }),
  );
  router.use(
    '/review',
    createUiRouter({
      distDir: config.uiDir,
      config: { ...uiConfig, mode: 'review', basePath: '/review' },
      isSignedIn: async (req) => (await reviewerSessions.fromHeaders(req.headers))?.subject !== undefined,
      publicPages: REVIEW_PUBLIC_PAGES,
      signInPath: '/review/sign-in',
      serverPaths: [],
    }),
  );
  if (config.memberOidc !== undefined) {
    router.use(
      '/account/oidc',
      createMemberOidcRouter({
        issuer: new URL(config.memberOidc.issuer),
        clientId: config.memberOidc.clientId,
        clientSecret: config.memberOidc.clientSecret,
        redirectUri: `${publicUrl}/account/oidc/callback`,
        sessions: memberSessions,
        accounts,
        cookieSecret: deriveKey(secret, 'member-oidc'),
        secure,
        logger,
      }),
    );
  }
  router.use(
    createUiRouter({
      distDir: config.uiDir,
      page: 'portal.html',
      config: {
        ...uiConfig,
        mode: 'portal',
        basePath: '/',
        ...(config.memberOidc !== undefined ? { memberOidc: { label: config.memberOidc.label } } : {}),
      },
      serverPaths: SERVER_PATHS,
    }),
  );
  router.use((req, res) => {
    res
      .status(404)
      .set('Cache-Control', 'no-store')
      .json({ error: 'not_found', message: `There is nothing at ${req.method} ${req.path.slice(0, 200)}.` });
  });
  router.use(lastResortErrors(logger));
  return {
    router,
    directoryCache,
    close: async () => Promise.all([hosted.close(), production.close()]).then(() => undefined),
  };
}
