import { FhirError } from '@plan-api/fhir';

/** A value for a quoted auth-param (RFC 6750 3): printable ASCII without quotes or backslashes. */
function quoted(value: string): string {
  let out = '';
  for (const char of value.slice(0, 300)) {
    const code = char.charCodeAt(0);
    out += code < 0x20 || code > 0x7e || char === '"' || char === '\\' ? ' ' : char;
  }
  return `"${out}"`;
}

/** The `WWW-Authenticate` challenge of this base, with RFC 6750 error attributes. */
export function bearerChallenge(realm: string, attributes: Record<string, string> = {}): string {
  const params = [`realm=${quoted(realm)}`];
  for (const [name, value] of Object.entries(attributes)) params.push(`${name}=${quoted(value)}`);
  return `Bearer ${params.join(', ')}`;
}

/** 401 for a request without a bearer token: the challenge carries no error code (RFC 6750 3.1). */
export function missingToken(realm: string): FhirError {
  return new FhirError(
    401,
    'login',
    'This FHIR API needs an access token: send "Authorization: Bearer <access_token>" from the SMART token response',
    { headers: { 'WWW-Authenticate': bearerChallenge(realm) } },
  );
}

/** 401 for a token that is unknown, expired, revoked or for another server. */
export function invalidToken(realm: string, message: string): FhirError {
  return new FhirError(401, 'login', message, {
    headers: { 'WWW-Authenticate': bearerChallenge(realm, { error: 'invalid_token', error_description: message }) },
  });
}

/** 403 for a resource type the token's scopes do not grant, naming the scope to ask for. */
export function insufficientScope(realm: string, type: string, granted: readonly string[]): FhirError {
  const wanted = `patient/${type}.rs`;
  const message =
    `The access token does not grant read access to ${type}: ask for the scope ${wanted} ` +
    `(or patient/${type}.read). Granted scopes: ${granted.length > 0 ? granted.join(' ') : '(none)'}`;
  return new FhirError(403, 'forbidden', message, {
    headers: {
      'WWW-Authenticate': bearerChallenge(realm, {
        error: 'insufficient_scope',
        error_description: `${type} is not granted`,
        scope: wanted,
      }),
    },
  });
}

/** The access-log code of a refusal (the OAuth code where RFC 6750 has one). */
export function refusalCode(err: FhirError): string {
  const challenge = err.headers['WWW-Authenticate'] ?? '';
  const oauth = /error="([a-z_]+)"/.exec(challenge)?.[1];
  if (oauth) return oauth;
  switch (err.status) {
    case 401:
      return 'invalid_token';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 405:
      return 'method_not_allowed';
    default:
      return err.status >= 500 ? 'server_error' : 'invalid_request';
  }
}
