import { z } from 'zod';
import { EMAIL_PATTERN } from '../shared/email.ts';
import { optionalMultilineField } from '../shared/text.ts';
import { fieldErrors } from '../shared/validation.ts';
import { attestationSchema } from './attestation.ts';
import type { PreCheck, PrivacyAttestation } from './model.ts';

/** Body of POST /api/apps/{id}/production-request. */
export interface RequestProductionInput {
  /** The answers of the privacy attestation. */
  attestation: PrivacyAttestation;
  /** Anything the reviewers should know (at most 2000 characters). */
  notes?: string;
  /**
   * Where mail about the request goes: required only where the portal knows no vendor contact (the desktop
   * and headless sandbox: the outbox); ignored where it does (the hosted server mails the enrolled address).
   */
  contactEmail?: string;
}

const MAX_NOTES = 2000;
const CONTACT_REQUIRED = 'Contact email is required: the address where the reviewers answer.';

/** The fields of a production request besides the app (also those of POST /api/production-requests). */
export const requestFields = {
  attestation: attestationSchema,
  notes: optionalMultilineField('Notes', MAX_NOTES),
  contactEmail: z
    .string({ error: 'Contact email must be a string.' })
    .trim()
    .max(254, 'Contact email must be at most 254 characters.')
    .regex(EMAIL_PATTERN, 'Contact email must be an email address such as dev@app.example.')
    .optional(),
};

const inputSchema = z.strictObject(requestFields);

/** The message of a field a production request does not have. */
export function unknownRequestField(key: string): string {
  return `"${key}" is not a field of a production request; the fields are attestation, notes and contactEmail.`;
}

/** Drops blank notes and contact email: an empty box of a form means "not given". */
export function withoutBlanks(input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const blank = value === null || (typeof value === 'string' && value.trim() === '');
    if ((key === 'notes' || key === 'contactEmail') && blank) continue;
    out[key] = value;
  }
  return out;
}

/** The field errors of the failed blocking pre-checks, keyed by the field at fault (the first check wins). */
export function blockingFields(checks: readonly PreCheck[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const check of checks) {
    if (check.severity === 'blocking' && !check.passed) fields[check.field ?? check.id] ??= check.message;
  }
  return fields;
}

/** A parsed request, or the field errors and general problems of the body. */
export type ParsedRequest =
  { ok: true; value: RequestProductionInput } | { ok: false; fields: Record<string, string>; general: string[] };

/**
 * Parses the body of a production request. `needsContact`: the portal knows no vendor contact, so
 * contactEmail is required (where it knows one, a given contactEmail is checked and then ignored).
 */
export function parseRequest(input: Record<string, unknown>, needsContact: boolean): ParsedRequest {
  const result = inputSchema.safeParse(withoutBlanks(input));
  const { fields, general } = result.success
    ? { fields: {} as Record<string, string>, general: [] as string[] }
    : fieldErrors(result.error.issues, unknownRequestField);
  const contactEmail = result.success ? result.data.contactEmail : undefined;
  if (needsContact && contactEmail === undefined && fields.contactEmail === undefined) {
    fields.contactEmail = CONTACT_REQUIRED;
  }
  if (!result.success || Object.keys(fields).length > 0) return { ok: false, fields, general };
  const { attestation, notes } = result.data;
  return {
    ok: true,
    value: {
      attestation,
      ...(notes !== undefined ? { notes } : {}),
      ...(needsContact && contactEmail !== undefined ? { contactEmail } : {}),
    },
  };
}
