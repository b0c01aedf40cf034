/**
 * The care model that members are generated from. A scenario produces a MemberTimeline (who the member
 * is, their conditions and every care event of the last five years); the claims generator (CARIN BB
 * ExplanationOfBenefit) and the clinical generator (US Core) both render the same timeline, so a
 * diabetic's HbA1c results, metformin fills and visits agree everywhere.
 */

export type ScenarioName = 'healthy' | 'diabetes' | 'pregnancy' | 'pediatric' | 'elderly-multimorbid';

export const SCENARIOS: readonly ScenarioName[] = [
  'healthy',
  'diabetes',
  'pregnancy',
  'pediatric',
  'elderly-multimorbid',
];

/** A code with its system and display, as kept in resources/terminology. */
export interface Coded {
  system: string;
  code: string;
  display: string;
}

/** A reference into the provider directory (a resource the directory stream also emits). */
export interface DirectoryRef {
  /** `Practitioner/<id>`, `Organization/<id>`, `Location/<id>`, ... */
  reference: string;
  display: string;
  /** NPI of a practitioner or organization. */
  npi?: string;
  /** NUCC taxonomy of the practitioner's role. */
  specialty?: Coded;
}

/** What the member generators need from the directory (implemented by the directory generator). */
export interface DirectoryHandle {
  /** The health plan (payor; `Coverage.payor`, `ExplanationOfBenefit.insurer`). */
  readonly plan: DirectoryRef;
  /** The plan's insurance products members are enrolled in (InsurancePlan refs with plan names). */
  readonly insurancePlans: readonly DirectoryRef[];
  /** A practitioner with this NUCC specialty code (or any), and the organization and location they work at. */
  practitioner(
    pick: () => number,
    specialty?: string,
  ): { practitioner: DirectoryRef; organization: DirectoryRef; location: DirectoryRef };
  /** A facility organization of a kind, with a location. */
  facility(
    pick: () => number,
    kind: 'hospital' | 'pharmacy' | 'lab' | 'clinic' | 'dental',
  ): { organization: DirectoryRef; location: DirectoryRef };
}

export type Sex = 'male' | 'female';

export interface Person {
  given: string[];
  family: string;
  sex: Sex;
  /** YYYY-MM-DD */
  birthDate: string;
  address: { line: string[]; city: string; state: string; postalCode: string; district?: string };
  phone: string;
  email: string;
  /** The plan's member id (Patient.identifier and Coverage.identifier). */
  memberId: string;
  /** Subscriber id of the policy (the member, or a parent for a child). */
  subscriberId: string;
  relationship: 'self' | 'child' | 'spouse';
  race?: Coded;
  ethnicity?: Coded;
  language: Coded;
  maritalStatus?: Coded;
}

export interface ConditionEntry {
  key: string;
  icd10: Coded;
  snomed: Coded;
  /** YYYY-MM-DD */
  onset: string;
  abatement?: string;
  category: 'problem-list-item' | 'encounter-diagnosis' | 'health-concern';
}

export interface AllergyEntry {
  key: string;
  substance: Coded;
  reaction?: Coded;
  criticality: 'low' | 'high';
  recorded: string;
}

export type ObservationValue =
  | { kind: 'quantity'; value: number; unit: string; code: string }
  | { kind: 'coded'; value: Coded }
  | { kind: 'components'; components: { code: Coded; value: number; unit: string; unitCode: string }[] };

export interface ObservationEntry {
  key: string;
  code: Coded;
  category: 'laboratory' | 'vital-signs' | 'social-history' | 'survey' | 'exam';
  value: ObservationValue;
  /** Reference range for labs. */
  low?: number;
  high?: number;
  interpretation?: 'N' | 'H' | 'L';
}

export interface ProcedureEntry {
  key: string;
  /** CPT/HCPCS (professional, outpatient) or CDT (oral) billing code. */
  billing: Coded;
  /** SNOMED CT clinical code for the Procedure resource (absent for plain office visits). */
  snomed?: Coded;
  /** Billed amount in cents (all units together). */
  chargeCents: number;
  /** Units billed on the line (days of a daily visit code); 1 when absent. */
  units?: number;
  /** Whether it is a clinical procedure worth a US Core Procedure (not an E/M visit code). */
  clinical: boolean;
}

export interface MedicationEntry {
  key: string;
  rxnorm: Coded;
  ndc: Coded;
  /** Sig in plain words. */
  dosage: string;
  /** Amount dispensed, in `unit`. */
  quantity: number;
  /** The package unit the quantity is counted in: tablet, capsule, inhaler, mL. */
  unit: string;
  /** A brand-name product (brand tier, NCPDP brand indicator) rather than a generic. */
  brand: boolean;
  /** The pharmacy's usual and customary price of one unit, in cents [min, max] (from the NDC entry). */
  unitPriceCents: readonly [number, number];
  daysSupply: number;
  /** Number of fills over the period (pharmacy claims). */
  refills: number;
}

export type EventKind =
  | 'wellness'
  | 'office'
  | 'lab'
  | 'emergency'
  | 'inpatient'
  | 'outpatient-surgery'
  | 'prenatal'
  | 'delivery'
  | 'pharmacy'
  | 'dental'
  | 'immunization';

/** One care event: one claim and, unless it is a pharmacy fill, one encounter. */
export interface CareEvent {
  key: string;
  kind: EventKind;
  /** Claim type: which CARIN BB EOB profile renders it. */
  claim: 'professional' | 'inpatient-institutional' | 'outpatient-institutional' | 'pharmacy' | 'oral';
  /** ISO dateTime with offset. */
  start: string;
  end: string;
  practitioner: DirectoryRef;
  organization: DirectoryRef;
  location: DirectoryRef;
  /** Encounter.type and reason in plain terms. */
  encounterType: Coded;
  /** ICD-10-CM diagnoses, principal first. */
  diagnoses: ConditionEntry[];
  procedures: ProcedureEntry[];
  observations: ObservationEntry[];
  /** Prescriptions written at this event (MedicationRequest) or filled (pharmacy event). */
  medications: MedicationEntry[];
  /** CVX vaccines given. */
  immunizations: Coded[];
  /** A clinical note is written for the event (DocumentReference). */
  note?: string;
}

/** Everything a member generator renders. Events are sorted by start. */
export interface MemberTimeline {
  scenario: ScenarioName;
  person: Person;
  /** Coverage period start (YYYY-MM-DD); coverage is active through `asOf`. */
  coverageStart: string;
  insurancePlan: DirectoryRef;
  primaryCare: DirectoryRef;
  conditions: ConditionEntry[];
  allergies: AllergyEntry[];
  events: CareEvent[];
  /** The member's care plan and its goals: chronic care, pregnancy, or preventive care for the healthy. */
  carePlan?: CarePlanEntry;
  /** Implanted devices: placed during the record (a pacemaker, an IUD, ear tubes) or before it (a stent). */
  devices: DeviceEntry[];
}

/** A goal of a care plan: on a measurement (LOINC, with a target such as "< 7.0 %") or in words. */
export interface GoalEntry {
  description: Coded;
  target?: string;
  /** YYYY-MM-DD */
  due?: string;
  /** Goals of a finished plan are completed (default active). */
  status?: 'active' | 'completed';
}

export interface CarePlanEntry {
  title: string;
  /** A SNOMED CT care plan type, when one fits (every plan is also an assessment and plan of treatment). */
  category?: Coded;
  /** A plan that has run its course (antenatal care after the delivery) is completed (default active). */
  status?: 'active' | 'completed';
  /** When the plan ran; absent, it starts with the first visit for its problems and is ongoing. */
  period?: { start: string; end?: string };
  goals: GoalEntry[];
}

/** An implanted device of the member. */
export interface DeviceEntry {
  udi?: string;
  type: Coded;
  /** What the coded type leaves unsaid ("Tympanostomy tubes, bilateral"); the type's display when absent. */
  text?: string;
  /** YYYY-MM-DD; before coverage for a device the member already had. */
  implanted: string;
  /** Removed, extruded or explanted devices are inactive (default active). */
  status?: 'active' | 'inactive';
}

/** Options every member generator takes. */
export interface MemberOptions {
  seed: string | number;
  scenario?: ScenarioName;
  /** The day the record ends (YYYY-MM-DD); the record covers the five years before it. */
  asOf?: string;
  directory: DirectoryHandle;
}

/** A fixed default so the same seed gives the same bytes on any day. */
export const DEFAULT_AS_OF = '2026-06-30';
