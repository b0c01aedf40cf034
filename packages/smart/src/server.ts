/**
 * createAuthServer: the SMART on FHIR authorization server (oidc-provider) with its storage, keys, hooks,
 * interaction helpers and the FHIR API's token verification.
 */
import type Provider from 'oidc-provider';
import type { JWK } from 'jose';
import type { AuthServer, AuthServerConfig } from './types.ts';
import { createContextStore } from './context.ts';
import { endpoints, smartConfiguration } from './discovery.ts';
import { installHooks } from './hooks.ts';
import { createInteractions } from './interactions.ts';
import { loadSigningKey } from './keys.ts';
import { createProvider } from './provider.ts';
import { createEmitter, lifetimes, patientAccounts, withoutTrailingSlash } from './runtime.ts';
import type { Runtime } from './runtime.ts';
import { createRevoker, createVerifier } from './verify.ts';

/**
 * Creates the authorization server. Mount `callback` at the issuer's path (e.g. `app.use('/auth', callback)`)
 * with no body parser in front of it: oidc-provider reads request bodies itself.
 */
export async function createAuthServer(config: AuthServerConfig): Promise<AuthServer> {
  if (config.cookieKeys.length === 0) throw new Error('createAuthServer: cookieKeys must hold at least one secret');
  const runtime: Runtime = {
    config,
    fhirBase: withoutTrailingSlash(config.fhirBaseUrl),
    resourceTypes: [...config.resourceTypes],
    ttl: lifetimes(config.ttl),
    contexts: createContextStore(config.kv),
    accounts: config.accounts ?? patientAccounts,
    hooks: config.hooks ?? {},
    emit: createEmitter(config.onEvent),
  };
  const keySource = config.keys ?? (async () => [await loadSigningKey(config.kv)]);
  // A key rotation replaces the provider (oidc-provider reads its keys once); the stores are shared, so tokens,
  // sessions and interactions carry over. The current one is kept in this server's closure, not in the module.
  let current = build(runtime, await keySource());
  const urls = endpoints(config.issuer);

  return {
    callback: (req, res) => {
      void current.handle(req, res);
    },
    smartConfiguration: () => smartConfiguration(runtime),
    oauthUris: () => ({
      authorize: urls.authorize,
      token: urls.token,
      revoke: urls.revoke,
      introspect: urls.introspect,
    }),
    verifyAccessToken: (token) => current.verify(token),
    interactions: {
      details: (req, res) => current.interactions.details(req, res),
      login: (req, res, accountId) => current.interactions.login(req, res, accountId),
      consent: (req, res, scopes) => current.interactions.consent(req, res, scopes),
      deny: (req, res) => current.interactions.deny(req, res),
    },
    revokeAccess: createRevoker(config.kv, runtime),
    grant: async (grantId) => {
      const grant = await current.provider.Grant.find(grantId);
      if (!grant?.clientId || !grant.accountId || grant.exp === undefined) return undefined;
      return { grantId, clientId: grant.clientId, accountId: grant.accountId, expiresAt: grant.exp };
    },
    reloadSigningKeys: async () => {
      current = build(runtime, await keySource());
    },
    close: () => Promise.resolve(),
  };
}

/** The provider over a set of signing keys, with what is bound to it. */
interface ProviderParts {
  provider: Provider;
  handle: ReturnType<Provider['callback']>;
  verify: AuthServer['verifyAccessToken'];
  interactions: AuthServer['interactions'];
}

function build(runtime: Runtime, keys: JWK[]): ProviderParts {
  if (keys.length === 0) throw new Error('createAuthServer: the key source returned no signing key');
  const provider = createProvider(runtime, keys);
  installHooks(provider, runtime);
  return {
    provider,
    handle: provider.callback(),
    verify: createVerifier(provider, runtime),
    interactions: createInteractions(provider, runtime),
  };
}
