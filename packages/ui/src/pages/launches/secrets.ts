/** Keys whose values are credentials: the inspector never shows them whole. */
const SECRET_KEY =
  /^(access_token|refresh_token|id_token|client_secret|code|code_verifier|client_assertion|assertion|password|secret|token)$/i;

/** True for a key that names a credential (access_token, refresh_token, client_secret, code...). */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** A value the server already masked ("eyJhbG… (812 chars)"): shown as it is. */
const MASKED = /^[^\s…]{0,6}… \(\d+ chars\)$/;

/**
 * Masks a secret so that it can still be recognised but not used, as the launch log stores it: the first six
 * characters and the length ("eyJhbG… (812 chars)"); short values show only their length. Masking twice
 * changes nothing.
 */
export function maskSecret(value: string): string {
  if (MASKED.test(value)) return value;
  return `${value.length >= 24 ? value.slice(0, 6) : ''}… (${value.length} chars)`;
}

/** Plain names of the details the launch log records (others show under their key). */
export const DETAIL_LABELS: Readonly<Record<string, string>> = {
  tokenResponse: 'Token response',
  idTokenClaims: 'id_token claims',
  launchUrl: 'Launch URL',
  droppedScopes: 'Dropped scopes',
  grantId: 'Grant',
  // A grant lifecycle step's (issue #15).
  action: 'Action',
  seconds: 'Seconds',
  grantIds: 'Grants',
  kid: 'New key (kid)',
  appShould: 'The app should',
};

/** A copy of a JSON value with the value of every secret-named key masked, at any depth. */
export function maskDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskDeep);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = isSecretKey(key) && typeof inner === 'string' ? maskSecret(inner) : maskDeep(inner);
  }
  return out;
}

/** Masks secret-named query parameters of a request line ("GET Patient?access_token=…"). */
export function maskRequest(request: string): string {
  return request.replace(/([?&])([^=&\s]+)=([^&\s#]*)/g, (match, sep: string, key: string, value: string) =>
    isSecretKey(decodeURIComponent(key)) && value !== '' ? `${sep}${key}=${maskSecret(value)}` : match,
  );
}

/** A JWT split into its decoded header and payload (the signature is not verified: this is for reading). */
export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

function decodeSegment(segment: string): Record<string, unknown> | undefined {
  try {
    const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Decodes a compact JWS (header.payload.signature); undefined when the string is not one. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p, i) => i < 2 && !/^[A-Za-z0-9_-]+$/.test(p))) return undefined;
  const header = decodeSegment(parts[0] ?? '');
  const payload = decodeSegment(parts[1] ?? '');
  if (header === undefined || payload === undefined || typeof header.alg !== 'string') return undefined;
  return { header, payload };
}

/** One fact of a step's details as the inspector shows it. */
export interface DetailView {
  key: string;
  /** What the inspector calls it ("Token response" for tokenResponse). */
  label: string;
  /** The value to show: masked when it is a secret, JSON for objects and lists. */
  text: string;
  masked: boolean;
  /** The decoded token when the value is a JWT (its payload with any secrets masked). */
  jwt?: DecodedJwt;
}

/**
 * Turns a launch step's details into displayable facts: secrets masked like "eyJhbG… (812 chars)", JWTs decoded
 * for reading (header and payload, signature not checked), objects as JSON with nested secrets masked. The token
 * response and the id_token claims come first.
 */
export function describeDetails(details: Record<string, unknown> | undefined): DetailView[] {
  const entries = Object.entries(details ?? {});
  const first = (key: string) => (key === 'tokenResponse' ? 0 : key === 'idTokenClaims' ? 1 : 2);
  entries.sort(([a], [b]) => first(a) - first(b));
  return entries.map(([key, value]) => ({ label: DETAIL_LABELS[key] ?? key, ...describeValue(key, value) }));
}

function describeValue(key: string, value: unknown): Omit<DetailView, 'label'> {
  if (typeof value === 'string') {
    const jwt = decodeJwt(value);
    const masked = isSecretKey(key) || jwt !== undefined;
    return {
      key,
      text: masked ? maskSecret(value) : value,
      masked,
      ...(jwt !== undefined
        ? { jwt: { header: jwt.header, payload: maskDeep(jwt.payload) as Record<string, unknown> } }
        : {}),
    };
  }
  if (typeof value === 'object' && value !== null) {
    return { key, text: JSON.stringify(maskDeep(value), null, 2), masked: false };
  }
  return { key, text: String(value), masked: false };
}
