import { describe, expect, it } from 'vitest';
import { createDefaultRegistry } from '@plan-api/fhir';
import { createMemoryRecordStore, createMemoryStore } from '@plan-api/store';
import { createSandboxPortal } from './sandbox.ts';
import { appInput, TEST_DIRECTORY, TEST_TERMINOLOGY } from './test-support/harness.ts';

const base = () => ({
  records: createMemoryRecordStore(),
  fhir: createMemoryStore({ registry: createDefaultRegistry() }),
  terminology: TEST_TERMINOLOGY,
});

describe('createSandboxPortal', () => {
  it.each([
    ['a Directory', () => TEST_DIRECTORY],
    ['a DirectoryHandle', () => TEST_DIRECTORY.handle],
    ['a function returning the handle', () => () => TEST_DIRECTORY.handle],
  ])('takes the directory as %s', async (_label, directory) => {
    const portal = createSandboxPortal({ ...base(), fhirBaseUrl: 'http://localhost/fhir', directory: directory() });
    const patient = await portal.initializePatient({ seed: 'dir', scenario: 'healthy' });
    expect(patient.resourceCounts.Patient).toBe(1);
  });

  it('builds launch URLs on the FHIR base without its trailing slash, with the real clock and randomness', async () => {
    const portal = createSandboxPortal({
      ...base(),
      fhirBaseUrl: 'http://localhost:4010/fhir/',
      directory: TEST_DIRECTORY,
    });
    const app = await portal.createApp(appInput());
    const patient = await portal.initializePatient({ seed: 'base', scenario: 'healthy' });
    const before = Date.now();
    const { launch, launchUrl } = await portal.createLaunch(app.id, { patientId: patient.id });
    expect(new URL(launchUrl).searchParams.get('iss')).toBe('http://localhost:4010/fhir');
    expect(Date.parse(launch.expiresAt) - Date.parse(launch.createdAt)).toBe(300_000);
    expect(Date.parse(launch.createdAt)).toBeGreaterThanOrEqual(before - 1);
  });

  it('refuses a launch TTL that is not positive', () => {
    expect(() =>
      createSandboxPortal({ ...base(), fhirBaseUrl: 'http://x/fhir', directory: TEST_DIRECTORY, launchTtlSeconds: 0 }),
    ).toThrow('launchTtlSeconds must be positive');
  });

  it('keeps its state in the RecordStore: a second portal over the same stores sees the same apps and launches', async () => {
    const stores = base();
    const first = createSandboxPortal({ ...stores, fhirBaseUrl: 'http://x/fhir', directory: TEST_DIRECTORY });
    const app = await first.createApp(appInput());
    const patient = await first.initializePatient({ seed: 'restart', scenario: 'healthy' });
    const { launch } = await first.createLaunch(app.id, { patientId: patient.id });
    const second = createSandboxPortal({ ...stores, fhirBaseUrl: 'http://x/fhir', directory: TEST_DIRECTORY });
    expect(await second.getApp(app.id)).toEqual(app);
    expect((await second.resolveLaunch(launch.id, app.clientId))?.patientId).toBe(patient.id);
    expect(await first.resolveLaunch(launch.id, app.clientId)).toBeUndefined();
  });
});
