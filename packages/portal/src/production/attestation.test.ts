import { describe, expect, it } from 'vitest';
import { ATTESTATION } from '../testing/production.ts';
import { ATTESTATION_QUESTIONS, attestationSchema, sameAttestation } from './attestation.ts';

describe('the privacy attestation', () => {
  it('asks the four questions, each with plain words for the member gallery', () => {
    expect(ATTESTATION_QUESTIONS.map((q) => [q.key, q.question])).toEqual([
      ['sellsData', "Does the app sell members' data?"],
      ['sharesWithThirdParties', "Does the app share members' data with third parties?"],
      ['membersCanDelete', 'Can members have their data deleted from the app?'],
      ['followsCarinCode', 'Does the app follow the CARIN Alliance code of conduct?'],
    ]);
    for (const q of ATTESTATION_QUESTIONS) expect(q.yes).not.toBe(q.no);
  });

  it('accepts yes or no to each question and nothing else', () => {
    expect(attestationSchema.parse(ATTESTATION)).toEqual(ATTESTATION);
    const result = attestationSchema.safeParse({ ...ATTESTATION, sellsData: 'Yes', extra: 'no' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual(
      expect.arrayContaining([['sellsData', "Answer: does the app sell members' data?"]]),
    );
  });

  it('a missing attestation asks every question', () => {
    const result = attestationSchema.safeParse(undefined);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual([
      'sellsData',
      'sharesWithThirdParties',
      'membersCanDelete',
      'followsCarinCode',
    ]);
  });

  it('compares answers', () => {
    expect(sameAttestation(ATTESTATION, { ...ATTESTATION })).toBe(true);
    expect(sameAttestation(ATTESTATION, { ...ATTESTATION, sellsData: 'yes' })).toBe(false);
  });
});
