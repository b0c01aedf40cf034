import { describe, expect, it } from 'vitest';
import {
  CAPABILITY_INSTANTIATES,
  DIRECTORY_PROFILES,
  DIRECTORY_RESOURCE_TYPES,
  PATIENT_ACCESS_PROFILES,
  PATIENT_ACCESS_RESOURCE_TYPES,
  SEARCH_INCLUDES,
  SEARCH_REVINCLUDES,
  SUPPORTED_PROFILES,
  type FhirBase,
} from './profiles.ts';
import { createDefaultRegistry } from './search/default-registry.ts';

const registry = createDefaultRegistry();
const BASES: FhirBase[] = ['patientAccess', 'directory'];

describe('the IG tables', () => {
  it('serve the eight Plan-Net types in the directory and US Core plus CARIN BB types to patients', () => {
    expect([...DIRECTORY_RESOURCE_TYPES].sort()).toEqual([
      'Endpoint',
      'HealthcareService',
      'InsurancePlan',
      'Location',
      'Organization',
      'OrganizationAffiliation',
      'Practitioner',
      'PractitionerRole',
    ]);
    for (const t of ['Patient', 'Coverage', 'ExplanationOfBenefit', 'Observation', 'Provenance', 'Specimen']) {
      expect(PATIENT_ACCESS_RESOURCE_TYPES).toContain(t);
    }
  });

  it('give every served type at least one profile in its base', () => {
    for (const t of PATIENT_ACCESS_RESOURCE_TYPES) expect(PATIENT_ACCESS_PROFILES[t]?.length, t).toBeGreaterThan(0);
    for (const t of DIRECTORY_RESOURCE_TYPES) expect(DIRECTORY_PROFILES[t]?.length, t).toBeGreaterThan(0);
  });

  it('list the exact CARIN BB, US Core and Plan-Net canonicals', () => {
    expect(SUPPORTED_PROFILES['ExplanationOfBenefit']).toEqual([
      'http://hl7.org/fhir/us/carin-bb/StructureDefinition/C4BB-ExplanationOfBenefit-Inpatient-Institutional',
      'http://hl7.org/fhir/us/carin-bb/StructureDefinition/C4BB-ExplanationOfBenefit-Outpatient-Institutional',
      'http://hl7.org/fhir/us/carin-bb/StructureDefinition/C4BB-ExplanationOfBenefit-Professional-NonClinician',
      'http://hl7.org/fhir/us/carin-bb/StructureDefinition/C4BB-ExplanationOfBenefit-Pharmacy',
      'http://hl7.org/fhir/us/carin-bb/StructureDefinition/C4BB-ExplanationOfBenefit-Oral',
    ]);
    expect(SUPPORTED_PROFILES['Coverage']).toContain(
      'http://hl7.org/fhir/us/carin-bb/StructureDefinition/C4BB-Coverage',
    );
    expect(SUPPORTED_PROFILES['Observation']).toContain(
      'http://hl7.org/fhir/us/core/StructureDefinition/us-core-blood-pressure',
    );
    // Organization is in both bases: the union carries both IGs' profiles.
    expect(SUPPORTED_PROFILES['Organization']).toEqual([
      'http://hl7.org/fhir/us/core/StructureDefinition/us-core-organization',
      'http://hl7.org/fhir/us/carin-bb/StructureDefinition/C4BB-Organization',
      'http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/plannet-Organization',
      'http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/plannet-Network',
    ]);
    for (const list of Object.values(SUPPORTED_PROFILES)) {
      for (const url of list)
        expect(url).toMatch(/^http:\/\/hl7\.org\/fhir\/us\/[a-z-]+\/StructureDefinition\/[\w-]+$/);
    }
  });

  it('name only includes and revincludes whose source parameter is a reference parameter of the registry', () => {
    for (const base of BASES) {
      for (const table of [SEARCH_INCLUDES[base], SEARCH_REVINCLUDES[base]]) {
        for (const [type, values] of Object.entries(table)) {
          expect(registry.hasType(type), type).toBe(true);
          for (const value of values) {
            const [source, code] = value.split(':') as [string, string];
            if (code === '*') continue;
            expect(registry.get(source, code)?.type, value).toBe('reference');
          }
        }
      }
    }
  });

  it('include what the certification suites request', () => {
    expect(SEARCH_INCLUDES.patientAccess['ExplanationOfBenefit']).toEqual(
      expect.arrayContaining([
        'ExplanationOfBenefit:patient',
        'ExplanationOfBenefit:insurer',
        'ExplanationOfBenefit:*',
      ]),
    );
    expect(SEARCH_INCLUDES.patientAccess['Coverage']).toEqual(['Coverage:payor']);
    expect(SEARCH_REVINCLUDES.patientAccess['Observation']).toEqual(['Provenance:target']);
    expect(SEARCH_INCLUDES.directory['PractitionerRole']).toContain('PractitionerRole:practitioner');
    expect(SEARCH_REVINCLUDES.directory['Practitioner']).toEqual(['PractitionerRole:practitioner']);
    expect(CAPABILITY_INSTANTIATES.directory).toEqual([
      'http://hl7.org/fhir/us/davinci-pdex-plan-net/CapabilityStatement/plan-net',
    ]);
    expect(CAPABILITY_INSTANTIATES.patientAccess).toContain(
      'http://hl7.org/fhir/us/core/CapabilityStatement/us-core-server',
    );
  });
});
