/**
 * The scopes of the plan's Patient Access API in plain words (the seed's "API permissions and scopes" list, the
 * SMART context scopes, and what the sandbox does with the rest), for the Scopes page.
 */

export interface ScopeInfo {
  scope: string;
  /** Whether the sandbox grants it. */
  supported: boolean;
  /** What it lets the app do, in plain words. */
  grants: string;
  /** In the plan's published list (the seed); false for the SMART context scopes and the forms the list omits. */
  listed: boolean;
}

/** The scopes of the plan's published list, in its order. */
export const SEED_SCOPES: readonly string[] = [
  'openid',
  'fhirUser',
  'profile',
  'offline_access',
  'patient/CareTeam.read',
  'patient/Coverage.read',
  'patient/ExplanationOfBenefit.read',
  'patient/Encounter.read',
  'patient/DiagnosticReport.read',
  'patient/MedicationRequest.read',
  'patient/Goal.read',
  'patient/Condition.read',
  'patient/CarePlan.read',
  'patient/Procedure.read',
  'patient/DocumentReference.read',
  'patient/AllergyIntolerance.read',
  'patient/Immunization.read',
  'patient/Provenance.read',
  'patient/Observation.read',
  'patient/Device.read',
  'patient/Practitioner.read',
  'patient/Organization.read',
];

/** What each resource type of the list holds, as a member would say it. */
const RESOURCE_WORDS: Readonly<Record<string, string>> = {
  CareTeam: "the member's care teams: who takes care of them and in what role",
  Coverage: "the member's insurance coverage: plan, member ID, dates and payer",
  ExplanationOfBenefit:
    "the member's claims as processed by the plan: services, amounts billed, allowed and paid, and what the member owes",
  Encounter: "the member's visits and stays: office visits, emergency visits, hospital admissions",
  DiagnosticReport: "the member's lab and imaging reports",
  MedicationRequest: "the member's prescriptions",
  Goal: "the member's health goals",
  Condition: "the member's diagnoses and health problems",
  CarePlan: "the member's care plans",
  Procedure: 'procedures the member had: surgeries, screenings, therapies',
  DocumentReference: 'clinical documents about the member, such as visit notes and discharge summaries',
  AllergyIntolerance: "the member's allergies and intolerances",
  Immunization: "the member's vaccinations",
  Provenance: 'where each record came from and who recorded it',
  Observation: "the member's lab results, vital signs, smoking status and other measurements",
  Device: 'devices implanted in the member, such as pacemakers or joint implants',
  Practitioner: "the clinicians named in the member's records",
  Organization: "the organizations named in the member's records: practices, hospitals, the payer",
  Patient: "the member's own demographics: name, birth date, gender, address, identifiers",
};

const CONTEXT_WORDS: Readonly<Record<string, string>> = {
  openid: 'Signs the member in with OpenID Connect: the token response carries an id_token saying who they are.',
  fhirUser:
    'Adds the fhirUser claim to the id_token: the reference of the signed-in member (Patient/<id>), to read with patient/Patient.read.',
  profile: "Adds the member's name to the id_token.",
  offline_access:
    'A refresh token, so the app can get new access tokens without the member signing in again, until access is revoked.',
  launch:
    'EHR launch: the app was opened by the sandbox with a launch value and receives the member chosen there. Granted only to an EHR launch.',
  'launch/patient':
    'Standalone launch: the member picks the patient when signing in; the token response says which (patient).',
};

const read = (type: string, listed: boolean): ScopeInfo => ({
  scope: `patient/${type}.read`,
  supported: true,
  grants: `Read and search ${RESOURCE_WORDS[type] ?? type}.`,
  listed,
});

/** Each scope of the plan's list, with what it grants (all of them are supported). */
export const LISTED_SCOPES: readonly ScopeInfo[] = SEED_SCOPES.map((scope) => {
  const type = /^patient\/([A-Za-z]+)\.read$/.exec(scope)?.[1];
  return type === undefined
    ? { scope, supported: true, grants: CONTEXT_WORDS[scope] ?? scope, listed: true }
    : read(type, true);
});

/** SMART scopes that are not in the plan's list but that apps send, and what the sandbox does with them. */
export const OTHER_SCOPES: readonly ScopeInfo[] = [
  { scope: 'launch', supported: true, grants: CONTEXT_WORDS.launch ?? '', listed: false },
  { scope: 'launch/patient', supported: true, grants: CONTEXT_WORDS['launch/patient'] ?? '', listed: false },
  read('Patient', false),
  {
    scope: 'patient/*.read',
    supported: true,
    grants: 'Every supported type above: granted as the explicit list of those scopes, never more.',
    listed: false,
  },
  {
    scope: 'patient/Observation.rs',
    supported: true,
    grants: 'SMART v2 form of patient/Observation.read (read and search); accepted for every supported type.',
    listed: false,
  },
  {
    scope: 'patient/Observation.rs?category=laboratory',
    supported: true,
    grants: 'SMART v2 granular scope: only the resources matching the filter (here, lab results).',
    listed: false,
  },
  {
    scope: 'patient/Condition.write',
    supported: false,
    grants:
      'Writing is not offered: write scopes (.write, .cruds, .* beyond read and search) are dropped, never granted.',
    listed: false,
  },
  {
    scope: 'user/ExplanationOfBenefit.read',
    supported: true,
    grants:
      'User-level form (CARIN Blue Button apps ask for it): the signed-in member is the user, so it grants exactly what patient/ExplanationOfBenefit.read grants, the member\u2019s own records and nothing more. Every user/ scope of a supported type (v1, v2, wildcard) works the same way.',
    listed: false,
  },
  {
    scope: 'system/*.read',
    supported: false,
    grants: 'Backend (system) access is not offered by the Patient Access API.',
    listed: false,
  },
  {
    scope: 'patient/Claim.read',
    supported: false,
    grants: 'A type the plan does not list: dropped, never granted. Claims are in ExplanationOfBenefit.',
    listed: false,
  },
];
