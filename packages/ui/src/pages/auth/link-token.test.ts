import { describe, expect, it, vi } from 'vitest';
import { addressWithoutHash, removeHashFromAddressBar, tokenFromHash } from './link-token.ts';

describe('the set-password link token', () => {
  it('is read from the fragment', () => {
    expect(tokenFromHash('#token=abc-DEF_123')).toBe('abc-DEF_123');
    expect(tokenFromHash('token=abc')).toBe('abc');
    expect(tokenFromHash('#other=1&token=a%2Bb')).toBe('a+b');
  });

  it('is absent from an empty or tokenless fragment', () => {
    expect(tokenFromHash('')).toBeUndefined();
    expect(tokenFromHash('#')).toBeUndefined();
    expect(tokenFromHash('#token=')).toBeUndefined();
    expect(tokenFromHash('#tokens=abc')).toBeUndefined();
  });

  it('is removed from the address bar, keeping the path, the query and the router state', () => {
    const state = { idx: 3, key: 'k' };
    const history = { state, replaceState: vi.fn() };
    const location = { pathname: '/developer/set-password', search: '?welcome=1', hash: '#token=abc' };
    removeHashFromAddressBar(location, history);
    expect(history.replaceState).toHaveBeenCalledWith(state, '', '/developer/set-password?welcome=1');
    expect(addressWithoutHash(location)).toBe('/developer/set-password?welcome=1');
  });

  it('leaves the history alone when there is no fragment', () => {
    const history = { state: null, replaceState: vi.fn() };
    removeHashFromAddressBar({ pathname: '/set-password', search: '', hash: '' }, history);
    expect(history.replaceState).not.toHaveBeenCalled();
  });
});
