import { describe, expect, it } from 'vitest';
import { isValidNpi, npiCheckDigit, npiFor } from './npi.ts';

describe('NPI', () => {
  it('computes the check digit CMS publishes for its worked example 123456789 -> 3', () => {
    expect(npiCheckDigit('123456789')).toBe(3);
    expect(isValidNpi('1234567893')).toBe(true);
  });

  it('rejects an NPI with a wrong check digit, a changed digit or the wrong length', () => {
    expect(isValidNpi('1234567890')).toBe(false);
    expect(isValidNpi('1234567983')).toBe(false);
    expect(isValidNpi('123456789')).toBe(false);
    expect(isValidNpi('12345678931')).toBe(false);
  });

  it('gives every index of a series a distinct valid NPI starting with the series digit', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const npi = npiFor(1, i, 12345);
      expect(isValidNpi(npi)).toBe(true);
      expect(npi[0]).toBe('1');
      seen.add(npi);
    }
    expect(seen.size).toBe(20_000);
    expect(npiFor(2, 7, 12345)[0]).toBe('2');
  });
});
