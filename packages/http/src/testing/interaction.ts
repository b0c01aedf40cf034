/**
 * Test support for the interaction pages: the real authorization server and the pages in one Express app on a
 * free port, and a cookie-keeping client that submits the pages' forms. Not part of the package's exports.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import express from 'express';
import { createMemoryKeyValueStore } from '@plan-api/store';
import { createAuthServer } from '@plan-api/smart';
import type { AuthServer, LaunchContext, SmartClient } from '@plan-api/smart';
import { Browser, pkcePair } from '@plan-api/smart/testing';
import { createInteractionRouter } from '../interaction/router.ts';
import type { InteractionRouterOptions } from '../interaction/router.ts';
import type { PickablePatient } from '../interaction/pages.ts';

export const APP: SmartClient = {
  clientId: 'pages-app',
  redirectUris: ['http://127.0.0.1:9/callback'],
  name: 'Claims <b>Viewer</b>',
  organizationName: 'Acme & Sons',
  logoUri: 'https://apps.example/logo.png',
  policyUri: 'https://apps.example/privacy',
  tosUri: 'javascript:alert(1)',
};

export const PATIENTS: PickablePatient[] = [
  { id: 'pat1', name: 'Ann Smith', birthDate: '1970-02-03' },
  { id: 'pat2', name: 'Bob <Jones>' },
];

export interface PagesHarness {
  origin: string;
  fhirBase: string;
  auth: AuthServer;
  launch(context: Omit<LaunchContext, 'launchId'>): string;
  close(): Promise<void>;
}

/** The production sign-in instead of the picker (`signIn` given), with its title and "Forgot password?" link. */
export type SignInPages = Pick<InteractionRouterOptions, 'signIn' | 'signInTitle' | 'forgotPasswordUrl'>;

/** Starts the app with `/auth` and `/interaction` on 127.0.0.1 (the patient picker, or `signIn`'s form). */
export async function startPages(pages: SignInPages = {}): Promise<PagesHarness> {
  const app = express();
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const launches = new Map<string, LaunchContext>();
  const auth = await createAuthServer({
    issuer: `${origin}/auth`,
    fhirBaseUrl: `${origin}/fhir`,
    kv: createMemoryKeyValueStore(),
    clients: (clientId) => Promise.resolve(clientId === APP.clientId ? APP : undefined),
    launches: (value) => {
      const found = launches.get(value);
      launches.delete(value);
      return Promise.resolve(found);
    },
    resourceTypes: ['Patient', 'Observation', 'Coverage'],
    interactionUrl: (uid) => `/interaction/${uid}`,
    cookieKeys: ['pages-test-key'],
  });
  app.use('/auth', auth.callback);
  app.use(
    '/interaction',
    createInteractionRouter(
      pages.signIn ? { auth, ...pages } : { auth, listPatients: () => Promise.resolve(PATIENTS) },
    ),
  );
  return {
    origin,
    fhirBase: `${origin}/fhir`,
    auth,
    launch(context) {
      const launchId = randomBytes(16).toString('base64url');
      launches.set(launchId, { ...context, launchId });
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

/** A browser stand-in on one origin (smart's cookie-keeping Browser): submits the pages' forms. */
export class PageClient {
  private readonly browser = new Browser();

  constructor(private readonly origin: string) {}

  async get(path: string): Promise<Response> {
    return this.send(path, {});
  }

  async post(path: string, form: Record<string, string | string[]>): Promise<Response> {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(form)) for (const item of [value].flat()) body.append(name, item);
    return this.send(path, { method: 'POST', body });
  }

  private send(path: string, init: RequestInit): Promise<Response> {
    return this.browser.fetch(new URL(path, this.origin), init);
  }
}

/** A PKCE pair and the authorize URL path of a standalone launch of APP. */
export function standaloneAuthorize(fhirBase: string, scope: string, extra: Record<string, string> = {}) {
  const { verifier, challenge } = pkcePair();
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: APP.clientId,
    redirect_uri: APP.redirectUris[0] ?? '',
    scope,
    state: 'state-123',
    aud: fhirBase,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...extra,
  });
  return { path: `/auth/authorize?${params}`, verifier };
}

/** The hidden CSRF value of a page's form. */
export function csrfOf(html: string): string {
  return /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
}
