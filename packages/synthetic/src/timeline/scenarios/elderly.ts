import type { ConditionEntry } from '../../model.ts';
import { SYSTEMS } from '../../terminology.ts';
import type { Provider, TimelineBuilder } from '../builder.ts';
import { dentalCare, fills, fluShots, smokingStatus } from '../common.ts';
import { addDays, addYears, ageOn, weekdayOnOrAfter } from '../dates.ts';
import { draft } from '../events.ts';
import { adultBody, adultVitals, bloodCount, egfr, lipidPanel, metabolicPanel } from '../labs.ts';
import { SPECIALTY } from '../specialties.ts';
import { hospitalCare } from './hospital.ts';
import { hypertensionPlan } from '../care-plans.ts';
import { priorCoronaryStent, priorKneeReplacement } from '../implants.ts';
import type { Scenario } from './types.ts';

/** The chronic problems of an older member. */
export interface ElderlyProblems {
  hypertension: ConditionEntry;
  hyperlipidemia?: ConditionEntry;
  heartFailure?: ConditionEntry;
  afib?: ConditionEntry;
  heartBlock?: ConditionEntry;
  ckd?: ConditionEntry;
  copd?: ConditionEntry;
  osteoarthritis?: ConditionEntry;
}

function problems(b: TimelineBuilder): ElderlyProblems {
  const r = b.rng.fork('problems');
  const past = (minYears: number, maxYears: number): string =>
    addDays(b.windowStart, -r.int(minYears * 365, maxYears * 365));
  const p: ElderlyProblems = { hypertension: b.condition('I10', past(3, 20)) };
  if (r.chance(0.8)) p.hyperlipidemia = b.condition('E78.5', past(2, 15));
  const cardiac = r.weighted([
    ['chf', 35],
    ['afib', 35],
    ['both', 30],
  ] as const);
  if (cardiac !== 'afib') p.heartFailure = b.condition(r.chance(0.6) ? 'I50.22' : 'I50.32', past(0, 6));
  if (cardiac !== 'chf') p.afib = b.condition(r.chance(0.5) ? 'I48.0' : 'I48.91', past(0, 6));
  if (p.afib && r.chance(0.4)) p.heartBlock = b.condition('I44.2', addDays(b.windowStart, r.int(120, 900)));
  if (r.chance(0.7))
    p.ckd = b.condition(
      r.weighted([
        ['N18.31', 45],
        ['N18.32', 35],
        ['N18.4', 20],
      ] as const),
      past(0, 5),
    );
  if (r.chance(0.4)) p.copd = b.condition('J44.9', past(1, 10));
  // Without heart block (and so a pacemaker) the member's implant is an earlier knee replacement: the
  // arthritis that remains is in the other knee.
  const knees = p.heartBlock ? ['M17.0', 'M17.11', 'M17.12'] : ['M17.11', 'M17.12'];
  if (r.chance(0.5)) p.osteoarthritis = b.condition(r.pick(knees), past(1, 12));
  return p;
}

/** Creatinine typical of the CKD stage (or of normal kidneys). */
function creatinineFor(b: TimelineBuilder, ckd: ConditionEntry | undefined): number {
  const r = b.rng.fork('creatinine');
  const stage = ckd?.icd10.code;
  const base = stage === 'N18.4' ? 2.6 : stage === 'N18.32' ? 1.9 : stage === 'N18.31' ? 1.5 : 1.0;
  return base * (b.person.sex === 'female' ? 0.85 : 1) + r.normal(0, 0.08);
}

/** Specialist follow-up (cardiology, nephrology, pulmonology) on a schedule. */
function specialistVisits(b: TimelineBuilder, p: ElderlyProblems, creatinine: number): void {
  const r = b.rng.fork('specialists');
  const plan: { role: string; specialty: string; problems: ConditionEntry[]; every: number; note: string }[] = [];
  const cardiac = [p.heartFailure, p.afib, p.heartBlock].filter((c): c is ConditionEntry => c !== undefined);
  if (cardiac.length > 0)
    plan.push({
      role: 'cardiology',
      specialty: SPECIALTY.cardiology,
      problems: cardiac,
      every: 182,
      note: 'Cardiology follow-up.',
    });
  if (p.ckd)
    plan.push({
      role: 'nephrology',
      specialty: SPECIALTY.nephrology,
      problems: [p.ckd, p.hypertension],
      every: 365,
      note: 'Nephrology follow-up for chronic kidney disease.',
    });
  if (p.copd)
    plan.push({
      role: 'pulmonology',
      specialty: SPECIALTY.pulmonology,
      problems: [p.copd],
      every: 365,
      note: 'Pulmonology follow-up for COPD.',
    });
  for (const s of plan) {
    const doctor = b.provider(s.role, s.specialty);
    let n = 0;
    for (
      let day = addDays(b.coverageStart, r.int(20, s.every));
      day <= b.asOf;
      day = addDays(day, s.every + r.int(-20, 20))
    ) {
      const date = weekdayOnOrAfter(day);
      const d = draft(b, {
        label: `${s.role}-${n}`,
        kind: 'office',
        claim: 'professional',
        date,
        provider: doctor,
        encounterType: '390906007',
        minutes: 30,
      });
      for (const c of s.problems) d.dx(c);
      d.cpt(r.chance(0.6) ? '99214' : '99215');
      if (s.role === 'cardiology') {
        d.cpt('93000', { snomed: '268400002', clinical: true });
        if (n % 2 === 0 && p.heartFailure) d.cpt('93306', { snomed: '40701008', clinical: true });
        if (p.heartFailure) d.cpt('83880').cpt('36415').quantity('33762-6', r.normal(900, 350));
      }
      if (s.role === 'nephrology') {
        const cr = creatinine + r.normal(0, 0.1);
        d.cpt('80053').cpt('36415').cpt('82043').cpt('82570');
        metabolicPanel(d, {
          glucose: r.normal(104, 12),
          creatinine: cr,
          egfr: egfr(cr, ageOn(b.person.birthDate, date), b.person.sex),
        });
        d.quantity('14959-1', Math.max(10, r.normal(120, 60)));
      }
      if (s.role === 'pulmonology')
        d.cpt('94010', { snomed: '127783003', clinical: true }).quantity('59408-5', r.normal(94, 1.5));
      d.note(`${s.note} Symptoms stable on current medications; plan reviewed with the patient.`).finish();
      n++;
    }
  }
}

/** The chronic medications and their 90-day fills. */
function chronicMeds(b: TimelineBuilder, pcp: Provider, p: ElderlyProblems): void {
  const cardio = p.heartFailure || p.afib ? b.provider('cardiology', SPECIALTY.cardiology) : pcp;
  const from = b.coverageStart;
  const r = b.rng.fork('meds');
  fills(b, { label: 'lisinopril', rxnorm: '314076', prescriber: pcp, reason: p.hypertension, from, daysSupply: 90 });
  // Amlodipine is the usual add-on when lisinopril alone does not control the pressure.
  if (!p.hyperlipidemia || r.chance(0.4))
    fills(b, { label: 'amlodipine', rxnorm: '197361', prescriber: pcp, reason: p.hypertension, from, daysSupply: 90 });
  if (p.hyperlipidemia)
    fills(b, {
      label: 'statin',
      rxnorm: r.pick(['617311', '617310', '617312']),
      prescriber: pcp,
      reason: p.hyperlipidemia,
      from,
      daysSupply: 90,
    });
  if (p.heartFailure)
    fills(b, {
      label: 'furosemide',
      rxnorm: '313988',
      prescriber: cardio,
      reason: p.heartFailure,
      from: p.heartFailure.onset > from ? p.heartFailure.onset : from,
      daysSupply: 90,
    });
  if (p.afib)
    fills(b, {
      label: 'apixaban',
      rxnorm: '1364445',
      prescriber: cardio,
      reason: p.afib,
      from: p.afib.onset > from ? p.afib.onset : from,
      daysSupply: 90,
      lateRate: 0.05,
    });
  if (p.copd) {
    const pulm = b.provider('pulmonology', SPECIALTY.pulmonology);
    fills(b, {
      label: 'advair',
      rxnorm: '896209',
      prescriber: pulm,
      reason: p.copd,
      from,
      daysSupply: 30,
      lateRate: 0.25,
    });
    fills(b, {
      label: 'albuterol',
      rxnorm: '745679',
      prescriber: pulm,
      reason: p.copd,
      from,
      daysSupply: 90,
      lateRate: 0.4,
    });
  }
}

/**
 * An older member (70 to 90) with hypertension, usually high cholesterol, heart failure and/or atrial
 * fibrillation, often chronic kidney disease and COPD: quarterly primary care, specialists, many 90-day
 * fills, an emergency visit that leads to an admission, an outpatient procedure (a pacemaker when
 * there is heart block; otherwise an earlier knee replacement or coronary stent is on record), Medicare-style
 * wellness visits, vaccines and a care plan for heart failure or blood pressure.
 */
export const elderlyMultimorbid: Scenario = {
  person: { minAge: 70, maxAge: 90 },
  build(b) {
    const r = b.rng.fork('elderly');
    const pcp = b.provider('pcp', r.chance(0.5) ? SPECIALTY.internalMedicine : SPECIALTY.familyMedicine);
    const p = problems(b);
    if (!p.heartBlock) {
      if (p.osteoarthritis) priorKneeReplacement(b, p.osteoarthritis.icd10.code === 'M17.11' ? 'left' : 'right');
      else priorCoronaryStent(b);
    }
    const body = adultBody(r, b.person.sex, r.normal(28, 4), r.normal(138, 8));
    const creatinine = creatinineFor(b, p.ckd);
    const chronic = Object.values(p).filter((c): c is ConditionEntry => c !== undefined);
    const smoking = p.copd ? r.pick(['8517006', '449868002'] as const) : r.pick(['266919005', '8517006'] as const);

    let n = 0;
    for (let day = addDays(b.coverageStart, r.int(5, 60)); day <= b.asOf; day = addDays(day, r.int(80, 100)), n++) {
      const date = weekdayOnOrAfter(day);
      const annual = n % 4 === 0;
      const age = ageOn(b.person.birthDate, date);
      const d = draft(b, {
        label: `pcp-${n}`,
        kind: annual ? 'wellness' : 'office',
        claim: 'professional',
        date,
        provider: pcp,
        encounterType: annual ? '185349003' : '390906007',
        minutes: annual ? 45 : 25,
      });
      for (const c of chronic) if (c.onset <= date) d.dx(c);
      d.bill(
        annual ? SYSTEMS.hcpcs : SYSTEMS.cpt,
        annual ? (n === 0 ? 'G0438' : 'G0439') : r.chance(0.6) ? '99214' : '99215',
      );
      adultVitals(d, body, r.normal(0, 1.5));
      if (annual) {
        smokingStatus(d, smoking);
        d.cpt('36415').cpt('80053').cpt('85025');
        metabolicPanel(d, {
          glucose: r.normal(102, 10),
          creatinine: creatinine + r.normal(0, 0.08),
          egfr: egfr(creatinine, age, b.person.sex),
        });
        bloodCount(d, b.person.sex, b.person.sex === 'male' ? r.normal(13.2, 1) : r.normal(12.1, 0.9));
        if (p.hyperlipidemia) {
          d.cpt('80061');
          lipidPanel(d, { ldl: r.normal(88, 18), hdl: r.normal(47, 8), triglycerides: r.normal(140, 35) });
        }
      }
      d.note(
        annual
          ? 'Annual wellness visit. Medications reconciled, fall risk and cognition screened, advance care planning discussed.'
          : 'Chronic care follow-up. Blood pressure and symptoms reviewed; medications continued.',
      ).finish();
    }

    specialistVisits(b, p, creatinine);
    chronicMeds(b, pcp, p);
    hospitalCare(b, pcp, p);
    fluShots(b, pcp, 0.8, { system: SYSTEMS.hcpcs, code: 'G0008' });
    const pneumo = draft(b, {
      label: 'ppsv23',
      kind: 'immunization',
      claim: 'professional',
      date: weekdayOnOrAfter(addDays(b.coverageStart, r.int(30, 600))),
      provider: pcp,
      encounterType: '33879002',
      minutes: 15,
    });
    pneumo
      .dx('Z23')
      .vaccinate('33', SYSTEMS.hcpcs, 'G0009')
      .note('Pneumococcal polysaccharide vaccine given.')
      .finish();
    dentalCare(b, false);
    if (p.heartFailure) {
      b.carePlan = {
        title: 'Heart failure self-management plan',
        category: b.code(SYSTEMS.snomed, '735984001'),
        goals: [
          { description: b.code(SYSTEMS.loinc, '8480-6'), target: '< 130 mm[Hg]', due: addYears(b.asOf, 1) },
          {
            description: b.code(SYSTEMS.loinc, '29463-7'),
            target: 'Gain no more than 2 kg in a week',
            due: addYears(b.asOf, 1),
          },
        ],
      };
    } else b.carePlan = hypertensionPlan(b);
    return pcp;
  },
};
