/**
 * NUCC taxonomy codes of the practitioners members see. The directory builds practitioners of every one
 * of these, so `DirectoryHandle.practitioner(pick, code)` always finds someone.
 */
export const SPECIALTY = {
  familyMedicine: '207Q00000X',
  internalMedicine: '207R00000X',
  pediatrics: '208000000X',
  obstetricsGynecology: '207V00000X',
  endocrinology: '207RE0101X',
  cardiology: '207RC0000X',
  electrophysiology: '207RC0001X',
  nephrology: '207RN0300X',
  pulmonology: '207RP1001X',
  gastroenterology: '207RG0100X',
  otolaryngology: '207Y00000X',
  emergencyMedicine: '207P00000X',
  hospitalist: '208M00000X',
  ophthalmology: '207W00000X',
  optometry: '152W00000X',
  generalDentist: '1223G0001X',
  pediatricDentist: '1223P0221X',
  familyNursePractitioner: '363LF0000X',
  pharmacist: '183500000X',
} as const;

export type SpecialtyCode = (typeof SPECIALTY)[keyof typeof SPECIALTY];

/** Every NUCC code the member timelines ask the directory for. */
export const SPECIALTIES_USED: readonly SpecialtyCode[] = Object.values(SPECIALTY);
