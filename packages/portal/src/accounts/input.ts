import { z } from 'zod';
import { isObject, notAnObject } from '../shared/errors.ts';
import { stringError } from '../shared/text.ts';
import { parseOrThrow } from '../shared/validation.ts';

/**
 * Parses an accounts request body with a strict zod schema: a body that is not an object, and fields the
 * request does not have, are `validation_failed` naming the fields it does have. Messages never quote values.
 */
export function parseBody<S extends z.ZodType>(
  schema: S,
  input: unknown,
  subject: string,
  fields: readonly string[],
): z.output<S> {
  if (!isObject(input)) throw notAnObject(fields.join(', '));
  return parseOrThrow(
    schema,
    input,
    subject,
    (key) => `"${key}" is not a field here; the fields are ${fields.join(', ')}.`,
  );
}

/**
 * A password as typed (checked against a hash or the policy later). The upper bound only keeps absurd inputs
 * away from the hash function; the policy's own maximum is lower.
 */
export function typedPassword(label: string) {
  return z
    .string({ error: stringError(label) })
    .min(1, `${label} is required.`)
    .max(1024, `${label} must be at most 1024 characters.`);
}
