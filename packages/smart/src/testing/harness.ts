/**
 * Test support: the real authorization server mounted on a node:http server on a free port, over the memory
 * KeyValueStore, with a registry of apps and launches and a minimal JSON interaction surface (the HTML pages live
 * in packages/http). Not part of the package's exports.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { createMemoryKeyValueStore } from '@plan-api/store';
import type { KeyValueStore } from '@plan-api/store';
import { createAuthServer } from '../server.ts';
import { AuthHookError } from '../types.ts';
import type { AuthEvent, AuthHooks, AuthServer, AuthServerConfig, LaunchContext, SmartClient } from '../types.ts';

export const RESOURCE_TYPES = ['Patient', 'Coverage', 'ExplanationOfBenefit', 'Observation', 'Condition'] as const;
export const CONFIDENTIAL_REDIRECT = 'http://127.0.0.1:9/confidential/callback';
export const PUBLIC_REDIRECT = 'http://localhost:9/public/callback';

export const CONFIDENTIAL: SmartClient = {
  clientId: 'confidential-app',
  clientSecret: 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldC0xMjM0NTY3OA',
  redirectUris: [CONFIDENTIAL_REDIRECT, 'http://127.0.0.1:9/other'],
  name: 'Claims Viewer <Pro>',
  organizationName: 'Acme Health Apps',
  logoUri: 'https://apps.example/logo.png',
  policyUri: 'https://apps.example/privacy',
  tosUri: 'https://apps.example/terms',
};

export const PUBLIC: SmartClient = {
  clientId: 'public-app',
  redirectUris: [PUBLIC_REDIRECT],
  name: 'Pocket Records',
};

export interface Harness {
  origin: string;
  issuer: string;
  fhirBase: string;
  auth: AuthServer;
  kv: KeyValueStore;
  events: AuthEvent[];
  apps: Map<string, SmartClient>;
  /** Registers a launch; `resolve` consumes it once, as the portal does. */
  launch(context: Omit<LaunchContext, 'launchId'>): string;
  close(): Promise<void>;
}

/**
 * Hooks driven by a launch's tags, as a composition's would be: `refuse` names the step (`authorize` or `token`)
 * and `error` the OAuth error a hook fails it with.
 */
export const TAG_HOOKS: AuthHooks = {
  launchResolved: (launch) => {
    const { refuse, error } = launch.tags ?? {};
    if (refuse === 'authorize') throw new AuthHookError(error as AuthHookError['error'], `hook refused: ${error}`);
  },
  codeExchange: (grant) => {
    const { refuse, error } = grant.tags ?? {};
    if (refuse === 'token') throw new AuthHookError(error as AuthHookError['error'], `hook refused: ${error}`);
  },
};

export interface HarnessOptions {
  kv?: KeyValueStore;
  /** Default TAG_HOOKS. */
  hooks?: AuthHooks;
  accounts?: AuthServerConfig['accounts'];
  keys?: AuthServerConfig['keys'];
  ttl?: AuthServerConfig['ttl'];
  /** A fixed port (a restart keeps its issuer); default any free port. */
  port?: number;
  /** Fetch apps' JWKS URLs on loopback hosts (default false, as in production). */
  loopbackJwksUris?: boolean;
  /** Require PKCE from every client (AuthServerConfig.requirePkce); default off, as in the sandbox. */
  requirePkce?: boolean;
}

function interactionSurface(auth: AuthServer) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const [, , , action] = url.pathname.split('/');
    try {
      if (action === undefined) {
        const details = await auth.interactions.details(req, res);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(details));
      } else if (action === 'login') {
        await auth.interactions.login(req, res, url.searchParams.get('patient') ?? '');
      } else if (action === 'consent') {
        await auth.interactions.consent(req, res, url.searchParams.getAll('scope'));
      } else if (action === 'deny') {
        await auth.interactions.deny(req, res);
      } else {
        res.writeHead(404).end();
      }
    } catch (error) {
      const status = (error as { status?: number }).status ?? 500;
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(error) }));
    }
  };
}

/** Starts the server on 127.0.0.1 and a free port. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const kv = options.kv ?? createMemoryKeyValueStore();
  const events: AuthEvent[] = [];
  const apps = new Map<string, SmartClient>([
    [CONFIDENTIAL.clientId, CONFIDENTIAL],
    [PUBLIC.clientId, PUBLIC],
  ]);
  const launches = new Map<string, LaunchContext & { used: boolean }>();
  // The server needs its port before the auth server can know its issuer: requests before then get a 404.
  const mounted: { auth?: AuthServer; interactions?: ReturnType<typeof interactionSurface> } = {};

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/auth' || url.pathname.startsWith('/auth/')) {
      // What Express does for app.use('/auth', callback): the mount path moves from url to originalUrl.
      (req as IncomingMessage & { originalUrl?: string }).originalUrl = req.url;
      req.url = req.url?.slice('/auth'.length) || '/';
      if (mounted.auth) mounted.auth.callback(req, res);
      else res.writeHead(404).end();
    } else if (url.pathname === '/fhir/.well-known/smart-configuration' && mounted.auth) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(mounted.auth.smartConfiguration()));
    } else if (url.pathname.startsWith('/interaction/') && mounted.interactions) {
      void mounted.interactions(req, res, url);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = `${origin}/auth`;
  const fhirBase = `${origin}/fhir`;

  const auth = await createAuthServer({
    issuer,
    fhirBaseUrl: fhirBase,
    kv,
    clients: (clientId) => Promise.resolve(apps.get(clientId)),
    launches: (value, clientId) => {
      const found = launches.get(value);
      if (!found || found.used || found.clientId !== clientId) return Promise.resolve(undefined);
      found.used = true;
      const { used: _used, ...context } = found;
      return Promise.resolve(context);
    },
    resourceTypes: RESOURCE_TYPES,
    interactionUrl: (uid) => `/interaction/${uid}`,
    cookieKeys: ['test-cookie-key-one'],
    onEvent: (event) => events.push(event),
    hooks: options.hooks ?? TAG_HOOKS,
    ...(options.accounts ? { accounts: options.accounts } : {}),
    ...(options.keys ? { keys: options.keys } : {}),
    ...(options.ttl ? { ttl: options.ttl } : {}),
    ...(options.loopbackJwksUris ? { loopbackJwksUris: true } : {}),
    ...(options.requirePkce !== undefined ? { requirePkce: options.requirePkce } : {}),
  });
  mounted.auth = auth;
  mounted.interactions = interactionSurface(auth);

  return {
    origin,
    issuer,
    fhirBase,
    auth,
    kv,
    events,
    apps,
    launch(context) {
      const launchId = randomBytes(16).toString('base64url');
      launches.set(launchId, { ...context, launchId, used: false });
      return launchId;
    },
    async close() {
      await auth.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
