import type { RecordCollection, RecordStore, StoredRecord } from '@plan-api/store';
import { COLLECTIONS, systemClock, type Clock } from '../context.ts';
import {
  PRODUCTION_COLLECTIONS,
  type AppSnapshot,
  type PreCheck,
  type ProductionRequestRecord,
  type PublishedAppRecord,
} from '../production/model.ts';
import type { VendorContact } from '../context.ts';
import { diffSnapshots, preCheckApp, type FieldChange } from '../production/pre-checks.ts';
import type { Mailer, ReviewMail } from '../production/mailer.ts';

/** The Mailer port as the review portal needs it. */
export type ReviewMailer = Mailer<ReviewMail>;

/** What createReviewPortal needs. */
export interface ReviewPortalDeps {
  /** The records shared with the vendor side: production requests, published apps, the sandbox apps. */
  records: RecordStore;
  /** Sends the decision and suspension mail to vendors; without one, nothing is sent. */
  mailer?: ReviewMailer | undefined;
  clock?: Clock;
  /** The vendor account that owns an app (name, enrolled address, organization); undefined when there is none. */
  vendorContact: (ownerId: string) => Promise<VendorContact | undefined>;
  /** The absolute URL of an app's page in the vendor's area (the decision mail's link). */
  appLink: (appId: string) => string;
  /** The automatic pre-checks reviewers see (default: the vendor side's preCheckApp, the same rules). */
  preCheck?: (app: AppSnapshot) => PreCheck[];
  /** The changes of a requested snapshot against the published one (default: diffSnapshots). */
  diff?: (published: AppSnapshot, requested: AppSnapshot) => FieldChange[];
}

/** What the review portal reads of a sandbox app: only its credentials (the secret the production client keeps). */
export interface SandboxAppCredentials extends StoredRecord {
  clientId: string;
  clientSecret?: string;
}

/** Everything a review use case works with. */
export interface ReviewContext {
  requests: RecordCollection<ProductionRequestRecord>;
  published: RecordCollection<PublishedAppRecord>;
  apps: RecordCollection<SandboxAppCredentials>;
  mailer: ReviewMailer | undefined;
  clock: Clock;
  vendorContact: ReviewPortalDeps['vendorContact'];
  appLink: ReviewPortalDeps['appLink'];
  preCheck: NonNullable<ReviewPortalDeps['preCheck']>;
  diff: NonNullable<ReviewPortalDeps['diff']>;
}

/** Resolves the dependencies (and their defaults) into a ReviewContext. */
export function createReviewContext(deps: ReviewPortalDeps): ReviewContext {
  const { records } = deps;
  return {
    requests: records.collection<ProductionRequestRecord>(PRODUCTION_COLLECTIONS.requests),
    published: records.collection<PublishedAppRecord>(PRODUCTION_COLLECTIONS.published),
    apps: records.collection<SandboxAppCredentials>(COLLECTIONS.apps),
    mailer: deps.mailer,
    clock: deps.clock ?? systemClock,
    vendorContact: deps.vendorContact,
    appLink: deps.appLink,
    preCheck: deps.preCheck ?? preCheckApp,
    diff: deps.diff ?? diffSnapshots,
  };
}
