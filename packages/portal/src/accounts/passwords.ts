import { scrypt, timingSafeEqual } from 'node:crypto';
import type { RandomBytes } from '../shared/ids.ts';

/** scrypt's cost parameters, stored with every hash so they can be raised without breaking old hashes. */
export interface ScryptParams {
  /** CPU/memory cost, a power of two. */
  N: number;
  /** Block size. */
  r: number;
  /** Parallelization. */
  p: number;
}

/**
 * OWASP's Password Storage Cheat Sheet lists N=2^15, r=8, p=3 as equivalent to its scrypt minimum (2^17, 8, 1)
 * at a quarter of the memory (32 MiB a hash), which matters with several processes on a 2-core server.
 */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 3 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;
const STORED = /^scrypt\$(\d{1,8})\$(\d{1,3})\$(\d{1,3})\$([A-Za-z0-9_-]{16,88})\$([A-Za-z0-9_-]{22,88})$/;

/** Whether parameters are ones we hash with (and a stored hash may ask us to compute). */
function acceptable({ N, r, p }: ScryptParams): boolean {
  const powerOfTwo = Number.isInteger(N) && N >= 2 && N <= 2 ** 20 && (N & (N - 1)) === 0;
  return powerOfTwo && Number.isInteger(r) && r >= 1 && r <= 32 && Number.isInteger(p) && p >= 1 && p <= 16;
}

// Passwords are NFKC-normalized before hashing, so the same password typed on another keyboard still matches.
function derive(password: string, salt: Buffer, params: ScryptParams, length: number): Promise<Buffer> {
  const { N, r, p } = params;
  return new Promise((resolve, reject) => {
    // scrypt needs about 128 * N * r bytes; maxmem is set above it so raising N never hits Node's 32 MiB default.
    scrypt(password.normalize('NFKC'), salt, length, { N, r, p, maxmem: 256 * N * r }, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

/** Hashes and verifies passwords with scrypt (node:crypto, on the libuv thread pool, off the event loop). */
export interface PasswordHasher {
  /** `scrypt$N$r$p$<salt base64url>$<hash base64url>` of the password, with a fresh 128-bit salt. */
  hash(password: string): Promise<string>;
  /**
   * Whether the password matches the stored hash, compared in constant time. With no stored hash (an unknown
   * account, one without a password yet) it checks against a dummy hash of the same cost and answers false,
   * so the time taken does not tell whether the account exists.
   */
  verify(password: string, stored: string | undefined): Promise<boolean>;
}

/** A PasswordHasher with these parameters; salts (and the dummy hash's password) come from `random`. */
export function createPasswordHasher(params: ScryptParams, random: RandomBytes): PasswordHasher {
  if (!acceptable(params)) {
    throw new Error('createAccountsPortal: passwordHashing needs N a power of two up to 2^20, r 1-32 and p 1-16');
  }
  const hash = async (password: string): Promise<string> => {
    const salt = Buffer.from(random(SALT_BYTES));
    const key = await derive(password, salt, params, KEY_BYTES);
    return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
  };
  // Made on first need and kept by this hasher (one per portal), never module-wide.
  let dummy: Promise<string> | undefined;
  const check = async (password: string, stored: string): Promise<boolean> => {
    const match = STORED.exec(stored);
    if (!match) return false;
    const [, n, r, p, salt, expected] = match as unknown as [string, string, string, string, string, string];
    const storedParams = { N: Number(n), r: Number(r), p: Number(p) };
    if (!acceptable(storedParams)) return false;
    const want = Buffer.from(expected, 'base64url');
    const got = await derive(password, Buffer.from(salt, 'base64url'), storedParams, want.length);
    return timingSafeEqual(got, want);
  };
  return {
    hash,
    verify: async (password, stored) => {
      if (stored !== undefined) return check(password, stored);
      dummy ??= hash(Buffer.from(random(KEY_BYTES)).toString('base64url'));
      await check(password, await dummy);
      return false;
    },
  };
}
