/**
 * Registered apps as oidc-provider client metadata: confidential ("secret") apps authenticate with their secret
 * (HTTP Basic or form post), public ("pkce") apps send only their client_id; both use the authorization code grant
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

/** The oidc-provider metadata of a SMART client (optional links that are not web URLs are left out). */
export function clientMetadata(client: SmartClient): ClientMetadata {
  const secret = client.clientSecret !== undefined && client.clientSecret.length > 0;
  const links = {
    logo_uri: client.logoUri,
    client_uri: client.clientUri,
    policy_uri: client.policyUri,
    tos_uri: client.tosUri,
  };
  return {
    client_id: client.clientId,
    ...(secret ? { client_secret: client.clientSecret } : {}),
    token_endpoint_auth_method: secret ? 'client_secret_basic' : 'none',
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
