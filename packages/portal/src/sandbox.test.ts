import { describe, expect, it } from 'vitest';
import { createDefaultRegistry } from '@plan-api/fhir';
import { createMemoryRecordStore, createMemoryStore } from '@plan-api/store';
import { createSandboxPortal } from './sandbox.ts';
import { syntheticPatients } from '@plan-api/synthetic';
import { appInput, OWNER, rejection, TEST_DIRECTORY, TEST_TERMINOLOGY } from './testing/harness.ts';
import type { PortalError } from './types.ts';

const generator = syntheticPatients({ directory: TEST_DIRECTORY.handle, terminology: TEST_TERMINOLOGY });

const base = () => ({
  records: createMemoryRecordStore(),
  fhir: createMemoryStore({ registry: createDefaultRegistry() }),
  generator,
});

describe('createSandboxPortal', () => {
  it('initializes patients from its generator, and refuses to without one', async () => {
    const portal = createSandboxPortal({ ...base(), fhirBaseUrl: 'http://localhost/fhir' });
    const patient = await portal.initializePatient(OWNER, { seed: 'dir', scenario: 'healthy' });
    expect(patient.resourceCounts.Patient).toBe(1);
    const { generator: _none, ...withoutGenerator } = base();
    const bare = createSandboxPortal({ ...withoutGenerator, fhirBaseUrl: 'http://localhost/fhir' });
    const error = (await rejection(bare.initializePatient(OWNER, { seed: 'dir' }))) as PortalError;
    expect([error.code, error.message]).toEqual([
      'validation_failed',
      'This server makes no synthetic patients: Initialize Patient is a sandbox feature.',
    ]);
  });

  it('builds launch URLs on the FHIR base without its trailing slash, with the real clock and randomness', async () => {
    const portal = createSandboxPortal({
      ...base(),
      fhirBaseUrl: 'http://localhost:4010/fhir/',
    });
    const app = await portal.createApp(OWNER, appInput());
    const patient = await portal.initializePatient(OWNER, { seed: 'base', scenario: 'healthy' });
    const before = Date.now();
    const { launch, launchUrl } = await portal.createLaunch(OWNER, app.id, { patientId: patient.id });
    expect(new URL(launchUrl).searchParams.get('iss')).toBe('http://localhost:4010/fhir');
    expect(Date.parse(launch.expiresAt) - Date.parse(launch.createdAt)).toBe(300_000);
    expect(Date.parse(launch.createdAt)).toBeGreaterThanOrEqual(before - 1);
  });

  it('refuses a launch TTL that is not positive', () => {
    expect(() => createSandboxPortal({ ...base(), fhirBaseUrl: 'http://x/fhir', launchTtlSeconds: 0 })).toThrow(
      'launchTtlSeconds must be positive',
    );
  });

  it('keeps its state in the RecordStore: a second portal over the same stores sees the same apps and launches', async () => {
    const stores = base();
    const first = createSandboxPortal({ ...stores, fhirBaseUrl: 'http://x/fhir' });
    const app = await first.createApp(OWNER, appInput());
    const patient = await first.initializePatient(OWNER, { seed: 'restart', scenario: 'healthy' });
    const { launch } = await first.createLaunch(OWNER, app.id, { patientId: patient.id });
    const second = createSandboxPortal({ ...stores, fhirBaseUrl: 'http://x/fhir' });
    expect(await second.getApp(OWNER, app.id)).toEqual(app);
    expect((await second.resolveLaunch(launch.id, app.clientId))?.patientId).toBe(patient.id);
    expect(await first.resolveLaunch(launch.id, app.clientId)).toBeUndefined();
  });
});
