import { describe, expect, it } from 'vitest';
import { counterRandom } from '../testing/harness.ts';
import { TEST_SCRYPT } from '../testing/accounts.ts';
import { createPasswordHasher, DEFAULT_SCRYPT } from './passwords.ts';

const hasher = createPasswordHasher(TEST_SCRYPT, counterRandom('passwords'));

describe('password hashing', () => {
  it('stores scrypt with its parameters, a 128-bit salt and a 256-bit hash, and never the password', async () => {
    const stored = await hasher.hash('blue harbor lantern 42');
    const [scheme, n, r, p, salt, hash] = stored.split('$');
    expect([scheme, n, r, p]).toEqual(['scrypt', '1024', '8', '1']);
    expect(Buffer.from(salt ?? '', 'base64url')).toHaveLength(16);
    expect(Buffer.from(hash ?? '', 'base64url')).toHaveLength(32);
    expect(stored).not.toContain('lantern');
  });

  it('salts every hash: the same password hashes differently twice', async () => {
    expect(await hasher.hash('blue harbor lantern 42')).not.toBe(await hasher.hash('blue harbor lantern 42'));
  });

  it('verifies the right password, refuses a wrong one, and matches an NFKC-equivalent spelling', async () => {
    const stored = await hasher.hash('ｆｕｌｌ width password');
    expect(await hasher.verify('ｆｕｌｌ width password', stored)).toBe(true);
    expect(await hasher.verify('full width password', stored)).toBe(true);
    expect(await hasher.verify('full width passwore', stored)).toBe(false);
  });

  it('verifies a hash made with other parameters (they are read from the hash)', async () => {
    const other = createPasswordHasher({ N: 2048, r: 4, p: 2 }, counterRandom('other'));
    const stored = await other.hash('blue harbor lantern 42');
    expect(stored).toMatch(/^scrypt\$2048\$4\$2\$/);
    expect(await hasher.verify('blue harbor lantern 42', stored)).toBe(true);
  });

  it('answers false for a malformed hash or parameters it would not compute (a corrupt record)', async () => {
    const stored = await hasher.hash('blue harbor lantern 42');
    expect(await hasher.verify('blue harbor lantern 42', stored.replace('$1024$', '$1000$'))).toBe(false);
    expect(await hasher.verify('blue harbor lantern 42', stored.replace('$1024$', '$4194304$'))).toBe(false);
    expect(await hasher.verify('blue harbor lantern 42', 'bcrypt$whatever')).toBe(false);
  });

  it('without a stored hash it still does the work of a check against a dummy hash, and answers false', async () => {
    // A dummy check and a real one both derive a key: compare with a cost where the derivation dominates.
    const slow = createPasswordHasher({ N: 2 ** 13, r: 8, p: 1 }, counterRandom('slow'));
    const stored = await slow.hash('blue harbor lantern 42');
    await slow.verify('warm up the dummy hash', undefined);
    const time = async (check: () => Promise<boolean>): Promise<number> => {
      const start = process.hrtime.bigint();
      expect(await check()).toBe(false);
      return Number(process.hrtime.bigint() - start);
    };
    const known = await time(() => slow.verify('wrong password', stored));
    const unknown = await time(() => slow.verify('wrong password', undefined));
    expect(unknown).toBeGreaterThan(known / 4);
  });

  it('the default cost is scrypt N=2^15, r=8, p=3 and bad parameters are refused at creation', () => {
    expect(DEFAULT_SCRYPT).toEqual({ N: 32768, r: 8, p: 3 });
    expect(() => createPasswordHasher({ N: 1000, r: 8, p: 1 }, counterRandom())).toThrow(/power of two/);
    expect(() => createPasswordHasher({ N: 1024, r: 0, p: 1 }, counterRandom())).toThrow(/r 1-32/);
  });
});
