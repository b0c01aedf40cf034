import { createDefaultRegistry, type SearchRegistry } from '@plan-api/fhir';
import type { FhirStore, RecordCollection, RecordStore } from '@plan-api/store';
import { systemClock, type Clock } from '../context.ts';
import { PRODUCTION_COLLECTIONS, type PublishedAppRecord } from '../production/model.ts';
import { pooledRandom, type RandomBytes } from '../shared/ids.ts';
import { MEMBER_COLLECTIONS, type MemberAccessRecord, type MemberGrantRecord } from './model.ts';

/** What createMemberPortal needs. */
export interface MemberPortalDeps {
  /** The records shared with the review side (published apps) and the member's grants and history. */
  records: RecordStore;
  /** The plan's production FHIR store (the members' records). */
  fhir: FhirStore;
  /** Search parameters of the FHIR store (default: createDefaultRegistry()). */
  registry?: SearchRegistry;
  clock?: Clock;
  /**
   * The production AuthServer's revokeAccess: ends every grant, access and refresh token of the client for the
   * account at once; resolves to how many it ended.
   */
  revokeAccess: (clientId: string, accountId: string) => Promise<number>;
  /** Absolute base URL of the production FHIR API: the fullUrl of My Data's entries (none without it). */
  fhirBaseUrl?: string;
  /** Random bytes for history ids (default: node:crypto, pooled). */
  random?: RandomBytes;
}

/** Everything a member use case works with. */
export interface MemberContext {
  published: RecordCollection<PublishedAppRecord>;
  grants: RecordCollection<MemberGrantRecord>;
  accessLog: RecordCollection<MemberAccessRecord>;
  fhir: FhirStore;
  registry: SearchRegistry;
  clock: Clock;
  random: RandomBytes;
  revokeAccess: MemberPortalDeps['revokeAccess'];
  fhirBaseUrl: string | undefined;
  /** A per-instance counter that orders history entries made within the same millisecond. */
  serial: () => number;
}

/** Resolves the dependencies (and their defaults) into a MemberContext. */
export function createMemberContext(deps: MemberPortalDeps): MemberContext {
  const { records } = deps;
  let counter = 0;
  return {
    published: records.collection<PublishedAppRecord>(PRODUCTION_COLLECTIONS.published),
    grants: records.collection<MemberGrantRecord>(MEMBER_COLLECTIONS.grants),
    accessLog: records.collection<MemberAccessRecord>(MEMBER_COLLECTIONS.accessLog),
    fhir: deps.fhir,
    registry: deps.registry ?? createDefaultRegistry(),
    clock: deps.clock ?? systemClock,
    random: deps.random ?? pooledRandom(),
    revokeAccess: deps.revokeAccess,
    fhirBaseUrl: deps.fhirBaseUrl?.replace(/\/+$/, ''),
    serial: () => counter++,
  };
}
