import type { OrgKind } from './codes.ts';

/** A practitioner specialty: NUCC taxonomy, where such practitioners work, their Plan-Net role and degree. */
export interface Specialty {
  /** NUCC code (its display comes from resources/terminology). */
  code: string;
  /** The kind of organization their (first) role is at. */
  kind: OrgKind;
  /** Plan-Net ProviderRoleCS code and display. */
  role: readonly [code: string, display: string];
  /** v2-0360 degree, when the specialty implies one. */
  degree?: readonly [code: string, display: string];
  /** Name suffix (credential) shown after the name. */
  credential: string;
  /** Relative share of practitioners. */
  weight: number;
}

const PHYSICIAN = ['ph', 'Physician'] as const;
const MD = ['MD', 'Doctor of Medicine'] as const;

const physician = (code: string, weight: number, kind: OrgKind = 'clinic'): Specialty => ({
  code,
  kind,
  role: PHYSICIAN,
  degree: MD,
  credential: 'MD',
  weight,
});

const other = (
  code: string,
  kind: OrgKind,
  role: readonly [string, string],
  credential: string,
  weight: number,
  degree?: readonly [string, string],
): Specialty => (degree ? { code, kind, role, degree, credential, weight } : { code, kind, role, credential, weight });

/**
 * The NUCC specialties practitioners have. Primary care dominates, as in any plan's directory; every
 * specialty the member timelines ask for is here (checked by a test against SPECIALTIES_USED).
 */
export const SPECIALTIES: readonly Specialty[] = [
  physician('207Q00000X', 14), // Family Medicine
  physician('207R00000X', 12), // Internal Medicine
  physician('208000000X', 8), // Pediatrics
  physician('207V00000X', 5), // Obstetrics & Gynecology
  physician('207RE0101X', 2), // Endocrinology, Diabetes & Metabolism
  physician('207RC0000X', 3), // Cardiovascular Disease
  physician('207RC0001X', 1), // Clinical Cardiac Electrophysiology
  physician('208D00000X', 2), // General Practice
  physician('207QG0300X', 1), // Geriatric Medicine (Family Medicine)
  physician('207RG0100X', 2), // Gastroenterology
  physician('207RP1001X', 1), // Pulmonary Disease
  physician('207RN0300X', 1), // Nephrology
  physician('207RR0500X', 1), // Rheumatology
  physician('2084N0400X', 1), // Neurology
  physician('2084P0800X', 2), // Psychiatry
  physician('207N00000X', 1), // Dermatology
  physician('207W00000X', 1), // Ophthalmology
  physician('207Y00000X', 1), // Otolaryngology
  physician('208800000X', 1), // Urology
  physician('207X00000X', 2), // Orthopaedic Surgery
  physician('207RH0003X', 1), // Hematology & Oncology
  physician('208600000X', 2, 'hospital'), // Surgery
  physician('207P00000X', 3, 'hospital'), // Emergency Medicine
  physician('208M00000X', 2, 'hospital'), // Hospitalist
  physician('2085R0202X', 1, 'hospital'), // Diagnostic Radiology
  physician('207L00000X', 1, 'hospital'), // Anesthesiology
  physician('207ZP0102X', 1, 'lab'), // Anatomic Pathology & Clinical Pathology
  other('363LF0000X', 'clinic', ['crnp', 'Certified Registered Nurse Practitioner'], 'FNP-C', 5, [
    'NP',
    'Nurse Practitioner',
  ]),
  other('363A00000X', 'clinic', ['pa', 'Physician Assistant'], 'PA-C', 3, ['PA', 'Physician Assistant']),
  other('367A00000X', 'clinic', ['cnw', 'Certified Nurse Midwife'], 'CNM', 1, ['CNM', 'Certified Nurse Midwife']),
  other('152W00000X', 'clinic', ['oo', 'Optometrist'], 'OD', 1),
  other('1223G0001X', 'dental', ['de', 'Dentist'], 'DDS', 6), // General Practice (dentist)
  other('1223P0221X', 'dental', ['de', 'Dentist'], 'DDS', 1), // Pediatric Dentistry
  other('183500000X', 'pharmacy', ['rx', 'Pharmacy Service Providers'], 'PharmD', 7, ['PharmD', 'Doctor of Pharmacy']),
];

/** Length of the repeating pattern that assigns specialties to practitioner indices. */
export const SPECIALTY_CYCLE_LENGTH = 200;

/**
 * Which specialty practitioner `p` has: `cycle[p % cycle.length]`. Every specialty comes once first (so
 * even a small directory has all of them), then slots go by weight (largest remainder), so the
 * practitioners of one specialty are found by arithmetic instead of a scan.
 */
export function specialtyCycle(specialties: readonly Specialty[], length = SPECIALTY_CYCLE_LENGTH): Specialty[] {
  if (specialties.length > length) throw new Error('specialtyCycle: more specialties than slots');
  const cycle: Specialty[] = [...specialties];
  const free = length - specialties.length;
  const total = specialties.reduce((sum, s) => sum + s.weight, 0);
  const shares = specialties.map((s, i) => ({ i, exact: (s.weight / total) * free }));
  const counts = shares.map((s) => Math.floor(s.exact));
  let left = free - counts.reduce((a, b) => a + b, 0);
  const byRemainder = [...shares].sort(
    (a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)) || a.i - b.i,
  );
  for (const s of byRemainder) {
    if (left-- <= 0) break;
    counts[s.i] = (counts[s.i] ?? 0) + 1;
  }
  // Interleave the weighted slots round-robin so one specialty's practitioners are spread out.
  const remaining = [...counts];
  while (cycle.length < length) {
    for (let i = 0; i < specialties.length && cycle.length < length; i++) {
      if ((remaining[i] ?? 0) > 0) {
        remaining[i] = (remaining[i] ?? 0) - 1;
        cycle.push(specialties[i] as Specialty);
      }
    }
  }
  return cycle;
}
