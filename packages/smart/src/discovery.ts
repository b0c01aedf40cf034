/**
 * SMART discovery: the `.well-known/smart-configuration` of the FHIR base and the endpoint URLs the
 * CapabilityStatement repeats. Every URL is absolute and derived from the issuer, as the OpenID configuration's.
 */
import { CLIENT_ASSERTION_ALGORITHMS } from './client-assertion.ts';
import type { Runtime } from './runtime.ts';
import { withoutTrailingSlash } from './runtime.ts';
import { scopesSupported } from './scopes.ts';

/** Paths under the issuer. */
export const ROUTES = {
  authorization: '/authorize',
  token: '/token',
  revocation: '/revoke',
  introspection: '/introspect',
  jwks: '/jwks',
  userinfo: '/userinfo',
  end_session: '/logout',
} as const;

/** The absolute endpoint URLs under an issuer. */
export function endpoints(issuer: string): {
  authorize: string;
  token: string;
  revoke: string;
  introspect: string;
  jwks: string;
  openidConfiguration: string;
} {
  const base = withoutTrailingSlash(issuer);
  return {
    authorize: `${base}${ROUTES.authorization}`,
    token: `${base}${ROUTES.token}`,
    revoke: `${base}${ROUTES.revocation}`,
    introspect: `${base}${ROUTES.introspection}`,
    jwks: `${base}${ROUTES.jwks}`,
    openidConfiguration: `${base}/.well-known/openid-configuration`,
  };
}

/** SMART App Launch capabilities this server offers. */
export const CAPABILITIES = [
  'launch-ehr',
  'launch-standalone',
  'authorize-post',
  'client-public',
  'client-confidential-symmetric',
  'client-confidential-asymmetric',
  'sso-openid-connect',
  'context-ehr-patient',
  'context-standalone-patient',
  'permission-offline',
  'permission-patient',
  'permission-user',
  'permission-v1',
  'permission-v2',
] as const;

/** The `.well-known/smart-configuration` document. */
export function smartConfiguration(runtime: Runtime): Record<string, unknown> {
  const urls = endpoints(runtime.config.issuer);
  return {
    issuer: runtime.config.issuer,
    jwks_uri: urls.jwks,
    authorization_endpoint: urls.authorize,
    token_endpoint: urls.token,
    revocation_endpoint: urls.revoke,
    introspection_endpoint: urls.introspect,
    grant_types_supported: ['authorization_code', 'refresh_token'],
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    // RFC 9207: every authorization response (code or error) carries `iss`, as oidc-provider sends it.
    authorization_response_iss_parameter_supported: true,
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'private_key_jwt', 'none'],
    token_endpoint_auth_signing_alg_values_supported: [...CLIENT_ASSERTION_ALGORITHMS],
    scopes_supported: scopesSupported(runtime.resourceTypes),
    capabilities: [...CAPABILITIES],
  };
}
