import type {
  CodeableConcept,
  ExplanationOfBenefitItemAdjudication,
  ExplanationOfBenefitSupportingInfo,
  ExplanationOfBenefitTotal,
  Money,
  Reference,
} from 'fhir/r4';
import type { LineAmounts } from './adjudicate.ts';
import {
  AMOUNT_CATEGORIES,
  type AmountCategory,
  concept,
  DISCRIMINATOR_DISPLAY,
  type Discriminator,
  INFO_DISPLAY,
  SYS,
} from './codes.ts';
import type { ConditionEntry, DirectoryRef } from '../model.ts';

/** USD money from cents. */
export function usd(cents: number): Money {
  return { value: cents / 100, currency: 'USD' };
}

/** A reference into the provider directory, as the timeline gives it. */
export function ref(directory: DirectoryRef): Reference {
  return { reference: directory.reference, display: directory.display };
}

/** The amount categories every line and the header total carry, and the amount of each. */
const AMOUNT_OF: readonly (readonly [AmountCategory, (a: LineAmounts) => number])[] = [
  ['submitted', (a) => a.submitted],
  ['eligible', (a) => a.eligible],
  ['discount', (a) => a.discount],
  ['noncovered', (a) => a.noncovered],
  ['deductible', (a) => a.deductible],
  ['copay', (a) => a.copay],
  ['coinsurance', (a) => a.coinsurance],
  ['benefit', (a) => a.paid],
  ['paidtoprovider', (a) => a.paid],
  ['paidbypatient', (a) => a.patient],
  ['memberliability', (a) => a.patient],
];

function amountCategory(category: AmountCategory): CodeableConcept {
  const [system, display] = AMOUNT_CATEGORIES[category];
  return concept(system, category, display);
}

/** Line adjudication (the adjudicationamounttype slice) for each amount category. */
export function amountAdjudications(amounts: LineAmounts): ExplanationOfBenefitItemAdjudication[] {
  return AMOUNT_OF.map(([category, of]) => ({ category: amountCategory(category), amount: usd(of(amounts)) }));
}

/** Header totals (the total:adjudicationamounttype slice). */
export function totals(amounts: LineAmounts): ExplanationOfBenefitTotal[] {
  return AMOUNT_OF.map(([category, of]) => ({ category: amountCategory(category), amount: usd(of(amounts)) }));
}

/** A network or benefit-payment status adjudication; every directory provider is in the plan's network. */
export function statusAdjudication(kind: Discriminator): ExplanationOfBenefitItemAdjudication {
  return {
    category: concept(SYS.c4bbAdjudicationDiscriminator, kind, DISCRIMINATOR_DISPLAY[kind]),
    reason: concept(SYS.c4bbPayerAdjudicationStatus, 'innetwork', 'In Network'),
  };
}

/** Supporting information entries, numbered in the order they are added. */
export class SupportingInfoList {
  readonly entries: ExplanationOfBenefitSupportingInfo[] = [];

  /** Adds an entry of a C4BBSupportingInfoType category and returns its sequence. */
  add(category: string, fields: Omit<ExplanationOfBenefitSupportingInfo, 'sequence' | 'category'>): number {
    const sequence = this.entries.length + 1;
    const display = INFO_DISPLAY[category];
    this.entries.push({ sequence, category: concept(SYS.c4bbSupportingInfo, category, display), ...fields });
    return sequence;
  }
}

/** ICD-10-CM codes for claims whose event carries no diagnosis (routine care), by age band. */
const ROUTINE_DIAGNOSIS = {
  adult: ['Z00.00', 'Encounter for general adult medical examination without abnormal findings'],
  child: ['Z00.129', 'Encounter for routine child health examination without abnormal findings'],
  dental: ['Z01.20', 'Encounter for dental examination and cleaning without abnormal findings'],
  immunization: ['Z23', 'Encounter for immunization'],
} as const;

/** The ICD-10-CM codes of a claim, principal first, without repeats. */
export function claimDiagnoses(
  diagnoses: readonly ConditionEntry[],
  fallback: keyof typeof ROUTINE_DIAGNOSIS,
): CodeableConcept[] {
  const seen = new Set<string>();
  const out: CodeableConcept[] = [];
  for (const d of diagnoses) {
    if (seen.has(d.icd10.code)) continue;
    seen.add(d.icd10.code);
    out.push(concept(SYS.icd10cm, d.icd10.code, d.icd10.display));
  }
  if (out.length === 0) {
    const [code, display] = ROUTINE_DIAGNOSIS[fallback];
    out.push(concept(SYS.icd10cm, code, display));
  }
  return out;
}

/** The claim type and its display. */
export function claimType(code: 'institutional' | 'professional' | 'pharmacy' | 'oral'): CodeableConcept {
  const display = { institutional: 'Institutional', professional: 'Professional', pharmacy: 'Pharmacy', oral: 'Oral' };
  return concept(SYS.claimType, code, display[code]);
}

/** Care team roles of CARIN BB and terminology.hl7.org. */
export const ROLE = {
  attending: () => concept(SYS.c4bbCareTeamRole, 'attending', 'Attending'),
  rendering: () => concept(SYS.c4bbCareTeamRole, 'rendering', 'Rendering provider'),
  prescribing: () => concept(SYS.c4bbCareTeamRole, 'prescribing', 'Prescribing provider'),
  primary: () => concept(SYS.careTeamRole, 'primary', 'Primary provider'),
};

/** Whether a directory reference points at a Practitioner (care team roles that require one). */
export function isPractitioner(directory: DirectoryRef): boolean {
  return directory.reference.startsWith('Practitioner/');
}

/** The NUCC qualification of a practitioner, when the directory gave their specialty. */
export function qualification(directory: DirectoryRef): CodeableConcept | undefined {
  const s = directory.specialty;
  return s && s.system === SYS.nucc ? concept(s.system, s.code, s.display) : undefined;
}
