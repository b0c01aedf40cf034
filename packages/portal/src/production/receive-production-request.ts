import { z } from 'zod';
import type { PortalContext } from '../context.ts';
import { appByClientId } from '../apps/client-for.ts';
import { appInputSchema, unknownAppField, withoutBlankOptionals } from '../apps/schema.ts';
import { randomToken } from '../shared/ids.ts';
import { isObject, notAnObject } from '../shared/errors.ts';
import { fieldErrors, validationError } from '../shared/validation.ts';
import { PortalError, type AppRecord } from '../types.ts';
import { sameAttestation } from './attestation.ts';
import { preCheckApp, sameSnapshot, snapshotOf } from './pre-checks.ts';
import { actorOf, appendVersion, lastVersion, latestRequest, publishedOf, vendorOf } from './records.ts';
import { blockingFields, parseRequest, type RequestProductionInput } from './request-input.ts';
import { submitRequest } from './request-production.ts';
import { normalizeApp, withStatus } from './status.ts';

/** Client IDs and secrets a sandbox may bring: URL-safe token characters (RFC 3986 unreserved). */
const TOKEN = /^[A-Za-z0-9._~-]+$/;

const credentialsSchema = z.object({
  clientId: z
    .string({ error: 'clientId is required: the client ID of the app in your sandbox.' })
    .min(8, 'clientId must be 8 to 128 characters long.')
    .max(128, 'clientId must be 8 to 128 characters long.')
    .regex(TOKEN, 'clientId may contain only letters, digits and - . _ ~ (as the sandbox issues them).'),
  clientSecret: z
    .string({ error: 'clientSecret must be a string.' })
    .min(16, 'clientSecret must be 16 to 512 characters long.')
    .max(512, 'clientSecret must be 16 to 512 characters long.')
    .regex(TOKEN, 'clientSecret may contain only letters, digits and - . _ ~ (as the sandbox issues them).')
    .optional(),
});

/** The app of POST /api/production-requests: the app fields, with the sandbox's client ID and secret. */
interface ImportedApp {
  fields: z.output<typeof appInputSchema>;
  clientId: string;
  clientSecret?: string;
}

function parseImport(input: unknown): { app: ImportedApp; request: Record<string, unknown> } {
  if (!isObject(input)) throw notAnObject('app (its fields, clientId and clientSecret), attestation and notes');
  const { app, ...request } = input;
  if (!isObject(app)) {
    throw validationError('The production request was not received', {
      app: 'app is required: the app fields (name, oauthType, redirectUris, ...) with clientId and clientSecret.',
    });
  }
  const { clientId, clientSecret, ...rest } = app;
  const fields = appInputSchema.safeParse(withoutBlankOptionals(rest));
  const credentials = credentialsSchema.safeParse({ clientId, clientSecret });
  const errors: Record<string, string> = {};
  if (!fields.success) Object.assign(errors, fieldErrors(fields.error.issues, unknownAppField).fields);
  if (!credentials.success) Object.assign(errors, fieldErrors(credentials.error.issues, unknownAppField).fields);
  if (fields.success && credentials.success) {
    const { oauthType } = fields.data;
    if (oauthType === 'secret' && credentials.data.clientSecret === undefined) {
      errors.clientSecret =
        'clientSecret is required for an app of oauthType "secret": production uses the same secret.';
    }
    if (oauthType !== 'secret' && credentials.data.clientSecret !== undefined) {
      errors.clientSecret = `An app of oauthType "${oauthType}" has no client secret; leave clientSecret out.`;
    }
  }
  if (!fields.success || !credentials.success || Object.keys(errors).length > 0) {
    throw validationError('The production request was not received', errors);
  }
  const { clientSecret: secret } = credentials.data;
  return {
    app: {
      fields: fields.data,
      clientId: credentials.data.clientId,
      ...(secret !== undefined ? { clientSecret: secret } : {}),
    },
    request,
  };
}

function taken(clientId: string): PortalError {
  return new PortalError(
    'client_id_taken',
    `The client ID ${clientId} belongs to another vendor's app. Send the app from the sandbox it was registered in.`,
  );
}

/**
 * Receives a production request from a connected desktop/headless sandbox (POST /api/production-requests):
 * creates the vendor's hosted app with exactly the sandbox's client ID and secret, or updates the vendor's app
 * that has that client ID, then sends the request (or, while one is pending, appends a version to it). A
 * client ID of another vendor is 409 client_id_taken. App field errors are keyed by the app field (as PUT
 * /api/apps/{id} keys them), request errors as POST /api/apps/{id}/production-request does.
 */
export async function receiveProductionRequest(ctx: PortalContext, owner: string, input: unknown): Promise<AppRecord> {
  const { app: imported, request } = parseImport(input);
  const vendor = await vendorOf(ctx, owner);
  const parsed = parseRequest(request, vendor === undefined);
  return ctx.lock.run(`client:${imported.clientId}`, async () => {
    const found = await appByClientId(ctx, imported.clientId);
    if (found !== undefined && found.ownerId !== owner) throw taken(imported.clientId);
    const otherPublished = await ctx.published.get(imported.clientId);
    if (otherPublished !== undefined && otherPublished.ownerId !== owner) throw taken(imported.clientId);
    const id = found?.id ?? randomToken(ctx.random, 12);
    return ctx.lock.run(`app:${id}`, async () => {
      const before = found === undefined ? undefined : await ctx.apps.get(found.id);
      const existing = before === undefined ? undefined : normalizeApp(before);
      const now = ctx.clock.now().toISOString();
      const app: AppRecord = {
        id,
        ownerId: owner,
        ...imported.fields,
        clientId: imported.clientId,
        ...(imported.clientSecret !== undefined ? { clientSecret: imported.clientSecret } : {}),
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
        productionRequest: { state: 'draft' },
      };
      const fields = { ...(parsed.ok ? {} : parsed.fields), ...blockingFields(preCheckApp(snapshotOf(app))) };
      if (!parsed.ok || Object.keys(fields).length > 0) {
        throw validationError('The production request was not received', fields, parsed.ok ? [] : parsed.general);
      }
      const answers: RequestProductionInput = parsed.value;
      const [latest, published] = await Promise.all([
        existing === undefined ? undefined : latestRequest(ctx, id),
        publishedOf(ctx, app),
      ]);
      if (latest?.status !== 'pending') {
        return submitRequest(ctx, { app, before, vendor, latest, published, input: answers });
      }
      const last = lastVersion(latest);
      const unchanged =
        sameSnapshot(snapshotOf(app), last.app) &&
        sameAttestation(answers.attestation, last.attestation) &&
        answers.notes === last.notes;
      // The pending request gets the new version; the app keeps its own status derivation (draft stored).
      const stored = existing === undefined ? app : { ...app, updatedAt: unchanged ? existing.updatedAt : now };
      await ctx.apps.put(stored);
      if (!unchanged) {
        const by = actorOf(vendor, latest, owner);
        await ctx.requests.put(
          appendVersion(latest, app, now, by, { attestation: answers.attestation, notes: answers.notes }),
        );
      }
      return withStatus(ctx, stored);
    });
  });
}
