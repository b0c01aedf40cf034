import type { MemberContext } from './context.ts';
import { openGrants } from './grants.ts';
import type { ConnectedApp, Member } from './model.ts';
import { dataTypesOf } from './scopes.ts';

/**
 * The member's connected apps (GET /api/account/connected-apps): one per grant that is not revoked, newest
 * first, with the app's published name and logo, the data types its scopes allow, and whether the plan has
 * suspended the app since. Only the member's own grants (by their Patient).
 */
export async function listConnectedApps(ctx: MemberContext, member: Member): Promise<ConnectedApp[]> {
  const grants = await openGrants(ctx, member.patientId);
  const apps = new Map(
    await Promise.all(
      [...new Set(grants.map((g) => g.clientId))].map(async (id) => [id, await ctx.published.get(id)] as const),
    ),
  );
  return grants.map((grant) => {
    const published = apps.get(grant.clientId);
    const view: ConnectedApp = {
      grantId: grant.id,
      clientId: grant.clientId,
      name: published?.app.name ?? grant.clientId,
      grantedAt: grant.grantedAt,
      dataTypes: dataTypesOf(ctx, grant.scopes),
      scopes: [...grant.scopes],
      suspended: published?.status === 'suspended',
    };
    if (published?.app.logoUrl !== undefined) view.logoUrl = published.app.logoUrl;
    if (grant.lastUsedAt !== undefined) view.lastUsedAt = grant.lastUsedAt;
    return view;
  });
}
