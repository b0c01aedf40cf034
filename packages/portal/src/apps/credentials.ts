import { randomToken, type RandomBytes } from '../shared/ids.ts';

/** Bytes of randomness in a client id (128 bits: unguessable, 22 URL-safe characters). */
export const CLIENT_ID_BYTES = 16;
/** Bytes of randomness in a client secret (256 bits, 43 URL-safe characters). */
export const CLIENT_SECRET_BYTES = 32;

/** A new public client id. */
export function newClientId(random: RandomBytes): string {
  return randomToken(random, CLIENT_ID_BYTES);
}

/** A new client secret for a confidential ("secret") app. */
export function newClientSecret(random: RandomBytes): string {
  return randomToken(random, CLIENT_SECRET_BYTES);
}
