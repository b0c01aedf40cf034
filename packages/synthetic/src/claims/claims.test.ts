import type { Coverage, ExplanationOfBenefit, Patient, Resource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { renderClaims } from './index.ts';
import {
  amountProblems,
  coverageProblems,
  PROFILE_OF_CLAIM,
  referencesOf,
  resolvableReferences,
  sliceProblems,
} from '../testing/claims-checks.ts';
import { PLAN, sampleTimeline } from '../testing/claims-timeline.ts';
import { DEFAULT_AS_OF } from '../model.ts';
import { createValidator } from '../validate.ts';

const ctx = { patientId: 'p-0badcafe', asOf: DEFAULT_AS_OF, plan: PLAN };
const timeline = sampleTimeline();
const resources = renderClaims(timeline, ctx);
const eobs = resources.filter((r): r is ExplanationOfBenefit => r.resourceType === 'ExplanationOfBenefit');
const coverage = resources[1] as Coverage;

describe('renderClaims on a hand-built timeline', () => {
  it('returns the Patient, then the Coverage, then one EOB per care event in timeline order', () => {
    expect(resources[0]?.resourceType).toBe('Patient');
    expect(resources[0]?.id).toBe('p-0badcafe');
    expect(coverage.resourceType).toBe('Coverage');
    expect(coverage.id).toBe('p-0badcafe-cov-0');
    expect(eobs.map((e) => e.id)).toEqual(timeline.events.map((_, i) => `p-0badcafe-eob-${i}`));
    expect(resources).toHaveLength(2 + timeline.events.length);
  });

  it('identifies the Patient by the member id of type MB and carries the US Core demographics', () => {
    const patient = resources[0] as Patient;
    expect(patient.identifier?.[0]).toMatchObject({
      type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MB' }] },
      system: 'https://plan-api.example.org/member-id',
      value: 'ACM948201736',
    });
    expect(patient.meta?.profile).toEqual([
      'http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient',
      'http://hl7.org/fhir/us/carin-bb/StructureDefinition/C4BB-Patient',
    ]);
    const urls = (patient.extension ?? []).map((e) => e.url.split('/').pop());
    expect(urls).toEqual(['us-core-race', 'us-core-ethnicity', 'us-core-birthsex']);
    expect(patient.extension?.[0]?.extension?.[0]).toMatchObject({
      url: 'ombCategory',
      valueCoding: { code: '2106-3' },
    });
    expect(patient.address?.[0]).toMatchObject({ city: 'Columbus', state: 'OH', postalCode: '43214' });
    expect(patient.communication?.[0]?.language.coding?.[0]?.code).toBe('en-US');
  });

  it('makes the plan the Coverage payor with group and plan classes and the member as beneficiary', () => {
    expect(coverage.payor).toEqual([{ reference: PLAN.reference, display: PLAN.display }]);
    expect(coverage.beneficiary.reference).toBe('Patient/p-0badcafe');
    expect(coverage.subscriberId).toBe('ACM948201736');
    expect(coverage.relationship?.coding?.[0]?.code).toBe('self');
    expect(coverage.period?.start).toBe('2021-07-01');
    expect(coverage.class?.map((c) => c.type.coding?.[0]?.code)).toEqual(['group', 'plan']);
    expect(coverage.class?.[1]?.name).toBe('Acme Gold PPO');
    expect(coverage.type?.coding?.[0]).toMatchObject({ system: 'https://nahdo.org/sopt', code: '512' });
  });

  it('has outcome complete on every EOB, the Coverage payor as insurer and the Coverage as focal insurance', () => {
    expect(eobs.length).toBeGreaterThan(0);
    expect(coverageProblems(resources)).toEqual([]);
  });

  it('claims the CARIN BB profile of each event claim type, spelled as profiles.ts spells it', () => {
    const claimed = eobs.map((e) => e.meta?.profile);
    expect(claimed).toEqual(timeline.events.map((ev) => [PROFILE_OF_CLAIM[ev.claim]]));
    expect(new Set(timeline.events.map((e) => e.claim)).size).toBe(5);
  });

  it('gives each claim type the slices its profile requires', () => {
    expect(eobs.flatMap(sliceProblems)).toEqual([]);
  });

  it('adds up the money: paid + patient = allowed <= submitted on every line, header totals = sum of lines', () => {
    expect(eobs.flatMap(amountProblems)).toEqual([]);
    const submitted = eobs.flatMap((e) => e.total ?? []).filter((t) => t.category.coding?.[0]?.code === 'submitted');
    expect(submitted.every((t) => (t.amount.value ?? 0) > 0)).toBe(true);
  });

  it('resolves every reference to the Patient, the Coverage, the plan or a directory ref of the timeline', () => {
    const known = resolvableReferences(resources, timeline, PLAN.reference);
    const unresolved = resources.flatMap((r) => referencesOf(r).filter((ref) => !known.has(ref)));
    expect(unresolved).toEqual([]);
  });

  it('keeps every claim date between the service and asOf, in the order a payer processes a claim', () => {
    for (const eob of eobs) {
      const start = eob.billablePeriod?.start ?? '';
      const received = eob.supportingInfo?.find((s) => s.category.coding?.[0]?.code === 'clmrecvddate')?.timingDate;
      const created = eob.created.slice(0, 10);
      const paid = eob.payment?.date ?? '';
      expect(received! >= start, `${eob.id} received`).toBe(true);
      expect(created >= received!, `${eob.id} created`).toBe(true);
      expect(paid >= created && paid <= ctx.asOf, `${eob.id} paid ${paid}`).toBe(true);
      expect(eob.meta?.lastUpdated?.slice(0, 10)).toBe(paid);
    }
  });

  it('numbers the refills of a drug in fill order and prices each fill with its tier copay', () => {
    const fills = eobs.filter((e) => e.type.coding?.[0]?.code === 'pharmacy');
    const info = (e: ExplanationOfBenefit, code: string) =>
      e.supportingInfo?.find((s) => s.category.coding?.[0]?.code === code);
    expect(fills.map((e) => info(e, 'refillnum')?.valueQuantity?.value)).toEqual([0, 1, 2]);
    expect(fills.map((e) => info(e, 'dayssupply')?.valueQuantity?.value)).toEqual([30, 30, 30]);
    expect(fills.every((e) => e.item?.[0]?.productOrService.coding?.[0]?.code === '65841-809-01')).toBe(true);
    const copays = fills.map((e) => e.total?.find((t) => t.category.coding?.[0]?.code === 'copay')?.amount.value);
    expect(copays.every((c) => c !== undefined && c > 0 && c <= 15)).toBe(true);
  });

  it('renders byte-identical resources from the same timeline and context', () => {
    expect(JSON.stringify(renderClaims(sampleTimeline(), ctx))).toBe(JSON.stringify(resources));
  });

  it('gives different members different claim numbers and money for the same timeline', () => {
    const other = renderClaims(timeline, { ...ctx, patientId: 'p-12345678' });
    const ids = (rs: Resource[]) =>
      rs.flatMap((r) =>
        r.resourceType === 'ExplanationOfBenefit' ? [(r as ExplanationOfBenefit).identifier?.[0]?.value] : [],
      );
    expect(ids(other)).not.toEqual(ids(resources));
  });

  it('produces resources the FHIR R4 validator accepts', () => {
    const validator = createValidator();
    const issues = resources.flatMap((r) =>
      validator.validate(r).map((i) => `${r.resourceType}/${r.id} ${i.path}: ${i.message}`),
    );
    expect(issues).toEqual([]);
  });
});
