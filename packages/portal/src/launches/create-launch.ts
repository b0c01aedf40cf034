import { z } from 'zod';
import type { PortalContext } from '../context.ts';
import { findApp } from '../apps/get-app.ts';
import { appendStep } from '../logs/append-step.ts';
import { invalidField, isObject, notAnObject } from '../shared/errors.ts';
import { randomToken } from '../shared/ids.ts';
import { parseOrThrow } from '../shared/validation.ts';
import type { LaunchRecord } from '../types.ts';

/** Failures a vendor can ask the sandbox to simulate, and where each one happens. */
export const SIMULATED_ERRORS = {
  access_denied: 'at authorize: the member denies access',
  invalid_client: 'at the token endpoint: client authentication fails',
  invalid_scope: 'at authorize: the requested scopes are refused',
  expired_token: 'on the FHIR API: the access token is reported expired',
  server_error: 'on the FHIR API: the server fails',
} as const;

export type SimulatedError = keyof typeof SIMULATED_ERRORS;

const simulateErrorNames = Object.keys(SIMULATED_ERRORS) as [SimulatedError, ...SimulatedError[]];

const inputSchema = z.strictObject({
  patientId: z
    .string({ error: 'patientId is required: the id of a sandbox patient from GET /api/patients.' })
    .trim()
    .min(1, 'patientId is required: the id of a sandbox patient from GET /api/patients.'),
  skipConsent: z.boolean({ error: 'skipConsent must be true or false.' }).optional(),
  simulateError: z
    .enum(simulateErrorNames, { error: `simulateError must be one of ${simulateErrorNames.join(', ')}.` })
    .optional(),
});

/** Body of POST /api/apps/{id}/launch. */
export interface CreateLaunchInput {
  patientId: string;
  skipConsent?: boolean;
  simulateError?: string;
}

/** A new EHR launch and the URL that starts it. */
export interface CreatedLaunch {
  launch: LaunchRecord;
  /** The app's launch URL with `iss` (the FHIR base) and `launch` (the single-use launch value). */
  launchUrl: string;
}

/**
 * Creates an EHR launch of an app for a sandbox patient (POST /api/apps/{id}/launch): an opaque, single-use
 * launch value bound to the app and patient that expires after the launch TTL. Throws PortalError not_found for
 * an app the owner does not have, validation_failed when the app has no launch URL or redirect URI, the patient
 * is not the owner's, or an option is bad.
 */
export async function createLaunch(
  ctx: PortalContext,
  owner: string,
  appId: string,
  input: unknown,
): Promise<CreatedLaunch> {
  const app = await findApp(ctx, owner, appId);
  if (!isObject(input)) throw notAnObject('launch options (patientId, skipConsent, simulateError)');
  const options = parseOrThrow(
    inputSchema,
    input,
    'The launch was not created',
    (key) => `"${key}" is not a launch option; the options are patientId, skipConsent and simulateError.`,
  );
  if (app.launchUrl === undefined) {
    throw invalidField(
      'launchUrl',
      `The app "${app.name}" has no launch URL; set launchUrl on the app (the page of your app that receives iss and launch) before launching it.`,
    );
  }
  if (app.redirectUris.length === 0) {
    throw invalidField(
      'redirectUris',
      `The app "${app.name}" has no redirect URI; register the URL your app receives the authorization code at.`,
    );
  }
  const patient = await ctx.patients.get(options.patientId);
  if (patient === undefined || patient.ownerId !== owner) {
    throw invalidField(
      'patientId',
      `No sandbox patient has id "${options.patientId}"; pick one from GET /api/patients or create one with POST /api/patients.`,
    );
  }
  const now = ctx.clock.now();
  const launch: LaunchRecord = {
    id: randomToken(ctx.random, 16),
    kind: 'ehr',
    appId: app.id,
    clientId: app.clientId,
    patientId: patient.id,
    skipConsent: options.skipConsent ?? false,
    ...(options.simulateError !== undefined ? { simulateError: options.simulateError } : {}),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + ctx.launchTtlSeconds * 1000).toISOString(),
    status: 'created',
  };
  const url = new URL(app.launchUrl);
  url.searchParams.set('iss', ctx.fhirBaseUrl);
  url.searchParams.set('launch', launch.id);
  const launchUrl = url.toString();
  await ctx.launches.insert(launch);
  const extras = [
    launch.skipConsent ? 'consent will be skipped' : undefined,
    launch.simulateError !== undefined
      ? `${launch.simulateError} will be simulated ${SIMULATED_ERRORS[launch.simulateError as SimulatedError]}`
      : undefined,
  ].filter((s) => s !== undefined);
  await appendStep(ctx, launch.id, {
    step: 'launch',
    status: 'ok',
    message:
      `Launch created for ${patient.name} (Patient/${patient.id})${extras.length > 0 ? `; ${extras.join('; ')}` : ''}. ` +
      `Open the launch URL within ${ctx.launchTtlSeconds} seconds; the launch value works once.`,
    details: {
      launchUrl,
      skipConsent: launch.skipConsent,
      ...(launch.simulateError ? { simulateError: launch.simulateError } : {}),
    },
  });
  return { launch, launchUrl };
}
