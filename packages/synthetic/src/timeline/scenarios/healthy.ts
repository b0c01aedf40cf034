import { ageOn } from '../dates.ts';
import { dentalCare, fluShots, smokingStatus, yearly } from '../common.ts';
import { draft } from '../events.ts';
import { adultBody, adultVitals, bloodCount, lipidPanel, metabolicPanel } from '../labs.ts';
import { SPECIALTY } from '../specialties.ts';
import { acuteVisits, ADULT_VACCINE_ADMIN } from './acute.ts';
import { addAllergies } from './allergies.ts';
import type { Scenario } from './types.ts';

/** Preventive-visit CPT code by age (established patient) for adults. */
export function adultPreventiveCode(age: number, first: boolean): string {
  const base = first ? 9938 : 9939;
  return `${base}${age < 40 ? 5 : age < 65 ? 6 : 7}`;
}

/**
 * A healthy adult (20 to 60): a physical most years with labs some years, a few sick visits, flu shots,
 * dental cleanings twice a year, and now and then a short antibiotic course.
 */
export const healthy: Scenario = {
  person: { minAge: 20, maxAge: 60 },
  build(b) {
    const r = b.rng.fork('healthy');
    const pcp = b.provider('pcp', r.chance(0.7) ? SPECIALTY.familyMedicine : SPECIALTY.internalMedicine);
    const body = adultBody(r, b.person.sex, r.normal(26, 3), r.normal(118, 6));
    const smoking = r.weighted([
      ['266919005', 70],
      ['8517006', 18],
      ['449868002', 9],
      ['428041000124106', 3],
    ] as const);
    addAllergies(b, 0.2);

    yearly(b, 'physical').forEach((date, i) => {
      if (i > 0 && !r.chance(0.75)) return;
      const age = ageOn(b.person.birthDate, date);
      const d = draft(b, {
        label: `physical-${i}`,
        kind: 'wellness',
        claim: 'professional',
        date,
        provider: pcp,
        encounterType: '185349003',
        minutes: 40,
      });
      d.dx('Z00.00').cpt(adultPreventiveCode(age, i === 0));
      adultVitals(d, body, i * r.normal(0.4, 0.5));
      smokingStatus(d, smoking);
      const labs = r.chance(0.5);
      if (labs) {
        d.cpt('36415').cpt('80053').cpt('80061');
        if (r.chance(0.5)) {
          d.cpt('85025');
          bloodCount(d, b.person.sex);
        }
        metabolicPanel(d, {
          glucose: r.normal(90, 7),
          creatinine: b.person.sex === 'male' ? r.normal(0.98, 0.1) : r.normal(0.78, 0.09),
        });
        lipidPanel(d, {
          ldl: r.normal(110, 20),
          hdl: r.normal(b.person.sex === 'male' ? 48 : 60, 8),
          triglycerides: r.normal(115, 30),
        });
      }
      d.note(
        `Annual physical. No acute complaints. Counseled on diet, exercise and age-appropriate screening.${labs ? ' Routine labs drawn.' : ''}`,
      ).finish();
    });
    acuteVisits(b, pcp, r.int(1, 4));
    fluShots(b, pcp, 0.5, ADULT_VACCINE_ADMIN);
    dentalCare(b, false);
    return pcp;
  },
};
