import type { ConditionEntry } from '../../model.ts';
import { SYSTEMS } from '../../terminology.ts';
import type { Provider, TimelineBuilder } from '../builder.ts';
import { dentalCare, fills, fluShots, smokingStatus } from '../common.ts';
import { addDays, addMonths, addYears, ageOn, maxDate, weekdayOnOrAfter } from '../dates.ts';
import { draft } from '../events.ts';
import { adultBody, adultVitals, egfr, lipidPanel, metabolicPanel } from '../labs.ts';
import { SPECIALTY } from '../specialties.ts';
import { ADULT_VACCINE_ADMIN } from './acute.ts';
import { addAllergies } from './allergies.ts';
import { dentalImplant, priorCoronaryStent } from '../implants.ts';
import type { Scenario } from './types.ts';

/** RxNorm 3 mL insulin glargine 100 units/mL pen (Lantus SoloStar is the package dispensed). */
const INSULIN_GLARGINE = '847230';

/** HbA1c over time: high at diagnosis, settling towards the member's own steady level. */
function a1cCurve(b: TimelineBuilder): (date: string) => number {
  const r = b.rng.fork('a1c');
  const start = r.normal(8.7, 0.4);
  const steady = r.chance(0.2) ? r.normal(8.3, 0.4) : r.normal(7.1, 0.3);
  return (date) => {
    const years = Math.max(0, (Date.parse(date) - Date.parse(b.coverageStart)) / (365.25 * 86_400_000));
    const value = steady + (start - steady) * Math.exp(-years * 1.6) + r.normal(0, 0.2);
    return Math.min(9.5, Math.max(6.5, value));
  };
}

interface Problems {
  diabetes: ConditionEntry;
  hyperlipidemia?: ConditionEntry;
  hypertension?: ConditionEntry;
  obesity?: ConditionEntry;
}

function problems(b: TimelineBuilder, onset: string, bmi: number): Problems {
  const r = b.rng.fork('problems');
  const diabetes = b.condition(r.chance(0.6) ? 'E11.9' : 'E11.65', onset);
  const out: Problems = { diabetes };
  if (r.chance(0.65)) out.hyperlipidemia = b.condition('E78.5', addDays(onset, r.int(-900, 0)));
  if (r.chance(0.55)) out.hypertension = b.condition('I10', addDays(onset, r.int(-1200, 0)));
  if (bmi >= 30) out.obesity = b.condition('E66.9', addDays(onset, r.int(-1500, -100)));
  return out;
}

/** Eye exams of a diabetic, most years. */
function eyeExams(b: TimelineBuilder, diabetes: ConditionEntry): void {
  const r = b.rng.fork('eyes');
  const eyeDoctor = b.provider('eye', r.chance(0.6) ? SPECIALTY.ophthalmology : SPECIALTY.optometry);
  let n = 0;
  // The first exam comes soon after diagnosis or joining the plan (ADA: at diagnosis, then yearly); most
  // members keep up with the yearly ones.
  const first = maxDate(addDays(b.coverageStart, r.int(30, 300)), addDays(diabetes.onset, r.int(14, 60)));
  for (let day = first; day <= b.asOf; day = addDays(day, r.int(330, 450))) {
    if (n > 0 && !r.chance(0.7)) continue;
    draft(b, {
      label: `eye-${n++}`,
      kind: 'office',
      claim: 'professional',
      date: weekdayOnOrAfter(day),
      provider: eyeDoctor,
      encounterType: '36228007',
      minutes: 45,
    })
      .dx(diabetes)
      .cpt('92014', { snomed: '36228007', clinical: true })
      .cpt('92250', { clinical: true })
      .note('Dilated diabetic eye exam. No diabetic retinopathy in either eye. Repeat in one year.')
      .finish();
  }
}

/**
 * An adult (40 to 75) with type 2 diabetes diagnosed some years back: visits about every three months
 * alternating primary care and endocrinology, HbA1c trending down into the 6.5-9.5% band, glucose, yearly
 * lipids and kidney labs, metformin filled every 30 or 90 days (basal insulin added when HbA1c stays high),
 * often a statin and an ACE inhibitor, yearly eye exams, an implant (a coronary stent from earlier heart
 * disease, or a dental implant) and a care plan with an HbA1c goal below 7%.
 */
export const diabetes: Scenario = {
  person: { minAge: 40, maxAge: 75 },
  build(b) {
    const r = b.rng.fork('diabetes');
    const pcp = b.provider('pcp', r.chance(0.6) ? SPECIALTY.familyMedicine : SPECIALTY.internalMedicine);
    const endo: Provider | undefined = r.chance(0.75)
      ? b.provider('endocrinology', SPECIALTY.endocrinology)
      : undefined;
    const body = adultBody(r, b.person.sex, r.normal(31, 4), r.normal(132, 8));
    addAllergies(b, 0.2);
    const onset = addDays(b.asOf, -r.int(400, 3650));
    const p = problems(b, onset, body.bmi);
    const a1c = a1cCurve(b);
    const supply = r.chance(0.55) ? 90 : 30;
    const metformin = r.chance(0.7) ? '861007' : '860975';
    const smoking = r.weighted([
      ['266919005', 55],
      ['8517006', 33],
      ['449868002', 12],
    ] as const);
    const creatinine = b.person.sex === 'male' ? r.normal(1.02, 0.12) : r.normal(0.82, 0.1);

    let day = maxDate(addDays(onset, 2), addDays(b.coverageStart, r.int(5, 60)));
    let titrated: string | undefined;
    let insulin: string | undefined;
    for (let n = 0; day <= b.asOf; n++, day = addDays(day, r.int(80, 105))) {
      const date = weekdayOnOrAfter(day);
      const first = n === 0;
      const withEndo = endo !== undefined && n % 2 === 1;
      const value = a1c(date);
      const age = ageOn(b.person.birthDate, date);
      const d = draft(b, {
        label: `dm-visit-${n}`,
        kind: 'office',
        claim: 'professional',
        date,
        provider: withEndo ? endo : pcp,
        encounterType: first ? '185345009' : '390906007',
        minutes: 25,
      });
      d.dx(p.diabetes);
      for (const other of [p.hypertension, p.hyperlipidemia, p.obesity]) if (other) d.dx(other);
      d.cpt(value > 8.5 || withEndo ? '99214' : r.chance(0.7) ? '99214' : '99213');
      d.cpt('36415').cpt('83036').cpt('82947');
      adultVitals(d, body, -0.6 * n * r.next());
      d.quantity('4548-4', value).quantity('2345-7', 60 + value * 12 + r.normal(0, 12));
      if (n % 4 === 0) {
        smokingStatus(d, smoking);
        d.cpt('80053').cpt('80061').cpt('82043').cpt('82570');
        const cr = creatinine + r.normal(0, 0.05);
        metabolicPanel(d, {
          glucose: 60 + value * 12 + r.normal(0, 10),
          creatinine: cr,
          egfr: egfr(cr, age, b.person.sex),
        });
        lipidPanel(d, {
          ldl: p.hyperlipidemia ? r.normal(105, 20) : r.normal(92, 15),
          hdl: r.normal(44, 7),
          triglycerides: r.normal(175, 40),
        });
        d.quantity('14959-1', Math.max(4, r.normal(18, 9)));
      }
      if (first) {
        d.prescribe(metformin, { daysSupply: supply, refills: supply === 90 ? 3 : 11 });
        if (p.hyperlipidemia) d.prescribe('617310', { daysSupply: 90, refills: 3 });
        if (p.hypertension) d.prescribe('314076', { daysSupply: 90, refills: 3 });
      }
      if (!first && !titrated && value > 8 && r.chance(0.6)) {
        titrated = date;
        d.prescribe('861004', { daysSupply: supply, refills: supply === 90 ? 3 : 11 });
      } else if (titrated && !insulin && date > addDays(titrated, 150) && value > 8 && r.chance(0.7)) {
        // Still above 8% months after the full metformin dose: basal insulin is added (ADA standards).
        insulin = date;
        d.prescribe(INSULIN_GLARGINE, { daysSupply: 30, refills: 11 });
      }
      const change =
        titrated === date
          ? ' Metformin increased to 1000 mg twice daily.'
          : insulin === date
            ? ' Basal insulin glargine started at 40 units at bedtime; hypoglycemia precautions reviewed.'
            : ' Continue current regimen.';
      d.note(
        `${withEndo ? 'Endocrinology' : 'Primary care'} follow-up for type 2 diabetes. HbA1c ${value.toFixed(1)}% (goal < 7%).${change} Reviewed diet, activity and home glucose readings.`,
      ).finish();
    }

    const fillsFrom = maxDate(addDays(onset, 2), b.coverageStart);
    fills(b, {
      label: 'metformin',
      rxnorm: metformin,
      prescriber: pcp,
      reason: p.diabetes,
      from: fillsFrom,
      to: titrated ? addDays(titrated, -1) : undefined,
      daysSupply: supply,
    });
    if (titrated)
      fills(b, {
        label: 'metformin-1000',
        rxnorm: '861004',
        prescriber: endo ?? pcp,
        reason: p.diabetes,
        from: titrated,
        daysSupply: supply,
      });
    if (insulin)
      fills(b, {
        label: 'insulin',
        rxnorm: INSULIN_GLARGINE,
        prescriber: endo ?? pcp,
        reason: p.diabetes,
        from: insulin,
        daysSupply: 30,
      });
    if (p.hyperlipidemia)
      fills(b, {
        label: 'atorvastatin',
        rxnorm: '617310',
        prescriber: pcp,
        reason: p.hyperlipidemia,
        from: fillsFrom,
        daysSupply: 90,
        lateRate: 0.2,
      });
    if (p.hypertension)
      fills(b, {
        label: 'lisinopril',
        rxnorm: '314076',
        prescriber: pcp,
        reason: p.hypertension,
        from: fillsFrom,
        daysSupply: 90,
      });

    eyeExams(b, p.diabetes);
    fluShots(b, pcp, 0.65, ADULT_VACCINE_ADMIN);
    dentalCare(b, false);
    // Coronary disease is common in older diabetics with hypertension or high cholesterol; a younger member's
    // implant is dental (periodontal disease and tooth loss come with diabetes).
    if (ageOn(b.person.birthDate, b.asOf) >= 55 && (p.hypertension || p.hyperlipidemia)) priorCoronaryStent(b);
    else dentalImplant(b);
    b.carePlan = {
      title: 'Diabetes self-management plan',
      category: b.code(SYSTEMS.snomed, '698360004'),
      goals: [
        { description: b.code(SYSTEMS.loinc, '4548-4'), target: '< 7.0 %', due: addMonths(b.asOf, 6) },
        ...(p.hypertension
          ? [{ description: b.code(SYSTEMS.loinc, '8480-6'), target: '< 130 mm[Hg]', due: addYears(b.asOf, 1) }]
          : []),
      ],
    };
    return pcp;
  },
};
