import { PortalError } from '../types.ts';
import type { MemberContext } from './context.ts';
import { openGrants, updateGrant } from './grants.ts';
import type { Member } from './model.ts';

/**
 * Revokes a connected app (DELETE /api/account/connected-apps/{grantId}): the authorization server ends every
 * grant, access and refresh token of the app for the member at once (revokeAccess), then every open grant of
 * that app for the member is marked revoked and leaves the list. `not_found` for a grant that is not the
 * member's, or no longer connected; nothing is revoked then.
 */
export async function revokeConnectedApp(ctx: MemberContext, member: Member, grantId: string): Promise<void> {
  const grant = await ctx.grants.get(grantId);
  if (grant?.patientId !== member.patientId || grant.revokedAt !== undefined) {
    throw new PortalError(
      'not_found',
      `No connected app has id "${grantId}". Open your connected apps to see the ones you can revoke.`,
    );
  }
  await ctx.revokeAccess(grant.clientId, member.accountId);
  const revokedAt = ctx.clock.now().toISOString();
  for (const open of await openGrants(ctx, member.patientId, grant.clientId)) {
    await updateGrant(ctx, open.id, (current) =>
      current.revokedAt === undefined ? { ...current, revokedAt } : undefined,
    );
  }
}
