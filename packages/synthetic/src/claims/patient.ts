import type { Coding, Extension, Patient } from 'fhir/r4';
import { PATIENT_ACCESS_PROFILES } from '@plan-api/fhir';
import { concept, PLAN_ID_SYSTEMS, SYS } from './codes.ts';
import type { Coded, MemberTimeline } from '../model.ts';

const US_CORE_EXT = 'http://hl7.org/fhir/us/core/StructureDefinition/';
const CDC_RACE_ETHNICITY = 'urn:oid:2.16.840.1.113883.6.238';
const NULL_FLAVOR = 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor';

/** The five OMB race categories and two OMB ethnicity categories (CDC Race & Ethnicity codes). */
const OMB_RACE = new Set(['1002-5', '2028-9', '2054-5', '2076-8', '2106-3']);
const OMB_ETHNICITY = new Set(['2135-2', '2186-5']);

/**
 * A US Core race or ethnicity extension. OMB categories (and "unknown"/"asked but declined") go in
 * `ombCategory`, finer CDC codes in `detailed`; `text` is required by US Core.
 */
function raceOrEthnicity(kind: 'race' | 'ethnicity', coded: Coded): Extension {
  const omb = kind === 'race' ? OMB_RACE : OMB_ETHNICITY;
  const coding: Coding = { system: coded.system, code: coded.code, display: coded.display };
  const slot = omb.has(coded.code) || coded.system === NULL_FLAVOR ? 'ombCategory' : 'detailed';
  const parts: Extension[] =
    coded.system === CDC_RACE_ETHNICITY || coded.system === NULL_FLAVOR ? [{ url: slot, valueCoding: coding }] : [];
  return { url: `${US_CORE_EXT}us-core-${kind}`, extension: [...parts, { url: 'text', valueString: coded.display }] };
}

/**
 * The member as the plan knows them: US Core 6.1 Patient and CARIN BB C4BB-Patient, identified by the
 * member id printed on their ID card.
 */
export function renderPatient(timeline: MemberTimeline, patientId: string): Patient {
  const p = timeline.person;
  const extension: Extension[] = [];
  if (p.race) extension.push(raceOrEthnicity('race', p.race));
  if (p.ethnicity) extension.push(raceOrEthnicity('ethnicity', p.ethnicity));
  extension.push({ url: `${US_CORE_EXT}us-core-birthsex`, valueCode: p.sex === 'female' ? 'F' : 'M' });
  return {
    resourceType: 'Patient',
    id: patientId,
    meta: {
      lastUpdated: `${timeline.coverageStart}T08:00:00Z`,
      profile: [...(PATIENT_ACCESS_PROFILES.Patient ?? [])],
    },
    extension,
    identifier: [
      {
        use: 'usual',
        type: concept(SYS.v20203, 'MB', 'Member Number'),
        system: PLAN_ID_SYSTEMS.memberId,
        value: p.memberId,
      },
    ],
    active: true,
    name: [{ use: 'official', family: p.family, given: [...p.given] }],
    telecom: [
      { system: 'phone', value: p.phone, use: 'home' },
      { system: 'email', value: p.email },
    ],
    gender: p.sex,
    birthDate: p.birthDate,
    address: [
      {
        use: 'home',
        type: 'physical',
        line: [...p.address.line],
        city: p.address.city,
        ...(p.address.district ? { district: p.address.district } : {}),
        state: p.address.state,
        postalCode: p.address.postalCode,
        country: 'US',
      },
    ],
    ...(p.maritalStatus
      ? { maritalStatus: concept(p.maritalStatus.system, p.maritalStatus.code, p.maritalStatus.display) }
      : {}),
    communication: [{ language: concept(p.language.system, p.language.code, p.language.display), preferred: true }],
  };
}
