import type { PortalContext } from '../context.ts';
import type { LaunchRecord } from '../types.ts';

/** A launch as the launch list shows it. */
export interface LaunchSummary extends LaunchRecord {
  appName: string;
  patientName?: string;
  stepCount: number;
}

/** Adds app name, patient name and step count to launches. */
export async function summarize(ctx: PortalContext, launches: LaunchRecord[]): Promise<LaunchSummary[]> {
  const appNames = new Map<string, string>();
  const patientNames = new Map<string, string | undefined>();
  const out: LaunchSummary[] = [];
  for (const launch of launches) {
    if (!appNames.has(launch.appId))
      appNames.set(launch.appId, (await ctx.apps.get(launch.appId))?.name ?? launch.appId);
    const patientId = launch.patientId;
    if (patientId !== undefined && !patientNames.has(patientId)) {
      patientNames.set(patientId, (await ctx.patients.get(patientId))?.name);
    }
    const patientName = patientId === undefined ? undefined : patientNames.get(patientId);
    out.push({
      ...launch,
      appName: appNames.get(launch.appId) ?? launch.appId,
      ...(patientName !== undefined ? { patientName } : {}),
      stepCount: await ctx.steps.count({ launchId: launch.id }),
    });
  }
  return out;
}
