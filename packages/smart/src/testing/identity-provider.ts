/**
 * Test support: a plain OpenID Connect provider standing in for a plan's own identity provider (the one members
 * may sign in with), on 127.0.0.1 and a free port. One confidential client (client_secret_basic, authorization
 * code, PKCE S256), scopes `openid email` with the `email` and `email_verified` claims (in the ID token and at
 * userinfo, or at userinfo only). Sign-in has no password: the interaction signs in the user whose email the authorization request
 * names as `login_hint`, or else shows a small form (an "Email" field and a "Sign in" button) that a browser test
 * fills in. Consent is implicit (a first-party provider).
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import type { ClientMetadata, Configuration, InteractionResults } from 'oidc-provider';
import { createMemoryKeyValueStore } from '@plan-api/store';
import { createAdapterFactory } from '../adapter.ts';
import { generateSigningKey } from '../keys.ts';

/** A user of the identity provider. */
export interface TestIdentityUser {
  sub: string;
  email: string;
  email_verified: boolean;
}

export interface TestIdentityProviderOptions {
  users: TestIdentityUser[];
  /** The client's registered redirect URIs (matched exactly). */
  redirectUris: string[];
  /** Default `plan-portal`. */
  clientId?: string;
  /** Default: a random secret. */
  clientSecret?: string;
  /**
   * Where the email claims go: `id_token` (default: in the ID token and at userinfo, as many providers do) or
   * `userinfo` only (oidc-provider's conforming behaviour for the code flow).
   */
  emailClaimsIn?: 'id_token' | 'userinfo';
}

export interface TestIdentityProvider {
  /** `http://127.0.0.1:<port>` (discovery at `/.well-known/openid-configuration`). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The users, by sub; tests may add, change or remove users while it runs. */
  users: Map<string, TestIdentityUser>;
  close(): Promise<void>;
}

const INTERACTION = /^\/interaction\/([A-Za-z0-9_-]+)(\/login)?$/;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function loginPage(uid: string, message?: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in to the plan's identity provider</title></head>
<body><main><h1>Sign in</h1>
${message ? `<p role="alert">${escapeHtml(message)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label for="email">Email</label> <input id="email" name="email" type="email" autocomplete="username" required>
<button type="submit">Sign in</button>
</form></main></body></html>`;
}

function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 16 * 1024) req.destroy(new Error('form too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

function configuration(
  users: Map<string, TestIdentityUser>,
  client: ClientMetadata,
  signingKey: Awaited<ReturnType<typeof generateSigningKey>>,
  emailInIdToken: boolean,
): Configuration {
  return {
    adapter: createAdapterFactory(createMemoryKeyValueStore(), (id) =>
      Promise.resolve(id === client.client_id ? client : undefined),
    ),
    clients: [],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')], long: { sameSite: 'lax' }, short: { sameSite: 'lax' } },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    scopes: ['openid', 'email'],
    responseTypes: ['code'],
    pkce: { required: () => true },
    conformIdTokenClaims: !emailInIdToken,
    enabledJWA: { idTokenSigningAlgValues: ['RS256'] },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    features: { devInteractions: { enabled: false }, userinfo: { enabled: true } },
    findAccount: (_ctx, sub) => {
      const user = users.get(sub);
      if (!user) return undefined;
      return {
        accountId: sub,
        claims: () => ({ sub, email: user.email, email_verified: user.email_verified }),
      };
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // First party: every sign-in is granted the scopes and claims it asks for, without a consent page.
    loadExistingGrant: async (ctx) => {
      const { provider, client: found, session, params } = ctx.oidc;
      if (!found || !session?.accountId) return undefined;
      const grantId = session.grantIdFor(found.clientId);
      if (grantId) return provider.Grant.find(grantId);
      const grant = new provider.Grant({ clientId: found.clientId, accountId: session.accountId });
      grant.addOIDCScope(String(params?.scope ?? 'openid'));
      grant.addOIDCClaims(['email', 'email_verified']);
      await grant.save();
      return grant;
    },
  };
}

/** Starts the identity provider; `close()` stops it. */
export async function startTestIdentityProvider(options: TestIdentityProviderOptions): Promise<TestIdentityProvider> {
  const users = new Map(options.users.map((user) => [user.sub, { ...user }]));
  const clientId = options.clientId ?? 'plan-portal';
  const clientSecret = options.clientSecret ?? randomBytes(32).toString('base64url');
  // The issuer names the port, so the provider is made once the server listens; until then it answers 503.
  const handler: { listener?: (req: IncomingMessage, res: ServerResponse) => void } = {};
  const server: Server = createServer((req, res) => {
    if (handler.listener) handler.listener(req, res);
    else res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client: ClientMetadata = {
    client_id: clientId,
    client_secret: clientSecret,
    redirect_uris: options.redirectUris,
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
    id_token_signed_response_alg: 'RS256',
  };
  const provider = new Provider(
    issuer,
    configuration(users, client, await generateSigningKey(), options.emailClaimsIn !== 'userinfo'),
  );
  const callback = provider.callback();

  const byEmail = (email: string | undefined | null): TestIdentityUser | undefined => {
    const wanted = (email ?? '').trim().toLowerCase();
    return wanted === '' ? undefined : [...users.values()].find((user) => user.email.toLowerCase() === wanted);
  };
  const finish = (req: IncomingMessage, res: ServerResponse, result: InteractionResults) =>
    provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
  const html = (res: ServerResponse, status: number, body: string) =>
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);

  const interaction = async (req: IncomingMessage, res: ServerResponse, uid: string, post: boolean) => {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) return html(res, 400, '<p>This sign-in has expired.</p>');
    if (details.prompt.name !== 'login') {
      return finish(req, res, { error: 'access_denied', error_description: `prompt ${details.prompt.name}` });
    }
    if (post) {
      const email = (await readForm(req)).get('email');
      const user = byEmail(email);
      if (!user) return html(res, 401, loginPage(uid, 'No account has that email.'));
      return finish(req, res, { login: { accountId: user.sub } });
    }
    const hinted = byEmail(typeof details.params.login_hint === 'string' ? details.params.login_hint : undefined);
    if (hinted) return finish(req, res, { login: { accountId: hinted.sub } });
    return html(res, 200, loginPage(uid));
  };

  handler.listener = (req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const match = INTERACTION.exec(path);
    if (!match) {
      void callback(req, res);
      return;
    }
    const post = match[2] !== undefined;
    if ((post && req.method !== 'POST') || (!post && req.method !== 'GET')) {
      res.writeHead(405).end();
      return;
    }
    interaction(req, res, match[1] ?? '', post).catch((err: unknown) => {
      if (!res.headersSent) html(res, 400, `<p>${escapeHtml(err instanceof Error ? err.message : 'failed')}</p>`);
    });
  };

  return {
    issuer,
    clientId,
    clientSecret,
    users,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
