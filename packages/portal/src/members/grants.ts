import type { MemberContext } from './context.ts';
import type { MemberGrantRecord } from './model.ts';

/**
 * Applies a change to a grant with compare-and-set on its revision, re-reading and re-applying when another
 * process changed it in between. `change` returns undefined to leave the grant as it is. Returns the stored
 * grant, or undefined when it does not exist or was left alone.
 */
export async function updateGrant(
  ctx: MemberContext,
  id: string,
  change: (grant: MemberGrantRecord) => MemberGrantRecord | undefined,
): Promise<MemberGrantRecord | undefined> {
  for (;;) {
    const current = await ctx.grants.get(id);
    if (current === undefined) return undefined;
    const changed = change(current);
    if (changed === undefined) return undefined;
    const next: MemberGrantRecord = { ...changed, id, revision: current.revision + 1 };
    if (await ctx.grants.putIf(next, { revision: current.revision })) return next;
  }
}

/** A member's grants that are not revoked (of one app, when given), newest first. */
export async function openGrants(
  ctx: MemberContext,
  patientId: string,
  clientId?: string,
): Promise<MemberGrantRecord[]> {
  const where = clientId === undefined ? { patientId } : { patientId, clientId };
  const grants = await ctx.grants.list({ where, orderBy: 'grantedAt', descending: true });
  return grants.filter((grant) => grant.revokedAt === undefined);
}
