/**
 * Members' sign-in with the plan's own OpenID Connect identity provider (spec of issue 12, "JSON API"): the
 * authorization code flow with PKCE S256, `state` and `nonce`, kept between the two legs in a short-lived, signed,
 * httpOnly, SameSite=Lax cookie. The callback validates the ID token (issuer, audience, nonce: openid-client),
 * requires a verified `email` (in the ID token, else at userinfo), finds the active member account with that
 * email and starts a member session. Every failure ends on the sign-in page with an error code, never a stack
 * trace; neither codes nor tokens are logged.
 */
import express from 'express';
import type { Request, Response, Router } from 'express';
import * as client from 'openid-client';
import type { AccountView } from '../api/accounts/port.ts';
import type { HttpLogger } from '../fhir/options.ts';
import { readCookie } from './sessions.ts';
import type { Sessions } from './sessions.ts';
import { signValue, unsignValue } from './secrets.ts';

export interface MemberOidcRouterOptions {
  /** The identity provider's issuer (discovery at `<issuer>/.well-known/openid-configuration`). */
  issuer: URL;
  clientId: string;
  /** Sent with client_secret_basic. */
  clientSecret: string;
  /** The absolute callback URL registered at the provider: `<public URL>/account/oidc/callback`. */
  redirectUri: string;
  /** The member sessions (cookie `plan_api_member`). */
  sessions: Sessions;
  /** The active member account with an email (the accounts portal's findMemberByEmail). */
  accounts: { findMemberByEmail(email: string): Promise<AccountView | undefined> };
  /** Signs the cookie that keeps state, nonce and the PKCE verifier between the two legs. */
  cookieSecret: string;
  /** Adds `Secure` and the `__Host-` prefix to that cookie (true when the public URL is https). */
  secure: boolean;
  /** Where failures are logged (the reason and the error's name and code; never a code or token). */
  logger?: HttpLogger;
}

/** Where a signed-in member lands. */
export const MEMBER_HOME = '/account';
/** The member sign-in page; failures come back to it with `?error=<code>`. */
export const MEMBER_SIGN_IN = '/account/sign-in';
/** The error codes the sign-in page is sent: the provider sign-in failed, or no member account has its email. */
export type MemberOidcError = 'oidc_failed' | 'no_member_account';

/** How long a sign-in at the provider may take, in seconds. */
const FLOW_MAX_AGE = 600;
const COOKIE_BASE = 'plan_api_member_oidc';

/** What the flow cookie keeps. */
interface FlowState {
  state: string;
  nonce: string;
  verifier: string;
  /** Epoch seconds after which the cookie is refused. */
  expires: number;
}

class SignInFailure extends Error {
  readonly code: MemberOidcError;
  constructor(code: MemberOidcError, reason: string) {
    super(reason);
    this.name = 'SignInFailure';
    this.code = code;
  }
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function isFlowState(value: unknown): value is FlowState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.state === 'string' &&
    typeof v.nonce === 'string' &&
    typeof v.verifier === 'string' &&
    typeof v.expires === 'number'
  );
}

/** `text` with every secret value of the request (code, state) taken out, for a log line. */
function redact(text: string, secrets: readonly string[]): string {
  let out = text.slice(0, 300);
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  return out;
}

/**
 * The router of `GET /start` (redirects to the provider) and `GET /callback` (the provider's redirect back); the
 * server mounts it at `/account/oidc` when OpenID Connect is configured. The provider's metadata is discovered on
 * first use (and again after a failure), so a provider that is down does not stop the server.
 */
export function createMemberOidcRouter(options: MemberOidcRouterOptions): Router {
  const cookieName = options.secure ? `__Host-${COOKIE_BASE}` : COOKIE_BASE;
  const attributes = `Path=/; HttpOnly; SameSite=Lax${options.secure ? '; Secure' : ''}`;
  const clearCookie = `${cookieName}=; Max-Age=0; ${attributes}`;
  // Plain http only for a provider on this machine (tests, development).
  const insecure = options.issuer.protocol === 'http:' && LOOPBACK.has(options.issuer.hostname);
  let discovered: Promise<client.Configuration> | undefined;

  const configuration = (): Promise<client.Configuration> => {
    discovered ??= client
      .discovery(options.issuer, options.clientId, undefined, client.ClientSecretBasic(options.clientSecret), {
        ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
      })
      .catch((err: unknown) => {
        discovered = undefined;
        throw err;
      });
    return discovered;
  };

  const fail = (res: Response, err: unknown, secrets: readonly string[]): void => {
    const code: MemberOidcError = err instanceof SignInFailure ? err.code : 'oidc_failed';
    if (options.logger) {
      // Names, codes and messages only: openid-client's error causes carry the response parameters (the code).
      const e = err instanceof Error ? err : new Error(String(err));
      const cause = (e as { cause?: unknown }).cause;
      const inner = cause instanceof Error && cause !== e ? cause : undefined;
      const codeOf = (x: Error) => {
        const value = (x as { code?: unknown }).code;
        return typeof value === 'string' ? value : undefined;
      };
      const errorCode = codeOf(e) ?? (inner ? codeOf(inner) : undefined);
      options.logger.error('Member OpenID Connect sign-in failed', {
        outcome: code,
        error: e.name,
        ...(errorCode !== undefined ? { code: errorCode } : {}),
        reason: redact(inner ? `${e.message}: ${inner.message}` : e.message, secrets),
      });
    }
    res
      .set({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' })
      .append('Set-Cookie', clearCookie)
      .redirect(303, `${MEMBER_SIGN_IN}?error=${code}`);
  };

  const flowOf = (req: Request): FlowState => {
    const raw = readCookie(req.headers, cookieName);
    const payload = raw === undefined ? undefined : unsignValue(raw, options.cookieSecret);
    if (payload === undefined) throw new SignInFailure('oidc_failed', 'no valid sign-in cookie');
    let flow: unknown;
    try {
      flow = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      throw new SignInFailure('oidc_failed', 'unreadable sign-in cookie');
    }
    if (!isFlowState(flow)) throw new SignInFailure('oidc_failed', 'unreadable sign-in cookie');
    if (flow.expires < Date.now() / 1000) throw new SignInFailure('oidc_failed', 'the sign-in took too long');
    return flow;
  };

  /** The verified email of the signed-in user: from the ID token when it has both claims, else from userinfo. */
  const verifiedEmail = async (
    config: client.Configuration,
    tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>,
  ): Promise<string> => {
    const claims = tokens.claims();
    if (claims === undefined) throw new SignInFailure('oidc_failed', 'no ID token');
    const inToken = typeof claims.email === 'string' && claims.email_verified !== undefined;
    const source = inToken ? claims : await client.fetchUserInfo(config, tokens.access_token, claims.sub);
    if (typeof source.email !== 'string' || source.email.trim() === '') {
      throw new SignInFailure('oidc_failed', 'the provider gave no email');
    }
    if (source.email_verified !== true) throw new SignInFailure('oidc_failed', 'the email is not verified');
    return source.email.trim();
  };

  const router = express.Router();

  router.get('/start', (req, res) => {
    const run = async () => {
      const config = await configuration();
      const verifier = client.randomPKCECodeVerifier();
      const flow: FlowState = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        verifier,
        expires: Math.floor(Date.now() / 1000) + FLOW_MAX_AGE,
      };
      const hint = req.query.login_hint;
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: options.redirectUri,
        scope: 'openid email',
        state: flow.state,
        nonce: flow.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        ...(typeof hint === 'string' && hint !== '' && hint.length <= 254 ? { login_hint: hint } : {}),
      });
      const value = signValue(Buffer.from(JSON.stringify(flow)).toString('base64url'), options.cookieSecret);
      res
        .set({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' })
        .append('Set-Cookie', `${cookieName}=${value}; Max-Age=${FLOW_MAX_AGE}; ${attributes}`)
        .redirect(303, url.href);
    };
    run().catch((err: unknown) => fail(res, err, []));
  });

  router.get('/callback', (req, res) => {
    const query = (req.originalUrl.split('?')[1] ?? '').split('#')[0] ?? '';
    const params = new URLSearchParams(query);
    const secrets = [params.get('code') ?? '', params.get('state') ?? ''];
    const run = async () => {
      const flow = flowOf(req);
      secrets.push(flow.state, flow.nonce, flow.verifier);
      const config = await configuration();
      const current = new URL(options.redirectUri);
      current.search = query;
      const tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const email = await verifiedEmail(config, tokens);
      const account = await options.accounts.findMemberByEmail(email);
      if (account?.kind !== 'member' || account.status !== 'active') {
        throw new SignInFailure('no_member_account', 'no active member account has the email');
      }
      const session = await options.sessions.create(account.id);
      res
        .set({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' })
        .append('Set-Cookie', clearCookie)
        .append('Set-Cookie', session)
        .redirect(303, MEMBER_HOME);
    };
    run().catch((err: unknown) => fail(res, err, secrets));
  });

  return router;
}
