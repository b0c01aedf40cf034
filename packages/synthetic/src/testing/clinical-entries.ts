/**
 * Test helper: the codes, providers and entries the hand-built diabetic timeline (test-timeline.ts) is made of.
 */
import type { Coded, ConditionEntry, DirectoryRef, MedicationEntry, ObservationEntry } from '../model.ts';

export const LOINC = 'http://loinc.org';
export const SNOMED = 'http://snomed.info/sct';
export const ICD = 'http://hl7.org/fhir/sid/icd-10-cm';
export const CPT = 'http://www.ama-assn.org/go/cpt';
export const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
export const NDC = 'http://hl7.org/fhir/sid/ndc';
export const CVX = 'http://hl7.org/fhir/sid/cvx';
export const NUCC = 'http://nucc.org/provider-taxonomy';

export const dr = (id: string, name: string, code: string, display: string): DirectoryRef => ({
  reference: `Practitioner/${id}`,
  display: name,
  npi: '1234567893',
  specialty: { system: NUCC, code, display },
});
export const org = (id: string, name: string): DirectoryRef => ({ reference: `Organization/${id}`, display: name });
export const loc = (id: string, name: string): DirectoryRef => ({ reference: `Location/${id}`, display: name });

export const FAMILY_DOCTOR = dr('pr-1', 'Dr. Maria Alvarez', '207Q00000X', 'Family Medicine');
export const ENDOCRINOLOGIST = dr('pr-5', 'Dr. Samuel Okafor', '207RE0101X', 'Endocrinology, Diabetes & Metabolism');
export const ER_DOCTOR = dr('pr-2', 'Dr. Kevin Osei', '207P00000X', 'Emergency Medicine');
export const PHARMACIST = dr('pr-3', 'Dr. Hannah Brooks', '183500000X', 'Pharmacist');
export const CLINIC = org('org-clinic', 'Riverside Family Medicine');
export const ENDO_CLINIC = org('org-endo', 'Riverside Endocrine Associates');
export const HOSPITAL = org('org-hospital', 'St. Agnes Medical Center');
export const PHARMACY = org('org-pharmacy', 'Main Street Pharmacy');

export const DIRECTORY_REFS: readonly string[] = [
  ...[FAMILY_DOCTOR, ENDOCRINOLOGIST, ER_DOCTOR, PHARMACIST, CLINIC, ENDO_CLINIC, HOSPITAL, PHARMACY].map(
    (r) => r.reference,
  ),
  'Location/loc-clinic',
  'Location/loc-endo',
  'Location/loc-hospital',
  'Location/loc-pharmacy',
  'InsurancePlan/ip-gold',
];

export const DIABETES: ConditionEntry = {
  key: 'diabetes',
  icd10: { system: ICD, code: 'E11.9', display: 'Type 2 diabetes mellitus without complications' },
  snomed: { system: SNOMED, code: '44054006', display: 'Diabetes mellitus type 2' },
  onset: '2022-02-10',
  category: 'problem-list-item',
};
export const HYPERTENSION: ConditionEntry = {
  key: 'hypertension',
  icd10: { system: ICD, code: 'I10', display: 'Essential (primary) hypertension' },
  snomed: { system: SNOMED, code: '59621000', display: 'Essential hypertension' },
  onset: '2019-06-03',
  category: 'problem-list-item',
};
export const PNEUMONIA: ConditionEntry = {
  key: 'pneumonia-2024',
  icd10: { system: ICD, code: 'J18.9', display: 'Pneumonia, unspecified organism' },
  snomed: { system: SNOMED, code: '233604007', display: 'Pneumonia' },
  onset: '2024-01-14',
  abatement: '2024-02-01',
  category: 'encounter-diagnosis',
};
export const CHECKUP: ConditionEntry = {
  key: 'checkup-2025',
  icd10: {
    system: ICD,
    code: 'Z00.00',
    display: 'Encounter for general adult medical examination without abnormal findings',
  },
  snomed: { system: SNOMED, code: '185349003', display: 'Encounter for check up' },
  onset: '2025-11-05',
  category: 'encounter-diagnosis',
};

export const drug = (code: string, display: string, ndc: string, dosage: string, quantity: number, refills: number) =>
  ({
    key: `rx-${code}`,
    rxnorm: { system: RXNORM, code, display },
    ndc: { system: NDC, code: ndc, display },
    dosage,
    quantity,
    unit: 'tablet',
    brand: false,
    unitPriceCents: [5, 20],
    daysSupply: 30,
    refills,
  }) satisfies MedicationEntry;

export const METFORMIN = drug(
  '861007',
  'metFORMIN hydrochloride 500 MG Oral Tablet',
  '65841-809-01',
  'Take 1 tablet by mouth twice daily with meals',
  60,
  60,
);
export const ATORVASTATIN = drug(
  '617310',
  'atorvastatin 20 MG Oral Tablet',
  '67877-512-90',
  'Take 1 tablet by mouth once daily',
  30,
  40,
);
export const AZITHROMYCIN = {
  ...drug(
    '308460',
    'azithromycin 250 MG Oral Tablet',
    '71205-430-06',
    'Take 2 tablets on day 1, then 1 tablet daily on days 2 to 5',
    6,
    1,
  ),
  daysSupply: 5,
};
export const LISINOPRIL = drug(
  '314076',
  'lisinopril 10 MG Oral Tablet',
  '50090-2988-0',
  'Take 1 tablet by mouth once daily',
  30,
  50,
);

export const lab = (
  code: string,
  display: string,
  value: number,
  unit: string,
  low: number,
  high: number,
): ObservationEntry => ({
  key: `lab-${code}`,
  code: { system: LOINC, code, display },
  category: 'laboratory',
  value: { kind: 'quantity', value, unit, code: unit },
  low,
  high,
  interpretation: value > high ? 'H' : value < low ? 'L' : 'N',
});
export const vital = (code: string, display: string, value: number, unit: string): ObservationEntry => ({
  key: `vital-${code}`,
  code: { system: LOINC, code, display },
  category: 'vital-signs',
  value: { kind: 'quantity', value, unit, code: unit },
});
export const bp = (systolic: number, diastolic: number): ObservationEntry => ({
  key: 'vital-bp',
  code: { system: LOINC, code: '85354-9', display: 'Blood pressure panel with all children optional' },
  category: 'vital-signs',
  value: {
    kind: 'components',
    components: [
      {
        code: { system: LOINC, code: '8480-6', display: 'Systolic blood pressure' },
        value: systolic,
        unit: 'mm[Hg]',
        unitCode: 'mm[Hg]',
      },
      {
        code: { system: LOINC, code: '8462-4', display: 'Diastolic blood pressure' },
        value: diastolic,
        unit: 'mm[Hg]',
        unitCode: 'mm[Hg]',
      },
    ],
  },
});
export const hba1c = (value: number): ObservationEntry =>
  lab('4548-4', 'Hemoglobin A1c/Hemoglobin.total in Blood', value, '%', 4, 5.6);
export const SMOKING: ObservationEntry = {
  key: 'smoking',
  code: { system: LOINC, code: '72166-2', display: 'Tobacco smoking status' },
  category: 'social-history',
  value: { kind: 'coded', value: { system: SNOMED, code: '266919005', display: 'Never smoked tobacco' } },
};

export const FLU: Coded = {
  system: CVX,
  code: '150',
  display: 'Influenza, injectable, quadrivalent, preservative free',
};
export const COVID: Coded = { system: CVX, code: '208', display: 'COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose' };
export const OFFICE: Coded = { system: SNOMED, code: '390906007', display: 'Follow-up encounter' };
export const CHECK_UP: Coded = { system: SNOMED, code: '185349003', display: 'Encounter for check up' };
export const ED: Coded = { system: SNOMED, code: '50849002', display: 'Emergency room admission' };
