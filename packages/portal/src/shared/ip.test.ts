import { describe, expect, it } from 'vitest';
import { ipSubject } from './ip.ts';

describe('ipSubject', () => {
  it('counts an IPv4 address as it is, and an IPv4-mapped IPv6 address as its IPv4 form', () => {
    expect(ipSubject('203.0.113.7')).toBe('203.0.113.7');
    expect(ipSubject('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(ipSubject('::FFFF:203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts every address of an IPv6 /64 as one network, however the address is written', () => {
    const subject = '2001:db8:0:1::/64';
    expect(ipSubject('2001:db8:0:1::1')).toBe(subject);
    expect(ipSubject('2001:0DB8:0000:0001:ffff:ffff:ffff:ffff')).toBe(subject);
    expect(ipSubject('2001:db8:0:1:a:b:1.2.3.4')).toBe(subject);
    expect(ipSubject('2001:db8:0:1::5%eth0')).toBe(subject);
    expect(ipSubject('2001:db8:0:2::1')).not.toBe(subject);
  });

  it('expands "::" at the start, in the middle and with an IPv4 tail', () => {
    expect(ipSubject('::1')).toBe('0:0:0:0::/64');
    expect(ipSubject('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(ipSubject('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
    expect(ipSubject('1:2:3::4:5:1.2.3.4')).toBe('1:2:3:0::/64');
  });

  it('counts anything else (an unknown address) as it is', () => {
    expect(ipSubject('')).toBe('');
    expect(ipSubject('unknown')).toBe('unknown');
  });
});
