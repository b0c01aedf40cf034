import { SYSTEMS } from '../../terminology.ts';
import { dentalCare, fluShots } from '../common.ts';
import { addDays, weekdayOnOrAfter } from '../dates.ts';
import { draft } from '../events.ts';
import { adultBody, bloodCount } from '../labs.ts';
import { SPECIALTY } from '../specialties.ts';
import { acuteVisits, ADULT_VACCINE_ADMIN } from './acute.ts';
import { addAllergies } from './allergies.ts';
import { antenatalPlan } from '../care-plans.ts';
import { placeIud } from '../implants.ts';
import type { Scenario } from './types.ts';

/** Gestational weeks of the scheduled visits (ACOG: every 4 weeks to 28, every 2 to 36, then weekly). */
const VISIT_WEEKS = [12, 16, 20, 24, 28, 30, 32, 34, 36, 37, 38, 39, 40] as const;
/** Weeks that have a Z3A code in our ICD-10-CM list. */
const Z3A_WEEKS = [8, 12, 16, 20, 24, 28, 30, 32, 34, 36, 37, 38, 39, 40] as const;

function z3a(weeks: number): string {
  const w = [...Z3A_WEEKS].reverse().find((x) => x <= weeks) ?? 8;
  return `Z3A.${String(w).padStart(2, '0')}`;
}

/**
 * A woman (20 to 40) who had a baby in the last two years: a positive pregnancy test, prenatal visits at
 * the usual weeks with ultrasounds, a glucose challenge and Tdap, a delivery admission (vaginal or
 * cesarean, billed as global obstetric care on an inpatient institutional claim), a postpartum visit where a
 * levonorgestrel IUD is placed, and the completed antenatal care plan.
 */
export const pregnancy: Scenario = {
  person: { minAge: 20, maxAge: 40, sex: 'female' },
  build(b) {
    const r = b.rng.fork('pregnancy');
    const pcp = b.provider('pcp', SPECIALTY.familyMedicine);
    const ob = b.provider('obgyn', SPECIALTY.obstetricsGynecology);
    const body = adultBody(r, 'female', r.normal(25, 3), r.normal(112, 6));
    addAllergies(b, 0.15);

    const delivery = weekdayOnOrAfter(addDays(b.asOf, -r.int(50, 700)));
    const deliveryWeeks = r.weighted([
      [37, 10],
      [38, 25],
      [39, 40],
      [40, 25],
    ] as const);
    const lmp = addDays(delivery, -(deliveryWeeks * 7 + r.int(0, 6)));
    const firstPregnancy = r.chance(0.45);
    const trimesterCode = (weeks: number): string =>
      `Z34.${firstPregnancy ? '0' : '8'}${weeks < 14 ? 1 : weeks < 28 ? 2 : 3}`;
    const pregnancyCondition = b.condition(trimesterCode(8), addDays(lmp, 35), { abatement: delivery });
    const gdm = r.chance(0.08) ? b.condition('O24.410', addDays(lmp, 26 * 7), { abatement: delivery }) : undefined;
    const cesarean = r.chance(0.32);
    const weightAt = (weeks: number): number => {
      const h = body.heightCm / 100;
      return body.bmi * h * h + Math.max(0, weeks - 12) * 0.45;
    };

    const confirm = weekdayOnOrAfter(addDays(lmp, 8 * 7 + r.int(0, 6)));
    draft(b, {
      label: 'preg-test',
      kind: 'office',
      claim: 'professional',
      date: confirm,
      provider: ob,
      encounterType: '185345009',
      minutes: 30,
    })
      .dx('Z32.01')
      .dx(z3a(8))
      .cpt('99203')
      .cpt('84703', { snomed: '252160004' })
      .cpt('84702')
      .cpt('36415')
      .coded('2106-3', '10828004', 'laboratory')
      .quantity('21198-7', r.normal(45_000, 15_000))
      .note(
        'Missed period and a positive home test. Urine and serum hCG positive. Dating by last menstrual period; prenatal care started.',
      )
      .finish();

    for (const weeks of VISIT_WEEKS) {
      if (weeks >= deliveryWeeks) break;
      const date = weekdayOnOrAfter(addDays(lmp, weeks * 7));
      const d = draft(b, {
        label: `prenatal-${weeks}w`,
        kind: 'prenatal',
        claim: 'professional',
        date,
        provider: ob,
        encounterType: '424619006',
        minutes: 20,
      });
      d.dx(weeks === 12 ? pregnancyCondition : trimesterCode(weeks)).dx(z3a(weeks));
      if (gdm && weeks >= 28) d.dx(gdm);
      d.cpt(weeks === 12 ? '0500F' : '0502F');
      d.quantity('29463-7', weightAt(weeks) + r.normal(0, 0.5)).bloodPressure(
        body.systolic + r.normal(0, 5),
        body.diastolic + r.normal(0, 4),
      );
      let note = `Routine prenatal visit at ${weeks} weeks. Fetal heart tones present. No bleeding, leaking fluid or contractions.`;
      if (weeks === 12) {
        d.cpt('76801', { snomed: '169230002', clinical: true }).cpt('85025').cpt('36415');
        bloodCount(d, 'female', r.normal(12.6, 0.7));
        note =
          'Initial prenatal visit. First-trimester ultrasound shows a single viable intrauterine pregnancy consistent with dates.';
      }
      if (weeks === 20) {
        d.cpt('76805', { snomed: '271442007', clinical: true });
        note = 'Prenatal visit at 20 weeks. Anatomy ultrasound: normal fetal anatomy, placenta posterior.';
      }
      if (weeks === 28) {
        const glucose = gdm ? r.normal(165, 12) : r.normal(112, 14);
        d.cpt('82950', { snomed: '113076002' }).cpt('36415').quantity('1504-0', glucose);
        if (b.covers(date)) d.vaccinate('115', SYSTEMS.cpt, '90471');
        note = `Prenatal visit at 28 weeks. One-hour glucose challenge ${Math.round(glucose)} mg/dL${gdm ? '; gestational diabetes, diet counseling given' : ''}. Tdap given.`;
      }
      d.note(note).finish();
    }

    const stay = cesarean ? r.int(2, 4) : r.int(1, 2);
    const admit = draft(b, {
      label: 'delivery',
      kind: 'delivery',
      claim: 'inpatient-institutional',
      date: delivery,
      provider: b.facility('hospital', ob),
      encounterType: '32485007',
      days: stay,
    });
    admit
      .dx(cesarean ? 'O82' : 'O80')
      .dx('Z37.0')
      .dx(z3a(deliveryWeeks));
    if (gdm) admit.dx(gdm);
    admit
      .cpt(cesarean ? '59510' : '59400', { snomed: cesarean ? '11466000' : '177184002', clinical: true })
      .bloodPressure(body.systolic + r.normal(6, 6), body.diastolic + r.normal(4, 4))
      .quantity('8867-4', r.normal(88, 8))
      .note(
        cesarean
          ? `Admitted at ${deliveryWeeks} weeks. Low transverse cesarean delivery of a healthy infant. Uncomplicated recovery; discharged on day ${stay}.`
          : `Admitted in labor at ${deliveryWeeks} weeks. Spontaneous vaginal delivery of a healthy infant. Discharged on day ${stay}.`,
      )
      .finish();

    const postpartum = weekdayOnOrAfter(addDays(delivery, r.int(38, 48)));
    const visit = draft(b, {
      label: 'postpartum',
      kind: 'office',
      claim: 'professional',
      date: postpartum,
      provider: ob,
      encounterType: '169762003',
      minutes: 25,
    })
      .dx('Z39.2')
      .cpt('0503F')
      .quantity('29463-7', weightAt(12) + r.normal(2.5, 1))
      .bloodPressure(body.systolic + r.normal(0, 5), body.diastolic + r.normal(0, 4));
    placeIud(b, visit)
      .note(
        'Postpartum visit. Recovering well, breastfeeding, mood screen negative. Contraception discussed; levonorgestrel IUD placed without complication.',
      )
      .finish();

    acuteVisits(b, pcp, r.int(1, 2), { antibiotic: true });
    fluShots(b, pcp, 0.55, ADULT_VACCINE_ADMIN);
    dentalCare(b, false);
    b.carePlan = antenatalPlan(b, { start: confirm, delivery, bmi: body.bmi, gestationalDiabetes: gdm !== undefined });
    return ob;
  },
};
