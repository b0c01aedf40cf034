import { createDefaultRegistry, type SearchRegistry } from '@plan-api/fhir';
import type { FhirStore, RecordCollection, RecordStore, StoredRecord } from '@plan-api/store';
import type { RateCounter } from './accounts/model.ts';
import type { PatientGenerator } from './patients/generator.ts';
import type { PendingPatientRecord } from './patients/pending.ts';
import { KeyedLock } from './shared/lock.ts';
import { pooledRandom, type RandomBytes } from './shared/ids.ts';
import type { Mailer, ProductionRequestMail } from './production/mailer.ts';
import type { ProductionGateway } from './production/gateway.ts';
import type { GrantLifecycle } from './launches/lifecycle.ts';
import { PRODUCTION_COLLECTIONS, type ProductionRequestRecord, type PublishedAppRecord } from './production/model.ts';
import { REMOTE_REQUESTS_COLLECTION, type RemoteRequestRecord } from './production/remote-record.ts';
import type { AccessLogRecord, AppRecord, LaunchRecord, LaunchStepRecord, SandboxPatientRecord } from './types.ts';

/** The time source of the portal (tests pin it). */
export interface Clock {
  now(): Date;
}

/** Which launch a token grant belongs to (oidc-provider grant id -> launch id). */
export interface GrantLaunchRecord extends StoredRecord {
  launchId: string;
}

/** Who a vendor is, for the mail about their production requests and the reviewers' queue. */
export interface VendorContact {
  name: string;
  /** The enrolled address: production request mail goes there. */
  email: string;
  organizationName?: string;
}

/** What createSandboxPortal needs. */
export interface SandboxPortalDeps {
  /** The portal's own records (apps, patients, launches, launch steps, access log). */
  records: RecordStore;
  /** The Patient Access FHIR store the sandbox patients are loaded into. */
  fhir: FhirStore;
  /** Absolute FHIR base URL of the Patient Access API: the `iss` of launch URLs, the fullUrl base of My Data. */
  fhirBaseUrl: string;
  /** Where "Initialize Patient" gets its members (the sandbox's synthetic generator); none = not offered. */
  generator?: PatientGenerator;
  clock?: Clock;
  /** Random bytes for ids, client ids, secrets and launch values (default: node:crypto, pooled). */
  random?: RandomBytes;
  /** Search parameters of the FHIR store (default: createDefaultRegistry()). */
  registry?: SearchRegistry;
  /** How long a launch value stays usable (default 300 seconds). */
  launchTtlSeconds?: number;
  /** Steps a launch log keeps: its first steps and its latest (default 20 and 500); the steps between are dropped. */
  launchLogLimits?: LaunchLogLimits;
  /** Sends the vendor's mail (the sandbox: its outbox); without one, nothing is sent. */
  mailer?: Mailer<ProductionRequestMail>;
  /**
   * Atomic counters in the database, for the numbering of launch-log steps when several processes append to one
   * launch (the hosted sandbox). Without them, steps are numbered in process memory (one process: the desktop).
   */
  counters?: RateCounter;
  /**
   * The vendor behind an owner id (the hosted server: the vendor's account). Without it (the desktop and
   * headless sandbox), a production request needs a `contactEmail`, which is where its mail goes.
   */
  vendorContact?: (ownerId: string) => Promise<VendorContact | undefined>;
  /**
   * The plan server a desktop/headless sandbox is connected to: when it says it is connected, production
   * requests go there and the App Status follows the server's. Without it, requests stay local (the outbox).
   */
  production?: ProductionGateway;
  /** The sandbox authorization server's grant lifecycle (POST /api/launches/{id}/lifecycle); none = not offered. */
  lifecycle?: GrantLifecycle;
}

/** How many steps of one launch are kept (a vendor's CI may call the FHIR API with one launch for days). */
export interface LaunchLogLimits {
  first: number;
  latest: number;
}

/** Collection names in the RecordStore. */
export const COLLECTIONS = {
  apps: 'apps',
  patients: 'sandboxPatients',
  /** Markers of "Initialize Patient" loads under way (left behind by an interrupted one). */
  pendingPatients: 'pendingSandboxPatients',
  launches: 'launches',
  steps: 'launchSteps',
  accessLog: 'accessLog',
  grants: 'launchGrants',
} as const;

/** Everything a use case works with: resolved dependencies and the collections. */
export interface PortalContext {
  apps: RecordCollection<AppRecord>;
  patients: RecordCollection<SandboxPatientRecord>;
  pendingPatients: RecordCollection<PendingPatientRecord>;
  launches: RecordCollection<LaunchRecord>;
  steps: RecordCollection<LaunchStepRecord>;
  accessLog: RecordCollection<AccessLogRecord>;
  grants: RecordCollection<GrantLaunchRecord>;
  requests: RecordCollection<ProductionRequestRecord>;
  published: RecordCollection<PublishedAppRecord>;
  remoteRequests: RecordCollection<RemoteRequestRecord>;
  vendorContact: ((ownerId: string) => Promise<VendorContact | undefined>) | undefined;
  production: ProductionGateway | undefined;
  lifecycle: GrantLifecycle | undefined;
  fhir: FhirStore;
  fhirBaseUrl: string;
  registry: SearchRegistry;
  clock: Clock;
  random: RandomBytes;
  generator: PatientGenerator | undefined;
  launchTtlSeconds: number;
  launchLogLimits: LaunchLogLimits;
  mailer: Mailer<ProductionRequestMail> | undefined;
  counters: RateCounter | undefined;
  /**
   * The seq of each launch's latest step, read from the RecordStore once per launch, so appending a step does
   * not count the launch's steps. Written only under the launch's `steps:` lock.
   */
  lastStepSeq: Map<string, number>;
  lock: KeyedLock;
  /** A per-instance counter that orders records made within the same millisecond. */
  serial: () => number;
}

/** The wall clock (the default of both portals). */
export const systemClock: Clock = { now: () => new Date() };

/** Resolves the dependencies (and their defaults) into a PortalContext. */
export function createPortalContext(deps: SandboxPortalDeps): PortalContext {
  const { records } = deps;
  let counter = 0;
  const launchTtlSeconds = deps.launchTtlSeconds ?? 300;
  if (!(launchTtlSeconds > 0)) throw new Error('createSandboxPortal: launchTtlSeconds must be positive');
  const launchLogLimits = deps.launchLogLimits ?? { first: 20, latest: 500 };
  const { first, latest } = launchLogLimits;
  if (!Number.isInteger(first) || !Number.isInteger(latest) || first < 0 || latest < 1) {
    throw new Error('createSandboxPortal: launchLogLimits needs integers first >= 0 and latest >= 1');
  }
  return {
    apps: records.collection<AppRecord>(COLLECTIONS.apps),
    patients: records.collection<SandboxPatientRecord>(COLLECTIONS.patients),
    pendingPatients: records.collection<PendingPatientRecord>(COLLECTIONS.pendingPatients),
    launches: records.collection<LaunchRecord>(COLLECTIONS.launches),
    steps: records.collection<LaunchStepRecord>(COLLECTIONS.steps),
    accessLog: records.collection<AccessLogRecord>(COLLECTIONS.accessLog),
    grants: records.collection<GrantLaunchRecord>(COLLECTIONS.grants),
    requests: records.collection<ProductionRequestRecord>(PRODUCTION_COLLECTIONS.requests),
    published: records.collection<PublishedAppRecord>(PRODUCTION_COLLECTIONS.published),
    remoteRequests: records.collection<RemoteRequestRecord>(REMOTE_REQUESTS_COLLECTION),
    vendorContact: deps.vendorContact,
    production: deps.production,
    lifecycle: deps.lifecycle,
    fhir: deps.fhir,
    fhirBaseUrl: deps.fhirBaseUrl.replace(/\/+$/, ''),
    registry: deps.registry ?? createDefaultRegistry(),
    clock: deps.clock ?? systemClock,
    random: deps.random ?? pooledRandom(),
    generator: deps.generator,
    launchTtlSeconds,
    launchLogLimits: { ...launchLogLimits },
    mailer: deps.mailer,
    counters: deps.counters,
    lastStepSeq: new Map(),
    lock: new KeyedLock(),
    serial: () => counter++,
  };
}
