/**
 * OAuth errors as sentences that tell an app developer what to fix: the launch log shows them first when a
 * launch fails, and the authorization error page shows them to whoever is in the browser. Never echoes secrets.
 */

/** What went wrong, as oidc-provider reported it, with the request facts an explanation needs. */
export interface ErrorSituation {
  error: string;
  description?: string;
  /** oidc-provider's internal detail (e.g. "code_verifier does not match code_challenge"). */
  detail?: string;
  params: Record<string, unknown>;
  /** The client id the request named (parameter or HTTP Basic), known or not. */
  clientId?: string;
  client?: { clientId: string; redirectUris: readonly string[]; clientAuthMethod: string };
  fhirBase: string;
  /** The failure's own explanation, when a hook (the sandbox's simulated failures) refused the request. */
  hookMessage?: string;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value : undefined;

const GRANT_DETAILS: [RegExp, string][] = [
  [
    /code_verifier does not match/,
    'code_verifier does not match the code_challenge sent to authorize: send the verifier the S256 challenge was computed from',
  ],
  [
    /code_verifier must be provided/,
    'code_verifier is missing or blank: a code requested with a code_challenge must be redeemed with its code_verifier',
  ],
  [
    /unsupported code_challenge_method/,
    'code_verifier was sent but the authorize request had no code_challenge: send both (S256) or neither',
  ],
  [/code_verifier/, 'code_verifier is malformed: use 43 to 128 characters of [A-Za-z0-9-._~]'],
  [
    /authorization code not found/,
    'the code is unknown: exchange the code from the latest redirect, exactly as received',
  ],
  [
    /authorization code is expired/,
    'the code expired: codes live about a minute, exchange it right after the redirect',
  ],
  [
    /authorization code already consumed/,
    'the code was already used: codes are single-use, and the tokens issued from it have been revoked',
  ],
  [
    /redirect_uri mismatch/,
    'redirect_uri differs from the one sent to authorize: send exactly the same value to the token endpoint',
  ],
  [/refresh token not found/, 'the refresh token is unknown, expired or revoked: authorize again'],
  [/refresh token is expired/, 'the refresh token expired: authorize again'],
  [
    /refresh token already used/,
    "the refresh token was already used: this app's refresh tokens rotate, so keep the refresh_token of each response; the whole grant was revoked",
  ],
  [/client mismatch/, 'this code or refresh token was issued to another app'],
  [/grant (not found|is expired)/, 'the member revoked this authorization or it expired: authorize again'],
];

/** What a Private Key JWT app's failed client authentication was, and what a good client_assertion looks like. */
function explainAssertion(clientId: string, detail: string): string {
  const expected =
    'client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer and a client_assertion JWT signed RS384 or ES384 with a key of its registered JWKS (iss and sub = client_id, aud = the token URL, a new jti, exp at most 5 minutes away)';
  if (/does not match the registered client authentication method/.test(detail)) {
    return `client_id ${clientId} is a Private Key JWT app: authenticate with ${expected}`;
  }
  if (/invalid_client_metadata|JSON Web Key Set/.test(detail)) {
    return `the public keys of client_id ${clientId} could not be read: its JWKS URL must answer 200 with a JWKS of public keys, over https on a public host (localhost only in a sandbox on your own computer)`;
  }
  const reason = detail === '' ? 'it was refused' : detail;
  return `the client_assertion of client_id ${clientId} was refused (${reason}): send ${expected}`;
}

function explainClient(situation: ErrorSituation): string {
  const clientId = situation.clientId ?? text(situation.params.client_id) ?? situation.client?.clientId;
  const detail = situation.detail ?? situation.description ?? '';
  if (!clientId || /no client authentication/.test(detail)) {
    return 'client authentication is missing: send HTTP Basic credentials, or client_id (and client_secret for a confidential app) in the form body';
  }
  if (/not found|invalid/.test(detail) && !situation.client) {
    return `client_id ${clientId} is not registered: use the client ID shown on the app page`;
  }
  if (/invalid secret/.test(detail))
    return `client_secret is wrong for client_id ${clientId}: use the secret shown on the app page`;
  if (situation.client?.clientAuthMethod === 'private_key_jwt') return explainAssertion(clientId, detail);
  if (/does not match the registered client authentication method/.test(detail)) {
    return situation.client?.clientAuthMethod === 'none'
      ? `client_id ${clientId} is a public (PKCE) app: send only client_id, without a client secret`
      : `client_id ${clientId} is a confidential app: authenticate with HTTP Basic (client_id:client_secret) or with client_id and client_secret in the form body`;
  }
  return situation.description ?? 'client authentication failed';
}

function explainRequest(situation: ErrorSituation): string {
  const description = situation.description ?? '';
  if (/requires PKCE/.test(description)) {
    const confidential = situation.client !== undefined && situation.client.clientAuthMethod !== 'none';
    return confidential
      ? 'this server requires PKCE from every app, confidential ones too: send code_challenge and code_challenge_method=S256'
      : 'this public app must use PKCE: send code_challenge and code_challenge_method=S256';
  }
  if (/code_challenge_method/.test(description) && text(situation.params.code_challenge_method) !== 'S256') {
    return `code_challenge_method must be S256 (${text(situation.params.code_challenge_method) ?? 'none'} is not accepted)`;
  }
  const missing = /missing required parameter '(\w+)'/.exec(description);
  if (missing) return `the ${missing[1]} parameter is missing`;
  return description || 'the request is invalid';
}

/** A sentence saying what went wrong and what to change. */
export function explain(situation: ErrorSituation): string {
  const { error, params, client } = situation;
  // Before the per-error rules: those would turn a hook's failure (a simulated one) into advice for a real one.
  if (situation.hookMessage !== undefined) return situation.hookMessage;
  switch (error) {
    case 'invalid_redirect_uri': {
      const registered = client?.redirectUris.join(', ') ?? 'none';
      const given = text(params.redirect_uri);
      return given
        ? `redirect_uri ${given} is not registered for this app; registered: ${registered}`
        : `redirect_uri is missing: send one of the registered redirect URIs: ${registered}`;
    }
    case 'invalid_client':
      return explainClient(situation);
    case 'invalid_request':
      return explainRequest(situation);
    case 'unsupported_response_type':
      return `response_type must be code (${text(params.response_type) ?? 'none'} is not supported; the implicit flow is never offered)`;
    case 'unsupported_grant_type':
      return `grant_type ${text(params.grant_type) ?? '(missing)'} is not supported: use authorization_code or refresh_token`;
    case 'invalid_target':
      return `resource must be the FHIR base ${situation.fhirBase}, or be left out`;
    case 'invalid_grant': {
      const detail = situation.detail ?? '';
      const known = GRANT_DETAILS.find(([pattern]) => pattern.test(detail));
      return known ? known[1] : (situation.description ?? 'the grant is invalid');
    }
    default:
      return situation.description ?? error;
  }
}
