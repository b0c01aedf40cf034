/** Random bytes source (node:crypto randomBytes in production; deterministic in tests). */
export type RandomBytes = (size: number) => Uint8Array;

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
