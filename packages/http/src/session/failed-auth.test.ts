import { describe, expect, it } from 'vitest';
import { addressSubject } from './failed-auth.ts';

describe('addressSubject', () => {
  it('counts IPv4 as it is and IPv6 by its /64', () => {
    expect(addressSubject('203.0.113.7')).toBe('203.0.113.7');
    expect(addressSubject('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressSubject('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressSubject('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressSubject('::1')).toBe('0:0:0:0::/64');
  });
});
