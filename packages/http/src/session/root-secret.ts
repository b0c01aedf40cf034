import { createHmac } from 'node:crypto';
import type { KeyValueStore } from '@plan-api/store';
import { randomSecret } from './secrets.ts';

// Kept as first named: data dirs made by earlier versions keep their secret (and their users' cookies).
const NAMESPACE = 'sandbox-secrets';

/**
 * A server's root secret: the configured one, else one generated at the first start and kept in the
 * key-value store (so in the data dir), so cookies stay valid across restarts.
 */
export async function rootSecret(kv: KeyValueStore, configured: string | undefined): Promise<string> {
  if (configured !== undefined && configured !== '') return configured;
  const kept = await kv.get<string>(NAMESPACE, 'root');
  if (typeof kept === 'string' && kept.length >= 32) return kept;
  const made = randomSecret(32);
  await kv.set(NAMESPACE, 'root', made);
  return made;
}

/** A key for one purpose derived from the root secret, so one leaked key does not give the others. */
export function deriveKey(root: string, purpose: string): string {
  return createHmac('sha256', root).update(`plan-api-sandbox:${purpose}`).digest('base64url');
}
