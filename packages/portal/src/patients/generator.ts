import type { Resource } from 'fhir/r4';

/** A synthetic member made for "Initialize Patient". */
export interface GeneratedPatient {
  /** The Patient resource id. */
  patientId: string;
  /** Every resource of the member, the Patient among them. */
  resources: Resource[];
  name: string;
  birthDate?: string;
  gender?: string;
  /** The scenario the member was made from (the one asked for, or the seed's). */
  scenario: string;
}

/**
 * Where "Initialize Patient" gets its members: the sandbox composition wires the synthetic generator in (a
 * production portal has none). The same owner and seed always give the same member; the composition decides
 * whether different owners' seeds can meet (a hosted sandbox keeps them apart).
 */
export interface PatientGenerator {
  /** Scenario names a vendor may ask for. */
  readonly scenarios: readonly string[];
  /** The Patient id the member of this owner's seed has (without generating it). */
  patientId(owner: string, seed: string): string;
  generate(input: { owner: string; seed: string; scenario?: string }): GeneratedPatient;
}
