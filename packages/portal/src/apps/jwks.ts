import { z } from 'zod';
import type { SmartClient } from '@plan-api/smart';

/** The public keys an asymmetric ("private_key_jwt") app registers inline: a JSON Web Key Set (RFC 7517). */
export type Jwks = NonNullable<SmartClient['jwks']>;

const MAX_KEYS = 10;
const MAX_JSON_LENGTH = 20_000;

/** Members of a JWK that only a private (or symmetric) key has: a registered JWKS must not contain them. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;

/** The members each accepted key type needs (RS384 signs with RSA keys, ES384 with P-384 EC keys). */
const REQUIRED_MEMBERS: Record<string, readonly string[]> = { RSA: ['n', 'e'], EC: ['crv', 'x', 'y'] };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What is wrong with one key of the set, or undefined. */
function keyProblem(key: unknown, at: string): string | undefined {
  if (!isPlainObject(key)) return `${at} must be a JSON object (a JWK).`;
  const privateMember = PRIVATE_MEMBERS.find((member) => key[member] !== undefined);
  if (privateMember !== undefined) {
    return `${at} contains the private member "${privateMember}": register only the public keys (never the private key), e.g. by exporting the public JWK.`;
  }
  const required = typeof key.kty === 'string' ? REQUIRED_MEMBERS[key.kty] : undefined;
  if (required === undefined) return `${at} must have "kty" "RSA" (for RS384) or "EC" (for ES384).`;
  const missing = required.find((member) => typeof key[member] !== 'string' || key[member] === '');
  if (missing !== undefined) return `${at} (kty ${String(key.kty)}) is missing "${missing}".`;
  if (key.kty === 'EC' && key.crv !== 'P-384') return `${at} must use the curve P-384 (ES384); got ${String(key.crv)}.`;
  return undefined;
}

/** What is wrong with a JWKS, or undefined. */
function jwksProblem(value: unknown): string | undefined {
  if (!isPlainObject(value) || !Array.isArray(value.keys)) {
    return 'The JWKS must be a JSON object with a "keys" array of public keys: {"keys": [{"kty": "RSA", "n": "...", "e": "AQAB"}]}.';
  }
  if (value.keys.length === 0) return 'The JWKS must contain at least one public key.';
  if (value.keys.length > MAX_KEYS) return `The JWKS may contain at most ${MAX_KEYS} keys.`;
  for (const [index, key] of value.keys.entries()) {
    const problem = keyProblem(key, `Key ${index + 1} of the JWKS`);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/** JSON text (as a form sends it) becomes the object; anything else is left for the check to refuse. */
function fromText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (value.length > MAX_JSON_LENGTH) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/**
 * The `jwks` field: a JWKS object, or its JSON text. Only public RSA or P-384 EC keys are accepted: a private
 * member (`d`, ...) or a symmetric key is refused, so a private key pasted by mistake is never stored.
 */
export const jwksField = z.preprocess(
  fromText,
  z.unknown().transform((value, ctx) => {
    const problem =
      typeof value === 'string'
        ? `The JWKS must be valid JSON of at most ${MAX_JSON_LENGTH} characters: {"keys": [ ...public JWKs... ]}.`
        : jwksProblem(value);
    if (problem !== undefined) {
      ctx.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    }
    const keys = (value as { keys: Record<string, unknown>[] }).keys;
    return { keys: keys.map((key) => ({ ...key })) } as Jwks;
  }),
);
