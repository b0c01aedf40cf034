import { describe, expect, it } from 'vitest';
import { errorStatus } from './error-status.ts';

describe('errorStatus', () => {
  it('reads status, else statusCode, and nothing from values without a numeric one', () => {
    expect(errorStatus({ status: 404, statusCode: 500 })).toBe(404);
    expect(errorStatus({ statusCode: 413 })).toBe(413);
    expect(errorStatus({ status: '400' })).toBeUndefined();
    expect(errorStatus(new Error('plain'))).toBeUndefined();
    expect(errorStatus(null)).toBeUndefined();
    expect(errorStatus('400')).toBeUndefined();
  });
});
