import type { PortalContext } from '../context.ts';
import type { AccessLogRecord } from '../types.ts';

export interface AccessLogQuery {
  patientId?: string;
  clientId?: string;
  /** At most this many (default 500). */
  limit?: number;
}

/** FHIR accesses by the owner's apps, newest first, optionally of one member and/or one app. */
export async function listAccessLog(
  ctx: PortalContext,
  owner: string,
  query: AccessLogQuery = {},
): Promise<AccessLogRecord[]> {
  const where: { ownerId: string; patientId?: string; clientId?: string } = { ownerId: owner };
  if (query.patientId !== undefined) where.patientId = query.patientId;
  if (query.clientId !== undefined) where.clientId = query.clientId;
  // Ids sort by creation time (sortableId), so id order is time order even within one millisecond.
  return ctx.accessLog.list({ where, orderBy: 'id', descending: true, limit: query.limit ?? 500 });
}
