import { RecordConflictError } from '@plan-api/store';
import type { MemberContext } from './context.ts';
import { updateGrant } from './grants.ts';
import type { MemberGrantRecord } from './model.ts';

/** The production realm's consent event (AuthEvent type `consent`, status `ok`). */
export interface GrantEvent {
  grantId: string;
  clientId: string;
  patientId: string;
  scopes: string[];
  at: string;
}

/**
 * Records a consent the member gave an app: the grant appears under connected apps. A grant consented to again
 * (the authorization server kept its id) takes the new scopes and time and is connected again if it was
 * revoked; its lastUsedAt is kept unless it was revoked.
 */
export async function recordGrant(ctx: MemberContext, event: GrantEvent): Promise<void> {
  const fresh: MemberGrantRecord = {
    id: event.grantId,
    clientId: event.clientId,
    patientId: event.patientId,
    scopes: [...event.scopes],
    grantedAt: event.at,
    revision: 1,
  };
  try {
    await ctx.grants.insert(fresh);
    return;
  } catch (error) {
    if (!(error instanceof RecordConflictError)) throw error;
  }
  await updateGrant(ctx, event.grantId, (current) => ({
    ...fresh,
    ...(current.revokedAt === undefined && current.lastUsedAt !== undefined ? { lastUsedAt: current.lastUsedAt } : {}),
  }));
}
