import { createDefaultRegistry } from '@plan-api/fhir';
import { createMemoryRecordStore, createMemoryStore, type FhirStore, type RecordStore } from '@plan-api/store';
import type { Coverage, ExplanationOfBenefit, FhirResource, Patient } from 'fhir/r4';
import { createMemberPortal, type MemberPortal } from '../members.ts';
import type { MemberPortalDeps } from '../members/context.ts';
import type { Member } from '../members/model.ts';
import { PRODUCTION_COLLECTIONS, type AppSnapshot, type PublishedAppRecord } from '../production/model.ts';
import { counterRandom, manualClock, type ManualClock } from './harness.ts';
import { ATTESTATION } from './production.ts';

/** The production FHIR base the tests' My Data points at. */
export const PRODUCTION_FHIR = 'https://plan.example/fhir';

/** Two members of the plan: Ada (Patient pat-ada) and Bo (Patient pat-bo). */
export const ADA: Member = { accountId: 'acct-ada', patientId: 'pat-ada' };
export const BO: Member = { accountId: 'acct-bo', patientId: 'pat-bo' };

/** A member portal and what the tests look into. */
export interface TestMembers {
  portal: MemberPortal;
  records: RecordStore;
  fhir: FhirStore;
  clock: ManualClock;
  /** Every revokeAccess call, in order. */
  revoked: { clientId: string; accountId: string }[];
  /** Another portal over the same stores and clock: another server process. */
  process2(): MemberPortal;
}

/** A member portal over the memory stores, a manual clock and a revokeAccess that records its calls. */
export function createTestMembers(overrides: Partial<MemberPortalDeps> = {}): TestMembers {
  const clock = manualClock();
  const registry = createDefaultRegistry();
  const fhir = createMemoryStore({ registry });
  const records = createMemoryRecordStore();
  const revoked: TestMembers['revoked'] = [];
  let processes = 0;
  const deps = (label: string): MemberPortalDeps => ({
    records,
    fhir,
    registry,
    clock,
    random: counterRandom(label),
    fhirBaseUrl: PRODUCTION_FHIR,
    revokeAccess: (clientId, accountId) => {
      revoked.push({ clientId, accountId });
      return Promise.resolve(1);
    },
    ...overrides,
  });
  return {
    portal: createMemberPortal(deps('process-1')),
    records,
    fhir,
    clock,
    revoked,
    process2: () => createMemberPortal(deps(`process-${2 + processes++}`)),
  };
}

/** Publishes an app as the review portal would (status `published` unless told otherwise). */
export async function publish(
  records: RecordStore,
  clientId: string,
  app: Partial<AppSnapshot> = {},
  options: { status?: PublishedAppRecord['status']; attestation?: PublishedAppRecord['attestation'] } = {},
): Promise<PublishedAppRecord> {
  const record: PublishedAppRecord = {
    id: clientId,
    appId: `app-${clientId}`,
    ownerId: 'vendor-1',
    requestId: `req-${clientId}`,
    version: 1,
    app: {
      name: 'Health Wallet',
      oauthType: 'secret',
      clientId,
      redirectUris: ['https://wallet.example.com/callback'],
      ...app,
    },
    clientSecret: 'secret-of-' + clientId,
    attestation: options.attestation ?? ATTESTATION,
    approvedAt: '2026-07-01T09:00:00.000Z',
    approvedBy: 'rae@plan.example',
    status: options.status ?? 'published',
    ...(options.status === 'suspended'
      ? { suspension: { at: '2026-07-01T10:00:00.000Z', by: 'rae@plan.example', reason: 'Leaked tokens' } }
      : {}),
  };
  await records.collection<PublishedAppRecord>(PRODUCTION_COLLECTIONS.published).put(record);
  return record;
}

/** A Patient with a Coverage and an ExplanationOfBenefit of theirs, and a directory Organization they cite. */
export function memberRecords(patientId: string, family: string): FhirResource[] {
  const patient = { reference: `Patient/${patientId}` };
  const records: [Patient, Coverage, ExplanationOfBenefit] = [
    { resourceType: 'Patient', id: patientId, name: [{ family, given: ['Member'] }], birthDate: '1980-04-23' },
    {
      resourceType: 'Coverage',
      id: `cov-${patientId}`,
      status: 'active',
      beneficiary: patient,
      payor: [{ reference: 'Organization/plan' }],
    },
    {
      resourceType: 'ExplanationOfBenefit',
      id: `eob-${patientId}`,
      status: 'active',
      type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'professional' }] },
      use: 'claim',
      patient,
      created: '2026-01-05',
      insurer: { reference: 'Organization/plan' },
      provider: { reference: 'Organization/plan' },
      outcome: 'complete',
      insurance: [{ focal: true, coverage: { reference: `Coverage/cov-${patientId}` } }],
    },
  ];
  return records;
}
