import { describe, expect, it } from 'vitest';
import { backoffDelay } from './server-child.ts';

describe('backoffDelay', () => {
  it('doubles from the initial delay and stops at the cap', () => {
    const backoff = { initialMs: 500, factor: 2, maxMs: 30_000 };
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffDelay(n, backoff))).toEqual([
      500, 1000, 2000, 4000, 8000, 16000, 30000, 30000,
    ]);
    expect(backoffDelay(0)).toBe(500);
  });
});
