import type { Bundle } from 'fhir/r4';
import { createMemberContext, type MemberPortalDeps } from './members/context.ts';
import { getGalleryApp } from './members/get-gallery-app.ts';
import { getMyData } from './members/get-my-data.ts';
import { listAccessHistory } from './members/list-access-history.ts';
import { listConnectedApps } from './members/list-connected-apps.ts';
import { listGallery } from './members/list-gallery.ts';
import type { AccessHistoryEntry, ConnectedApp, GalleryApp, Member } from './members/model.ts';
import { recordAccess, type MemberAccessInput } from './members/record-access.ts';
import { recordGrant, type GrantEvent } from './members/record-grant.ts';
import { revokeConnectedApp } from './members/revoke-connected-app.ts';

/**
 * The member portal: the public app gallery, and for a signed-in member their connected apps, access history
 * and records. Every member surface is scoped by the member's Patient: a member never sees another member's
 * grants, history or data. Every method is a plain function property. Failures are PortalError:
 * `validation_failed` (with fields), `not_found`. Nothing it needs lives in process memory: several processes
 * can serve one RecordStore.
 */
export interface MemberPortal {
  /** GET /api/gallery `{q?}`: published, not suspended apps in name order; q matches name, organization, description. */
  listGallery(query: unknown): Promise<GalleryApp[]>;
  /** GET /api/gallery/{clientId}: `not_found` if unpublished or suspended. */
  getGalleryApp(clientId: string): Promise<GalleryApp>;
  /** The production realm's consent event (AuthEvent type 'consent', status 'ok'). */
  recordGrant(event: GrantEvent): Promise<void>;
  /** Every Patient Access request with a valid token: a history entry and the grant's lastUsedAt (<= 1 write/min/grant). */
  recordAccess(entry: MemberAccessInput): Promise<void>;
  /** GET /api/account/connected-apps: the member's grants that are not revoked, newest first. */
  listConnectedApps(member: Member): Promise<ConnectedApp[]>;
  /** DELETE /api/account/connected-apps/{grantId}: revokeAccess(clientId, accountId), the grants marked revoked. */
  revokeConnectedApp(member: Member, grantId: string): Promise<void>;
  /** GET /api/account/access-history `{clientId?, cursor?, limit? (1..100, default 25)}`: newest first. */
  listAccessHistory(member: Member, query: unknown): Promise<{ entries: AccessHistoryEntry[]; next?: string }>;
  /** GET /api/account/my-data: the member's records, as the sandbox's My Data. */
  getMyData(member: Member): Promise<Bundle>;
}

/**
 * Creates the member portal over its ports: the RecordStore shared with the review side, the production FHIR
 * store, and the production authorization server's revokeAccess.
 */
export function createMemberPortal(deps: MemberPortalDeps): MemberPortal {
  const ctx = createMemberContext(deps);
  return {
    listGallery: (query) => listGallery(ctx, query),
    getGalleryApp: (clientId) => getGalleryApp(ctx, clientId),
    recordGrant: (event) => recordGrant(ctx, event),
    recordAccess: (entry) => recordAccess(ctx, entry),
    listConnectedApps: (member) => listConnectedApps(ctx, member),
    revokeConnectedApp: (member, grantId) => revokeConnectedApp(ctx, member, grantId),
    listAccessHistory: (member, query) => listAccessHistory(ctx, member, query),
    getMyData: (member) => getMyData(ctx, member),
  };
}
