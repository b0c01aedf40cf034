import { describe, expect, it } from 'vitest';
import { pooledRandom, randomToken, sortableId } from './ids.ts';

describe('pooled random bytes', () => {
  it('hands out distinct bytes of the asked size across pool refills, and keeps given bytes unchanged', () => {
    const random = pooledRandom();
    const first = random(16);
    const copy = Buffer.from(first);
    const tokens = Array.from({ length: 3000 }, (_, i) => random(6 + (i % 3)));
    expect(tokens.map((t) => t.length)).toEqual(Array.from({ length: 3000 }, (_, i) => 6 + (i % 3)));
    expect(new Set(tokens.map((t) => Buffer.from(t).toString('hex'))).size).toBe(3000);
    expect(Buffer.from(first).equals(copy)).toBe(true);
    expect(random(5000)).toHaveLength(5000);
  });

  it('two pools give different bytes', () => {
    expect(randomToken(pooledRandom(), 16)).not.toBe(randomToken(pooledRandom(), 16));
    expect(sortableId(new Date(0), 1, pooledRandom())).toMatch(/^0{9}0001[A-Za-z0-9_-]{8}$/);
  });
});
