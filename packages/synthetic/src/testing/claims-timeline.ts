/**
 * Test helper: a hand-built timeline of a diabetic adult with one event of each claim type (and a few
 * more), so the claims renderer can be tested on its own.
 */
import type {
  CareEvent,
  ConditionEntry,
  DirectoryRef,
  MedicationEntry,
  MemberTimeline,
  ProcedureEntry,
} from '../model.ts';

export const PLAN: DirectoryRef = { reference: 'Organization/plan-acme', display: 'Acme Health Plan' };

const CPT = 'http://www.ama-assn.org/go/cpt';
const ICD = 'http://hl7.org/fhir/sid/icd-10-cm';
const SNOMED = 'http://snomed.info/sct';
const NUCC = 'http://nucc.org/provider-taxonomy';

const dr = (id: string, name: string, code: string, display: string): DirectoryRef => ({
  reference: `Practitioner/${id}`,
  display: name,
  npi: '1234567893',
  specialty: { system: NUCC, code, display },
});
const org = (id: string, name: string): DirectoryRef => ({ reference: `Organization/${id}`, display: name });
const loc = (id: string, name: string): DirectoryRef => ({ reference: `Location/${id}`, display: name });

export const FAMILY_DOCTOR = dr('pr-1', 'Dr. Maria Alvarez', '207Q00000X', 'Family Medicine Physician');
const ER_DOCTOR = dr('pr-2', 'Dr. Kevin Osei', '207P00000X', 'Emergency Medicine Physician');
const HOSPITALIST = dr('pr-3', 'Dr. Priya Natarajan', '207R00000X', 'Internal Medicine Physician');
const DENTIST = dr('pr-4', 'Dr. Laura Chen', '1223G0001X', 'General Practice Dentist');
const CLINIC = org('org-clinic', 'Riverside Family Medicine');
const HOSPITAL = org('org-hospital', 'St. Agnes Medical Center');
const LAB = org('org-lab', 'Valley Clinical Laboratory');
const PHARMACY = org('org-pharmacy', 'Main Street Pharmacy');
const DENTAL = org('org-dental', 'Bright Smile Dental');

const diabetes: ConditionEntry = {
  key: 'diabetes',
  icd10: { system: ICD, code: 'E11.9', display: 'Type 2 diabetes mellitus without complications' },
  snomed: { system: SNOMED, code: '44054006', display: 'Diabetes mellitus type 2 (disorder)' },
  onset: '2022-02-10',
  category: 'problem-list-item',
};
const pneumonia: ConditionEntry = {
  key: 'pneumonia',
  icd10: { system: ICD, code: 'J18.9', display: 'Pneumonia, unspecified organism' },
  snomed: { system: SNOMED, code: '233604007', display: 'Pneumonia (disorder)' },
  onset: '2024-01-14',
  abatement: '2024-02-01',
  category: 'encounter-diagnosis',
};

const cpt = (code: string, display: string, dollars: number, clinical = false): ProcedureEntry => ({
  key: `cpt-${code}`,
  billing: { system: CPT, code, display },
  chargeCents: dollars * 100,
  clinical,
});

export const METFORMIN: MedicationEntry = {
  key: 'metformin',
  rxnorm: {
    system: 'http://www.nlm.nih.gov/research/umls/rxnorm',
    code: '861007',
    display: 'metformin hydrochloride 500 MG Oral Tablet',
  },
  ndc: {
    system: 'http://hl7.org/fhir/sid/ndc',
    code: '65841-809-01',
    display: 'metformin hydrochloride 500 MG Oral Tablet (Zydus)',
  },
  dosage: 'Take 1 tablet by mouth twice daily with meals',
  quantity: 60,
  unit: 'tablet',
  brand: false,
  unitPriceCents: [5, 15],
  daysSupply: 30,
  refills: 12,
};

function event(
  key: string,
  kind: CareEvent['kind'],
  claim: CareEvent['claim'],
  start: string,
  end: string,
  who: DirectoryRef,
  where: DirectoryRef,
  extra: Partial<CareEvent> = {},
): CareEvent {
  return {
    key,
    kind,
    claim,
    start,
    end,
    practitioner: who,
    organization: where,
    location: loc(`loc-${where.reference.split('/')[1] ?? 'x'}`, where.display),
    encounterType: { system: SNOMED, code: '185349003', display: 'Encounter for check up (procedure)' },
    diagnoses: [],
    procedures: [],
    observations: [],
    medications: [],
    immunizations: [],
    ...extra,
  };
}

const fill = (n: number, date: string): CareEvent =>
  event(
    `rx-${n}`,
    'pharmacy',
    'pharmacy',
    `${date}T10:00:00-05:00`,
    `${date}T10:10:00-05:00`,
    FAMILY_DOCTOR,
    PHARMACY,
    {
      medications: [METFORMIN],
    },
  );

/** A diabetic adult's last years: one event of each of the five claim types, with repeat fills. */
export function sampleTimeline(): MemberTimeline {
  return {
    scenario: 'diabetes',
    person: {
      given: ['Daniel', 'James'],
      family: 'Whitaker',
      sex: 'male',
      birthDate: '1968-04-22',
      address: {
        line: ['418 Maple Grove Rd'],
        city: 'Columbus',
        state: 'OH',
        postalCode: '43214',
        district: 'Franklin',
      },
      phone: '614-555-0182',
      email: 'daniel.whitaker@example.com',
      memberId: 'ACM948201736',
      subscriberId: 'ACM948201736',
      relationship: 'self',
      race: { system: 'urn:oid:2.16.840.1.113883.6.238', code: '2106-3', display: 'White' },
      ethnicity: { system: 'urn:oid:2.16.840.1.113883.6.238', code: '2186-5', display: 'Not Hispanic or Latino' },
      language: { system: 'urn:ietf:bcp:47', code: 'en-US', display: 'English (United States)' },
      maritalStatus: {
        system: 'http://terminology.hl7.org/CodeSystem/v3-MaritalStatus',
        code: 'M',
        display: 'Married',
      },
    },
    coverageStart: '2021-07-01',
    insurancePlan: { reference: 'InsurancePlan/ip-gold-ppo', display: 'Acme Gold PPO' },
    primaryCare: FAMILY_DOCTOR,
    conditions: [diabetes],
    allergies: [],
    events: [
      event(
        'well-1',
        'wellness',
        'professional',
        '2023-03-02T09:00:00-05:00',
        '2023-03-02T09:40:00-05:00',
        FAMILY_DOCTOR,
        CLINIC,
        {
          procedures: [
            cpt(
              '99396',
              'Periodic comprehensive preventive medicine reevaluation, established patient; 40-64 years',
              285,
            ),
          ],
        },
      ),
      event(
        'office-1',
        'office',
        'professional',
        '2023-06-12T14:00:00-04:00',
        '2023-06-12T14:25:00-04:00',
        FAMILY_DOCTOR,
        CLINIC,
        {
          diagnoses: [diabetes],
          procedures: [
            cpt(
              '99214',
              'Office or other outpatient visit, established patient, moderate medical decision making',
              245,
            ),
            cpt('83036', 'Hemoglobin; glycosylated (A1C)', 58, true),
          ],
        },
      ),
      event(
        'lab-1',
        'lab',
        'professional',
        '2023-06-13T08:00:00-04:00',
        '2023-06-13T08:15:00-04:00',
        FAMILY_DOCTOR,
        LAB,
        {
          diagnoses: [diabetes],
          procedures: [cpt('80053', 'Comprehensive metabolic panel', 96, true), cpt('80061', 'Lipid panel', 74, true)],
        },
      ),
      fill(1, '2023-06-14'),
      fill(2, '2023-07-15'),
      event(
        'er-1',
        'emergency',
        'outpatient-institutional',
        '2024-01-14T22:10:00-05:00',
        '2024-01-15T02:30:00-05:00',
        ER_DOCTOR,
        HOSPITAL,
        {
          diagnoses: [pneumonia, diabetes],
          procedures: [
            cpt('99284', 'Emergency department visit, moderate medical decision making', 1850),
            cpt('71046', 'Radiologic examination, chest; 2 views', 420, true),
          ],
        },
      ),
      event(
        'ip-1',
        'inpatient',
        'inpatient-institutional',
        '2024-01-15T03:00:00-05:00',
        '2024-01-18T11:00:00-05:00',
        HOSPITALIST,
        HOSPITAL,
        {
          diagnoses: [pneumonia, diabetes],
          procedures: [
            cpt('99223', 'Initial hospital inpatient or observation care, high medical decision making', 9800),
            cpt('99232', 'Subsequent hospital inpatient or observation care, moderate medical decision making', 6400),
            cpt('99239', 'Hospital inpatient or observation discharge day management; more than 30 minutes', 2100),
          ],
        },
      ),
      event('dental-1', 'dental', 'oral', '2024-04-09T10:00:00-04:00', '2024-04-09T11:00:00-04:00', DENTIST, DENTAL, {
        procedures: [
          {
            key: 'd0120',
            billing: {
              system: 'http://www.ada.org/cdt',
              code: 'D0120',
              display: 'periodic oral evaluation - established patient',
            },
            chargeCents: 6500,
            clinical: false,
          },
          {
            key: 'd1110',
            billing: { system: 'http://www.ada.org/cdt', code: 'D1110', display: 'prophylaxis - adult' },
            chargeCents: 11500,
            clinical: true,
          },
          {
            key: 'd2391',
            billing: {
              system: 'http://www.ada.org/cdt',
              code: 'D2391',
              display: 'resin-based composite - one surface, posterior',
            },
            chargeCents: 19500,
            clinical: true,
          },
        ],
      }),
      fill(3, '2026-06-20'),
    ],
    devices: [],
  };
}
