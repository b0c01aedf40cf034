import { describe, expect, it } from 'vitest';
import { constantTimeEqual, randomSecret, signValue, unsignValue } from './secrets.ts';

describe('session secrets', () => {
  it('constantTimeEqual accepts only the identical string, whatever the lengths', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('ab', 'abc')).toBe(false);
    expect(constantTimeEqual('', 'abc')).toBe(false);
  });

  it('a signed value round-trips, and any change to value or signature is refused', () => {
    const signed = signValue('session-1', 'k1');
    expect(unsignValue(signed, 'k1')).toBe('session-1');
    expect(unsignValue(signed, 'k2')).toBeUndefined();
    expect(unsignValue(signed.replace('session-1', 'session-2'), 'k1')).toBeUndefined();
    expect(unsignValue(`${signed}x`, 'k1')).toBeUndefined();
    expect(unsignValue('no-signature', 'k1')).toBeUndefined();
  });

  it('random secrets are 256-bit and distinct', () => {
    const a = randomSecret();
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(randomSecret()).not.toBe(a);
  });
});
