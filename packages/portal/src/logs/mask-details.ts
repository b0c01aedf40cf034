/**
 * What a launch step may store of a credential: never the value itself. Tokens, codes and secrets in a step's
 * details are cut to their first characters and their length ("eyJhbG… (812 chars)"), enough to tell two tokens
 * apart in the launch inspector and useless to anyone reading the log.
 */

/** Keys whose values are credentials. */
const SECRET_KEY =
  /^(access_token|refresh_token|id_token|client_secret|code|code_verifier|client_assertion|assertion|password|secret|token)$/i;

/** How many leading characters of a credential a step keeps. */
const KEPT = 6;

/** A value masked by maskToken (so masking twice changes nothing). */
const MASKED = /^[^\s…]{0,6}… \(\d+ chars\)$/;

/** True for a key that names a credential (access_token, refresh_token, id_token, client_secret, code...). */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** A credential as a step keeps it: its first 6 characters and its length ("eyJhbG… (812 chars)"). */
export function maskToken(value: string): string {
  if (MASKED.test(value)) return value;
  // A short value would be mostly shown by its first 6 characters: keep only its length.
  const kept = value.length >= 4 * KEPT ? value.slice(0, KEPT) : '';
  return `${kept}… (${value.length} chars)`;
}

/** A copy of step details with the value of every credential-named key masked, at any depth. */
export function maskDetails(value: Record<string, unknown>): Record<string, unknown> {
  return maskValue(value) as Record<string, unknown>;
}

function maskValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskValue);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = isSecretKey(key) && typeof inner === 'string' ? maskToken(inner) : maskValue(inner);
  }
  return out;
}

/**
 * The claims of an id_token (its payload, decoded for reading: the signature is not checked here, the app
 * must check it); undefined when the value is not a compact JWS with a JSON object payload.
 */
export function idTokenClaims(idToken: string): Record<string, unknown> | undefined {
  const parts = idToken.split('.');
  if (parts.length !== 3 || !/^[A-Za-z0-9_-]+$/.test(parts[1] ?? '')) return undefined;
  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8'));
    return typeof payload === 'object' && payload !== null && !Array.isArray(payload)
      ? (payload as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The details of a token or refresh step as the launch log keeps them: the token response (`tokenResponse`, as
 * the authorization server's event carries it; a response given as the details themselves is moved there) with
 * every token masked, and the id_token's decoded claims (`idTokenClaims`). Other details pass through masked.
 */
export function tokenStepDetails(details: Record<string, unknown>): Record<string, unknown> {
  let { tokenResponse, ...rest } = details;
  if (tokenResponse === undefined && typeof rest.access_token === 'string') {
    const { access_token, token_type, expires_in, scope, refresh_token, id_token, patient, ...others } = rest;
    tokenResponse = Object.fromEntries(
      Object.entries({ access_token, token_type, expires_in, scope, refresh_token, id_token, patient }).filter(
        ([, v]) => v !== undefined,
      ),
    );
    rest = others;
  }
  if (!isObject(tokenResponse)) return maskDetails(details);
  const idToken = tokenResponse.id_token;
  const claims = typeof idToken === 'string' ? idTokenClaims(idToken) : undefined;
  return maskDetails({
    ...rest,
    tokenResponse,
    ...(claims !== undefined && rest.idTokenClaims === undefined ? { idTokenClaims: claims } : {}),
  });
}
