/**
 * Test helper: a hand-built timeline of a woman with type 2 diabetes and hypertension over four years (a
 * diagnosis visit, follow-ups with HbA1c and lipids, an emergency visit for pneumonia with a chest X-ray,
 * pharmacy fills, vaccines, a wellness visit), so the clinical renderer can be tested on its own.
 */
import type { CareEvent, MemberTimeline } from '../model.ts';
import {
  ATORVASTATIN,
  AZITHROMYCIN,
  CHECKUP,
  CHECK_UP,
  CLINIC,
  COVID,
  CPT,
  DIABETES,
  DIRECTORY_REFS,
  ED,
  ENDOCRINOLOGIST,
  ENDO_CLINIC,
  ER_DOCTOR,
  FAMILY_DOCTOR,
  FLU,
  HOSPITAL,
  HYPERTENSION,
  LISINOPRIL,
  LOINC,
  METFORMIN,
  OFFICE,
  PHARMACIST,
  PHARMACY,
  PNEUMONIA,
  SMOKING,
  SNOMED,
  bp,
  hba1c,
  lab,
  loc,
  vital,
} from './clinical-entries.ts';

export { DIRECTORY_REFS, DIABETES, METFORMIN, LISINOPRIL, hba1c, FAMILY_DOCTOR, ENDOCRINOLOGIST };

function event(key: string, kind: CareEvent['kind'], start: string, end: string, extra: Partial<CareEvent>): CareEvent {
  const pharmacy = kind === 'pharmacy';
  const emergency = kind === 'emergency';
  return {
    key,
    kind,
    claim: pharmacy ? 'pharmacy' : emergency ? 'outpatient-institutional' : 'professional',
    start,
    end,
    practitioner: pharmacy ? PHARMACIST : emergency ? ER_DOCTOR : FAMILY_DOCTOR,
    organization: pharmacy ? PHARMACY : emergency ? HOSPITAL : CLINIC,
    location: pharmacy
      ? loc('loc-pharmacy', 'Main Street Pharmacy')
      : emergency
        ? loc('loc-hospital', 'St. Agnes Emergency Department')
        : loc('loc-clinic', 'Riverside Family Medicine - Main Office'),
    encounterType: emergency ? ED : OFFICE,
    diagnoses: [],
    procedures: [],
    observations: [],
    medications: [],
    immunizations: [],
    ...extra,
  };
}

const office99214 = {
  key: 'cpt-99214',
  billing: {
    system: CPT,
    code: '99214',
    display: 'Office or other outpatient visit for the evaluation and management of an established patient',
  },
  chargeCents: 19000,
  clinical: false,
};

/** The diabetic's timeline: 6 visits (one at an endocrinologist) and 5 pharmacy fills, through 2025. */
export function diabeticTimeline(): MemberTimeline {
  const events: CareEvent[] = [
    event('e0', 'office', '2022-02-10T09:00:00-05:00', '2022-02-10T09:30:00-05:00', {
      diagnoses: [DIABETES, HYPERTENSION],
      procedures: [office99214],
      observations: [
        bp(142, 88),
        vital('29463-7', 'Body weight', 92.4, 'kg'),
        vital('8302-2', 'Body height', 165, 'cm'),
        vital('39156-5', 'Body mass index (BMI) [Ratio]', 33.9, 'kg/m2'),
        vital('8867-4', 'Heart rate', 78, '/min'),
        hba1c(8.1),
        lab('2345-7', 'Glucose [Mass/volume] in Serum or Plasma', 162, 'mg/dL', 70, 99),
        lab('2160-0', 'Creatinine [Mass/volume] in Serum or Plasma', 0.9, 'mg/dL', 0.57, 1),
        SMOKING,
      ],
      medications: [METFORMIN],
      note: 'New diagnosis of type 2 diabetes after a fasting glucose of 162 at a screening. Reports thirst and fatigue for two months.',
    }),
    event('e1', 'pharmacy', '2022-02-11T16:00:00-05:00', '2022-02-11T16:10:00-05:00', { medications: [METFORMIN] }),
    event('e2', 'pharmacy', '2022-03-12T11:00:00-05:00', '2022-03-12T11:05:00-05:00', {
      medications: [METFORMIN, LISINOPRIL],
    }),
    event('e3', 'immunization', '2022-10-04T14:00:00-04:00', '2022-10-04T14:15:00-04:00', {
      immunizations: [FLU],
      diagnoses: [],
    }),
    event('e4', 'office', '2023-05-20T10:00:00-04:00', '2023-05-20T10:40:00-04:00', {
      practitioner: ENDOCRINOLOGIST,
      organization: ENDO_CLINIC,
      location: loc('loc-endo', 'Riverside Endocrine Associates'),
      diagnoses: [DIABETES],
      observations: [
        bp(134, 82),
        vital('29463-7', 'Body weight', 89.1, 'kg'),
        hba1c(7.2),
        lab('2093-3', 'Cholesterol [Mass/volume] in Serum or Plasma', 212, 'mg/dL', 0, 199),
        lab('2085-9', 'Cholesterol in HDL [Mass/volume] in Serum or Plasma', 44, 'mg/dL', 40, 200),
        lab('13457-7', 'Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation', 138, 'mg/dL', 0, 99),
        lab('2571-8', 'Triglyceride [Mass/volume] in Serum or Plasma', 150, 'mg/dL', 0, 149),
      ],
      medications: [ATORVASTATIN],
      note: 'Endocrinology follow-up. Tolerating metformin; home glucose readings mostly 120-150.',
    }),
    event('e5', 'emergency', '2024-01-14T21:10:00-05:00', '2024-01-15T01:40:00-05:00', {
      diagnoses: [PNEUMONIA, DIABETES],
      procedures: [
        {
          key: 'cpt-71046',
          billing: { system: CPT, code: '71046', display: 'Radiologic examination, chest; 2 views' },
          snomed: { system: SNOMED, code: '399208008', display: 'Plain chest X-ray' },
          chargeCents: 15000,
          clinical: true,
        },
      ],
      observations: [
        vital('8310-5', 'Body temperature', 38.6, 'Cel'),
        vital('59408-5', 'Oxygen saturation in Arterial blood by Pulse oximetry', 93, '%'),
        vital('9279-1', 'Respiratory rate', 22, '/min'),
      ],
      medications: [AZITHROMYCIN],
      note: 'Three days of fever, productive cough and pleuritic chest pain. Right lower lobe infiltrate on chest X-ray.',
    }),
    event('e6', 'pharmacy', '2024-01-15T09:00:00-05:00', '2024-01-15T09:05:00-05:00', { medications: [AZITHROMYCIN] }),
    event('e7', 'pharmacy', '2024-02-10T10:00:00-05:00', '2024-02-10T10:05:00-05:00', {
      medications: [METFORMIN, ATORVASTATIN],
    }),
    event('e8', 'wellness', '2025-11-05T08:30:00-05:00', '2025-11-05T09:15:00-05:00', {
      encounterType: CHECK_UP,
      diagnoses: [CHECKUP, DIABETES, HYPERTENSION],
      observations: [bp(128, 78), vital('29463-7', 'Body weight', 86, 'kg'), hba1c(6.8)],
      immunizations: [FLU, COVID],
      note: 'Annual physical. Walking 30 minutes most days; weight down 6 kg since diagnosis.',
    }),
    event('e9', 'pharmacy', '2026-05-02T12:00:00-04:00', '2026-05-02T12:05:00-04:00', { medications: [METFORMIN] }),
  ];
  return {
    scenario: 'diabetes',
    person: {
      given: ['Linda', 'Marie'],
      family: 'Hollis',
      sex: 'female',
      birthDate: '1968-04-12',
      address: { line: ['48 Orchard Lane'], city: 'Dayton', state: 'OH', postalCode: '45402' },
      phone: '937-555-0148',
      email: 'linda.hollis@example.com',
      memberId: 'M100200300',
      subscriberId: 'M100200300',
      relationship: 'self',
      language: { system: 'urn:ietf:bcp:47', code: 'en', display: 'English' },
    },
    coverageStart: '2021-07-01',
    insurancePlan: { reference: 'InsurancePlan/ip-gold', display: 'Acme Gold PPO' },
    primaryCare: FAMILY_DOCTOR,
    conditions: [HYPERTENSION, DIABETES, PNEUMONIA],
    allergies: [
      {
        key: 'penicillin',
        substance: { system: SNOMED, code: '764146007', display: 'Penicillin' },
        reaction: { system: SNOMED, code: '126485001', display: 'Urticaria' },
        criticality: 'high',
        recorded: '2022-02-10',
      },
    ],
    events,
    carePlan: {
      title: 'Diabetes self-management plan',
      category: { system: SNOMED, code: '698360004', display: 'Diabetes self management plan' },
      goals: [
        {
          description: { system: LOINC, code: '4548-4', display: 'Hemoglobin A1c/Hemoglobin.total in Blood' },
          target: '< 7.0 %',
          due: '2026-12-31',
        },
        {
          description: { system: LOINC, code: '29463-7', display: 'Body weight' },
          target: 'Lose 5 kg over a year',
        },
      ],
    },
    devices: [],
  };
}
