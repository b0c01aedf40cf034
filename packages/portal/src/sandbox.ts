import type { Bundle } from 'fhir/r4';
import type { AuthEvent, ClientSource, LaunchResolver, SmartClient, LaunchContext } from '@plan-api/smart';
import { createPortalContext, type SandboxPortalDeps } from './context.ts';
import { createApp } from './apps/create-app.ts';
import { listApps, type ListAppsOptions } from './apps/list-apps.ts';
import { getApp } from './apps/get-app.ts';
import { updateApp } from './apps/update-app.ts';
import { deleteApp } from './apps/delete-app.ts';
import { clientFor } from './apps/client-for.ts';
import { initializePatient } from './patients/initialize-patient.ts';
import { listPatients } from './patients/list-patients.ts';
import { listPatientsForClient } from './patients/list-patients-for-client.ts';
import { getPatient } from './patients/get-patient.ts';
import { getPatientData } from './patients/get-patient-data.ts';
import { deletePatient } from './patients/delete-patient.ts';
import {
  cleanUpInterruptedPatients,
  type CleanUpOptions,
  type InterruptedPatientsCleanUp,
} from './patients/pending.ts';
import { createLaunch, type CreatedLaunch } from './launches/create-launch.ts';
import { resolveLaunch } from './launches/resolve-launch.ts';
import { listLaunches, type ListLaunchesOptions } from './launches/list-launches.ts';
import { getLaunch, type LaunchDetail } from './launches/get-launch.ts';
import { applyLifecycle } from './launches/apply-lifecycle.ts';
import type { LaunchSummary } from './launches/summaries.ts';
import type { FhirAccessInput } from './logs/record-fhir-access.ts';
import { recordLogEvents, type LogEvent, type LogEventResult } from './logs/record-log-events.ts';
import { batchQueue } from './shared/batch.ts';
import { listAccessLog, type AccessLogQuery } from './logs/list-access-log.ts';
import { requestProduction } from './production/request-production.ts';
import { productionChecks } from './production/production-checks.ts';
import { receiveProductionRequest } from './production/receive-production-request.ts';
import type { PreCheck } from './production/model.ts';
import type { AccessLogRecord, AppRecord, LaunchStepRecord, SandboxPatientRecord } from './types.ts';

/**
 * The sandbox portal: what the management API, the authorization server and the Patient Access API call.
 * Every method is a plain function property, so `portal.clientFor` and `portal.resolveLaunch` can be handed
 * to the authorization server as they are. Management methods take the acting owner (the vendor) first, so
 * one portal serves every vendor of a hosted sandbox; a record of another owner is not_found. Failures are
 * PortalError (code, message, fields).
 */
export interface SandboxPortal {
  /** POST /api/apps: body validated; validation_failed with one message per field. */
  createApp(owner: string, input: unknown): Promise<AppRecord>;
  /** GET /api/apps, newest first. */
  listApps(owner: string, options?: ListAppsOptions): Promise<AppRecord[]>;
  /** GET /api/apps/{id}; not_found unless the owner has it. */
  getApp(owner: string, id: string): Promise<AppRecord>;
  /** PUT /api/apps/{id}: replaces the fields; not_found, validation_failed. */
  updateApp(owner: string, id: string, input: unknown): Promise<AppRecord>;
  /** DELETE /api/apps/{id}, with its launches; not_found. */
  deleteApp(owner: string, id: string): Promise<void>;
  /** ClientSource of the authorization server (every owner's apps). */
  clientFor: ClientSource;

  /** POST /api/patients ("Initialize Patient"); body optional `{ seed?, scenario? }`; patient_exists when taken. */
  initializePatient(owner: string, input?: unknown): Promise<SandboxPatientRecord>;
  /** GET /api/patients, newest first. */
  listPatients(owner: string): Promise<SandboxPatientRecord[]>;
  /** The patients the picker offers an app: its owner's. */
  listPatientsForClient(clientId: string): Promise<SandboxPatientRecord[]>;
  /** One patient record; not_found unless the owner has it. */
  getPatient(owner: string, id: string): Promise<SandboxPatientRecord>;
  /** GET /api/patients/{id}/data: "My Data", a collection Bundle; not_found. */
  getPatientData(owner: string, id: string): Promise<Bundle>;
  /** DELETE /api/patients/{id}: its resources leave the FHIR store; not_found. */
  deletePatient(owner: string, id: string): Promise<void>;
  /**
   * At start, before serving: deletes the resources of every "Initialize Patient" a crash interrupted before
   * its patient record was written. Where several processes share the stores, pass `olderThanSeconds`.
   */
  cleanUpInterruptedPatients(options?: CleanUpOptions): Promise<InterruptedPatientsCleanUp>;

  /** POST /api/apps/{id}/launch with `{ patientId, skipConsent?, simulateError? }`. */
  createLaunch(owner: string, appId: string, input: unknown): Promise<CreatedLaunch>;
  /** LaunchResolver of the authorization server (consumes the launch value). */
  resolveLaunch: LaunchResolver;
  /** GET /api/launches, newest first. */
  listLaunches(owner: string, options?: ListLaunchesOptions): Promise<LaunchSummary[]>;
  /** GET /api/launches/{id}: the launch and its steps; not_found. */
  getLaunch(owner: string, id: string): Promise<LaunchDetail>;
  /**
   * POST /api/launches/{id}/lifecycle with `{ action, seconds? }`: the action on the launch's grant, logged as a
   * `lifecycle` step (returned); validation_failed, not_found, grant_gone (no live grant).
   */
  applyLifecycle(owner: string, id: string, input: unknown): Promise<LaunchStepRecord>;

  /** AuthServerConfig.onEvent sink (returns the step, or undefined when the event has no known launch/app). */
  recordAuthEvent(event: AuthEvent): Promise<LaunchStepRecord | undefined>;
  /** Every Patient Access FHIR request: access log + `fhir` launch step. */
  recordFhirAccess(input: FhirAccessInput): Promise<AccessLogRecord>;
  /** Access history of the owner's apps, newest first. */
  listAccessLog(owner: string, query?: AccessLogQuery): Promise<AccessLogRecord[]>;

  /**
   * POST /api/apps/{id}/production-request with `{ attestation, notes?, contactEmail? }`: blocking pre-checks,
   * then a pending request (or, connected to a plan server, the server's status); mails the vendor.
   */
  requestProduction(owner: string, appId: string, input: unknown): Promise<AppRecord>;
  /** GET /api/apps/{id}/production-checks: the pre-checks of the app as it is now; not_found. */
  productionChecks(owner: string, appId: string): Promise<PreCheck[]>;
  /**
   * POST /api/production-requests (the server; what a connected sandbox sends): `{ app: {<app fields>,
   * clientId, clientSecret?}, attestation, notes? }` creates or updates the vendor's app with exactly that
   * client ID and secret, then sends the request; client_id_taken for another vendor's client ID.
   */
  receiveProductionRequest(owner: string, input: unknown): Promise<AppRecord>;
}

/**
 * Creates the sandbox portal over its ports: a RecordStore for its own records, the Patient Access FhirStore,
 * the generator of synthetic members, a clock and a random source.
 */
export function createSandboxPortal(deps: SandboxPortalDeps): SandboxPortal {
  const ctx = createPortalContext(deps);
  // The authorization server's events and the Patient Access API's requests are logged after they are answered, in
  // batches (in arrival order), off the requests' path.
  const logEvents = batchQueue<LogEvent, LogEventResult>((events) => recordLogEvents(ctx, events));
  return {
    createApp: (owner, input) => createApp(ctx, owner, input),
    listApps: (owner, options) => listApps(ctx, owner, options),
    getApp: (owner, id) => getApp(ctx, owner, id),
    updateApp: (owner, id, input) => updateApp(ctx, owner, id, input),
    deleteApp: (owner, id) => deleteApp(ctx, owner, id),
    clientFor: (clientId): Promise<SmartClient | undefined> => clientFor(ctx, clientId),
    initializePatient: (owner, input) => initializePatient(ctx, owner, input),
    listPatients: (owner) => listPatients(ctx, owner),
    listPatientsForClient: (clientId) => listPatientsForClient(ctx, clientId),
    getPatient: (owner, id) => getPatient(ctx, owner, id),
    getPatientData: (owner, id) => getPatientData(ctx, owner, id),
    deletePatient: (owner, id) => deletePatient(ctx, owner, id),
    cleanUpInterruptedPatients: (options) => cleanUpInterruptedPatients(ctx, options),
    createLaunch: (owner, appId, input) => createLaunch(ctx, owner, appId, input),
    resolveLaunch: (launch, clientId): Promise<LaunchContext | undefined> => resolveLaunch(ctx, launch, clientId),
    listLaunches: (owner, options) => listLaunches(ctx, owner, options),
    getLaunch: (owner, id) => getLaunch(ctx, owner, id),
    applyLifecycle: (owner, id, input) => applyLifecycle(ctx, owner, id, input),
    recordAuthEvent: (event) => logEvents.push({ kind: 'auth', event }) as Promise<LaunchStepRecord | undefined>,
    recordFhirAccess: (input) => logEvents.push({ kind: 'access', input }) as Promise<AccessLogRecord>,
    listAccessLog: (owner, query) => listAccessLog(ctx, owner, query),
    requestProduction: (owner, appId, input) => requestProduction(ctx, owner, appId, input),
    productionChecks: (owner, appId) => productionChecks(ctx, owner, appId),
    receiveProductionRequest: (owner, input) => receiveProductionRequest(ctx, owner, input),
  };
}
