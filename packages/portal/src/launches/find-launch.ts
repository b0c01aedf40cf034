import type { PortalContext } from '../context.ts';
import { appByClientId } from '../apps/client-for.ts';
import { notFound } from '../shared/errors.ts';
import { randomToken } from '../shared/ids.ts';
import type { LaunchRecord } from '../types.ts';

/** How an event names the launch it belongs to. */
export interface LaunchClues {
  launchId?: string;
  grantId?: string;
  clientId?: string;
  patientId?: string;
}

/**
 * The latest launch of a client that has been used (EHR launches once resolved; standalone ones always), for
 * the same patient when both are known.
 */
async function latestUsed(ctx: PortalContext, clientId: string, patientId?: string): Promise<LaunchRecord | undefined> {
  const launches = await ctx.launches.list({ where: { clientId } });
  let latest: LaunchRecord | undefined;
  for (const launch of launches) {
    if (launch.usedAt === undefined) continue;
    if (patientId !== undefined && launch.patientId !== undefined && launch.patientId !== patientId) continue;
    if (latest?.usedAt === undefined || launch.usedAt >= latest.usedAt) latest = launch;
  }
  return latest;
}

/**
 * What to do when no launch matches by id or grant: `start` a standalone launch (an authorize request without
 * a `launch` parameter begins a new flow), `attach` to the client's latest launch in use or else start one,
 * or use only an `existing` one.
 */
export type FindMode = 'start' | 'attach' | 'existing';

/**
 * Finds the launch an event belongs to: by launch id, else by the grant it was seen with, else (for a client
 * of a known app) as `mode` says. The grant is remembered so later token, refresh and FHIR events of the same
 * grant land on the same launch.
 */
export async function findLaunch(
  ctx: PortalContext,
  clues: LaunchClues,
  mode: FindMode,
): Promise<LaunchRecord | undefined> {
  let launch: LaunchRecord | undefined;
  if (clues.launchId !== undefined) launch = await ctx.launches.get(clues.launchId);
  if (launch === undefined && clues.grantId !== undefined) {
    const mapping = await ctx.grants.get(clues.grantId);
    if (mapping !== undefined) launch = await ctx.launches.get(mapping.launchId);
  }
  if (launch === undefined && clues.clientId !== undefined) {
    if (mode !== 'start') launch = await latestUsed(ctx, clues.clientId, clues.patientId);
    if (launch === undefined && mode !== 'existing') {
      launch = await startStandaloneLaunch(ctx, clues.clientId, clues.patientId);
    }
  }
  if (launch !== undefined && clues.grantId !== undefined) {
    const mapping = await ctx.grants.get(clues.grantId);
    if (mapping?.launchId !== launch.id) await ctx.grants.put({ id: clues.grantId, launchId: launch.id });
  }
  return launch;
}

/** A launch record for a standalone flow (no launch value was issued, so it can never be resolved). */
async function startStandaloneLaunch(
  ctx: PortalContext,
  clientId: string,
  patientId: string | undefined,
): Promise<LaunchRecord | undefined> {
  const app = await appByClientId(ctx, clientId);
  if (app === undefined) return undefined;
  const now = ctx.clock.now().toISOString();
  const launch: LaunchRecord = {
    id: randomToken(ctx.random, 16),
    kind: 'standalone',
    appId: app.id,
    clientId,
    ...(patientId !== undefined ? { patientId } : {}),
    skipConsent: false,
    createdAt: now,
    expiresAt: now,
    usedAt: now,
    status: 'authorizing',
  };
  await ctx.launches.insert(launch);
  return launch;
}

/** The owner's launch with that id; PortalError not_found for an unknown one or another owner's. */
export async function ownedLaunch(ctx: PortalContext, owner: string, id: string): Promise<LaunchRecord> {
  const launch = await ctx.launches.get(id);
  const app = launch === undefined ? undefined : await ctx.apps.get(launch.appId);
  if (launch === undefined || app === undefined || app.ownerId !== owner) {
    throw notFound('launch', id, 'List launches with GET /api/launches.');
  }
  return launch;
}
