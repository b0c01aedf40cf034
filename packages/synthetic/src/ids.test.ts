import { describe, expect, it } from 'vitest';
import { memberPatientId, memberResourceId } from './ids.ts';
import { hash32 } from './rng.ts';

describe('member ids', () => {
  it('a patient id is p- and the 8 hex digits of the seed hash', () => {
    const id = memberPatientId('alice');
    expect(id).toMatch(/^p-[0-9a-f]{8}$/);
    expect(id).toBe(`p-${(hash32('alice') >>> 0).toString(16).padStart(8, '0')}`);
  });

  it('a numeric seed and its string give the same patient id, different seeds different ids', () => {
    expect(memberPatientId(42)).toBe(memberPatientId('42'));
    expect(memberPatientId(1)).not.toBe(memberPatientId(2));
  });

  it('a member resource id joins the patient id, the abbreviation and the index', () => {
    expect(memberResourceId('p-3fa9c2d1', 'enc', 4)).toBe('p-3fa9c2d1-enc-4');
    expect(memberResourceId('p-3fa9c2d1', 'enc', 4)).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
  });

  it('an abbreviation with a dash or a negative index is refused', () => {
    expect(() => memberResourceId('p-1', 'e-nc', 1)).toThrow(/alphanumeric/);
    expect(() => memberResourceId('p-1', 'enc', -1)).toThrow(/non-negative/);
  });
});
