import { createHmac } from 'node:crypto';
import { getOrCreateOnce } from '@plan-api/store';
import type { KeyValueStore } from '@plan-api/store';
import { randomSecret } from './secrets.ts';

// Kept as first named: data dirs made by earlier versions keep their secret (and their users' cookies).
const NAMESPACE = 'sandbox-secrets';

/**
 * A server's root secret: the configured one, else one generated at the first start and kept in the
 * key-value store (the data dir, or the database), so cookies stay valid across restarts and every process of a
 * server shares it (processes starting together agree on one).
 */
export async function rootSecret(kv: KeyValueStore, configured: string | undefined): Promise<string> {
  if (configured !== undefined && configured !== '') return configured;
  const isValid = (value: unknown): value is string => typeof value === 'string' && value.length >= 32;
  return getOrCreateOnce(kv, NAMESPACE, 'root', () => randomSecret(32), { isValid });
}

/** A key for one purpose derived from the root secret, so one leaked key does not give the others. */
export function deriveKey(root: string, purpose: string): string {
  return createHmac('sha256', root).update(`plan-api-sandbox:${purpose}`).digest('base64url');
}
