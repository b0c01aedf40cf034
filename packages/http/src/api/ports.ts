import type { SandboxPortal } from '@plan-api/portal';

/**
 * The use cases the management API calls (the sandbox portal's). Inputs are the raw JSON bodies: the
 * portal validates them and throws PortalError (with field errors; not_found when the owner has no such id).
 */
export type ManagementPortal = Pick<
  SandboxPortal,
  | 'createApp'
  | 'listApps'
  | 'getApp'
  | 'updateApp'
  | 'deleteApp'
  | 'initializePatient'
  | 'listPatients'
  | 'getPatientData'
  | 'deletePatient'
  | 'createLaunch'
  | 'listLaunches'
  | 'getLaunch'
  | 'listAccessLog'
  | 'requestProduction'
>;
