import { ageOn } from '../dates.ts';
import { dentalCare, fluShots, smokingStatus, yearly } from '../common.ts';
import { draft } from '../events.ts';
import { adultBody, adultVitals, bloodCount, lipidPanel, metabolicPanel } from '../labs.ts';
import { SPECIALTY } from '../specialties.ts';
import { acuteVisits, ADULT_VACCINE_ADMIN } from './acute.ts';
import { addAllergies } from './allergies.ts';
import { preventivePlan } from '../care-plans.ts';
import { dentalImplant, placeIud } from '../implants.ts';
import type { Scenario } from './types.ts';

/** Preventive-visit CPT code by age (established patient) for adults. */
export function adultPreventiveCode(age: number, first: boolean): string {
  const base = first ? 9938 : 9939;
  return `${base}${age < 40 ? 5 : age < 65 ? 6 : 7}`;
}

/**
 * A healthy adult (20 to 60): a physical most years with labs some years, a few sick visits (at least one
 * treated with a short antibiotic course), flu shots, dental cleanings twice a year, an implant (an IUD for
 * a younger woman, else a dental implant) and a preventive care plan.
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
      // Labs at the first physical (a baseline), then at about every other one.
      const labs = i === 0 || r.chance(0.5);
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
      // A woman of reproductive age chooses a levonorgestrel IUD at her first physical in the plan.
      const iud = i === 0 && b.person.sex === 'female' && age >= 18 && age <= 45;
      if (iud) placeIud(b, d);
      d.note(
        `Annual physical. No acute complaints. Counseled on diet, exercise and age-appropriate screening.${labs ? ' Routine labs drawn.' : ''}${iud ? ' Contraception discussed; levonorgestrel IUD placed without complication.' : ''}`,
      ).finish();
    });
    acuteVisits(b, pcp, r.int(1, 4), { antibiotic: true });
    fluShots(b, pcp, 0.5, ADULT_VACCINE_ADMIN);
    dentalCare(b, false);
    if (b.devices.length === 0) dentalImplant(b);
    b.carePlan = preventivePlan(b, smoking);
    return pcp;
  },
};
