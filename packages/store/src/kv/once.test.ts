import { describe, expect, it } from 'vitest';
import { createMemoryKeyValueStore } from './memory.ts';
import { getOrCreateOnce } from './once.ts';

describe('getOrCreateOnce', () => {
  it('makes the value once however many callers race, and every caller gets that value', async () => {
    const kv = createMemoryKeyValueStore();
    let made = 0;
    const make = async () => {
      made++;
      await new Promise((resolve) => setTimeout(resolve, 30));
      return `value-${made}`;
    };
    const values = await Promise.all(Array.from({ length: 8 }, () => getOrCreateOnce(kv, 'ns', 'k', make)));
    expect(made).toBe(1);
    expect(new Set(values)).toEqual(new Set(['value-1']));
    expect(await getOrCreateOnce(kv, 'ns', 'k', make)).toBe('value-1');
    expect(made).toBe(1);
  });

  it('never makes a second value for a caller that read nothing just before the first one was stored', async () => {
    const kv = createMemoryKeyValueStore();
    let made = 0;
    const first = await getOrCreateOnce(kv, 'ns', 'k', () => `value-${++made}`);
    // A second process that read nothing before the first stored its value now claims: it must not make another.
    expect(await kv.increment('ns', 'k#claim', { expiresInSeconds: 30 })).toBe(2);
    expect(await getOrCreateOnce(kv, 'ns', 'k', () => `value-${++made}`)).toBe(first);
    expect(made).toBe(1);
  });

  it('replaces a stored value that is not valid', async () => {
    const kv = createMemoryKeyValueStore();
    await kv.set('ns', 'k', 'short');
    const isValid = (value: unknown): value is string => typeof value === 'string' && value.length > 6;
    expect(await getOrCreateOnce(kv, 'ns', 'k', () => 'long enough', { isValid })).toBe('long enough');
  });

  it('takes over the claim of a process that died while making the value, once the claim expires', async () => {
    let now = 0;
    const kv = createMemoryKeyValueStore({ now: () => now });
    await kv.increment('ns', 'k#claim', { expiresInSeconds: 1 });
    const waiting = getOrCreateOnce(kv, 'ns', 'k', () => 'made later', { claimSeconds: 1 });
    await new Promise((resolve) => setTimeout(resolve, 120));
    now = 2000;
    expect(await waiting).toBe('made later');
  });
});
