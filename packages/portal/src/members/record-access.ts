import type { FhirAccessInput } from '../logs/record-fhir-access.ts';
import { sortableId } from '../shared/ids.ts';
import type { MemberContext } from './context.ts';
import { openGrants, updateGrant } from './grants.ts';
import type { MemberAccessRecord, MemberGrantRecord } from './model.ts';

/** lastUsedAt is written at most once a minute per grant (a busy app reads many times a second). */
export const LAST_USED_RESOLUTION_MS = 60_000;

/** One Patient Access request with a valid token (the http package's PatientAccessEntry). */
export type MemberAccessInput = FhirAccessInput & { at: string };

/** The grant a request's token came from: by its id when the token names it, else the app's newest grant. */
async function grantOf(ctx: MemberContext, entry: MemberAccessInput): Promise<MemberGrantRecord | undefined> {
  if (entry.grantId !== undefined) {
    const grant = await ctx.grants.get(entry.grantId);
    return grant?.patientId === entry.patientId && grant.clientId === entry.clientId ? grant : undefined;
  }
  return (await openGrants(ctx, entry.patientId, entry.clientId))[0];
}

/** Whether a use at `at` moves lastUsedAt (the first use, or a minute or more after the one stored). */
function isNewUse(grant: MemberGrantRecord, at: string): boolean {
  if (grant.revokedAt !== undefined) return false;
  if (grant.lastUsedAt === undefined) return true;
  return Date.parse(at) - Date.parse(grant.lastUsedAt) >= LAST_USED_RESOLUTION_MS;
}

/**
 * Records a Patient Access request for the member's access history, with the app's published name, and moves
 * the grant's lastUsedAt (at most one write a minute per grant, compare-and-set, so concurrent requests of
 * several processes write it once).
 */
export async function recordAccess(ctx: MemberContext, entry: MemberAccessInput): Promise<void> {
  const at = new Date(entry.at);
  const time = Number.isNaN(at.getTime()) ? ctx.clock.now() : at;
  const app = await ctx.published.get(entry.clientId);
  const record: MemberAccessRecord = {
    id: sortableId(time, ctx.serial(), ctx.random),
    at: time.toISOString(),
    patientId: entry.patientId,
    clientId: entry.clientId,
    appName: app?.app.name ?? entry.clientId,
    method: entry.method,
    request: entry.request,
    status: entry.status,
  };
  if (entry.grantId !== undefined) record.grantId = entry.grantId;
  if (entry.resourceType !== undefined) record.resourceType = entry.resourceType;
  if (entry.count !== undefined) record.count = entry.count;
  await ctx.accessLog.insert(record);

  const grant = await grantOf(ctx, entry);
  if (grant === undefined || !isNewUse(grant, record.at)) return;
  await updateGrant(ctx, grant.id, (current) =>
    isNewUse(current, record.at) ? { ...current, lastUsedAt: record.at } : undefined,
  );
}
