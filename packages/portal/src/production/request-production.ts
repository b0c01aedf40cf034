import { z } from 'zod';
import type { PortalContext } from '../context.ts';
import { getApp } from '../apps/get-app.ts';
import { isObject, notAnObject } from '../shared/errors.ts';
import { parseOrThrow } from '../shared/validation.ts';
import { PortalError } from '../types.ts';
import type { AppRecord } from '../types.ts';

/** Body of POST /api/apps/{id}/production-request. */
export interface RequestProductionInput {
  /** Where the plan's reviewers answer. */
  contactEmail: string;
  /** Anything the reviewers should know (at most 2000 characters). */
  notes?: string;
}

// One mailbox, no display name, no list: what a reviewer can answer and what cannot smuggle in a header.
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:".]+(\.[^\s@<>()[\]\\,;:".]+)+$/;
const MAX_NOTES = 2000;

const inputSchema = z.strictObject({
  contactEmail: z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? 'Contact email is required: the address where the reviewers answer.'
          : 'Contact email must be a string.',
    })
    .trim()
    .min(1, 'Contact email is required: the address where the reviewers answer.')
    .max(254, 'Contact email must be at most 254 characters.')
    .regex(EMAIL, 'Contact email must be an email address such as dev@app.example.'),
  notes: z
    .string({ error: 'Notes must be a string.' })
    .trim()
    .max(MAX_NOTES, `Notes must be at most ${MAX_NOTES} characters.`)
    .optional(),
});

function parseInput(input: unknown): RequestProductionInput {
  if (!isObject(input)) throw notAnObject('contactEmail and optional notes');
  const { notes, ...rest } = input;
  // An empty notes box of a form means "no notes".
  const blank = notes === null || (typeof notes === 'string' && notes.trim() === '');
  const parsed = parseOrThrow(
    inputSchema,
    blank ? rest : input,
    'The production request was not sent',
    (key) => `"${key}" is not a field of a production request; the fields are contactEmail and notes.`,
  );
  return { contactEmail: parsed.contactEmail, ...(parsed.notes !== undefined ? { notes: parsed.notes } : {}) };
}

function conflict(app: AppRecord): PortalError | undefined {
  const request = app.productionRequest;
  if (request?.status === 'pending') {
    return new PortalError(
      'production_request_pending',
      `"${app.name}" already has a pending production request (sent ${request.requestedAt}); the reviewers answer at its contact address.`,
    );
  }
  if (request?.status === 'approved') {
    return new PortalError('production_approved', `"${app.name}" is already approved for production.`);
  }
  return undefined;
}

/**
 * Asks the plan to publish an app (POST /api/apps/{id}/production-request): the app's productionRequest
 * becomes pending, with the contact address and notes, and the vendor gets a "production request received"
 * mail through the Mailer (when one is configured). If the mail cannot be sent, the request is taken back so
 * that the vendor can simply try again. A rejected request may be made again.
 * Throws PortalError not_found (unknown app), production_request_pending or production_approved, or
 * validation_failed (invalid fields).
 */
export async function requestProduction(
  ctx: PortalContext,
  owner: string,
  appId: string,
  input: unknown,
): Promise<AppRecord> {
  return ctx.lock.run(`app:${appId}`, async () => {
    const app = await getApp(ctx, owner, appId);
    const refused = conflict(app);
    if (refused) throw refused;
    const { contactEmail, notes } = parseInput(input);
    const requestedAt = ctx.clock.now().toISOString();
    const updated: AppRecord = {
      ...app,
      productionRequest: { status: 'pending', requestedAt, contactEmail, ...(notes !== undefined ? { notes } : {}) },
    };
    await ctx.apps.put(updated);
    if (ctx.mailer !== undefined) {
      try {
        await ctx.mailer.send({
          to: contactEmail,
          template: 'productionRequestReceived',
          data: {
            appName: app.name,
            clientId: app.clientId,
            contactEmail,
            requestedAt,
            ...(notes !== undefined ? { notes } : {}),
          },
        });
      } catch (error) {
        await ctx.apps.put(app);
        throw error;
      }
    }
    return updated;
  });
}
