import { describe, expect, it } from 'vitest';
import type { Medication, MedicationDispense, MedicationRequest } from 'fhir/r4';
import { renderClinical } from './index.ts';
import { PROFILE } from './profiles.ts';
import { repeatsAllowed } from './prescriptions.ts';
import { sigDosage } from './sig.ts';
import { CTX, ofType } from '../testing/clinical-helpers.ts';
import { METFORMIN, diabeticTimeline } from '../testing/clinical-timeline.ts';

const resources = renderClinical(diabeticTimeline(), CTX);
const requests = ofType<MedicationRequest>(resources, 'MedicationRequest');
const dispenses = ofType<MedicationDispense>(resources, 'MedicationDispense');
const medications = ofType<Medication>(resources, 'Medication');

/** The RxNorm code of a request or dispense, however it is coded. */
function rxnormOf(r: MedicationRequest | MedicationDispense): string | undefined {
  const concept =
    r.medicationCodeableConcept ??
    medications.find((m) => `Medication/${m.id}` === r.medicationReference?.reference)?.code;
  return concept?.coding?.find((c) => c.system === 'http://www.nlm.nih.gov/research/umls/rxnorm')?.code;
}

describe('medication requests', () => {
  it('orders with intent order, a requester, a category, RxNorm and a structured dosage', () => {
    for (const r of requests) {
      expect(r.intent).toBe('order');
      expect(r.requester?.reference).toMatch(/^Practitioner\//);
      expect(r.category?.[0]?.coding?.[0]?.system).toBe(
        'http://terminology.hl7.org/CodeSystem/medicationrequest-category',
      );
      expect(rxnormOf(r)).toMatch(/^\d+$/);
      expect(r.dosageInstruction?.[0]?.text).toBeTruthy();
      expect(r.meta?.profile).toEqual([PROFILE.medicationRequest]);
    }
  });

  it('keeps a current prescription active and older or short ones completed', () => {
    const status = requests.map((r) => [rxnormOf(r), r.authoredOn?.slice(0, 10), r.status]);
    expect(status).toEqual([
      ['861007', '2022-02-10', 'completed'],
      ['617310', '2023-05-20', 'completed'],
      ['308460', '2024-01-14', 'completed'],
      ['314076', '2022-03-12', 'completed'],
      ['861007', '2024-02-10', 'completed'],
      ['861007', '2026-05-02', 'active'],
    ]);
  });

  it('links visit prescriptions to their encounter, and renews by the earlier prescriber when a prescription expired', () => {
    const [first, , , lisinopril, renewal] = requests;
    expect(first?.encounter?.reference).toMatch(/-enc-0$/);
    expect(lisinopril?.encounter).toBeUndefined();
    expect(renewal?.encounter).toBeUndefined();
    expect(renewal?.requester?.display).toBe('Dr. Maria Alvarez');
  });

  it('allows at most a year of refills and reads the sig into timing, route and dose', () => {
    const first = requests[0];
    expect(first?.dispenseRequest?.numberOfRepeatsAllowed).toBe(repeatsAllowed(METFORMIN));
    expect(repeatsAllowed(METFORMIN)).toBe(11);
    expect(first?.dispenseRequest?.expectedSupplyDuration).toMatchObject({ value: 30, code: 'd' });
    expect(first?.dosageInstruction?.[0]).toMatchObject({
      timing: { repeat: { frequency: 2, period: 1, periodUnit: 'd' } },
      route: { coding: [{ code: '26643006' }] },
      doseAndRate: [{ doseQuantity: { value: 1, code: '{tbl}' } }],
    });
  });

  it('codes some drugs through a Medication resource, the same way every time for a drug', () => {
    const referenced = [...requests, ...dispenses].filter((r) => r.medicationReference);
    expect(medications.length).toBeGreaterThan(0);
    const ids = new Set(referenced.map((r) => r.medicationReference?.reference));
    expect(ids.size).toBe(medications.length);
    for (const m of medications) expect(m.meta?.profile).toEqual([PROFILE.medication]);
    const styleByDrug = new Map<string, boolean>();
    for (const r of [...requests, ...dispenses]) {
      const drug = rxnormOf(r) ?? '';
      const byRef = r.medicationReference !== undefined;
      expect(styleByDrug.get(drug) ?? byRef).toBe(byRef);
      styleByDrug.set(drug, byRef);
    }
  });
});

describe('medication dispenses', () => {
  it('renders one completed dispense per pharmacy fill, handed over and authorized by a prescription of the same drug', () => {
    const fills = diabeticTimeline().events.filter((e) => e.kind === 'pharmacy');
    expect(dispenses).toHaveLength(fills.reduce((n, e) => n + e.medications.length, 0));
    const byRef = new Map(requests.map((r) => [`MedicationRequest/${r.id}`, r]));
    for (const d of dispenses) {
      expect(d.status).toBe('completed');
      expect(d.whenHandedOver).toBeDefined();
      const rx = byRef.get(d.authorizingPrescription?.[0]?.reference ?? '');
      expect(rxnormOf(rx ?? ({} as MedicationRequest))).toBe(rxnormOf(d));
      expect((rx?.authoredOn ?? '').slice(0, 10) <= (d.whenHandedOver ?? '').slice(0, 10)).toBe(true);
    }
  });

  it('marks the first fill of a drug FF and later ones RF', () => {
    const metformin = dispenses.filter((d) => rxnormOf(d) === '861007');
    expect(metformin.map((d) => d.type?.coding?.[0]?.code)).toEqual(['FF', 'RF', 'RF', 'RF']);
  });
});

describe('sig', () => {
  it('reads hours, as-needed and an inhaled route', () => {
    const d = sigDosage('Inhale 2 puffs by mouth every 4 to 6 hours as needed for shortness of breath');
    expect(d.timing?.repeat).toEqual({ frequency: 1, period: 4, periodMax: 6, periodUnit: 'h' });
    expect(d.asNeededBoolean).toBe(true);
    expect(d.route?.coding?.[0]?.code).toBe('447694001');
    expect(d.doseAndRate?.[0]?.doseQuantity).toMatchObject({ value: 2, code: '{puff}' });
  });

  it('bounds a course and leaves a stepped sig as text only', () => {
    expect(sigDosage('Take 1 capsule by mouth three times daily for 10 days').timing?.repeat).toMatchObject({
      frequency: 3,
      boundsDuration: { value: 10, code: 'd' },
    });
    const stepped = sigDosage('Take 2 tablets on day 1, then 1 tablet daily on days 2 to 5');
    expect(stepped.timing).toBeUndefined();
    expect(stepped.doseAndRate).toBeUndefined();
  });
});
