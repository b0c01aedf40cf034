import type { AppRecord, SandboxPatientRecord } from '../types.ts';
import { appInput, createTestPortal, OWNER, type TestPortal } from './harness.ts';

export interface LaunchSetup extends TestPortal {
  app: AppRecord;
  patient: SandboxPatientRecord;
}

/** A portal with one app (with a launch URL) and one healthy patient. */
export async function launchSetup(overrides: Record<string, unknown> = {}): Promise<LaunchSetup> {
  const test = createTestPortal();
  const app = await test.portal.createApp(OWNER, appInput(overrides));
  const patient = await test.portal.initializePatient(OWNER, { seed: 'launch-patient', scenario: 'healthy' });
  return { ...test, app, patient };
}
