import type { PortalContext } from '../context.ts';
import { appByClientId } from '../apps/client-for.ts';
import type { SandboxPatientRecord } from '../types.ts';
import { listPatients } from './list-patients.ts';

/**
 * The sandbox patients an app may be launched with in a standalone launch (the patient picker): those of the
 * app's owner, newest first; none for an unknown client.
 */
export async function listPatientsForClient(ctx: PortalContext, clientId: string): Promise<SandboxPatientRecord[]> {
  const app = await appByClientId(ctx, clientId);
  return app === undefined ? [] : listPatients(ctx, app.ownerId);
}
