import type { SandboxPortal } from '@plan-api/portal';
import type { ProductionChecksPortal } from './production/port.ts';

/**
 * The use cases the management API calls (the sandbox portal's, with the production pre-checks of
 * ProductionChecksPortal; the server's `POST /production-requests` is ProductionRequestsPortal, apart). Inputs are
 * the raw JSON bodies: the portal validates them and throws PortalError (with field errors; not_found when the
 * owner has no such id).
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
  | 'applyLifecycle'
  | 'listAccessLog'
  | 'requestProduction'
> &
  ProductionChecksPortal;
