import { managementRouteSet } from '@plan-api/http';
import type { ApiRouteSet } from '@plan-api/http';
import type { SearchRegistry } from '@plan-api/fhir';
import type { PortalMailer } from '@plan-api/portal';
import type { FhirStore, KeyValueStore, RecordStore } from '@plan-api/store';
import type { Terminology } from '@plan-api/synthetic';
import type { SandboxLogger } from './config.ts';
import type { VendorContact } from './connection/model.ts';
import { ensureDirectory } from './directory.ts';
import { createSandboxRealm } from './realm.ts';
import type { SandboxRealm } from './realm.ts';

/** Where the hosted sandbox realm lives on the production server. */
export const HOSTED_SANDBOX_PATHS = {
  auth: '/sandbox/auth',
  interaction: '/sandbox/interaction',
  fhir: '/sandbox/fhir',
} as const;

export interface HostedSandboxOptions {
  /** The server's public URL, without a trailing slash. */
  publicUrl: string;
  /**
   * The sandbox's stores: its own FHIR store (synthetic patients and a small synthetic directory, never the
   * plan's members), and the server's records and key-values (apps are the vendors' own, in both realms).
   */
  stores: { fhir: FhirStore; records: RecordStore; kv: KeyValueStore; registry: SearchRegistry };
  terminology: Terminology;
  secret: string;
  logger: SandboxLogger;
  /** Where the vendor's production-request mail goes (the server's SMTP mailer). */
  mailer?: PortalMailer;
  /** The enrolled vendor of an owner (its account): the requests' contact, where the decisions are mailed. */
  vendorContact?: VendorContact;
  /** The synthetic directory the sandbox's members see (default 2,000 resources, seed `sandbox`). */
  directorySize?: number;
  directorySeed?: string;
}

/** The hosted developer sandbox: the realm, and the management routes every vendor uses as its own owner. */
export interface HostedSandbox {
  realm: SandboxRealm;
  /** `/apps`, `/patients`, `/launches`, `/access-log` of the JSON API, scoped by the request's owner. */
  routes: ApiRouteSet;
  close(): Promise<void>;
}

/**
 * The multi-tenant sandbox of the production server (DESIGN.md "Flows": vendor sandbox): the desktop sandbox's
 * realm at `/sandbox/auth`, `/sandbox/interaction`, `/sandbox/fhir`, where each vendor's seeds make patients of
 * its own (the owner is part of the member's seed), the picker and launches offer only the vendor's own patients,
 * and the management routes see only the owner's apps, patients, launches and access log.
 */
export async function createHostedSandbox(options: HostedSandboxOptions): Promise<HostedSandbox> {
  const directory = await ensureDirectory({
    fhir: options.stores.fhir,
    records: options.stores.records,
    size: options.directorySize ?? 2000,
    seed: options.directorySeed ?? 'sandbox',
    terminology: options.terminology,
    logger: options.logger,
  });
  const realm = await createSandboxRealm({
    publicUrl: options.publicUrl,
    paths: HOSTED_SANDBOX_PATHS,
    stores: options.stores,
    directory,
    terminology: options.terminology,
    secret: options.secret,
    logger: options.logger,
    memberSeed: (owner, seed) => `${owner}/${seed}`,
    cookiePrefix: '_sandbox',
    sharedCounters: true,
    ...(options.mailer ? { mailer: options.mailer } : {}),
    ...(options.vendorContact ? { vendorContact: options.vendorContact } : {}),
  });
  return { realm, routes: managementRouteSet(realm.portal), close: () => realm.close() };
}
