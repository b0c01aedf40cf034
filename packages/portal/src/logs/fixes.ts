/**
 * What to fix for the OAuth errors a SMART flow ends with, used when the authorization server's event carries
 * no message of its own.
 */
export const OAUTH_ERROR_FIXES: Readonly<Record<string, string>> = {
  invalid_client:
    'Client authentication failed: check the client_id and, for a "secret" app, send the client secret shown on the app page with client_secret_basic or client_secret_post; for a "private_key_jwt" app, send a client_assertion JWT signed with a key of its registered JWKS.',
  invalid_grant:
    'The authorization code or refresh token is invalid, expired or already used, or the code_verifier does not match the code_challenge; start the authorization again.',
  invalid_scope:
    'The requested scopes were refused: ask for openid fhirUser launch/patient offline_access and patient/<Type>.read or patient/<Type>.rs for supported types.',
  invalid_request:
    'The request is missing a required parameter or has a malformed one; compare it with the SMART App Launch specification.',
  unauthorized_client: 'This client may not use this grant type; SMART apps use the authorization code grant.',
  unsupported_grant_type: 'Use grant_type=authorization_code, or refresh_token to refresh.',
  unsupported_response_type: 'Use response_type=code.',
  access_denied:
    'The member denied access, or the launch simulated a denial; handle error=access_denied in your redirect URI.',
  invalid_redirect_uri: 'The redirect_uri is not registered for this app; register it exactly on the app page.',
  redirect_uri_mismatch: 'The redirect_uri is not registered for this app; register it exactly on the app page.',
  invalid_target: 'The aud parameter must be the FHIR base URL (the iss the app was launched with).',
  login_required: 'The member must sign in; do not send prompt=none for a first authorization.',
  consent_required: 'The member must consent; do not send prompt=none for a first authorization.',
  expired_token: 'The access token expired; refresh it with the refresh token, or authorize again.',
  invalid_token:
    'The access token is invalid, expired or revoked; send the current token as "Authorization: Bearer <token>".',
  server_error: 'The server failed (or the launch simulated a failure); retry, and show the member a friendly error.',
};

const OK_MESSAGES: Readonly<Record<string, string>> = {
  authorize: 'The app asked for authorization.',
  login: 'The member signed in and the patient was selected.',
  consent: 'The member approved access.',
  token: 'The app exchanged the authorization code for tokens.',
  refresh: 'The app refreshed its access token.',
  revoke: 'A token was revoked.',
  introspect: 'A token was introspected.',
  error: 'An error occurred.',
};

/** The sentence for a step when the event brought none. */
export function defaultMessage(type: string, status: 'ok' | 'error', error?: string): string {
  if (status === 'ok') return OK_MESSAGES[type] ?? `${type} succeeded.`;
  const fix = error === undefined ? undefined : OAUTH_ERROR_FIXES[error];
  return `${type} failed${error !== undefined ? ` with ${error}` : ''}.${fix !== undefined ? ` ${fix}` : ''}`;
}
