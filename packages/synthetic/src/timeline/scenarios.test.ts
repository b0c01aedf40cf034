import { describe, expect, it } from 'vitest';
import { DEFAULT_AS_OF, type CareEvent, type MemberTimeline, type ScenarioName } from '../model.ts';
import { SYSTEMS } from '../terminology.ts';
import { testTerminology } from '../testing/terminology.ts';
import { addYears, daysBetween, monthsOld } from './dates.ts';
import { buildTimeline } from './index.ts';
import { SPECIALTY } from './specialties.ts';
import { testDirectory } from '../testing/timeline-directory.ts';

const terminology = testTerminology();
const SEEDS = ['s-1', 's-2', 's-3', 's-4', 's-5', 's-6', 's-7', 's-8'];
const members = (scenario: ScenarioName): MemberTimeline[] =>
  SEEDS.map((seed) => buildTimeline({ seed, scenario, directory: testDirectory(), terminology }));

const billed = (e: CareEvent, code: string): boolean => e.procedures.some((p) => p.billing.code === code);
const day = (iso: string): string => iso.slice(0, 10);
const METFORMIN = ['861007', '860975', '861004'];

describe('diabetes scenario', () => {
  it('a diabetic has type 2 diabetes, HbA1c results between 6.5 and 9.5%, and visits that match', () => {
    for (const t of members('diabetes')) {
      const dm = t.conditions.find((c) => c.icd10.code.startsWith('E11.'));
      expect(dm?.snomed.code).toBe('44054006');
      const a1c = t.events.flatMap((e) =>
        e.observations.filter((o) => o.code.code === '4548-4').map((o) => ({ e, o })),
      );
      expect(a1c.length).toBeGreaterThanOrEqual(3);
      for (const { e, o } of a1c) {
        expect(o.value.kind === 'quantity' && o.value.value >= 6.5 && o.value.value <= 9.5).toBe(true);
        expect(o.value.kind === 'quantity' && o.value.code).toBe('%');
        expect(billed(e, '83036')).toBe(true);
        expect(e.diagnoses.some((d) => d.key === dm?.key)).toBe(true);
      }
      const visits = t.events.filter((e) => e.diagnoses.some((d) => d.key === dm?.key) && e.kind === 'office');
      const specialties = new Set(visits.map((e) => e.practitioner.reference.split('-')[1]));
      expect(
        [...specialties].every((s) =>
          [
            SPECIALTY.familyMedicine,
            SPECIALTY.internalMedicine,
            SPECIALTY.endocrinology,
            SPECIALTY.ophthalmology,
            SPECIALTY.optometry,
          ].includes(s as never),
        ),
      ).toBe(true);
      expect(t.carePlan?.goals[0]).toMatchObject({ description: { code: '4548-4' }, target: '< 7.0 %' });
    }
  });

  it('metformin is filled on pharmacy claims with its NDC, about every days-supply', () => {
    for (const t of members('diabetes')) {
      const fills = t.events.filter(
        (e) => e.kind === 'pharmacy' && METFORMIN.includes(e.medications[0]?.rxnorm.code ?? ''),
      );
      expect(fills.length).toBeGreaterThanOrEqual(4);
      for (const f of fills) {
        expect(f.claim).toBe('pharmacy');
        const med = f.medications[0];
        expect(med?.ndc.system).toBe(SYSTEMS.ndc);
        expect(terminology.ndcFor(med?.rxnorm.code ?? '').code).toBe(med?.ndc.code);
        expect([30, 90]).toContain(med?.daysSupply);
      }
      const same = fills.filter((f) => f.medications[0]?.rxnorm.code === fills[0]?.medications[0]?.rxnorm.code);
      for (let i = 1; i < same.length; i++) {
        const gap = daysBetween(day(same[i - 1]?.start ?? ''), day(same[i]?.start ?? ''));
        const supply = same[i - 1]?.medications[0]?.daysSupply ?? 0;
        expect(gap).toBeGreaterThanOrEqual(supply - 3);
        expect(gap).toBeLessThanOrEqual(supply + 20);
      }
    }
  });
});

describe('pregnancy scenario', () => {
  it('a woman delivers in the last two years after prenatal care, on an inpatient institutional claim', () => {
    for (const t of members('pregnancy')) {
      expect(t.person.sex).toBe('female');
      const delivery = t.events.filter((e) => e.kind === 'delivery');
      expect(delivery).toHaveLength(1);
      const d = delivery[0] as CareEvent;
      expect(d.claim).toBe('inpatient-institutional');
      expect(billed(d, '59400') || billed(d, '59510')).toBe(true);
      expect(day(d.start) >= addYears(DEFAULT_AS_OF, -2)).toBe(true);
      expect(d.diagnoses.some((x) => x.icd10.code === 'Z37.0')).toBe(true);
      const prenatal = t.events.filter((e) => e.kind === 'prenatal');
      expect(prenatal.length).toBeGreaterThanOrEqual(9);
      for (const p of prenatal) {
        expect(p.start < d.start).toBe(true);
        expect(p.diagnoses.some((x) => x.icd10.code.startsWith('Z34.'))).toBe(true);
        expect(p.diagnoses.some((x) => x.icd10.code.startsWith('Z3A.'))).toBe(true);
      }
      const hcg = t.events.find((e) => e.observations.some((o) => o.code.code === '2106-3'));
      expect(hcg && hcg.start < (prenatal[0]?.start ?? '')).toBe(true);
      expect(t.events.some((e) => billed(e, '76801'))).toBe(true);
      expect(t.events.some((e) => e.observations.some((o) => o.code.code === '1504-0'))).toBe(true);
      const post = t.events.find((e) => e.diagnoses.some((x) => x.icd10.code === 'Z39.2'));
      expect(post && daysBetween(day(d.start), day(post.start))).toBeGreaterThanOrEqual(35);
    }
  });
});

describe('pediatric scenario', () => {
  it('a child has well-child visits at AAP ages with vaccines due at that age', () => {
    for (const t of members('pediatric')) {
      expect(t.person.relationship).toBe('child');
      expect(t.person.subscriberId).not.toBe(t.person.memberId);
      const visits = t.events.filter((e) => e.kind === 'wellness');
      expect(visits.length).toBeGreaterThanOrEqual(3);
      for (const v of visits) {
        expect(v.diagnoses[0]?.icd10.code).toMatch(/^Z00\.1/);
        expect(v.practitioner.reference).toContain(SPECIALTY.pediatrics);
        const months = monthsOld(t.person.birthDate, day(v.start));
        const cvx = v.immunizations.map((i) => i.code);
        if (cvx.includes('03')) expect(months).toBeGreaterThanOrEqual(12);
        if (cvx.includes('20')) expect(months).toBeLessThan(84);
        if (cvx.includes('115')) expect(months).toBeGreaterThanOrEqual(132);
        for (const c of cvx) expect(billed(v, '90460')).toBe(c !== '' && true);
      }
      const weights = visits
        .map((v) => v.observations.find((o) => o.code.code === '29463-7'))
        .map((o) => (o?.value.kind === 'quantity' ? o.value.value : 0));
      for (let i = 1; i < weights.length; i++) expect(weights[i] ?? 0).toBeGreaterThan((weights[i - 1] ?? 0) * 0.97);
    }
  });

  it('an ear infection is treated with an antibiotic filled the same day', () => {
    const ears = members('pediatric').flatMap((t) =>
      t.events
        .filter((e) => e.kind === 'office' && e.diagnoses.some((d) => d.icd10.code.startsWith('H66.')))
        .map((e) => ({ t, e })),
    );
    expect(ears.length).toBeGreaterThan(0);
    for (const { t, e } of ears) {
      const rx = e.medications[0]?.rxnorm.code;
      expect(['308182', '308460']).toContain(rx);
      expect(
        t.events.some(
          (f) => f.kind === 'pharmacy' && day(f.start) === day(e.start) && f.medications[0]?.rxnorm.code === rx,
        ),
      ).toBe(true);
    }
  });
});

describe('elderly-multimorbid scenario', () => {
  it('an older member has several chronic problems, many fills, an ED visit leading to an admission, and an outpatient procedure', () => {
    for (const t of members('elderly-multimorbid')) {
      const codes = t.conditions.map((c) => c.icd10.code);
      expect(codes).toContain('I10');
      expect(codes.some((c) => c.startsWith('I50.') || c.startsWith('I48.'))).toBe(true);
      const drugs = new Set(t.events.filter((e) => e.kind === 'pharmacy').map((e) => e.medications[0]?.rxnorm.code));
      expect(drugs.size).toBeGreaterThanOrEqual(3);
      const ed = t.events.find((e) => e.key === 'ed-0');
      const admission = t.events.find((e) => e.kind === 'inpatient');
      expect(ed?.claim).toBe('outpatient-institutional');
      expect(admission?.claim).toBe('inpatient-institutional');
      expect(admission && ed && admission.start > ed.start && day(admission.start) <= day(admission.end)).toBe(true);
      expect(t.events.some((e) => e.kind === 'outpatient-surgery' && e.claim === 'outpatient-institutional')).toBe(
        true,
      );
      if (codes.includes('I44.2')) {
        expect(t.devices.map((d) => d.type.code)).toContain('14106009');
        expect(t.events.some((e) => billed(e, '33208'))).toBe(true);
      }
    }
  });
});

describe('healthy scenario', () => {
  it('a healthy adult has preventive visits, flu shots with CVX codes, dental cleanings on oral claims and no chronic problems', () => {
    for (const t of members('healthy')) {
      const physicals = t.events.filter((e) => e.kind === 'wellness');
      expect(physicals.length).toBeGreaterThanOrEqual(2);
      for (const p of physicals) expect(p.procedures[0]?.billing.code).toMatch(/^993[89][5-7]$/);
      for (const f of t.events.filter((e) => e.kind === 'immunization')) {
        expect(f.immunizations[0]?.system).toBe(SYSTEMS.cvx);
        expect(f.diagnoses[0]?.icd10.code).toBe('Z23');
      }
      for (const d of t.events.filter((e) => e.kind === 'dental')) {
        expect(d.claim).toBe('oral');
        expect(d.procedures.every((p) => p.billing.system === SYSTEMS.cdt)).toBe(true);
      }
      expect(t.conditions.every((c) => c.abatement !== undefined)).toBe(true);
    }
  });
});
