import type { Bundle } from 'fhir/r4';
import type { AuthEvent, ClientSource, LaunchResolver, SmartClient, LaunchContext } from '@plan-api/smart';
import { createPortalContext, type SandboxPortalDeps } from './context.ts';
import { createApp } from './apps/create-app.ts';
import { listApps } from './apps/list-apps.ts';
import { getApp } from './apps/get-app.ts';
import { updateApp } from './apps/update-app.ts';
import { deleteApp } from './apps/delete-app.ts';
import { clientFor } from './apps/client-for.ts';
import { initializePatient } from './patients/initialize-patient.ts';
import { listPatients } from './patients/list-patients.ts';
import { getPatient } from './patients/get-patient.ts';
import { getPatientData } from './patients/get-patient-data.ts';
import { deletePatient } from './patients/delete-patient.ts';
import { createLaunch, type CreatedLaunch } from './launches/create-launch.ts';
import { resolveLaunch } from './launches/resolve-launch.ts';
import { listLaunches, type ListLaunchesOptions } from './launches/list-launches.ts';
import { getLaunch, type LaunchDetail } from './launches/get-launch.ts';
import type { LaunchSummary } from './launches/summaries.ts';
import { recordAuthEvent } from './logs/record-auth-event.ts';
import { recordFhirAccess, type FhirAccessInput } from './logs/record-fhir-access.ts';
import { listAccessLog, type AccessLogQuery } from './logs/list-access-log.ts';
import { requestProduction } from './production/request-production.ts';
import type { AccessLogRecord, AppRecord, LaunchStepRecord, SandboxPatientRecord } from './types.ts';

/**
 * The sandbox portal: what the management API, the authorization server and the Patient Access API call.
 * Every method is a plain function property, so `portal.clientFor` and `portal.resolveLaunch` can be handed
 * to the authorization server as they are. Failures are PortalError (status, code, message, fields).
 */
export interface SandboxPortal {
  /** POST /api/apps: body validated; 400 with one message per field. */
  createApp(input: unknown): Promise<AppRecord>;
  /** GET /api/apps, newest first. */
  listApps(): Promise<AppRecord[]>;
  /** GET /api/apps/{id}; 404 unknown. */
  getApp(id: string): Promise<AppRecord>;
  /** PUT /api/apps/{id}: replaces the fields; 404 unknown, 400 invalid. */
  updateApp(id: string, input: unknown): Promise<AppRecord>;
  /** DELETE /api/apps/{id}, with its launches; 404 unknown. */
  deleteApp(id: string): Promise<void>;
  /** ClientSource of the authorization server. */
  clientFor: ClientSource;

  /** POST /api/patients ("Initialize Patient"); body optional `{ seed?, scenario? }`; 400 invalid, 409 seed taken. */
  initializePatient(input?: unknown): Promise<SandboxPatientRecord>;
  /** GET /api/patients, newest first. */
  listPatients(): Promise<SandboxPatientRecord[]>;
  /** One patient record; 404 unknown. */
  getPatient(id: string): Promise<SandboxPatientRecord>;
  /** GET /api/patients/{id}/data: "My Data", a collection Bundle; 404 unknown. */
  getPatientData(id: string): Promise<Bundle>;
  /** DELETE /api/patients/{id}: its resources leave the FHIR store; 404 unknown. */
  deletePatient(id: string): Promise<void>;

  /** POST /api/apps/{id}/launch with `{ patientId, skipConsent?, simulateError? }`. */
  createLaunch(appId: string, input: unknown): Promise<CreatedLaunch>;
  /** LaunchResolver of the authorization server (consumes the launch value). */
  resolveLaunch: LaunchResolver;
  /** GET /api/launches, newest first. */
  listLaunches(options?: ListLaunchesOptions): Promise<LaunchSummary[]>;
  /** GET /api/launches/{id}: the launch and its steps; 404 unknown. */
  getLaunch(id: string): Promise<LaunchDetail>;

  /** AuthServerConfig.onEvent sink (returns the step, or undefined when the event has no known launch/app). */
  recordAuthEvent(event: AuthEvent): Promise<LaunchStepRecord | undefined>;
  /** Every Patient Access FHIR request: access log + `fhir` launch step. */
  recordFhirAccess(input: FhirAccessInput): Promise<AccessLogRecord>;
  /** Access history, newest first. */
  listAccessLog(query?: AccessLogQuery): Promise<AccessLogRecord[]>;

  /** POST /api/apps/{id}/production-request with `{ contactEmail, notes? }`; mails the vendor; 404, 409, 400. */
  requestProduction(appId: string, input: unknown): Promise<AppRecord>;
}

/**
 * Creates the sandbox portal over its ports: a RecordStore for its own records, the Patient Access FhirStore,
 * the synthetic directory members are generated against, a clock and a random source.
 */
export function createSandboxPortal(deps: SandboxPortalDeps): SandboxPortal {
  const ctx = createPortalContext(deps);
  return {
    createApp: (input) => createApp(ctx, input),
    listApps: () => listApps(ctx),
    getApp: (id) => getApp(ctx, id),
    updateApp: (id, input) => updateApp(ctx, id, input),
    deleteApp: (id) => deleteApp(ctx, id),
    clientFor: (clientId): Promise<SmartClient | undefined> => clientFor(ctx, clientId),
    initializePatient: (input) => initializePatient(ctx, input),
    listPatients: () => listPatients(ctx),
    getPatient: (id) => getPatient(ctx, id),
    getPatientData: (id) => getPatientData(ctx, id),
    deletePatient: (id) => deletePatient(ctx, id),
    createLaunch: (appId, input) => createLaunch(ctx, appId, input),
    resolveLaunch: (launch, clientId): Promise<LaunchContext | undefined> => resolveLaunch(ctx, launch, clientId),
    listLaunches: (options) => listLaunches(ctx, options),
    getLaunch: (id) => getLaunch(ctx, id),
    recordAuthEvent: (event) => recordAuthEvent(ctx, event),
    recordFhirAccess: (input) => recordFhirAccess(ctx, input),
    listAccessLog: (query) => listAccessLog(ctx, query),
    requestProduction: (appId, input) => requestProduction(ctx, appId, input),
  };
}
