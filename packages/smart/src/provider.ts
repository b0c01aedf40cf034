/**
 * The oidc-provider instance configured as a SMART on FHIR authorization server: authorization code only,
 * PKCE S256 (required for public apps, and for every app when the realm requires it), the FHIR base as the only resource, opaque access tokens of at most an
 * hour, refresh tokens with offline_access (rotating for public apps), revocation and introspection, CORS for
 * browser apps, no development interactions.
 */
import Provider, { errors } from 'oidc-provider';
import type { Configuration, KoaContextWithOIDC } from 'oidc-provider';
import type { JWK } from 'jose';
import { createAdapterFactory } from './adapter.ts';
import { authorizationParams, loadExistingGrant, smartPolicy } from './authorize.ts';
import { CLIENT_ASSERTION_ALGORITHMS, clientAssertionChecks, clientJwksFetch } from './client-assertion.ts';
import { clientMetadataLookup } from './clients.ts';
import { ROUTES } from './discovery.ts';
import { renderErrorPage } from './page.ts';
import { runHook } from './hook-errors.ts';
import type { Runtime } from './runtime.ts';
import { CONTEXT_SCOPES, resourceScopes, splitScope } from './scopes.ts';

/** The resource scopes an access token for the FHIR base may carry in this request. */
function candidateResourceScopes(ctx: KoaContextWithOIDC, runtime: Runtime): string[] {
  const { entities } = ctx.oidc;
  const params = ctx.oidc.params ?? {};
  const candidates = [
    ...splitScope(params.scope as string | undefined),
    ...splitScope(entities.AuthorizationCode?.scope),
    ...splitScope(entities.RefreshToken?.scope),
  ];
  return resourceScopes([...new Set(candidates)], runtime.resourceTypes);
}

/**
 * The full scope of an access token as the token response reports it: the requested (or refreshed) scopes that
 * the grant holds, context scopes included (oidc-provider keeps only the resource ones on the token itself).
 */
function issuedScope(ctx: KoaContextWithOIDC, resourceScope: string | undefined): string {
  const { entities } = ctx.oidc;
  const params = ctx.oidc.params ?? {};
  const source = entities.AuthorizationCode ?? entities.RefreshToken;
  const requested = params.scope ? splitScope(params.scope as string) : splitScope(source?.scope);
  const granted = new Set([...splitScope(entities.Grant?.getOIDCScope()), ...splitScope(resourceScope)]);
  return requested.filter((scope) => granted.has(scope)).join(' ');
}

function configuration(runtime: Runtime, signingKeys: JWK[]): Configuration {
  const { config, ttl, fhirBase } = runtime;
  const cookie = { httpOnly: true, sameSite: 'lax' as const, secure: config.secureCookies === true };
  // Two realms on one host (production and the hosted sandbox) keep their sign-ins apart by cookie name.
  const cookiePrefix = config.cookiePrefix ?? '_smart';
  return {
    adapter: createAdapterFactory(config.kv, clientMetadataLookup(config.clients), runtime.hooks.storedEntry),
    jwks: { keys: signingKeys },
    clients: [],
    clientAuthMethods: ['client_secret_basic', 'client_secret_post', 'private_key_jwt', 'none'],
    assertJwtClientAuthClaimsAndHeader: clientAssertionChecks(config.kv),
    fetch: clientJwksFetch(config.loopbackJwksUris === true),
    clientBasedCORS: () => true,
    clientDefaults: {
      grant_types: ['authorization_code', 'refresh_token'],
      id_token_signed_response_alg: 'RS256',
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
    enabledJWA: { idTokenSigningAlgValues: ['RS256'], clientAuthSigningAlgValues: [...CLIENT_ASSERTION_ALGORITHMS] },
    cookies: {
      keys: config.cookieKeys,
      names: {
        session: `${cookiePrefix}_session`,
        interaction: `${cookiePrefix}_interaction`,
        resume: `${cookiePrefix}_resume`,
      },
      long: cookie,
      short: cookie,
    },
    claims: { openid: ['sub'], fhirUser: ['fhirUser'], profile: ['fhirUser'] },
    scopes: [...CONTEXT_SCOPES],
    findAccount: async (_ctx, sub) => {
      const account = await runtime.accounts(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: () => ({ sub, fhirUser: `${fhirBase}/Patient/${account.patientId}` }) };
    },
    features: {
      devInteractions: { enabled: false },
      dPoP: { enabled: false },
      userinfo: { enabled: false },
      rpInitiatedLogout: { enabled: false },
      // A pushed request would resolve (and consume) the launch before the browser arrives.
      pushedAuthorizationRequests: { enabled: false },
      introspection: {
        enabled: true,
        allowedPolicy: (ctx, client, token) => Promise.resolve(token.clientId === client.clientId),
      },
      revocation: {
        enabled: true,
        allowedPolicy: (ctx, client, token) => {
          if (token.clientId === client.clientId) return Promise.resolve(true);
          if (client.clientAuthMethod === 'none') return Promise.resolve(false);
          throw new errors.InvalidRequest('client is not authorized to revoke the presented token');
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => Promise.resolve(fhirBase),
        useGrantedResource: () => Promise.resolve(true),
        getResourceServerInfo: (ctx, resource) => {
          if (resource.replace(/\/+$/, '') !== fhirBase) {
            throw new errors.InvalidTarget(`resource must be the FHIR base ${fhirBase}`);
          }
          return Promise.resolve({
            scope: candidateResourceScopes(ctx, runtime).join(' '),
            audience: fhirBase,
            accessTokenFormat: 'opaque' as const,
            accessTokenTTL: ttl.accessToken,
          });
        },
      },
    },
    responseTypes: ['code'],
    pkce: { required: (_ctx, client) => config.requirePkce === true || client.clientAuthMethod === 'none' },
    allowOmittingSingleRegisteredRedirectUri: false,
    routes: ROUTES,
    extraParams: authorizationParams(runtime),
    interactions: {
      policy: smartPolicy(runtime),
      url: (_ctx, interaction) => Promise.resolve(config.interactionUrl(interaction.uid)),
    },
    loadExistingGrant: loadExistingGrant(runtime),
    expiresWithSession: () => Promise.resolve(false),
    issueRefreshToken: (_ctx, client, code) =>
      Promise.resolve(client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access')),
    rotateRefreshToken: (ctx) => {
      const { RefreshToken: token, Client: client } = ctx.oidc.entities;
      if (!token || !client) return false;
      if (client.clientAuthMethod === 'none') return true;
      return token.ttlPercentagePassed() >= 70;
    },
    extraTokenClaims: async (ctx, token) => {
      if (token.kind !== 'AccessToken') return undefined;
      const grant = await runtime.contexts.grant(token.grantId);
      const { codeExchange } = runtime.hooks;
      if (grant && codeExchange && ctx.oidc.params?.grant_type === 'authorization_code') {
        await runHook(() => codeExchange(grant));
      }
      const scope = issuedScope(ctx, token.scope);
      const patient = grant?.patientId ?? (await runtime.accounts(token.accountId))?.patientId;
      const fhirUser = splitScope(scope).some((item) => item === 'fhirUser' || item === 'profile');
      return {
        ...(patient ? { patient } : {}),
        scope,
        ...(fhirUser && patient ? { fhirUser: `${fhirBase}/Patient/${patient}` } : {}),
      };
    },
    ttl: {
      AccessToken: ttl.accessToken,
      AuthorizationCode: ttl.authorizationCode,
      IdToken: ttl.accessToken,
      Interaction: ttl.interaction,
      Session: ttl.session,
      Grant: ttl.grant,
      RefreshToken: (ctx, token, client) => {
        const rotated = ctx?.oidc?.entities.RotatedRefreshToken;
        // A rotated public-client token inherits what was left of the one it replaces: rotation never extends.
        if (rotated && client.clientAuthMethod === 'none') return Math.max(rotated.remainingTTL, 1);
        return ttl.refreshToken;
      },
    },
    renderError: (ctx, out, error) => {
      renderErrorPage(ctx, out, error, runtime);
      return Promise.resolve();
    },
  };
}

/** Creates the oidc-provider instance (mounted at the issuer's path). */
export function createProvider(runtime: Runtime, signingKeys: JWK[]): Provider {
  const provider = new Provider(runtime.config.issuer, configuration(runtime, signingKeys));
  if (runtime.config.secureCookies) provider.proxy = true;
  return provider;
}
