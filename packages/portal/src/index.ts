export * from './types.ts';
export { createSandboxPortal, type SandboxPortal } from './sandbox.ts';
export { COLLECTIONS, type Clock, type SandboxPortalDeps } from './context.ts';
export { APP_FIELDS, type AppInput } from './apps/schema.ts';
export { toSmartClient } from './apps/client-for.ts';
export { CLIENT_ID_BYTES, CLIENT_SECRET_BYTES } from './apps/credentials.ts';
export {
  SIMULATED_ERRORS,
  type SimulatedError,
  type CreateLaunchInput,
  type CreatedLaunch,
} from './launches/create-launch.ts';
export type { InitializePatientInput } from './patients/initialize-patient.ts';
export type { GeneratedPatient, PatientGenerator } from './patients/generator.ts';
export type { ListLaunchesOptions } from './launches/list-launches.ts';
export type { LaunchDetail } from './launches/get-launch.ts';
export type { LaunchSummary } from './launches/summaries.ts';
export type { FhirAccessInput } from './logs/record-fhir-access.ts';
export type { AccessLogQuery } from './logs/list-access-log.ts';
export type { RandomBytes } from './shared/ids.ts';
export { patientCompartmentTypes } from './patients/member-resources.ts';
export type { RequestProductionInput } from './production/request-production.ts';
export type { Mailer as PortalMailer, PortalMail, ProductionRequestMailData } from './production/mailer.ts';
