import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Compares two secrets in constant time, whatever their lengths: both are hashed first, so neither
 * the content nor the length of the expected value leaks through timing.
 */
export function constantTimeEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

/** A random URL-safe secret of `bytes` bytes (default 32 = 256 bits). */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

function mac(value: string, secret: string): string {
  return createHmac('sha256', secret).update(value, 'utf8').digest('base64url');
}

/** `value.signature` with an HMAC-SHA256 of the value. */
export function signValue(value: string, secret: string): string {
  return `${value}.${mac(value, secret)}`;
}

/** The value of a signed string, or undefined when the signature does not match. */
export function unsignValue(signed: string, secret: string): string | undefined {
  const dot = signed.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const value = signed.slice(0, dot);
  return constantTimeEqual(signed.slice(dot + 1), mac(value, secret)) ? value : undefined;
}
