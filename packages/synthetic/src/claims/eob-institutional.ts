import type { CodeableConcept, ExplanationOfBenefit, ExplanationOfBenefitDiagnosis } from 'fhir/r4';
import { sumAmounts } from './adjudicate.ts';
import { costRuleFor } from './benefits.ts';
import { concept, placeOfService, SYS } from './codes.ts';
import { type ClaimsContext, eobClosing, eobHeader, type EventClaim } from './eob-header.ts';
import {
  amountAdjudications,
  claimDiagnoses,
  claimType,
  isPractitioner,
  ref,
  ROLE,
  statusAdjudication,
  SupportingInfoList,
} from './eob-parts.ts';
import { ageOn, billedServices, revenueFor, stayCharges } from './lines.ts';
import { daysBetween } from '../timeline/dates.ts';

/** MS-DRGs of common admissions, by the principal diagnosis's ICD-10-CM category. */
const DRG_BY_DIAGNOSIS: readonly (readonly [RegExp, string, string])[] = [
  [/^(O80|O70|Z37|O60)/, '807', 'Vaginal delivery without sterilization or D&C without CC/MCC'],
  [/^O82/, '788', 'Cesarean section without sterilization without CC/MCC'],
  [/^J18/, '194', 'Simple pneumonia and pleurisy with CC'],
  [/^J44/, '191', 'Chronic obstructive pulmonary disease with CC'],
  [/^I50/, '292', 'Heart failure and shock with CC'],
  [/^I48/, '309', 'Cardiac arrhythmia and conduction disorders with CC'],
  [/^I21/, '281', 'Acute myocardial infarction, discharged alive with CC'],
  [/^I63/, '065', 'Intracranial hemorrhage or cerebral infarction with CC or tPA in 24 hrs'],
  [/^E1[01]/, '638', 'Diabetes with CC'],
  [/^N39/, '690', 'Kidney and urinary tract infections without MCC'],
  [/^S72/, '481', 'Hip and femur procedures except major joint with CC'],
  [/^(A41|R65)/, '872', 'Septicemia or severe sepsis without MV >96 hours without MCC'],
];

const nubc = (system: string, code: string, display: string): CodeableConcept => concept(system, code, display);

const INPATIENT_BILL = nubc(
  SYS.typeOfBill,
  '0111',
  'Hospital Inpatient (Including Medicare Part A) - Admit Through Discharge Claim',
);
const OUTPATIENT_BILL = nubc(SYS.typeOfBill, '0131', 'Hospital Outpatient - Admit Through Discharge Claim');
const FROM_HOME = nubc(SYS.pointOfOrigin, '1', 'Non-Health Care Facility Point of Origin');
const FROM_CLINIC = nubc(SYS.pointOfOrigin, '2', 'Clinic or Physician’s Office');
const ADMISSION_TYPE = {
  emergency: nubc(SYS.admissionType, '1', 'Emergency'),
  urgent: nubc(SYS.admissionType, '2', 'Urgent'),
  elective: nubc(SYS.admissionType, '3', 'Elective'),
};
const HOME_DISCHARGE = nubc(SYS.dischargeStatus, '01', 'Discharged to home or self care (routine discharge)');

const diagnosisType = {
  principal: () => concept(SYS.diagnosisType, 'principal', 'Principal Diagnosis'),
  admitting: () => concept(SYS.diagnosisType, 'admitting', 'Admitting Diagnosis'),
  other: () => concept(SYS.c4bbDiagnosisType, 'other', 'Other'),
  reason: () => concept(SYS.c4bbDiagnosisType, 'patientreasonforvisit', 'Patient Reason for Visit'),
};

/**
 * Renders an institutional (UB-04) claim: C4BB Inpatient Institutional for an admission, Outpatient
 * Institutional for an emergency visit, outpatient surgery or hospital clinic visit. Amounts sit on the
 * lines only (the profiles allow line or header amounts, not both).
 */
export function renderInstitutional(ctx: ClaimsContext, claim: EventClaim): ExplanationOfBenefit {
  const { event, rng, dates } = claim;
  const inpatient = event.claim === 'inpatient-institutional';
  const provider = ref(event.organization);
  const header = eobHeader(
    ctx,
    claim,
    inpatient ? 'Inpatient-Institutional' : 'Outpatient-Institutional',
    claimType('institutional'),
    provider,
    inpatient
      ? concept(SYS.c4bbInstitutionalSubType, 'inpatient', 'Inpatient')
      : concept(SYS.c4bbInstitutionalSubType, 'outpatient', 'Outpatient'),
  );
  const emergency = event.kind === 'emergency';

  const info = new SupportingInfoList();
  if (inpatient) info.add('admissionperiod', { timingPeriod: { start: event.start, end: event.end } });
  info.add('clmrecvddate', { timingDate: dates.received });
  info.add('typeofbill', { code: inpatient ? INPATIENT_BILL : OUTPATIENT_BILL });
  info.add('pointoforigin', { code: emergency || inpatient ? FROM_HOME : FROM_CLINIC });
  const admission = emergency ? 'emergency' : event.kind === 'delivery' ? 'urgent' : inpatient ? 'urgent' : 'elective';
  info.add('admtype', { code: ADMISSION_TYPE[admission] });
  info.add('discharge-status', { code: HOME_DISCHARGE });
  const adult = ageOn(ctx.timeline.person.birthDate, dates.start) >= 18;
  const codes = claimDiagnoses(event.diagnoses, adult ? 'adult' : 'child');
  const principal = codes[0];
  const drg = inpatient ? DRG_BY_DIAGNOSIS.find(([re]) => re.test(principal?.coding?.[0]?.code ?? '')) : undefined;
  if (drg) info.add('drg', { code: concept(SYS.msDrg, drg[1], drg[2]) });
  info.add('patientaccountnumber', {
    valueString: `${rng.int(10, 99)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
  });

  const diagnosis: ExplanationOfBenefitDiagnosis[] = codes.map((code, i) => ({
    sequence: i + 1,
    diagnosisCodeableConcept: code,
    type: [i === 0 ? diagnosisType.principal() : diagnosisType.other()],
  }));
  if (principal && inpatient) {
    diagnosis.push({
      sequence: diagnosis.length + 1,
      diagnosisCodeableConcept: principal,
      type: [diagnosisType.admitting()],
    });
  } else if (principal && emergency) {
    diagnosis.push({
      sequence: diagnosis.length + 1,
      diagnosisCodeableConcept: principal,
      type: [diagnosisType.reason()],
    });
  }

  const services = [
    ...(inpatient ? stayCharges(event, daysBetween(dates.start, dates.end), rng) : []),
    ...billedServices(event, 'institutional'),
  ];
  const ratio = 0.38 + rng.next() * 0.24;
  const rule = costRuleFor(event, ctx.design, true);
  const amounts = ctx.ledger.adjudicate(
    dates.start.slice(0, 4),
    services.map((s) => ({ submitted: s.chargeCents, allowedRatio: ratio, rule })),
  );
  const where = placeOfService(inpatient ? 'inpatient' : emergency ? 'emergency' : 'outpatient');

  const closing = eobClosing(ctx, claim, sumAmounts(amounts));
  const attending = isPractitioner(event.practitioner);

  return {
    ...header,
    ...(attending ? { careTeam: [{ sequence: 1, provider: ref(event.practitioner), role: ROLE.attending() }] } : {}),
    supportingInfo: info.entries,
    diagnosis,
    insurance: closing.insurance,
    item: services.map((service, i) => ({
      sequence: i + 1,
      ...(attending ? { careTeamSequence: [1] } : {}),
      diagnosisSequence: [1],
      revenue: revenueFor(service, event),
      productOrService: service.code,
      ...(inpatient ? { servicedPeriod: { start: dates.start, end: dates.end } } : { servicedDate: dates.start }),
      locationCodeableConcept: where,
      quantity: { value: service.units ?? 1 },
      adjudication: amountAdjudications(amounts[i] ?? sumAmounts([])),
    })),
    adjudication: [statusAdjudication('billingnetworkstatus'), statusAdjudication('benefitpaymentstatus')],
    total: closing.total,
    payment: closing.payment,
  };
}
