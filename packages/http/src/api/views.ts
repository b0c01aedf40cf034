import type { AppRecord, SandboxPatientRecord } from '@plan-api/portal';

/** An app as the management API shows it (the owner is implicit in the sandbox). */
export type AppView = Omit<AppRecord, 'ownerId'>;

/** A sandbox patient as the management API shows it. */
export type PatientView = Omit<SandboxPatientRecord, 'ownerId'>;

/**
 * Drops the owner from an app record; every other field, `productionRequest` (the ProductionStatus) included,
 * passes through unchanged.
 */
export function appView(record: AppRecord): AppView {
  const { ownerId: _ownerId, ...view } = record;
  return view;
}

/** Drops the owner from a sandbox patient record. */
export function patientView(record: SandboxPatientRecord): PatientView {
  const { ownerId: _ownerId, ...view } = record;
  return view;
}
