import { isObject, notAnObject } from '../shared/errors.ts';
import { fieldErrors, validationError } from '../shared/validation.ts';
import type { AppRecord } from '../types.ts';
import {
  appInputSchema,
  READ_ONLY_APP_FIELDS,
  unknownAppField,
  withoutBlankOptionals,
  type AppInput,
} from './schema.ts';

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Validates the body of POST /api/apps (no `existing`) or PUT /api/apps/{id} (with the stored app). Fields the
 * sandbox assigns (id, clientId, clientSecret, timestamps, ...) may be echoed back unchanged on PUT, so a
 * client can send back what GET returned; setting or changing them is an error on that field (except the App
 * Status, which is ignored).
 */
export function parseAppInput(input: unknown, existing?: AppRecord): AppInput {
  if (!isObject(input)) throw notAnObject('app fields (name, oauthType, redirectUris, ...)');
  const rest = withoutBlankOptionals(input);
  const assigned: Record<string, string> = {};
  // The App Status is derived and may change between a GET and the PUT that echoes it (a reviewer decides,
  // a connected sandbox refreshes it), so an echoed productionRequest is dropped, whatever it says.
  delete rest.productionRequest;
  for (const key of READ_ONLY_APP_FIELDS) {
    if (!(key in rest)) continue;
    if (existing === undefined || !sameValue(rest[key], existing[key])) {
      assigned[key] = `${key} is assigned by the sandbox and cannot be set; leave it out.`;
    }
    delete rest[key];
  }
  const result = appInputSchema.safeParse(rest);
  if (result.success && Object.keys(assigned).length === 0) return result.data;
  const { fields, general } = result.success
    ? { fields: {}, general: [] }
    : fieldErrors(result.error.issues, unknownAppField);
  throw validationError('The app was not saved', { ...fields, ...assigned }, general);
}
