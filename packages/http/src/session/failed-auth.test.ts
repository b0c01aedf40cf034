import { describe, expect, it } from 'vitest';
import { createMemoryKeyValueStore } from '@plan-api/store';
import { addressSubject, kvFailureCounter } from './failed-auth.ts';

describe('addressSubject', () => {
  it('counts IPv4 as it is and IPv6 by its /64', () => {
    expect(addressSubject('203.0.113.7')).toBe('203.0.113.7');
    expect(addressSubject('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressSubject('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressSubject('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressSubject('::1')).toBe('0:0:0:0::/64');
  });
});

describe('kvFailureCounter', () => {
  it('counts in its key-value namespace, reads without adding, and starts again after the window', async () => {
    let now = 1_000_000;
    const kv = createMemoryKeyValueStore({ now: () => now });
    const counter = kvFailureCounter(kv);
    expect(await counter.current('k')).toBe(0);
    expect(await counter.increment('k', 60)).toBe(1);
    expect(await counter.increment('k', 60)).toBe(2);
    expect(await counter.current('k')).toBe(2);
    expect(await kvFailureCounter(kv, 'other').current('k')).toBe(0);
    now += 61_000;
    expect(await counter.current('k')).toBe(0);
  });
});
