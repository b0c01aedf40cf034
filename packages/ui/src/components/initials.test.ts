import { describe, expect, it } from 'vitest';
import { initials } from './initials.ts';

describe('initials', () => {
  it('makes initials from the first two words of the name', () => {
    expect(initials('Acme Health Tracker')).toBe('AH');
    expect(initials('  myapp')).toBe('M');
    expect(initials('(Beta) tool')).toBe('BT');
    expect(initials('')).toBe('?');
  });
});
