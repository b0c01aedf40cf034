import type { z } from 'zod';
import { PortalError } from '../types.ts';

/**
 * Turns zod issues into one message per field (the first issue of each field wins), field names written as
 * the API spells them (`redirectUris.0`). Unknown keys become one message per unknown field.
 */
export function fieldErrors(issues: readonly z.core.$ZodIssue[], unknownFieldMessage: (key: string) => string) {
  const fields: Record<string, string> = {};
  const general: string[] = [];
  const add = (field: string, message: string): void => {
    if (field === '') general.push(message);
    else fields[field] ??= message;
  };
  for (const issue of issues) {
    const prefix = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add(prefix === '' ? key : `${prefix}.${key}`, unknownFieldMessage(key));
    } else {
      add(prefix, issue.message);
    }
  }
  return { fields, general };
}

/**
 * The PortalError for invalid input: its message names what was not saved and the first problem, so a
 * vendor reading only the message still knows where to start.
 */
export function validationError(subject: string, fields: Record<string, string>, general: string[] = []): PortalError {
  const names = Object.keys(fields);
  const first = names[0];
  let message: string;
  if (first !== undefined && names.length === 1) message = `${subject}: ${first}: ${fields[first]}`;
  else if (first !== undefined) {
    message = `${subject} because ${names.length} fields are invalid (${names.join(', ')}); see "fields" for what to fix in each.`;
  } else message = `${subject}: ${general[0] ?? 'the input is invalid.'}`;
  return new PortalError('validation_failed', message, fields);
}

/** Parses with a zod schema or throws the PortalError for its issues. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  input: unknown,
  subject: string,
  unknownFieldMessage: (key: string) => string,
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const { fields, general } = fieldErrors(result.error.issues, unknownFieldMessage);
  throw validationError(subject, fields, general);
}
