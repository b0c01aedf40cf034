import { PortalError } from '../types.ts';

/** A 404 for a record the caller named by id. */
export function notFound(what: string, id: string, hint: string): PortalError {
  return new PortalError('not_found', `No ${what} has id "${id}". ${hint}`);
}

/** A 400 naming one field at fault. */
export function invalidField(field: string, message: string): PortalError {
  return new PortalError('validation_failed', message, { [field]: message });
}

/** A 400 for a body that is not a JSON object at all. */
export function notAnObject(what: string): PortalError {
  return new PortalError('validation_failed', `The request body must be a JSON object with the ${what}.`);
}

/** Whether a value is a plain JSON object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
