/**
 * createAuthServer: the SMART on FHIR authorization server (oidc-provider) with its storage, keys, hooks,
 * interaction helpers and the FHIR API's token verification.
 */
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
  const keys = config.keys ? await config.keys() : [await loadSigningKey(config.kv)];
  if (keys.length === 0) throw new Error('createAuthServer: the key source returned no signing key');
  const provider = createProvider(runtime, keys);
  installHooks(provider, runtime);
  const handle = provider.callback();
  const urls = endpoints(config.issuer);

  return {
    callback: (req, res) => {
      void handle(req, res);
    },
    smartConfiguration: () => smartConfiguration(runtime),
    oauthUris: () => ({
      authorize: urls.authorize,
      token: urls.token,
      revoke: urls.revoke,
      introspect: urls.introspect,
    }),
    verifyAccessToken: createVerifier(provider, runtime),
    interactions: createInteractions(provider, runtime),
    revokeAccess: createRevoker(config.kv, runtime),
    close: () => Promise.resolve(),
  };
}
