import type { PortalContext } from '../context.ts';
import { appendStep } from '../logs/append-step.ts';
import { invalidField, isObject, notAnObject } from '../shared/errors.ts';
import { PortalError, type LaunchStepRecord } from '../types.ts';
import { ownedLaunch } from './find-launch.ts';
import { LIFECYCLE_ACTIONS, type LifecycleAction, type LifecycleOutcome, type LifecycleRequest } from './lifecycle.ts';

/** The longest advance-clock: past every lifetime (a grant lives a year at most). */
export const MAX_ADVANCE_SECONDS = 400 * 24 * 3600;

/** What the app should do next, per action (the launch log's `details.appShould`). */
const APP_SHOULD: Record<LifecycleAction, string> = {
  'expire-access-token': 'refresh',
  'expire-refresh-token': 'send the member through authorization again',
  revoke: 'send the member through authorization again',
  'advance-clock': 'refresh, or send the member through authorization again once the refresh token has expired',
  'rotate-signing-key': 'fetch the JWKS again',
};

/** The body of POST /api/launches/{id}/lifecycle, validated: `{ action, seconds? }`. */
export function lifecycleRequest(input: unknown): LifecycleRequest {
  if (!isObject(input)) throw notAnObject('lifecycle action ({"action": ..., "seconds"?: n})');
  const { action, seconds } = input;
  if (typeof action !== 'string' || !(LIFECYCLE_ACTIONS as readonly string[]).includes(action)) {
    throw invalidField('action', `action must be one of ${LIFECYCLE_ACTIONS.join(', ')}.`);
  }
  if (action !== 'advance-clock') {
    if (seconds !== undefined) throw invalidField('seconds', 'seconds goes only with advance-clock.');
    return { action: action as Exclude<LifecycleAction, 'advance-clock'> };
  }
  if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 1 || seconds > MAX_ADVANCE_SECONDS) {
    throw invalidField('seconds', `advance-clock needs seconds: a whole number from 1 to ${MAX_ADVANCE_SECONDS}.`);
  }
  return { action, seconds };
}

/** "3,600 seconds (1 hour)", for the step's message. */
function duration(seconds: number): string {
  const units: [number, string][] = [
    [86400, 'day'],
    [3600, 'hour'],
    [60, 'minute'],
  ];
  const [size, unit] = units.find(([s]) => seconds >= s) ?? [1, 'second'];
  const count = Math.round((seconds / size) * 10) / 10;
  return `${seconds.toLocaleString('en-US')} seconds (about ${count} ${unit}${count === 1 ? '' : 's'})`;
}

/** The launch-log sentence of an action: what changed, and what the app should do about it. */
function stepMessage(request: LifecycleRequest, outcome: LifecycleOutcome): string {
  switch (request.action) {
    case 'expire-access-token':
      return (
        'The sandbox expired the access token: the next FHIR call answers 401 invalid_token. The app should ' +
        'refresh (grant_type=refresh_token) and retry.'
      );
    case 'expire-refresh-token':
      return (
        'The sandbox removed the refresh token: the next refresh answers invalid_grant, and the access token ' +
        'works until it expires. The app should send the member through authorization again.'
      );
    case 'revoke':
      return (
        'The member revoked the app (as in the member portal): the access and refresh tokens stop working now. ' +
        'The app should send the member through authorization again.'
      );
    case 'advance-clock':
      return (
        `The sandbox moved this authorization ${duration(request.seconds)} ahead: its tokens, codes and the ` +
        'authorization expire as if that time had passed (the machine clock and other launches are not touched). ' +
        'The app should refresh, or send the member through authorization again once the refresh token has expired.'
      );
    case 'rotate-signing-key':
      return (
        `The sandbox rotated its signing key: id_tokens are signed with kid ${outcome.kid ?? '(new)'} from now on, ` +
        'and the JWKS keeps the previous key until the next rotation. The app should fetch the JWKS again when ' +
        'it sees a kid it does not know.'
      );
  }
}

/**
 * POST /api/launches/{id}/lifecycle: applies a lifecycle action to the launch's live grant(s) and logs it as a
 * `lifecycle` step. validation_failed for a bad body, not_found for another owner's or an unknown launch,
 * grant_gone when the launch has no live grant (never authorized, revoked or expired).
 */
export async function applyLifecycle(
  ctx: PortalContext,
  owner: string,
  launchId: string,
  input: unknown,
): Promise<LaunchStepRecord> {
  const request = lifecycleRequest(input);
  await ownedLaunch(ctx, owner, launchId);
  const { lifecycle } = ctx;
  if (lifecycle === undefined) throw new Error('applyLifecycle: this portal has no grant lifecycle');
  const grants = await ctx.grants.list({ where: { launchId } });
  const live: string[] = [];
  for (const { id } of grants) if (await lifecycle.isLive(id)) live.push(id);
  if (live.length === 0) {
    throw new PortalError(
      'grant_gone',
      `Launch "${launchId}" has no authorization to act on: it was never completed, or it was revoked or has ` +
        'expired. Authorize the app again, then use the new launch.',
    );
  }
  let outcome: LifecycleOutcome = {};
  // The signing key is the realm's: one rotation whatever the number of grants.
  for (const grantId of request.action === 'rotate-signing-key' ? live.slice(0, 1) : live) {
    outcome = { ...outcome, ...(await lifecycle.apply(grantId, request)) };
  }
  return appendStep(ctx, launchId, {
    step: 'lifecycle',
    status: 'ok',
    message: stepMessage(request, outcome),
    details: {
      action: request.action,
      ...(request.action === 'advance-clock' ? { seconds: request.seconds } : {}),
      grantIds: live,
      ...(outcome.kid !== undefined ? { kid: outcome.kid } : {}),
      appShould: APP_SHOULD[request.action],
    },
  });
}
