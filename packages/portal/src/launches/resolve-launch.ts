import type { LaunchContext } from '@plan-api/smart';
import type { PortalContext } from '../context.ts';
import { appByClientId } from '../apps/client-for.ts';
import { appendStep } from '../logs/append-step.ts';
import { randomToken } from '../shared/ids.ts';
import type { LaunchRecord } from '../types.ts';

const NEW_LAUNCH = 'Create a new launch from the app page (POST /api/apps/{id}/launch) and open its launch URL.';

/** A launch value as quoted in a message: garbage of any length must not flood the log. */
const shown = (launch: string): string => (launch.length > 64 ? `${launch.slice(0, 64)}…` : launch);

/**
 * The LaunchResolver of the authorization server: resolves the `launch` parameter of an authorize request and
 * consumes it. It works once, until it expires, and only for the app it was created for; every refusal is
 * written to the launch log with what to do instead, and undefined is returned.
 */
export async function resolveLaunch(
  ctx: PortalContext,
  launchValue: string,
  clientId: string,
): Promise<LaunchContext | undefined> {
  return ctx.lock.run(`launch:${launchValue}`, async () => {
    const launch = await ctx.launches.get(launchValue);
    if (launch === undefined || launch.kind !== 'ehr' || launch.patientId === undefined) {
      await logUnknownLaunch(ctx, launchValue, clientId);
      return undefined;
    }
    const now = ctx.clock.now();
    const refuse = async (message: string, failLaunch: boolean): Promise<undefined> => {
      if (failLaunch && launch.status !== 'failed') await ctx.launches.put({ ...launch, status: 'failed' });
      await appendStep(ctx, launch.id, {
        step: 'authorize',
        status: 'error',
        error: 'invalid_request',
        message,
        details: { clientId },
      });
      return undefined;
    };
    if (launch.clientId !== clientId) {
      const app = await ctx.apps.get(launch.appId);
      return refuse(
        `The launch value was created for the app "${app?.name ?? launch.appId}" (client_id ${launch.clientId}), but the authorize request came from client_id ${clientId}. ` +
          `Launch the app the launch was created for, or create a launch for this app.`,
        false,
      );
    }
    if (launch.usedAt !== undefined) {
      return refuse(
        `The launch value was already used at ${launch.usedAt}; each launch value works for one authorization. ${NEW_LAUNCH}`,
        false,
      );
    }
    if (now.getTime() >= Date.parse(launch.expiresAt)) {
      return refuse(
        `The launch value expired at ${launch.expiresAt} (launches are valid for ${ctx.launchTtlSeconds} seconds). ${NEW_LAUNCH}`,
        true,
      );
    }
    const used: LaunchRecord = { ...launch, usedAt: now.toISOString(), status: 'authorizing' };
    await ctx.launches.put(used);
    await appendStep(ctx, launch.id, {
      step: 'launch',
      status: 'ok',
      message: `The app opened the authorization endpoint with this launch value; it is bound to Patient/${launch.patientId}.`,
    });
    return {
      launchId: launch.id,
      clientId: launch.clientId,
      patientId: launch.patientId,
      skipConsent: launch.skipConsent,
      ...(launch.simulateError !== undefined ? { tags: { simulateError: launch.simulateError } } : {}),
    };
  });
}

/**
 * A launch value nobody issued (mistyped, truncated, from another sandbox, or its app was deleted) has no
 * launch to log on; when the client is a known app, a failed launch is recorded for it so the vendor finds
 * the explanation in the launch list.
 */
async function logUnknownLaunch(ctx: PortalContext, launchValue: string, clientId: string): Promise<void> {
  const app = await appByClientId(ctx, clientId);
  if (app === undefined) return;
  const now = ctx.clock.now().toISOString();
  const record: LaunchRecord = {
    id: randomToken(ctx.random, 16),
    kind: 'ehr',
    appId: app.id,
    clientId,
    skipConsent: false,
    createdAt: now,
    expiresAt: now,
    usedAt: now,
    status: 'failed',
  };
  await ctx.launches.insert(record);
  await appendStep(ctx, record.id, {
    step: 'authorize',
    status: 'error',
    error: 'invalid_request',
    message: `The launch value "${shown(launchValue)}" was not issued by this sandbox (or its app was deleted); pass the launch parameter exactly as received. ${NEW_LAUNCH}`,
    details: { launch: shown(launchValue) },
  });
}
