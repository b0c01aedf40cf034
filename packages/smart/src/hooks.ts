/**
 * Middleware around oidc-provider's routes: completes SMART responses (the `patient` and full `scope` of token
 * responses and introspection, `Pragma: no-cache`, the SMART scopes in the OpenID configuration) and turns every
 * step into an AuthEvent for the launch log, with errors explained.
 */
import type { IncomingMessage } from 'node:http';
import { decodeJwt } from 'jose';
import type Provider from 'oidc-provider';
import type { KoaContextWithOIDC } from 'oidc-provider';
import type { AuthEvent } from './types.ts';
import type { Runtime } from './runtime.ts';
import { grantsOf, scopesSupported, splitScope } from './scopes.ts';
import { basicClientId, errorCode, explainFromContext, isLaunchRefusal, requestParams } from './situation.ts';
import { endpoints, ROUTES } from './discovery.ts';

type Body = Record<string, unknown>;

const ERROR_EVENTS = ['authorization.error', 'grant.error', 'introspection.error', 'revocation.error', 'server_error'];

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value : undefined;

function isBody(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Buffer.isBuffer(value);
}

/**
 * The launch-log step of a route. One `authorize` step per authorization (its first request): resuming after
 * the member's answer is reported by the login and consent steps, and a failure there as a plain `error`.
 */
function stepOf(route: string, params: Record<string, unknown>): AuthEvent['type'] | undefined {
  switch (route) {
    case 'authorization':
      return 'authorize';
    case 'resume':
      return 'error';
    case 'token':
      return params.grant_type === 'refresh_token' ? 'refresh' : 'token';
    case 'revocation':
      return 'revoke';
    case 'introspection':
      return 'introspect';
    default:
      return undefined;
  }
}

/** Installs the SMART middleware and error listeners on a provider. */
export function installHooks(provider: Provider, runtime: Runtime): void {
  // Errors reach the listeners with their details before the response is written; the middleware reports them.
  const failures = new WeakMap<object, unknown>();
  const emitter = provider as unknown as NodeJS.EventEmitter;
  for (const name of ERROR_EVENTS) {
    emitter.on(name, (ctx: object, error: unknown) => failures.set(ctx, error));
  }

  provider.use(async (ctx, next) => {
    if (ctx.method === 'POST' && ctx.path === ROUTES.authorization && ctx.is('application/x-www-form-urlencoded')) {
      // authorize-post: oidc-provider's own POST support needs SameSite=None cookies (Secure, so no plain-http
      // sandbox); a form POST to /authorize is handled as the equivalent GET instead.
      const body = await readForm(ctx.req);
      if (body === undefined) {
        ctx.status = 413;
        ctx.body = { error: 'invalid_request', error_description: 'the authorization request body is too large' };
        return;
      }
      // oidc-provider finds its mount path by locating the request URL inside originalUrl: keep them in step.
      const req = ctx.req as IncomingMessage & { originalUrl?: string };
      const at = req.originalUrl?.indexOf(ctx.url) ?? -1;
      const mount = at >= 0 ? req.originalUrl?.slice(0, at) : undefined;
      ctx.method = 'GET';
      ctx.querystring = body;
      if (mount !== undefined) req.originalUrl = `${mount}${ctx.url}`;
    }
    await next();
    if (!Object.prototype.hasOwnProperty.call(ctx, 'oidc')) return;
    const oidc = ctx as KoaContextWithOIDC;
    const route = oidc.oidc.route;
    if (route === 'token' || route === 'introspection') {
      ctx.set('Cache-Control', 'no-store');
      ctx.set('Pragma', 'no-cache');
    }
    if (route === 'discovery' && isBody(ctx.body)) completeDiscovery(ctx.body, runtime);
    if (route === 'token' && ctx.status === 200 && isBody(ctx.body)) completeTokenResponse(oidc, ctx.body);
    if (route === 'introspection' && isBody(ctx.body)) await completeIntrospection(oidc, ctx.body, runtime);
    await report(oidc, runtime, failures.get(ctx));
  });
}

const FORM_LIMIT = 56 * 1024;

/** Reads a form body (undefined when larger than oidc-provider's own limit). */
async function readForm(req: NodeJS.ReadableStream): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    size += buffer.length;
    if (size > FORM_LIMIT) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function completeDiscovery(body: Body, runtime: Runtime): void {
  const urls = endpoints(runtime.config.issuer);
  Object.assign(body, {
    issuer: runtime.config.issuer,
    authorization_endpoint: urls.authorize,
    token_endpoint: urls.token,
    revocation_endpoint: urls.revoke,
    introspection_endpoint: urls.introspect,
    jwks_uri: urls.jwks,
    scopes_supported: scopesSupported(runtime.resourceTypes),
  });
}

function completeTokenResponse(ctx: KoaContextWithOIDC, body: Body): void {
  const token = ctx.oidc.entities.AccessToken;
  if (!token) return;
  const extra = (token.extra ?? {}) as Body;
  if (text(extra.scope) !== undefined) body.scope = extra.scope;
  if (text(extra.patient) !== undefined) body.patient = extra.patient;
}

async function completeIntrospection(ctx: KoaContextWithOIDC, body: Body, runtime: Runtime): Promise<void> {
  if (body.active !== true) return;
  const { AccessToken: access, RefreshToken: refresh } = ctx.oidc.entities;
  const extra = (access?.extra ?? {}) as Body;
  if (text(extra.scope) !== undefined) body.scope = extra.scope;
  const patient = text(extra.patient) ?? (refresh ? await patientOfGrant(runtime, refresh.grantId) : undefined);
  if (patient !== undefined) body.patient = patient;
}

/** The Patient a grant's tokens are bound to. */
async function patientOfGrant(runtime: Runtime, grantId: string | undefined): Promise<string | undefined> {
  return (await runtime.contexts.grant(grantId).catch(() => undefined))?.patientId;
}

async function report(ctx: KoaContextWithOIDC, runtime: Runtime, failure: unknown): Promise<void> {
  const { route, entities } = ctx.oidc;
  const params = requestParams(ctx);
  const type = stepOf(route, params);
  if (!type) {
    if (failure !== undefined) runtime.emit(errorEvent(ctx, runtime, 'error', failure, {}));
    return;
  }
  const grantId = entities.Grant?.jti ?? entities.AuthorizationCode?.grantId ?? entities.RefreshToken?.grantId;
  const grantContext = await runtime.contexts.grant(grantId).catch(() => undefined);
  const launch = grantContext ? undefined : await runtime.contexts.launch(params.launch).catch(() => undefined);
  const clientId = ctx.oidc.client?.clientId ?? text(params.client_id) ?? basicClientId(ctx);
  // A launch refused before it was resolved (wrong aud, say) is still that launch: its value is its id.
  const unresolved = failure !== undefined && !isLaunchRefusal(failure) ? text(params.launch) : undefined;
  const launchId = grantContext?.launchId ?? launch?.launchId ?? unresolved;
  const signedIn = ctx.oidc.account?.accountId;
  const patientId = grantContext?.patientId ?? (signedIn ? (await runtime.accounts(signedIn))?.patientId : undefined);
  const correlation = {
    ...(clientId ? { clientId } : {}),
    ...(grantId ? { grantId } : {}),
    ...(launchId ? { launchId } : {}),
    ...(patientId ? { patientId } : {}),
  };
  if (failure !== undefined) {
    // Deny was reported by the consent step already; its access_denied coming back through resume is no news.
    if (route === 'resume' && errorCode(failure) === 'access_denied') return;
    runtime.emit(errorEvent(ctx, runtime, type, failure, correlation));
    return;
  }
  const event = successEvent(ctx, runtime, type);
  if (event) runtime.emit({ ...event, ...correlation });
}

function errorEvent(
  ctx: KoaContextWithOIDC,
  runtime: Runtime,
  type: AuthEvent['type'],
  failure: unknown,
  correlation: Partial<AuthEvent>,
): Omit<AuthEvent, 'at'> {
  return {
    type,
    status: 'error',
    ...correlation,
    error: errorCode(failure),
    message: explainFromContext(ctx, failure, runtime),
  };
}

function successEvent(
  ctx: KoaContextWithOIDC,
  runtime: Runtime,
  type: AuthEvent['type'],
): Omit<AuthEvent, 'at'> | undefined {
  const { entities } = ctx.oidc;
  const params = ctx.oidc.params ?? {};
  const body = isBody(ctx.body) ? ctx.body : {};
  switch (type) {
    case 'authorize': {
      if (entities.AuthorizationCode) {
        // Issued right away: the member had signed in and consented already (an EHR launch with skipConsent).
        return {
          type,
          status: 'ok',
          scopes: splitScope(entities.AuthorizationCode.scope),
          message: `Authorization code sent to ${text(params.redirect_uri) ?? 'the app'}.`,
        };
      }
      if (!entities.Interaction) return undefined;
      // params.scope is what can be granted by now; the app's own request is the raw query (a POST became one).
      const granted = splitScope(params.scope as string | undefined);
      const requested = splitScope(text(ctx.query.scope) ?? (params.scope as string | undefined));
      const options = { ehrLaunch: text(params.launch) !== undefined };
      const dropped = requested.filter((scope) => grantsOf(scope, runtime.resourceTypes, options).length === 0);
      const narrowed = Object.fromEntries(
        requested.flatMap((scope) => {
          const grants = grantsOf(scope, runtime.resourceTypes, options);
          return grants.length === 0 || (grants.length === 1 && grants[0] === scope) ? [] : [[scope, grants]];
        }),
      ) as Record<string, string[]>;
      const narrowedList = Object.keys(narrowed);
      const notes = [
        ...(dropped.length ? [`Not supported, so never granted: ${dropped.join(' ')}`] : []),
        ...(narrowedList.length
          ? [`Narrowed to read and search (a wildcard to each supported type): ${narrowedList.join(' ')}`]
          : []),
      ];
      const details = {
        ...(dropped.length ? { droppedScopes: dropped } : {}),
        ...(narrowedList.length ? { narrowedScopes: narrowed } : {}),
      };
      return {
        type,
        status: 'ok',
        scopes: granted,
        message: `Authorization request accepted; waiting for the member${notes.map((note) => `. ${note}`).join('')}.`,
        ...(Object.keys(details).length ? { details } : {}),
      };
    }
    case 'token':
    case 'refresh':
      if (ctx.status !== 200) return undefined;
      return {
        type,
        status: 'ok',
        scopes: splitScope(text(body.scope)),
        message: `${type === 'token' ? 'Code exchanged for tokens' : 'Tokens refreshed'}${
          body.refresh_token ? ' (with a refresh token)' : ''
        }.`,
        // The launch inspector shows the response and the id_token's claims; an event never carries a token.
        details: tokenResponseDetails(body),
      };
    case 'revoke':
      return ctx.status === 200 ? { type, status: 'ok', message: 'Token revocation request answered.' } : undefined;
    case 'introspect':
      return ctx.status === 200
        ? { type, status: 'ok', message: `Token introspected: ${body.active === true ? 'active' : 'not active'}.` }
        : undefined;
    default:
      return undefined;
  }
}

/** Fields of a token response that are credentials. */
const TOKEN_FIELDS = new Set(['access_token', 'refresh_token', 'id_token']);

/** A credential as events show it: its first 6 characters (for a long one) and its length, "eyJhbG… (812 chars)". */
function maskToken(value: string): string {
  return `${value.length >= 24 ? value.slice(0, 6) : ''}… (${value.length} chars)`;
}

/** The token response with every token masked, and the id_token's claims decoded (not verified: it is ours). */
export function tokenResponseDetails(body: Record<string, unknown>): Record<string, unknown> {
  const tokenResponse = Object.fromEntries(
    Object.entries(body).map(([key, value]) => [
      key,
      TOKEN_FIELDS.has(key) && typeof value === 'string' ? maskToken(value) : value,
    ]),
  );
  let idTokenClaims: Record<string, unknown> | undefined;
  if (typeof body.id_token === 'string') {
    try {
      idTokenClaims = { ...decodeJwt(body.id_token) };
    } catch {
      idTokenClaims = undefined;
    }
  }
  return { tokenResponse, ...(idTokenClaims !== undefined ? { idTokenClaims } : {}) };
}
