/**
 * Test helper: the CARIN BB rules the claims must keep, as checks that list what is wrong (empty = all
 * good), so the same checks run over the hand-built timeline and over real scenario timelines.
 */
import type { Coverage, ExplanationOfBenefit, Resource } from 'fhir/r4';
import { C4BB_EOB_PROFILES } from '@plan-api/fhir';
import type { MemberTimeline } from '../model.ts';

const C4BB = 'http://hl7.org/fhir/us/carin-bb/StructureDefinition/C4BB-ExplanationOfBenefit-';

/** The profile each claim type must claim. */
export const PROFILE_OF_CLAIM: Readonly<Record<string, string>> = {
  'inpatient-institutional': `${C4BB}Inpatient-Institutional`,
  'outpatient-institutional': `${C4BB}Outpatient-Institutional`,
  professional: `${C4BB}Professional-NonClinician`,
  pharmacy: `${C4BB}Pharmacy`,
  oral: `${C4BB}Oral`,
};

/** What each profile requires (min 1 slices) or the generator promises to fill (must-support slices). */
export const REQUIRED_SLICES: Readonly<
  Record<string, { supportingInfo: string[]; header: string[]; item: string[]; type: string; subType?: string }>
> = {
  [`${C4BB}Inpatient-Institutional`]: {
    type: 'institutional',
    subType: 'inpatient',
    supportingInfo: ['admissionperiod', 'clmrecvddate', 'typeofbill', 'pointoforigin', 'admtype', 'discharge-status'],
    header: ['billingnetworkstatus', 'benefitpaymentstatus'],
    item: [],
  },
  [`${C4BB}Outpatient-Institutional`]: {
    type: 'institutional',
    subType: 'outpatient',
    supportingInfo: ['clmrecvddate', 'typeofbill', 'pointoforigin', 'admtype', 'discharge-status'],
    header: ['billingnetworkstatus', 'benefitpaymentstatus'],
    item: [],
  },
  [`${C4BB}Professional-NonClinician`]: {
    type: 'professional',
    supportingInfo: ['clmrecvddate'],
    header: ['billingnetworkstatus', 'renderingnetworkstatus'],
    item: ['benefitpaymentstatus'],
  },
  [`${C4BB}Pharmacy`]: {
    type: 'pharmacy',
    supportingInfo: [
      'dayssupply',
      'dawcode',
      'refillnum',
      'refillsauthorized',
      'brandgenericindicator',
      'rxorigincode',
      'clmrecvddate',
      'compoundcode',
    ],
    header: ['billingnetworkstatus', 'benefitpaymentstatus'],
    item: [],
  },
  [`${C4BB}Oral`]: {
    type: 'oral',
    supportingInfo: ['clmrecvddate', 'servicefacility'],
    header: ['billingnetworkstatus', 'renderingnetworkstatus', 'benefitpaymentstatus'],
    item: ['benefitpaymentstatus'],
  },
};

const AMOUNTS = ['submitted', 'eligible', 'deductible', 'copay', 'coinsurance', 'benefit', 'paidtoprovider'];

const codes = (list: { category?: { coding?: { code?: string }[] } }[] | undefined): string[] =>
  (list ?? []).flatMap((x) => (x.category?.coding ?? []).map((c) => c.code ?? ''));

/** Problems with the slices and fixed values of one EOB's claimed profile. */
export function sliceProblems(eob: ExplanationOfBenefit): string[] {
  const problems: string[] = [];
  const profile = eob.meta?.profile?.[0] ?? '';
  const req = REQUIRED_SLICES[profile];
  if (!req || !C4BB_EOB_PROFILES.includes(profile)) return [`${eob.id}: unknown profile ${profile}`];
  const at = (what: string) => `${eob.id} (${profile.slice(C4BB.length)}): ${what}`;
  if (eob.type.coding?.[0]?.code !== req.type) problems.push(at(`type ${eob.type.coding?.[0]?.code}`));
  if (req.subType && eob.subType?.coding?.[0]?.code !== req.subType) problems.push(at('subType'));
  const info = codes(eob.supportingInfo);
  for (const s of req.supportingInfo) if (!info.includes(s)) problems.push(at(`supportingInfo:${s} missing`));
  const seqs = (eob.supportingInfo ?? []).map((s) => s.sequence);
  if (new Set(seqs).size !== seqs.length) problems.push(at('supportingInfo sequences repeat'));
  const header = codes(eob.adjudication);
  for (const s of req.header) if (!header.includes(s)) problems.push(at(`adjudication:${s} missing`));
  if (header.some((c) => AMOUNTS.includes(c))) problems.push(at('amounts at header level'));
  if (!eob.identifier?.some((i) => i.type?.coding?.some((c) => c.code === 'uc') && i.value)) {
    problems.push(at('identifier:uniqueclaimid missing'));
  }
  if ((eob.item ?? []).length === 0) problems.push(at('no item'));
  for (const item of eob.item ?? []) {
    const lineCodes = codes(item.adjudication);
    for (const s of [...req.item, ...AMOUNTS])
      if (!lineCodes.includes(s)) problems.push(at(`item ${item.sequence} ${s}`));
    if (!item.productOrService.coding?.[0]?.code) problems.push(at(`item ${item.sequence} productOrService`));
    if (req.type === 'institutional' && !item.revenue) problems.push(at(`item ${item.sequence} revenue`));
    if (!(item.servicedDate ?? item.servicedPeriod?.start)) problems.push(at(`item ${item.sequence} serviced[x]`));
    if ((req.type === 'professional' || req.type === 'oral') && !item.locationCodeableConcept) {
      problems.push(at(`item ${item.sequence} location`));
    }
  }
  if (req.type !== 'pharmacy' && !(eob.diagnosis ?? []).some((d) => d.type?.[0]?.coding?.[0]?.code === 'principal')) {
    problems.push(at('no principal diagnosis'));
  }
  if (req.type === 'oral' && !eob.provider.reference?.startsWith('Practitioner/')) problems.push(at('provider'));
  if (req.type === 'institutional' && !eob.provider.reference?.startsWith('Organization/'))
    problems.push(at('provider'));
  return problems;
}

/** Every reference of a resource (any `reference` string member, however deep). */
export function referencesOf(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) referencesOf(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'reference' && typeof v === 'string') out.push(v);
      else referencesOf(v, out);
    }
  }
  return out;
}

/** The references a member's claims may point at: its own resources, the plan and the timeline's directory refs. */
export function resolvableReferences(
  resources: readonly Resource[],
  timeline: MemberTimeline,
  plan: string,
): Set<string> {
  const known = new Set(resources.map((r) => `${r.resourceType}/${r.id}`));
  known.add(plan);
  known.add(timeline.insurancePlan.reference);
  known.add(timeline.primaryCare.reference);
  for (const e of timeline.events) for (const d of [e.practitioner, e.organization, e.location]) known.add(d.reference);
  return known;
}

/** Problems with the Coverage/insurer link of every EOB. */
export function coverageProblems(resources: readonly Resource[]): string[] {
  const coverage = resources.find((r): r is Coverage => r.resourceType === 'Coverage');
  if (!coverage) return ['no Coverage'];
  const payor = coverage.payor[0]?.reference;
  const problems: string[] = [];
  const eobs = resources.filter((r): r is ExplanationOfBenefit => r.resourceType === 'ExplanationOfBenefit');
  for (const r of eobs) {
    if (r.outcome !== 'complete') problems.push(`${r.id}: outcome ${r.outcome}`);
    if (r.insurer?.reference !== payor) problems.push(`${r.id}: insurer ${r.insurer?.reference} is not ${payor}`);
    const focal = r.insurance.filter((i) => i.focal);
    if (focal.length !== 1 || focal[0]?.coverage.reference !== `Coverage/${coverage.id}`) {
      problems.push(`${r.id}: focal insurance is not Coverage/${coverage.id}`);
    }
  }
  return problems;
}

const cents = (list: { category?: { coding?: { code?: string }[] }; amount?: { value?: number } }[] | undefined) => {
  const out = new Map<string, number>();
  for (const a of list ?? []) {
    const code = a.category?.coding?.[0]?.code;
    if (code && a.amount?.value !== undefined) out.set(code, Math.round(a.amount.value * 100));
  }
  return out;
};

/** Problems with the money of one EOB: lines that do not add up, totals that differ from the lines. */
export function amountProblems(eob: ExplanationOfBenefit): string[] {
  const problems: string[] = [];
  const sums = new Map<string, number>();
  for (const item of eob.item ?? []) {
    const a = cents(item.adjudication);
    const v = (k: string) => a.get(k) ?? NaN;
    const at = `${eob.id} item ${item.sequence}`;
    for (const [k, n] of a) {
      if (n < 0) problems.push(`${at}: ${k} is negative`);
      sums.set(k, (sums.get(k) ?? 0) + n);
    }
    if (!(v('eligible') <= v('submitted')))
      problems.push(`${at}: allowed ${v('eligible')} > submitted ${v('submitted')}`);
    if (v('submitted') !== v('eligible') + v('discount') + v('noncovered')) problems.push(`${at}: submitted split`);
    if (v('paidtoprovider') + v('paidbypatient') !== v('eligible')) problems.push(`${at}: paid + patient != allowed`);
    if (v('paidbypatient') !== v('deductible') + v('copay') + v('coinsurance')) problems.push(`${at}: patient share`);
    if (v('benefit') !== v('paidtoprovider') || v('memberliability') !== v('paidbypatient')) {
      problems.push(`${at}: benefit/liability`);
    }
  }
  const totals = cents(eob.total);
  for (const [k, n] of sums) if (totals.get(k) !== n) problems.push(`${eob.id}: total ${k} ${totals.get(k)} != ${n}`);
  if (totals.size !== sums.size) problems.push(`${eob.id}: totals and line categories differ`);
  const paid = eob.payment?.amount?.value;
  if (paid === undefined || Math.round(paid * 100) !== totals.get('paidtoprovider')) {
    problems.push(`${eob.id}: payment ${paid} != total paid`);
  }
  if (eob.payment?.amount?.currency !== 'USD') problems.push(`${eob.id}: payment currency`);
  return problems;
}
