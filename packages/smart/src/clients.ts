/**
 * Registered apps as oidc-provider client metadata: confidential ("secret") apps authenticate with their secret
 * (HTTP Basic or form post), asymmetric ("private_key_jwt") apps with client_assertion JWTs signed by a key of
 * their JWKS (inline or at a URL), public ("pkce") apps send only their client_id; all use the authorization code grant
 * with refresh tokens, and redirect URIs match exactly.
 */
import type { ClientMetadata } from 'oidc-provider';
import type { ClientSource, SmartClient } from './types.ts';

/** A web URL, or undefined: a bad optional link must not make the whole app unusable. */
function webUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** How the client authenticates at the token, revocation and introspection endpoints, and with what. */
function authentication(client: SmartClient): Omit<ClientMetadata, 'client_id'> {
  if (client.jwksUri !== undefined) return { token_endpoint_auth_method: 'private_key_jwt', jwks_uri: client.jwksUri };
  if (client.jwks !== undefined) return { token_endpoint_auth_method: 'private_key_jwt', jwks: client.jwks };
  if (client.clientSecret !== undefined && client.clientSecret.length > 0) {
    return { token_endpoint_auth_method: 'client_secret_basic', client_secret: client.clientSecret };
  }
  return { token_endpoint_auth_method: 'none' };
}

/** The oidc-provider metadata of a SMART client (optional links that are not web URLs are left out). */
export function clientMetadata(client: SmartClient): ClientMetadata {
  const links = {
    logo_uri: client.logoUri,
    client_uri: client.clientUri,
    policy_uri: client.policyUri,
    tos_uri: client.tosUri,
  };
  return {
    client_id: client.clientId,
    ...authentication(client),
    application_type: 'web',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: [...client.redirectUris],
    client_name: client.name,
    ...Object.fromEntries(
      Object.entries(links).flatMap(([name, value]) => {
        const url = webUrl(value);
        return url ? [[name, url]] : [];
      }),
    ),
  };
}

/** A metadata lookup over a ClientSource (undefined for an unknown client_id). */
export function clientMetadataLookup(source: ClientSource): (clientId: string) => Promise<ClientMetadata | undefined> {
  return async (clientId) => {
    const client = await source(clientId);
    return client ? clientMetadata(client) : undefined;
  };
}
