import type { ConditionEntry } from '../../model.ts';
import { SYSTEMS } from '../../terminology.ts';
import type { Provider, TimelineBuilder } from '../builder.ts';
import { addDays, weekdayOnOrAfter } from '../dates.ts';
import { draft } from '../events.ts';
import { bloodCount, metabolicPanel } from '../labs.ts';
import { SPECIALTY } from '../specialties.ts';
import type { ElderlyProblems } from './elderly.ts';

interface Exacerbation {
  icd: string;
  complaint: string;
  course: string;
}

function exacerbationOf(p: ElderlyProblems, pick: <T>(items: readonly T[]) => T): Exacerbation {
  const options: Exacerbation[] = [
    {
      icd: 'J18.9',
      complaint: 'fever, productive cough and shortness of breath',
      course: 'treated with intravenous antibiotics and oxygen',
    },
  ];
  if (p.heartFailure)
    options.push({
      icd: 'I50.23',
      complaint: 'worsening shortness of breath, orthopnea and leg swelling',
      course: 'diuresed with intravenous furosemide',
    });
  if (p.copd)
    options.push({
      icd: 'J44.1',
      complaint: 'increased cough, wheezing and shortness of breath',
      course: 'treated with nebulized bronchodilators and a steroid taper',
    });
  return pick(options);
}

/**
 * The hospital side of an older member's care: an emergency visit (outpatient institutional claim) that
 * leads to an inpatient admission (inpatient institutional claim), sometimes another emergency visit
 * that does not, and an outpatient procedure — a pacemaker when there is heart block.
 */
export function hospitalCare(b: TimelineBuilder, pcp: Provider, p: ElderlyProblems): void {
  const r = b.rng.fork('hospital');
  const edDoctor = b.provider('emergency', SPECIALTY.emergencyMedicine);
  const ed = b.facility('hospital', edDoctor);
  const chronic = [p.heartFailure, p.copd, p.ckd, p.afib, p.hypertension].filter(
    (c): c is ConditionEntry => c !== undefined,
  );

  const why = exacerbationOf(p, (items) => r.pick(items));
  const date = addDays(
    b.coverageStart,
    r.int(90, Math.max(91, Math.round((Date.parse(b.asOf) - Date.parse(b.coverageStart)) / 86_400_000) - 20)),
  );
  const edStart = r.int(9 * 60, 19 * 60);
  const edMinutes = r.int(180, 300);
  const visit = draft(b, {
    label: 'ed-0',
    kind: 'emergency',
    claim: 'outpatient-institutional',
    date,
    provider: ed,
    encounterType: '50849002',
    startMinute: edStart,
    minutes: edMinutes,
  });
  const problem = visit.acute(why.icd, 21);
  for (const c of chronic) visit.dx(c);
  visit
    .cpt('99285')
    .cpt('71046', { snomed: '399208008', clinical: true })
    .cpt('93000', { snomed: '268400002', clinical: true })
    .cpt('80048')
    .cpt('85025');
  if (p.heartFailure)
    visit.cpt('83880').quantity('33762-6', why.icd === 'I50.23' ? r.normal(4200, 1200) : r.normal(1100, 300));
  visit
    .quantity('8310-5', why.icd === 'J18.9' ? r.normal(38.6, 0.3) : r.normal(36.9, 0.2))
    .quantity('8867-4', r.normal(104, 8))
    .quantity('9279-1', r.normal(24, 3))
    .quantity('59408-5', r.normal(89, 2))
    .bloodPressure(r.normal(152, 12), r.normal(86, 8));
  metabolicPanel(visit, { glucose: r.normal(128, 18), creatinine: p.ckd ? r.normal(2.1, 0.3) : r.normal(1.2, 0.15) });
  bloodCount(visit, b.person.sex);
  visit.note(`Presented with ${why.complaint}. Chest X-ray and labs obtained. Admitted to the medicine service.`);
  if (visit.finish()) {
    const stay = r.int(3, 6);
    const hospitalist = b.facility('hospital', b.provider('hospitalist', SPECIALTY.hospitalist));
    const admit = draft(b, {
      label: 'admission-0',
      kind: 'inpatient',
      claim: 'inpatient-institutional',
      date,
      provider: hospitalist,
      encounterType: '183452005',
      startMinute: edStart + edMinutes + 40,
      days: stay,
    });
    admit.dx(problem);
    for (const c of chronic) admit.dx(c);
    admit
      .cpt('99223')
      .cpt('99232', { units: Math.max(1, stay - 2) })
      .cpt('99238');
    if (why.icd === 'I50.23') admit.cpt('93306', { snomed: '40701008', clinical: true });
    admit
      .quantity('59408-5', r.normal(95, 1.5))
      .note(
        `Discharge summary: admitted for ${why.complaint}, ${why.course}. Improved and discharged home on day ${stay} with primary care follow-up within a week.`,
      )
      .finish();
  }

  if (r.chance(0.5)) {
    const other = weekdayOnOrAfter(addDays(b.coverageStart, r.int(30, 1500)));
    const fall = draft(b, {
      label: 'ed-1',
      kind: 'emergency',
      claim: 'outpatient-institutional',
      date: other,
      provider: ed,
      encounterType: '50849002',
      minutes: r.int(120, 240),
    });
    fall.acute('S93.401A', 28);
    fall.cpt('99283').bloodPressure(r.normal(146, 10), r.normal(82, 6)).quantity('8867-4', r.normal(84, 8));
    fall
      .note(
        'Twisted the right ankle stepping off a curb. Able to bear weight, no bony tenderness. Splinted; discharged home.',
      )
      .finish();
  }

  outpatientProcedure(b, pcp, p);
}

function outpatientProcedure(b: TimelineBuilder, pcp: Provider, p: ElderlyProblems): void {
  const r = b.rng.fork('outpatient');
  if (p.heartBlock) {
    const date = weekdayOnOrAfter(addDays(p.heartBlock.onset, r.int(3, 20)));
    const ep = b.facility('hospital', b.provider('electrophysiology', SPECIALTY.electrophysiology));
    const event = draft(b, {
      label: 'pacemaker',
      kind: 'outpatient-surgery',
      claim: 'outpatient-institutional',
      date,
      provider: ep,
      encounterType: '32485007',
      minutes: r.int(150, 240),
    })
      .dx(p.heartBlock)
      .cpt('33208', { clinical: true })
      .bill(SYSTEMS.hcpcs, 'C1785')
      .note(
        'Dual-chamber permanent pacemaker implanted via the left subclavian vein for complete heart block. No complications; discharged the same day.',
      )
      .finish();
    if (event) {
      b.devices.push({ type: b.code(SYSTEMS.snomed, '14106009'), implanted: date });
      b.condition('Z95.0', date, { category: 'problem-list-item' });
    }
    return;
  }
  const date = weekdayOnOrAfter(addDays(b.coverageStart, r.int(60, 1700)));
  if (p.heartFailure) {
    const cardio = b.facility('hospital', b.provider('cardiology', SPECIALTY.cardiology));
    draft(b, {
      label: 'echo-hospital',
      kind: 'outpatient-surgery',
      claim: 'outpatient-institutional',
      date,
      provider: cardio,
      encounterType: '11429006',
      minutes: 60,
    })
      .dx(p.heartFailure)
      .cpt('93306', { snomed: '40701008', clinical: true })
      .note(
        'Transthoracic echocardiogram in the hospital outpatient department: reduced left ventricular ejection fraction, no significant valve disease.',
      )
      .finish();
    return;
  }
  const gi = b.facility('hospital', b.provider('gastroenterology', SPECIALTY.gastroenterology));
  draft(b, {
    label: 'colonoscopy',
    kind: 'outpatient-surgery',
    claim: 'outpatient-institutional',
    date,
    provider: gi,
    encounterType: '11429006',
    minutes: 90,
  })
    .dx('Z12.11')
    .cpt('45378', { snomed: '73761001', clinical: true })
    .note(
      `Screening colonoscopy under moderate sedation to the cecum. No polyps. Referred by ${pcp.practitioner.display}.`,
    )
    .finish();
}
