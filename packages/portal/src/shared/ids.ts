import { randomFillSync } from 'node:crypto';

/** Random bytes source (node:crypto in production; deterministic in tests). */
export type RandomBytes = (size: number) => Uint8Array;

const POOL_SIZE = 4096;

/**
 * A RandomBytes over node:crypto that fills a pool of CSPRNG output at a time (as crypto.randomUUID does):
 * every FHIR request makes two log ids, and one native call per id showed up among the largest costs of an
 * authorized search. Each byte is handed out once; large requests bypass the pool.
 */
export function pooledRandom(): RandomBytes {
  const pool = Buffer.alloc(POOL_SIZE);
  let offset = POOL_SIZE;
  return (size) => {
    if (size > POOL_SIZE / 4) return randomFillSync(Buffer.alloc(size));
    if (offset + size > POOL_SIZE) {
      randomFillSync(pool);
      offset = 0;
    }
    const out = Buffer.from(pool.subarray(offset, offset + size));
    // Handed-out bytes are wiped so they never linger in the pool next to the unused ones.
    pool.fill(0, offset, offset + size);
    offset += size;
    return out;
  };
}

/** A URL-safe random token of `bytes` random bytes (base64url, no padding). */
export function randomToken(random: RandomBytes, bytes: number): string {
  const data = random(bytes);
  if (data.length !== bytes) throw new Error(`random source returned ${data.length} bytes, expected ${bytes}`);
  return Buffer.from(data).toString('base64url');
}

/**
 * An id that sorts by creation: the instant in ms (fixed width) and a per-instance serial, then randomness
 * so ids from two processes never collide. Log records are listed newest first by this id, which keeps
 * entries made within the same millisecond in the order they were made.
 */
export function sortableId(at: Date, serial: number, random: RandomBytes): string {
  const time = at.getTime().toString(36).padStart(9, '0');
  const seq = (serial % 36 ** 4).toString(36).padStart(4, '0');
  return `${time}${seq}${randomToken(random, 6)}`;
}
