import { describe, expect, it } from 'vitest';
import type {
  AllergyIntolerance,
  CarePlan,
  CareTeam,
  Condition,
  Device,
  Encounter,
  Goal,
  Immunization,
  Procedure,
  Provenance,
  Resource,
} from 'fhir/r4';
import { renderClinical } from './index.ts';
import { parseUdi } from './device.ts';
import { PROFILE } from './profiles.ts';
import { CTX, ofType } from '../testing/clinical-helpers.ts';
import { DIABETES, diabeticTimeline } from '../testing/clinical-timeline.ts';

const resources = renderClinical(diabeticTimeline(), CTX);
const keyOf = (r: Resource): string => `${r.resourceType}/${r.id}`;

describe('encounters and conditions', () => {
  const encounters = ofType<Encounter>(resources, 'Encounter');
  const conditions = ofType<Condition>(resources, 'Condition');

  it('classes encounters AMB, EMER as the visits were, finished, with practitioner, provider and location', () => {
    expect(encounters.map((e) => e.class.code)).toEqual(['AMB', 'AMB', 'AMB', 'EMER', 'AMB']);
    for (const e of encounters) {
      expect(e.status).toBe('finished');
      expect(e.participant?.[0]?.individual?.reference).toMatch(/^Practitioner\//);
      expect(e.serviceProvider?.reference).toMatch(/^Organization\//);
      expect(e.location?.[0]?.location.reference).toMatch(/^Location\//);
      expect(e.identifier?.[0]?.value).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    }
  });

  it('gives the problem list one entry per condition, active or resolved, with SNOMED CT and ICD-10-CM codes', () => {
    const problems = conditions.filter((c) => c.meta?.profile?.[0] === PROFILE.problem);
    expect(problems.map((c) => c.code?.coding?.map((x) => x.code))).toEqual([
      ['59621000', 'I10'],
      ['44054006', 'E11.9'],
    ]);
    const diabetes = problems[1];
    expect(diabetes?.clinicalStatus?.coding?.[0]?.code).toBe('active');
    expect(diabetes?.verificationStatus?.coding?.[0]?.code).toBe('confirmed');
    expect(diabetes?.category?.[0]?.coding?.[0]?.code).toBe('problem-list-item');
    expect(diabetes?.onsetDateTime).toBe(DIABETES.onset);
    expect(diabetes?.recordedDate).toBe('2022-02-10');
  });

  it('renders each visit diagnosis as an encounter diagnosis of that encounter, resolving acute ones', () => {
    const diagnoses = conditions.filter((c) => c.meta?.profile?.[0] === PROFILE.diagnosis);
    expect(diagnoses).toHaveLength(8);
    const pneumonia = diagnoses.find((c) => c.code?.coding?.[0]?.code === '233604007');
    expect(pneumonia?.encounter?.reference).toBe(`Encounter/${encounters[3]?.id}`);
    expect(pneumonia?.clinicalStatus?.coding?.[0]?.code).toBe('resolved');
    expect(pneumonia?.abatementDateTime).toBe('2024-02-01');
    const checkup = diagnoses.find((c) => c.code?.coding?.[1]?.code === 'Z00.00');
    expect(checkup?.abatementDateTime).toBe('2025-11-19');
  });

  it('lists the encounter diagnoses on the Encounter and points its reasons at the problem list where they are problems', () => {
    const ed = encounters[3];
    expect(ed?.diagnosis?.map((d) => d.rank)).toEqual([1, 2]);
    expect(ed?.reasonReference?.map((r) => r.reference)).toEqual([
      ed?.diagnosis?.[0]?.condition.reference,
      `Condition/${CTX.patientId}-cond-1`,
    ]);
    expect(ed?.reasonCode?.[0]?.coding?.map((c) => c.system)).toEqual([
      'http://snomed.info/sct',
      'http://hl7.org/fhir/sid/icd-10-cm',
    ]);
  });
});

describe('allergies, immunizations and procedures', () => {
  it('records the penicillin allergy with its reaction and criticality', () => {
    const [allergy] = ofType<AllergyIntolerance>(resources, 'AllergyIntolerance');
    expect(allergy?.code?.coding?.[0]?.code).toBe('764146007');
    expect(allergy?.category).toEqual(['medication']);
    expect(allergy?.criticality).toBe('high');
    expect(allergy?.reaction?.[0]?.manifestation[0]?.coding?.[0]?.code).toBe('126485001');
  });

  it('records "no known allergy" for a member without allergies', () => {
    const timeline = { ...diabeticTimeline(), allergies: [] };
    const [none] = ofType<AllergyIntolerance>(renderClinical(timeline, CTX), 'AllergyIntolerance');
    expect(none?.code?.coding?.[0]).toMatchObject({ code: '716186003', display: 'No known allergy' });
    expect(none?.verificationStatus?.coding?.[0]?.code).toBe('confirmed');
  });

  it('gives every vaccine CVX, completed status, the date, a lot number and the administering provider', () => {
    const immunizations = ofType<Immunization>(resources, 'Immunization');
    expect(immunizations.map((i) => i.vaccineCode.coding?.[0]?.code)).toEqual(['150', '150', '208']);
    for (const i of immunizations) {
      expect(i.status).toBe('completed');
      expect(i.primarySource).toBe(true);
      expect(i.lotNumber).toMatch(/^[A-Z]{2}\d{4}$/);
      expect(i.occurrenceDateTime).toBeDefined();
      expect(i.performer?.[0]?.function?.coding?.[0]?.code).toBe('AP');
      expect(i.encounter?.reference).toMatch(/^Encounter\//);
    }
  });

  it('renders clinical procedures with SNOMED CT and CPT codes and skips office-visit codes', () => {
    const procedures = ofType<Procedure>(resources, 'Procedure');
    expect(procedures).toHaveLength(1);
    expect(procedures[0]?.code?.coding?.map((c) => c.code)).toEqual(['399208008', '71046']);
    expect(procedures[0]?.performedDateTime).toBe('2024-01-14T21:10:00-05:00');
    expect(procedures[0]?.encounter?.reference).toMatch(/-enc-3$/);
  });
});

describe('care team, care plan, goals and devices', () => {
  it('puts the member, the primary care physician and the endocrinologist on an active care team', () => {
    const [team] = ofType<CareTeam>(resources, 'CareTeam');
    expect(team?.status).toBe('active');
    expect(team?.participant?.map((p) => [p.member?.reference, p.role?.[0]?.coding?.[0]?.code])).toEqual([
      [`Patient/${CTX.patientId}`, '116154003'],
      ['Practitioner/pr-1', '446050000'],
      ['Practitioner/pr-5', '309343006'],
    ]);
    expect(team?.participant?.[2]?.role?.[0]?.coding?.[1]?.code).toBe('207RE0101X');
  });

  it('writes an active assess-plan care plan with a generated narrative, its goals and the problems it addresses', () => {
    const [plan] = ofType<CarePlan>(resources, 'CarePlan');
    const goals = ofType<Goal>(resources, 'Goal');
    expect(plan?.status).toBe('active');
    expect(plan?.intent).toBe('plan');
    expect(plan?.category?.[0]?.coding?.[0]?.code).toBe('assess-plan');
    expect(plan?.text?.status).toBe('generated');
    expect(plan?.text?.div).toMatch(/^<div xmlns="http:\/\/www.w3.org\/1999\/xhtml">.*<\/div>$/);
    expect(plan?.text?.div).toContain('<li>Hemoglobin A1c &lt; 7.0 %</li><li>Weight: lose 5 kg over a year</li>');
    expect(plan?.goal?.map((g) => g.reference)).toEqual(goals.map(keyOf));
    expect(goals.map((g) => g.lifecycleStatus)).toEqual(['active', 'active']);
    expect(goals[0]?.description).toEqual({ text: 'Hemoglobin A1c < 7.0 %' });
    expect(goals[0]?.target).toEqual([
      {
        measure: {
          coding: [{ system: 'http://loinc.org', code: '4548-4', display: 'Hemoglobin A1c/Hemoglobin.total in Blood' }],
          text: 'Hemoglobin A1c/Hemoglobin.total in Blood',
        },
        detailQuantity: { comparator: '<', value: 7, unit: '%', system: 'http://unitsofmeasure.org', code: '%' },
        dueDate: '2026-12-31',
      },
    ]);
    // A target in words has a measure but no detail (a detail needs a measure, gol-1, not the reverse)
    expect(goals[1]?.target?.[0]?.detailQuantity).toBeUndefined();
    expect(goals[1]?.target?.[0]?.measure?.coding?.[0]?.code).toBe('29463-7');
  });

  it('renders an implantable device with the parts of its UDI', () => {
    const timeline = diabeticTimeline();
    timeline.devices = [
      {
        udi: '(01)00643169007222(17)300128(11)190412(10)LOT123(21)SN98765',
        type: { system: 'http://snomed.info/sct', code: '14106009', display: 'Cardiac pacemaker' },
        implanted: '2021-03-04',
      },
    ];
    const [device] = ofType<Device>(renderClinical(timeline, CTX), 'Device');
    expect(device?.meta?.profile).toEqual([PROFILE.device]);
    expect(device?.udiCarrier?.[0]).toMatchObject({
      deviceIdentifier: '00643169007222',
      carrierHRF: timeline.devices[0]?.udi,
    });
    expect([device?.expirationDate, device?.manufactureDate, device?.lotNumber, device?.serialNumber]).toEqual([
      '2030-01-28',
      '2019-04-12',
      'LOT123',
      'SN98765',
    ]);
    expect(device?.patient?.reference).toBe(`Patient/${CTX.patientId}`);
    expect(parseUdi('(01)123')).toEqual({ '01': '123' });
  });
});

describe('provenance', () => {
  const provenance = ofType<Provenance>(resources, 'Provenance');

  it('covers every other resource exactly once', () => {
    const targets = provenance.flatMap((p) => p.target.map((t) => t.reference));
    const others = resources.filter((r) => r.resourceType !== 'Provenance').map(keyOf);
    expect([...targets].sort()).toEqual([...others].sort());
  });

  it('names the organization as author and the clinician as author on its behalf', () => {
    for (const p of provenance) {
      expect(p.recorded).toMatch(/T/);
      const [org, clinician] = p.agent;
      expect(org?.type?.coding?.[0]?.code).toBe('author');
      expect(org?.who.reference).toMatch(/^Organization\//);
      expect(clinician?.who.reference).toMatch(/^Practitioner\//);
      expect(clinician?.onBehalfOf).toEqual(org?.who);
    }
  });
});
