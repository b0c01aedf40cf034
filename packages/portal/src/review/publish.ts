import { RecordConflictError } from '@plan-api/store';
import type { ProductionRequestRecord, PublishedAppRecord, RequestVersion } from '../production/model.ts';
import type { ReviewContext } from './context.ts';
import type { Reviewer } from './model.ts';

/** How often a compare-and-set is tried again when another process changed the record in between. */
export const CAS_ATTEMPTS = 8;

/**
 * The secret the production client keeps: the sandbox app's current one (same client ID and secret in both
 * realms), else, when the app was deleted meanwhile, the one published before. Public (PKCE) apps have none.
 */
export async function productionSecret(
  ctx: ReviewContext,
  request: ProductionRequestRecord,
  version: RequestVersion,
): Promise<{ secret?: string; missing: boolean }> {
  if (version.app.oauthType !== 'secret') return { missing: false };
  const app = await ctx.apps.get(request.appId);
  const current = app !== undefined && app.clientId === request.clientId ? app.clientSecret : undefined;
  const secret = current ?? (await ctx.published.get(request.clientId))?.clientSecret;
  return secret === undefined ? { missing: true } : { secret, missing: false };
}

/**
 * Writes the approved snapshot as the published app (id = client ID), replacing an earlier approval. A suspended
 * app stays suspended: only "Reinstate" lifts a suspension (an approved update must not undo it unnoticed).
 * Compare-and-set on the published record, so a suspension made at the same moment is never lost.
 */
export async function publishVersion(
  ctx: ReviewContext,
  request: ProductionRequestRecord,
  version: RequestVersion,
  reviewer: Reviewer,
  approvedAt: string,
  secret: string | undefined,
): Promise<PublishedAppRecord> {
  for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
    const previous = await ctx.published.get(request.clientId);
    const record: PublishedAppRecord = {
      id: request.clientId,
      appId: request.appId,
      ownerId: request.ownerId,
      requestId: request.id,
      version: version.version,
      app: structuredClone(version.app),
      attestation: { ...version.attestation },
      approvedAt,
      approvedBy: reviewer.email,
      status: previous?.status === 'suspended' ? 'suspended' : 'published',
    };
    if (secret !== undefined) record.clientSecret = secret;
    if (previous?.status === 'suspended' && previous.suspension !== undefined) record.suspension = previous.suspension;
    if (previous === undefined) {
      try {
        await ctx.published.insert(record);
        return record;
      } catch (error) {
        if (!(error instanceof RecordConflictError)) throw error;
        continue;
      }
    }
    const { status, version: seenVersion, approvedAt: seenAt, requestId } = previous;
    if (await ctx.published.putIf(record, { status, version: seenVersion, approvedAt: seenAt, requestId })) {
      return record;
    }
  }
  throw new Error(`publishing ${request.clientId}: the published app kept changing; try again`);
}
